"""A team's workshop in a real browser: an empty workspace, a saved version, its comparison and a printed canvas."""

import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.context_map_page import accept_risk, add_relationship, gate, map_svg, node_labels, open_context_map
from tests.e2e.stored_workspaces import context, stored, versions, workspace_id
from tests.e2e.workbench_browser import (
    SCREENSHOTS,
    SLOW,
    add_context,
    add_row,
    choose,
    create_workspace,
    main,
    open_page,
    open_workspace,
    save,
    screenshot,
    text_field,
    type_into,
)

pytestmark = pytest.mark.e2e
EDITORS = ["Bounded Context Canvas", "Architecture Communication Canvas", "API Product Canvas"]
EXAMPLE = "Home Valuation Platform"
WORKSPACE = "Pricing Workshop"
PURPOSE = "Prices every home with an external LLM so that sellers get a firm cash offer in minutes"
TERM, DEFINITION = "Cash offer", "The binding price we pay, valid for seven days"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def fill_the_ai_context(page: Page) -> None:
    """The first canvas of the workshop: purpose, one ubiquitous-language row, an external LLM."""
    open_page(page, "Bounded Context Canvas", main(page).get_by_role("button", name="Add bounded context"))
    add_context(page, "Price Oracle")
    type_into(text_field(page, "Purpose"), PURPOSE)
    add_row(page, "Ubiquitous Language", 0, [TERM, DEFINITION])
    choose(page, "AI kind", "External LLM")
    screenshot(page, "workshop-02-bounded-context-canvas", full_page=True)
    add_context(page, "Offer Desk")


def see_the_map_and_accept_the_risk(page: Page) -> None:
    open_context_map(page)
    add_relationship(page, "Price Oracle", "Offer Desk")
    # The map redraws in place: the new edge, and the AI context flagged as an error (no owner team).
    expect(map_svg(page).locator("g.edge")).to_have_count(1, timeout=SLOW)
    expect(map_svg(page).locator("g.node").filter(has_text="Price Oracle")).to_contain_text("!!")
    expect(gate(page)).to_have_text(re.compile("Gate: FAIL"))
    assert any(label.startswith("!! Price Oracle") and "AI" in label for label in node_labels(page))
    screenshot(page, "workshop-03-context-map-with-finding", full_page=True)
    accept_risk(page, "🔴 AIC015 · Price Oracle", "The pricing team owns it from the next sprint", "Ada")
    expect(main(page).get_by_text("Accepted by Ada until")).to_be_visible()
    expect(gate(page)).to_have_text(re.compile("Gate: PASS"))
    screenshot(page, "workshop-04-risk-accepted", full_page=True)


def download_the_canvas_pdf(page: Page) -> Path:
    open_page(page, "Print & export", main(page).get_by_role("button", name="Download Bounded Context Canvas PDF"))
    choose(page, "Bounded Context Canvas", "Price Oracle")
    screenshot(page, "workshop-06-print-and-export")
    with page.expect_download() as download:
        main(page).get_by_role("button", name="Download Bounded Context Canvas PDF").click()
    assert download.value.suggested_filename == "Price-Oracle-Bounded-Context-Canvas-A3.pdf"
    kept = SCREENSHOTS.parent / "downloads" / download.value.suggested_filename  # kept to look at, like the PNGs
    kept.parent.mkdir(parents=True, exist_ok=True)
    download.value.save_as(kept)
    return kept


def compare_with_the_first_version(page: Page) -> None:
    """The reviewer's view: the workshop's versions against the empty workspace it started from."""
    open_page(page, "Compare versions", main(page).get_by_role("tab", name="Canvases"))
    summary = main(page).get_by_test_id("stAlertContentInfo").first
    expect(summary).to_contain_text("2 contexts added")
    expect(summary).to_contain_text("1 relationship added")
    expect(main(page).get_by_text("Bounded Context Canvas: Price Oracle — added")).to_be_visible()
    screenshot(page, "workshop-07-compare-canvases", full_page=True)
    main(page).get_by_role("tab", name="Context map").click()
    picture = main(page).get_by_test_id("stImage").filter(has_text="Context map with the changes marked")
    expect(picture.locator("img")).to_be_visible(timeout=SLOW)
    screenshot(page, "workshop-08-compare-map", full_page=True)


def test_a_newcomer_sees_the_example_workspace_in_every_editor(session: BrowserSession, app: RunningApp) -> None:
    page = session.page
    open_workspace(page, workspace_id(app.data_dir, EXAMPLE))
    expect(page.get_by_test_id("stSidebar").get_by_role("heading", name=EXAMPLE)).to_be_visible()
    screenshot(page, "example-workspaces")
    for name in EDITORS:
        open_page(page, name, main(page).get_by_role("combobox", name=f"{name} to edit"))
        screenshot(page, "example-" + name.lower().replace(" ", "-"))
    open_page(page, "Bounded Context Canvas", text_field(page, "Name"))
    expect(main(page).get_by_text("Strategic Classification")).to_be_visible()
    expect(text_field(page, "Name")).to_have_value("Seller Intake")


def test_a_team_runs_its_workshop_from_an_empty_workspace_to_a_printed_canvas(
    session: BrowserSession, app: RunningApp
) -> None:
    page = session.page
    create_workspace(page, WORKSPACE)
    screenshot(page, "workshop-01-workspace-created")
    fill_the_ai_context(session.page)
    see_the_map_and_accept_the_risk(page)
    outcome = save(page, author="Ada", message="after workshop 1")
    # Version 2 is the acceptance, stored when it was made; the save is version 3.
    assert re.match(rf"Saved '{WORKSPACE}' at \S+ as version 3: 2 bounded contexts, .*1 relationship", outcome)
    expect(page.get_by_test_id("stSidebar").get_by_text("All changes saved")).to_be_visible()
    screenshot(page, "workshop-05-saved")

    saved = stored(app.data_dir, WORKSPACE)
    oracle = context(saved, "Price Oracle")
    assert oracle["purpose"] == PURPOSE
    assert oracle["ubiquitous_language"] == [{"term": TERM, "definition": DEFINITION}]
    assert oracle["ai_profile"]["kind"] == "llm_external"
    assert [(r["upstream"], r["downstream"]) for r in saved["relationships"]] == [("Price Oracle", "Offer Desk")]
    assert [(r["rule"], r["subject"], r["accepted_by"]) for r in saved["accepted_risks"]] == [
        ("AIC015", "Price Oracle", "Ada")
    ]
    head = versions(app.data_dir, WORKSPACE)[0]
    assert (head.number, head.author, head.message) == (3, "Ada", "after workshop 1")
    accepted = versions(app.data_dir, WORKSPACE)[1]
    assert (accepted.number, accepted.author) == (2, "Ada")
    assert accepted.message.startswith("Accepted the risk of AIC015 on Price Oracle until ")

    compare_with_the_first_version(page)

    text = pdf_text(download_the_canvas_pdf(page))
    for typed in (PURPOSE, TERM, DEFINITION, "Price Oracle"):
        assert typed in " ".join(text.split()), f"{typed!r} is not in the PDF"
    assert "External LLM" in text  # the AI profile page
