"""Hostile and odd text typed into every kind of text field: stored exactly, shown as typed, never run."""

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.context_map_page import map_svg, node_labels, open_context_map, open_tab
from tests.e2e.hostile_inputs import CONTEXT_NAME, EVERYTHING, EXTERNAL_NAME, LONG, RIGHT_TO_LEFT
from tests.e2e.stored_workspaces import context, stored, versions
from tests.e2e.workbench_browser import (
    SLOW,
    add_context,
    add_row,
    choose,
    create_workspace,
    injected_script_ran,
    main,
    open_page,
    pick_option,
    rerun_after,
    save,
    screenshot,
    sidebar,
    text_field,
    type_into,
    visible_text,
)

pytestmark = pytest.mark.e2e
BC = "Bounded Context Canvas"
SUVG = "{http://www.w3.org/2000/svg}"
# Elements that Markdown or HTML in user text would have produced.
MARKUP_ELEMENTS = "strong, em, a, img, script, code, del, .katex, [class*=ColoredText]"


def expect_literal(where: Locator, text: str) -> None:
    """`text` is on screen exactly as typed: no Markdown applied, no HTML made of it."""
    expect(where).to_be_visible()
    assert text in visible_text(where), visible_text(where)[:500]
    assert where.locator(MARKUP_ELEMENTS).count() == 0, where.inner_html()[:500]


def fill_a_canvas_with(page: Page, text: str, table_rows: int = 0) -> None:
    """`text` into the canvas's single-line field, its text area and a new row of a table."""
    type_into(text_field(page, "Purpose"), text)
    add_row(page, "Ubiquitous Language", table_rows, [text, text])
    choose(page, "AI kind", "External LLM")  # the model's fields are there on a context that uses AI
    type_into(text_field(page, "Provider"), text)


def add_new_external_system(page: Page, name: str) -> None:
    """The free-text choice: 'New external system…' in the outbound collaborator picker, then its name."""
    outbound = page.locator(".st-key-section-bounded_context-outbound")
    pick_option(outbound.get_by_role("combobox", name="Add outbound collaborator"), "➕ New external system…")
    type_into(outbound.get_by_role("textbox", name="Name of the new external system"), name)
    rerun_after(page, outbound.get_by_role("button", name="Add collaborator").click)
    collaborator = outbound.get_by_role("combobox", name="Collaborator", exact=True)
    expect(collaborator).to_have_value(f"{name}  ·  External system")


def dot_is_valid(page: Page, names: list[str]) -> None:
    """The DOT download lays out with Graphviz and draws every name as typed."""
    with page.expect_download() as download:
        main(page).get_by_role("button", name="Download DOT").click()
    result = subprocess.run(["dot", "-Tsvg", download.value.path()], capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    drawn = " ".join(t.text or "" for t in ET.fromstring(result.stdout).iter(f"{SUVG}text"))
    for name in names:
        assert name in drawn, f"{name!r} is not drawn in {drawn[:300]!r}"


def the_map_draws_the_names_and_its_dot_is_valid(page: Page) -> None:
    open_context_map(page)
    expect(map_svg(page).locator("g.edge")).to_have_count(1, timeout=SLOW)
    labels = node_labels(page)
    assert any(CONTEXT_NAME in label for label in labels) and any(EXTERNAL_NAME in label for label in labels)
    finding = open_tab(page, "Findings").locator(".st-key-finding-actions")
    expect_literal(finding.get_by_test_id("stMarkdownContainer").nth(1), CONTEXT_NAME)  # the finding's message
    screenshot(page, "hostile-3-map", full_page=True)
    dot_is_valid(page, [CONTEXT_NAME, EXTERNAL_NAME])


def test_markup_scripts_and_odd_names_in_every_field_are_kept_and_shown_literally(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    create_workspace(page, "Hostile lab")
    type_into(text_field(page, "Workspace name"), EVERYTHING)
    open_page(page, BC, main(page).get_by_role("button", name="Add bounded context"))
    add_context(page, CONTEXT_NAME)
    fill_a_canvas_with(page, EVERYTHING)
    choose(page, "AI kind", "External LLM")
    add_new_external_system(page, EXTERNAL_NAME)
    screenshot(page, "hostile-1-canvas", full_page=True)
    outcome = save(page, author=EVERYTHING, message=EVERYTHING)
    assert outcome.startswith(f"Saved '{EVERYTHING}' at"), outcome
    expect_literal(sidebar(page).get_by_role("heading", level=3), EVERYTHING)
    expect_literal(sidebar(page).get_by_test_id("stAlert").first, EVERYTHING)
    screenshot(page, "hostile-2-saved")

    saved = stored(app.data_dir, EVERYTHING)
    lab = context(saved, CONTEXT_NAME)
    assert (lab["purpose"], lab["ai_profile"]["provider"]) == (EVERYTHING, EVERYTHING)
    assert lab["ubiquitous_language"] == [{"term": EVERYTHING, "definition": EVERYTHING}]
    assert [e["collaborator"] for e in lab["outbound"]] == [EXTERNAL_NAME]
    head = versions(app.data_dir, EVERYTHING)[0]
    assert (head.author, head.message) == (EVERYTHING, EVERYTHING)

    the_map_draws_the_names_and_its_dot_is_valid(page)
    open_page(page, "Workspaces", text_field(page, "Workspace name"))
    listed = main(page).get_by_test_id("stMarkdownContainer").filter(has_text=RIGHT_TO_LEFT).first
    assert visible_text(listed.locator("strong")) == EVERYTHING  # the list's own bold, around the literal name
    assert listed.locator("a, img, script, code, em, del, .katex").count() == 0
    assert not injected_script_ran(page) and session.dialogs == []


def test_texts_as_long_as_the_limit_in_every_field_are_kept_whole_and_one_more_is_refused(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    create_workspace(page, "Long lab")
    open_page(page, BC, main(page).get_by_role("button", name="Add bounded context"))
    add_context(page, "Long context")
    fill_a_canvas_with(page, LONG)
    outcome = save(page, author=LONG, message=LONG)
    assert re.match(r"Saved 'Long lab' at \S+ as version 2", outcome), outcome[:200]
    saved = context(stored(app.data_dir, "Long lab"), "Long context")
    assert (saved["purpose"], saved["ai_profile"]["provider"]) == (LONG, LONG)
    assert saved["ubiquitous_language"] == [{"term": LONG, "definition": LONG}]
    head = versions(app.data_dir, "Long lab")[0]
    assert (head.author, head.message) == (LONG, LONG)
    type_into(text_field(page, "Purpose"), LONG + "+")  # past the limit: said, and the text stays in the draft
    outcome = save(page, message="one character more")
    assert outcome.startswith("Not saved: 1 problem(s) to fix first."), outcome[:200]
    assert f"holds {len(LONG) + 1} characters in one text; the limit is {len(LONG)}" in outcome
    expect(text_field(page, "Purpose")).to_have_value(LONG + "+")
    type_into(text_field(page, "Purpose"), LONG)
    open_page(page, "Workspaces", text_field(page, "Workspace name"))
    type_into(text_field(page, "Workspace name"), LONG)
    outcome = save(page, message="a long name")
    assert outcome.startswith(f"Saved '{LONG[:50]}"), outcome[:200]
    assert versions(app.data_dir, LONG)[0].number == 3
    screenshot(page, "hostile-4-long-name")
    # The app keeps working with it; the short name back keeps the other tests' workspace list readable.
    type_into(text_field(page, "Workspace name"), "Long lab")
    assert "as version 4" in save(page, message="short name again")


def test_empty_required_fields_are_named_and_nothing_half_done_is_saved(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    rerun_after(page, main(page).get_by_role("button", name="Create workspace").click)
    expect(main(page).get_by_text("Give the new workspace a name.")).to_be_visible()
    create_workspace(page, "Empty lab")
    open_page(page, BC, main(page).get_by_role("button", name="Add bounded context"))
    add_context(page, "Named")
    type_into(text_field(page, "Purpose"), "Typed before the name was lost")
    type_into(text_field(page, "Name"), "")
    expect(main(page).get_by_text("A bounded context needs a name.")).to_be_visible()
    assert save(page, message="no name").startswith("Not saved: 1 problem(s) to fix first.")
    assert versions(app.data_dir, "Empty lab")[0].number == 1
    expect(text_field(page, "Purpose")).to_have_value("Typed before the name was lost")
    screenshot(page, "hostile-5-empty-name")
    open_page(page, "Context map")
    expect(main(page).get_by_text(re.compile("The map cannot be analysed until these 1 problem"))).to_be_visible()
    open_page(page, BC, text_field(page, "Name"))
    type_into(text_field(page, "Name"), "Named again")
    assert "as version 2" in save(page, message="named again")
    assert context(stored(app.data_dir, "Empty lab"), "Named again")["purpose"] == "Typed before the name was lost"
