"""The workspace picker: first start, create, duplicate, delete with confirmation, import, export."""

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from formats.workspace_json.workspace_file import parse_workspace_json
from services import downloads
from tests.ui.conftest import new_session
from tests.ui.driver import key
from tests.ui.flows import (
    ARCHITECTURE,
    BOUNDED_CONTEXTS,
    WORKSPACES,
    add_context,
    click,
    create_workspace,
    save,
    stored_repository,
    stored_workspace,
)


def stored_names(data_dir: Path) -> list[str]:
    return sorted(s.name for s in stored_repository(data_dir).list_workspaces())


def test_a_first_start_opens_the_filled_example_workspace(app: AppTest, data_dir: Path) -> None:
    assert stored_names(data_dir) == ["Home Valuation Platform"]
    assert app.sidebar.markdown[0].value == "### Home Valuation Platform"
    app.switch_page(BOUNDED_CONTEXTS).run()
    picker = app.selectbox(key=key(app, "pick", "bounded_context"))
    assert len(picker.options) >= 6
    assert (app.text_area(key=key(app, "bounded_context", 0, "purpose")).value or "").strip()


def test_a_new_workspace_is_created_and_opened_empty(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, "Greenfield")
    assert app.sidebar.markdown[0].value == "### Greenfield"
    assert stored_names(data_dir) == ["Greenfield", "Home Valuation Platform"]
    app.switch_page(BOUNDED_CONTEXTS).run()
    assert any("No bounded contexts yet" in i.value for i in app.info)


def test_a_workspace_without_a_name_is_not_created(app: AppTest, data_dir: Path) -> None:
    app.text_input(key="create-name").input("  ")
    click(app, "Create workspace")
    assert "Give the new workspace a name." in [e.value for e in app.error]
    assert stored_names(data_dir) == ["Home Valuation Platform"]


def test_edits_survive_page_switches_and_are_marked_unsaved_until_saved(app: AppTest, data_dir: Path) -> None:
    app.switch_page(BOUNDED_CONTEXTS).run()
    purpose = key(app, "bounded_context", 0, "purpose")
    app.text_area(key=purpose).input("Rewritten in the workshop").run()
    assert [re.sub(r"\d\d:\d\d$", "HH:MM", w.value) for w in app.sidebar.warning] == ["Unsaved changes since HH:MM"]
    app.switch_page(ARCHITECTURE).run()
    app.switch_page(BOUNDED_CONTEXTS).run()
    assert app.text_area(key=key(app, "bounded_context", 0, "purpose")).value == "Rewritten in the workshop"
    message = save(app)
    assert message.startswith("Saved 'Home Valuation Platform' at ")
    # 17 declared relationships and 6 more that communication entries imply: the 23 the map shows
    assert "8 bounded contexts, 1 architecture canvas, 2 API product canvases, 23 relationships" in message
    assert "All changes saved" in [s.value for s in app.sidebar.success]
    stored = stored_workspace(data_dir, "Home Valuation Platform")
    assert stored["bounded_contexts"][0]["purpose"] == "Rewritten in the workshop"


def test_discard_returns_to_the_saved_version(app: AppTest, data_dir: Path) -> None:
    app.switch_page(BOUNDED_CONTEXTS).run()
    original = app.text_area(key=key(app, "bounded_context", 0, "purpose")).value
    app.text_area(key=key(app, "bounded_context", 0, "purpose")).input("Oops").run()
    app.button(key="discard-button").click().run()
    assert app.text_area(key=key(app, "bounded_context", 0, "purpose")).value == original


def test_renaming_a_context_renames_every_reference_to_it(app: AppTest, data_dir: Path) -> None:
    app.switch_page(BOUNDED_CONTEXTS).run()
    names = app.selectbox(key=key(app, "pick", "bounded_context")).options
    index = names.index("Home Valuation")
    app.selectbox(key=key(app, "pick", "bounded_context")).set_value(index).run()
    app.text_input(key=key(app, "bounded_context", index, "name")).input("Valuation").run()
    assert app.error.len == 0, [e.value for e in app.error]
    assert "Saved" in save(app)
    text = json.dumps(stored_workspace(data_dir, "Home Valuation Platform"), ensure_ascii=False)
    assert '"Home Valuation"' not in text and '"Valuation"' in text


def test_duplicate_and_delete_with_confirmation(app: AppTest, data_dir: Path) -> None:
    app.text_input(key="duplicate-name").input("Copy for review")
    click(app, "Duplicate saved version")
    assert stored_names(data_dir) == ["Copy for review", "Home Valuation Platform"]
    copy = stored_workspace(data_dir, "Copy for review")
    assert copy["bounded_contexts"] == stored_workspace(data_dir, "Home Valuation Platform")["bounded_contexts"]

    assert not any(b.label == "Delete workspace" for b in app.button)  # only offered once confirmed
    app.checkbox(key="delete-confirm").check().run()
    click(app, "Delete workspace")
    assert stored_names(data_dir) == ["Copy for review"]
    assert any("Deleted workspace 'Home Valuation Platform'" in i.value for i in app.sidebar.info)


def test_the_exported_file_imports_as_an_identical_workspace(app: AppTest, data_dir: Path) -> None:
    download = app.get("download_button")[0]
    assert download.proto.label == "Export workspace file"
    original = stored_workspace(data_dir, "Home Valuation Platform")
    filename, payload = downloads.export_workspace(parse_workspace_json(json.dumps(original), "x"))
    assert filename == "Home-Valuation-Platform.workspace.json"
    assert parse_workspace_json(payload, filename).model_dump(mode="json") == original


def test_a_reload_keeps_what_was_saved(app: AppTest, data_dir: Path) -> None:
    add_context(app, "Zeta")
    assert "Saved" in save(app)
    again = new_session()
    again.switch_page(BOUNDED_CONTEXTS).run()
    assert "Zeta" in again.selectbox(key=key(again, "pick", "bounded_context")).options
    again.switch_page(WORKSPACES).run()
