"""A workshop in several browsers loses nothing: drafts follow the person, decisions are stored at once, others'
saves are announced within seconds, and a link opens the same workspace and page."""

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from models.bounded_context import BoundedContextCanvas
from models.workspace import Workspace
from tests.e2e.app_server import RunningApp, running_app
from tests.e2e.conftest import BrowserSession
from tests.e2e.context_map_page import accept_risk, open_context_map
from tests.e2e.stored_workspaces import context, repository, seed_workspace, stored, versions
from tests.e2e.workbench_browser import (
    choose,
    main,
    open_page,
    open_workspace,
    pick_canvas,
    save,
    screenshot,
    settle,
    sidebar,
    text_field,
    type_into,
)

pytestmark = pytest.mark.e2e
BC = "Bounded Context Canvas"
NOTICE_SECONDS = 5  # the room promises to show someone else's save within this time


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[RunningApp]:
    """The app as the README starts it, with the room's default poll (the other browser tests slow it down)."""
    with running_app(tmp_path_factory.mktemp("room-data")) as running:
        yield running


def seeded(app: RunningApp, name: str) -> str:
    data = Workspace(name=name, bounded_contexts=[BoundedContextCanvas(name=n) for n in ("Alpha", "Beta")])
    return seed_workspace(repository(app.data_dir), data.model_dump(mode="json"))


def open_canvas(page: Page, workspace_id: str, name: str) -> None:
    open_workspace(page, workspace_id)
    open_page(page, BC, text_field(page, "Name"))
    pick_canvas(page, BC, name)


def test_a_draft_typed_in_one_browser_is_there_in_another_browser_after_a_reload(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    workspace_id = seeded(app, "Draft Board")
    first = new_session().page
    open_canvas(first, workspace_id, "Alpha")
    type_into(text_field(first, "Purpose"), "Typed in the first browser, never saved")
    expect(sidebar(first).get_by_text(re.compile(r"^Unsaved changes since \d\d:\d\d$"))).to_be_visible()

    # The same person (no sign-in: the one local user) in a new browser: it opens where they were, with the draft.
    second = new_session()
    expect(sidebar(second.page).get_by_role("heading", name="Draft Board")).to_be_visible()
    expect(sidebar(second.page).get_by_text(re.compile(r"^Restored your unsaved changes from "))).to_be_visible()
    open_page(second.page, BC, text_field(second.page, "Name"))
    pick_canvas(second.page, BC, "Alpha")
    expect(text_field(second.page, "Purpose")).to_have_value("Typed in the first browser, never saved")
    screenshot(second.page, "room-1-draft-restored-in-a-second-browser")

    # Reloading asks first (the edit is not saved yet); leaving anyway loses nothing.
    second.leave_unsaved = True
    second.page.reload()
    assert second.leaving_asked == 1
    pick_canvas(second.page, BC, "Alpha")
    expect(text_field(second.page, "Purpose")).to_have_value("Typed in the first browser, never saved")
    assert context(stored(app.data_dir, "Draft Board"), "Alpha")["purpose"] == ""


def test_a_shared_link_opens_the_same_workspace_and_page(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    workspace_id = seeded(app, "Linked Board")
    sharer = new_session().page
    open_workspace(sharer, workspace_id)
    open_context_map(sharer)
    assert f"workspace={workspace_id}" in sharer.url and "/context_map" in sharer.url, sharer.url
    reader = new_session().page
    reader.goto(sharer.url)
    expect(main(reader).get_by_role("heading", name="Context map", exact=True)).to_be_visible()
    expect(sidebar(reader).get_by_role("heading", name="Linked Board")).to_be_visible()
    reader.reload()
    expect(main(reader).get_by_role("heading", name="Context map", exact=True)).to_be_visible()
    expect(sidebar(reader).get_by_role("heading", name="Linked Board")).to_be_visible()

    # On a canvas editor the link names the canvas as well: a reload or a shared link shows the same one.
    open_page(sharer, BC, text_field(sharer, "Name"))
    pick_canvas(sharer, BC, "Beta")
    expect(sharer).to_have_url(re.compile(r"/bounded_contexts\?.*canvas=Beta"))
    reader.goto(sharer.url)
    expect(text_field(reader, "Name")).to_have_value("Beta")
    reader.reload()
    expect(text_field(reader, "Name")).to_have_value("Beta")


def test_a_save_in_one_browser_is_announced_in_the_other_within_five_seconds_and_taken_in_one_click(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    workspace_id = seeded(app, "Room Board")
    ana, bo = new_session().page, new_session().page
    open_canvas(ana, workspace_id, "Alpha")
    open_canvas(bo, workspace_id, "Beta")
    type_into(sidebar(bo).get_by_role("textbox", name="Your name"), "Bo")
    type_into(text_field(bo, "Purpose"), "Bo: Beta sends the reminders")
    expect(sidebar(ana).get_by_text(re.compile(r"^Here now: Bo \(Bounded Context Canvas\)"))).to_be_visible()

    type_into(text_field(ana, "Purpose"), "Ana: Alpha settles the invoices")
    assert "as version 2" in save(ana, author="Ana", message="Alpha's purpose")
    saved_at = time.monotonic()
    notice = sidebar(bo).get_by_text(re.compile(r"^Version 2 saved by Ana at \d\d:\d\d:\d\d: 1 context changed"))
    expect(notice).to_be_visible(timeout=NOTICE_SECONDS * 1000)
    seen_after = time.monotonic() - saved_at
    assert seen_after < NOTICE_SECONDS, seen_after
    screenshot(bo, "room-2-saved-by-someone-else")

    sidebar(bo).get_by_role("button", name="Take it into my draft").click()
    expect(sidebar(bo).get_by_text("Took version 2 into your draft")).to_be_visible()
    settle(bo)
    expect(text_field(bo, "Purpose")).to_have_value("Bo: Beta sends the reminders")
    pick_canvas(bo, BC, "Alpha")
    expect(text_field(bo, "Purpose")).to_have_value("Ana: Alpha settles the invoices")
    assert "as version 3" in save(bo, message="Beta's purpose")
    assert [v.number for v in versions(app.data_dir, "Room Board")][:2] == [3, 2]


def test_a_risk_acceptance_survives_a_reload_without_a_save(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    data = repository(app.data_dir).load(seeded(app, "Risk Board")).model_dump(mode="json")
    data["bounded_contexts"][0]["ai_profile"] = {"kind": "llm_external"}
    data["relationships"] = [{"upstream": "Alpha", "downstream": "Beta"}]
    risky_id = seed_workspace(repository(app.data_dir), {**data, "name": "Risky Board"})
    session = new_session()
    session.leave_unsaved = True  # the tab may hold another workspace's draft from the tests before: kept anyway
    page = session.page
    open_workspace(page, risky_id)
    open_context_map(page)
    accept_risk(page, "🔴 AIC015 · Alpha", "Alpha gets an owner next sprint", "Ada")
    expect(
        sidebar(page).get_by_text(re.compile(r"Accepted AIC015 on Alpha until .*recorded as version 2"))
    ).to_be_visible()
    page.reload()
    expect(sidebar(page).get_by_role("heading", name="Risky Board")).to_be_visible()
    open_context_map(page)
    # The counts above the map come from the reloaded session's analysis: the acceptance is in it.
    counts = main(page).get_by_test_id("stMarkdownContainer").filter(has_text=re.compile(r"\d+ accepted"))
    expect(counts.first).to_contain_text("0 errors")
    expect(counts.first).to_contain_text("1 accepted")
    head = versions(app.data_dir, "Risky Board")[0]
    assert (head.number, head.author) == (2, "Ada")
    assert [(r["rule"], r["subject"]) for r in stored(app.data_dir, "Risky Board")["accepted_risks"]] == [
        ("AIC015", "Alpha")
    ]


def test_an_edit_in_one_box_keeps_the_draft_and_the_save_state_true_without_redrawing_the_page(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    """An edit reruns only its box of the sheet; what it changes elsewhere is still shown at once."""
    workspace_id = seeded(app, "Parts Board")
    page = new_session().page
    open_canvas(page, workspace_id, "Alpha")
    purpose = text_field(page, "Purpose")
    type_into(purpose, "First edit")
    expect(sidebar(page).get_by_text(re.compile(r"^Unsaved changes since \d\d:\d\d$"))).to_be_visible()
    type_into(purpose, "Second edit, in the Purpose box alone")

    # Kept on the server by the box's own run: the same person's second browser opens with it.
    second = new_session().page
    open_page(second, BC, text_field(second, "Name"))
    pick_canvas(second, BC, "Alpha")
    expect(text_field(second, "Purpose")).to_have_value("Second edit, in the Purpose box alone")

    # A problem made in one box shows below its field, and goes when it is fixed.
    choose(page, "AI kind", "Own model")
    latency = main(page).get_by_role("spinbutton", name="SLA p95 latency (ms)")
    type_into(latency, "-5")
    latency_problem = main(page).get_by_text(re.compile("greater than or equal to 0"))
    expect(latency_problem).to_be_visible()
    type_into(latency, "250")
    expect(latency_problem).to_have_count(0)

    # Back to the saved state: the sidebar says so, though each edit was in one box.
    type_into(latency, "")
    choose(page, "AI kind", "No AI")
    type_into(purpose, "")
    expect(sidebar(page).get_by_text("All changes saved")).to_be_visible()
