"""Files that are not workspaces, in the import box: each gets a clear message and the app keeps working."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Page, expect

from formats.workspace_json.workspace_file import dump_workspace_json
from models.workspace import Workspace
from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.stored_workspaces import repository
from tests.e2e.workbench_browser import SLOW, main, rerun_after, screenshot, sidebar

pytestmark = pytest.mark.e2e
IMPORT_BOX = re.compile("^Import a workspace file")
SPLIT_MODEL = Path(__file__).resolve().parents[1] / "fixtures" / "cml-imports"
OVER_LIMIT = 21 * 1024 * 1024  # the box takes 20 MB
REFUSED_BY_THE_BOX = [  # name, content, type, the box's message
    ("notes.txt", b"just notes", "text/plain", "Error: text/plain files are not allowed."),
    ("huge.json", b" " * OVER_LIMIT, "application/json", "Error: File must be 20.0MB or smaller."),
]
REFUSED_IMPORTS = [  # name, content, the app's message after Import
    ("picture.json", b"\x89PNG\r\n\x1a\n\x00\x00 not json", "picture.json: is not UTF-8 text (byte 0)."),
    ("nested.json", b"[" * 100_000 + b"]" * 100_000, "nested.json: is nested too deeply to be a workspace."),
    ("object.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "object.json: is nested too deeply to be a workspace."),
    ("other.json", b'{"schema_version": 99}', "other.json: schema_version: has schema_version 99"),
]


def upload(page: Page, name: str, content: bytes, mime: str = "application/json") -> None:
    box = main(page).get_by_role("region", name=IMPORT_BOX)
    box.locator("input[type=file]").set_input_files(files=FilePayload(name=name, mimeType=mime, buffer=content))


def remove(page: Page, name: str) -> None:
    rerun_after(page, main(page).get_by_role("button", name=f"Remove {name}").click)


def import_refused(page: Page, name: str, content: bytes, message: str) -> None:
    """Uploads a .json file, presses Import and expects `message`; nothing is stored."""
    upload(page, name, content)
    import_button = main(page).get_by_role("button", name="Import as new workspace")
    expect(import_button).to_be_visible(timeout=SLOW)  # the run after the upload has begun
    rerun_after(page, import_button.click)
    expect(main(page).get_by_test_id("stAlert").filter(has_text=message)).to_be_visible()
    remove(page, name)


def refused_by_the_box(page: Page, name: str, content: bytes, mime: str, message: str) -> None:
    """Files the upload box itself turns away (type, size): its message shows, nothing is sent."""
    upload(page, name, content, mime)
    alert = main(page).get_by_role("region", name=IMPORT_BOX).get_by_role("alert")
    expect(alert).to_have_text(message, timeout=SLOW)
    main(page).get_by_role("button", name=f"Remove {name}").click()
    expect(alert).to_have_count(0)


def test_files_that_are_not_workspaces_are_refused_with_a_message_and_the_app_keeps_working(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    before = {s.name for s in repository(app.data_dir).list_workspaces()}
    for name, content, mime, message in REFUSED_BY_THE_BOX:
        refused_by_the_box(page, name, content, mime, message)
    for name, content, message in REFUSED_IMPORTS:
        import_refused(page, name, content, message)
    upload(page, "deep.cml", b"BoundedContext A {" * 60 + b"}" * 60, "text/plain")
    refusal = main(page).get_by_test_id("stAlert").filter(has_text="Nothing can be imported")
    expect(refusal).to_contain_text("deep.cml: line 1, column 738: Blocks are nested more than 40 levels deep")
    screenshot(page, "uploads-1-refused")
    remove(page, "deep.cml")
    assert {s.name for s in repository(app.data_dir).list_workspaces()} == before

    # The app still works: a real workspace file imports and opens.
    upload(page, "survivor.json", dump_workspace_json(Workspace(name="Upload survivor")).encode())
    import_button = main(page).get_by_role("button", name="Import as new workspace")
    expect(import_button).to_be_visible(timeout=SLOW)
    rerun_after(page, import_button.click)
    expect(sidebar(page).get_by_text("Imported 'Upload survivor'")).to_be_visible()
    expect(sidebar(page).get_by_role("heading", name="Upload survivor")).to_be_visible()
    screenshot(page, "uploads-2-imported")
    assert {s.name for s in repository(app.data_dir).list_workspaces()} == before | {"Upload survivor"}


def test_a_model_zipped_over_several_files_imports_and_a_hostile_zip_is_refused(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("../outside.cml", "BoundedContext A\n")
    upload(page, "evil.zip", buffer.getvalue(), "application/zip")
    refusal = main(page).get_by_test_id("stAlert").filter(has_text="Nothing can be imported")
    expect(refusal).to_contain_text("evil.zip: The archive holds '../outside.cml', a path outside")
    remove(page, "evil.zip")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for path in SPLIT_MODEL.rglob("*.cml"):
            zipped.write(path, path.relative_to(SPLIT_MODEL).as_posix())
    upload(page, "ddd-sample.zip", buffer.getvalue(), "application/zip")
    create = main(page).get_by_role("button", name="Create workspace from this model")
    expect(create).to_be_visible(timeout=SLOW)
    expect(main(page).get_by_text("3 bounded context canvases")).to_be_visible()
    rerun_after(page, create.click)
    expect(sidebar(page).get_by_role("heading", name="DDDSampleMap")).to_be_visible()
    stored = next(s for s in repository(app.data_dir).list_workspaces() if s.name == "DDDSampleMap")
    contexts = repository(app.data_dir).load(stored.workspace_id).bounded_contexts
    assert sorted(c.name for c in contexts) == ["CargoBookingContext", "LocationContext", "VoyagePlanningContext"]
