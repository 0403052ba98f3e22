"""Two people edit and save one workspace at the same time, each in their own browser session."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from models.bounded_context import BoundedContextCanvas
from models.workspace import Workspace
from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.stored_workspaces import context, repository, seed_workspace, stored, versions
from tests.e2e.workbench_browser import (
    main,
    open_page,
    open_workspace,
    pick_canvas,
    rerun_after,
    save,
    screenshot,
    sidebar,
    text_field,
    type_into,
)

pytestmark = pytest.mark.e2e
WORKSPACE = "Shared Board"
BC = "Bounded Context Canvas"


def open_canvas(page: Page, workspace_id: str, name: str) -> None:
    open_workspace(page, workspace_id)
    open_page(page, BC, text_field(page, "Name"))
    pick_canvas(page, BC, name)


def write_purpose(page: Page, text: str) -> None:
    type_into(text_field(page, "Purpose"), text)


def edits_of_different_canvases_merge(alice: Page, bob: Page) -> None:
    """Alice and Bob each write one canvas's purpose; the later save merges the earlier one in."""
    write_purpose(alice, "Alice: Alpha settles the invoices")
    write_purpose(bob, "Bob: Beta sends the reminders")
    assert save(alice, message="Alpha purpose").startswith(f"Saved '{WORKSPACE}' at")
    outcome = save(bob, message="Beta purpose")
    assert "as version 3, merged with version 2" in outcome, outcome
    pick_canvas(bob, BC, "Alpha")
    expect(text_field(bob, "Purpose")).to_have_value("Alice: Alpha settles the invoices")
    screenshot(bob, "two-people-1-merged")


def edits_of_one_field_conflict(alice: Page, bob: Page) -> None:
    """Both rewrite Alpha's purpose: Bob saves first; Alice is told, keeps her text, and resolves."""
    pick_canvas(alice, BC, "Alpha")
    write_purpose(alice, "Alice: Alpha settles and archives the invoices")
    write_purpose(bob, "Bob: Alpha only settles invoices above 10 EUR")
    assert "as version 4" in save(bob, message="Bob's rewrite")
    outcome = save(alice, message="Alice's rewrite")
    assert outcome == "Not saved yet: your edits conflict with version 4.", outcome
    expect(sidebar(alice).get_by_text("1 change(s) conflict. Your draft is kept.", exact=False)).to_be_visible()
    expect(text_field(alice, "Purpose")).to_have_value("Alice: Alpha settles and archives the invoices")
    screenshot(alice, "two-people-2-conflict")
    rerun_after(alice, sidebar(alice).get_by_role("link", name="Resolve conflicts").click)
    expect(main(alice).get_by_role("heading", name="Conflicts with version 4")).to_be_visible()
    for side in ("Alice: Alpha settles and archives the invoices", "Bob: Alpha only settles invoices above 10 EUR"):
        expect(main(alice).get_by_text(side).first).to_be_visible()
    screenshot(alice, "two-people-3-history-conflict", full_page=True)
    rerun_after(alice, main(alice).get_by_role("button", name="Save the resolution as a new version").click)
    expect(sidebar(alice).get_by_text("as version 5")).to_be_visible()


def test_two_people_saving_one_workspace_get_a_merge_or_a_visible_conflict_and_lose_no_text(
    new_session: Callable[[], BrowserSession], app: RunningApp
) -> None:
    data = Workspace(name=WORKSPACE, bounded_contexts=[BoundedContextCanvas(name=n) for n in ("Alpha", "Beta")])
    workspace_id = seed_workspace(repository(app.data_dir), data.model_dump(mode="json"))
    alice, bob = new_session().page, new_session().page
    open_canvas(alice, workspace_id, "Alpha")
    open_canvas(bob, workspace_id, "Beta")

    edits_of_different_canvases_merge(alice, bob)
    merged = stored(app.data_dir, WORKSPACE)
    assert context(merged, "Alpha")["purpose"] == "Alice: Alpha settles the invoices"
    assert context(merged, "Beta")["purpose"] == "Bob: Beta sends the reminders"

    edits_of_one_field_conflict(alice, bob)
    resolved = stored(app.data_dir, WORKSPACE)
    assert context(resolved, "Alpha")["purpose"] == "Alice: Alpha settles and archives the invoices"
    assert context(resolved, "Beta")["purpose"] == "Bob: Beta sends the reminders"
    # Bob's words stay in the history: version 4 still holds them.
    bobs = repository(app.data_dir).load(workspace_id, 4).model_dump(mode="json")
    assert context(bobs, "Alpha")["purpose"] == "Bob: Alpha only settles invoices above 10 EUR"
    assert [(v.number, v.message) for v in versions(app.data_dir, WORKSPACE)][:4] == [
        (5, "Alice's rewrite"),
        (4, "Bob's rewrite"),
        (3, "Beta purpose"),
        (2, "Alpha purpose"),
    ]
