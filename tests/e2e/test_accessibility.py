"""Accessibility basics in the browser: every control has a name; severities on the map differ without colour."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from formats.graphviz.map_flags import ACCEPTED_STYLE, FLAG_STYLES
from formats.workspace_json.workspace_file import read_workspace_file
from models.bounded_context import AiKind, AiProfile, BoundedContextCanvas, CommunicationEntry
from services import configuration
from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.context_map_page import map_svg, open_context_map, open_tab
from tests.e2e.stored_workspaces import repository, seed_workspace
from tests.e2e.workbench_browser import SLOW, open_page, open_workspace, screenshot, sidebar

pytestmark = pytest.mark.e2e
# Roles a person operates; each needs an accessible name for a screen reader to announce it.
CONTROLS = "textbox|searchbox|combobox|listbox|button|checkbox|radio|switch|spinbutton|slider|link|tab"
SNAPSHOT_LINE = re.compile(rf"""^\s*- '?({CONTROLS})(?=[\s:']|$)(?: "((?:[^"\\]|\\.)*)")?""")
STYLE_OF_COLOUR = {s.colour: s.meaning for s in [*FLAG_STYLES.values(), ACCEPTED_STYLE]}
SHAPES = "path, polygon, ellipse, polyline"


def controls(page: Page) -> list[tuple[str, str]]:
    """Role and accessible name of every control in the page's accessibility tree."""
    found = []
    for line in page.locator("body").aria_snapshot().splitlines():
        if match := SNAPSHOT_LINE.match(line):
            found.append((match.group(1), (match.group(2) or "").strip()))
    return found


def unnamed_controls(page: Page) -> list[str]:
    """The page's controls without an accessible name (after checking that the page has controls at all)."""
    found = controls(page)
    assert len(found) >= 10, f"only {len(found)} controls found: the page did not load"
    return [role for role, name in found if not name]


def severity_sampler() -> dict[str, Any]:
    """The example (a warning and an accepted risk) plus an unowned AI context that another one depends on
    (an error) and a collaboration declared on one side only (info)."""
    data = read_workspace_file(configuration.EXAMPLE_WORKSPACE).model_dump(mode="json")
    data["name"] = "Severity sampler"
    oracle = BoundedContextCanvas(name="Price Oracle", ai_profile=AiProfile(kind=AiKind.LLM_EXTERNAL))
    desk = BoundedContextCanvas(
        name="Offer Desk", outbound=[CommunicationEntry(collaborator=n) for n in ("Price Oracle", "Ledger")]
    )
    for canvas in (oracle, BoundedContextCanvas(name="Ledger"), desk):
        data["bounded_contexts"].append(canvas.model_dump(mode="json"))
    return data


def drawn_styles(page: Page) -> dict[str, set[tuple[str, str]]]:
    """For each flag meaning (error, warning, ...), the line styles (dash pattern, width) it is drawn with."""
    shapes = map_svg(page).locator(f"g.node :is({SHAPES}), g.edge :is({SHAPES})")
    attributes = shapes.evaluate_all(
        "els => els.map(e => [e.getAttribute('stroke'), e.getAttribute('stroke-dasharray') || 'solid',"
        " e.getAttribute('stroke-width') || '1'])"
    )
    styles: dict[str, set[tuple[str, str]]] = {}
    for colour, dashes, width in attributes:
        if colour in STYLE_OF_COLOUR:
            styles.setdefault(STYLE_OF_COLOUR[colour], set()).add((dashes, width))
    return styles


@pytest.fixture(scope="module")
def sampler(app: RunningApp) -> str:
    return seed_workspace(repository(app.data_dir), severity_sampler())


def test_every_control_on_every_page_has_an_accessible_name(session: BrowserSession, sampler: str) -> None:
    page = session.page
    open_workspace(page, sampler)
    links = sidebar(page).get_by_role("navigation").get_by_role("link").all_inner_texts()
    pages = [text.split("\n")[-1].strip() for text in links]  # each link reads "<icon>\n\n<page title>"
    assert {"Workspaces", "Bounded Context Canvas", "Context map", "Print & export", "History"} <= set(pages)
    unnamed: dict[str, list[str]] = {}
    for name in pages:
        open_page(page, name)
        unnamed[name] = unnamed_controls(page)
        if name == "Context map":
            expect(map_svg(page)).to_be_visible(timeout=SLOW)
            for tab in ("Score", "Metrics", "Relationships"):
                open_tab(page, tab)
                unnamed[f"{name} › {tab}"] = unnamed_controls(page)
    assert {where: lines for where, lines in unnamed.items() if lines} == {}


def test_the_maps_severities_differ_in_line_style_not_only_in_colour(session: BrowserSession, sampler: str) -> None:
    page = session.page
    open_workspace(page, sampler)
    open_context_map(page)
    expect(map_svg(page).locator("g.node").filter(has_text="Price Oracle")).to_contain_text("!!")  # an error
    styles = drawn_styles(page)
    screenshot(page, "accessibility-map-severities")
    assert set(styles) == {"error", "warning", "info", "accepted risk"}, styles
    for meaning, drawn in styles.items():
        others = set().union(*(s for m, s in styles.items() if m != meaning))
        assert drawn.isdisjoint(others), f"{meaning} is drawn like another severity: {styles}"
    # Each flag also says its severity in text: a marker before its rule IDs.
    edges = map_svg(page).locator("g.edge text").all_text_contents()
    assert {"i CON001", "✓ AIC004"} <= set(edges) and any(t.startswith("! AIC") for t in edges), edges
