"""Driving the Context map page: the map's SVG as drawn in the browser, its tabs, relationships, risks."""

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.workbench_browser import (
    SLOW,
    choose,
    close_popover,
    main,
    open_page,
    pick_option,
    rerun_after,
)

MAP_FIGURE = re.compile(r"^Context map of ")


def open_context_map(page: Page) -> None:
    open_page(page, "Context map", main(page).get_by_role("tab", name="Findings"))
    expect(map_svg(page)).to_be_visible(timeout=SLOW)


def map_svg(page: Page) -> Locator:
    """The map as the browser's Graphviz drew it (not the legend, which has its own chart)."""
    return main(page).get_by_role("figure", name=MAP_FIGURE).locator("svg")


def node_labels(page: Page) -> list[str]:
    """Each node's text as drawn, the lines of one node joined by spaces."""
    nodes = map_svg(page).locator("g.node")
    return [" ".join(t.strip() for t in node.locator("text").all_text_contents()) for node in nodes.all()]


def open_tab(page: Page, name: str) -> Locator:
    tab = main(page).get_by_role("tab", name=name, exact=True)
    if tab.get_attribute("aria-selected") != "true":
        rerun_after(page, tab.click)  # only the open tab is drawn: opening one reruns the page
    panel = main(page).get_by_role("tabpanel", name=name)
    expect(panel).to_be_visible()
    return panel


def add_relationship(page: Page, upstream: str, downstream: str) -> None:
    """Adds an explicit Upstream/Downstream relationship in the Relationships tab."""
    panel = open_tab(page, "Relationships")
    panel.get_by_role("button", name="Add relationship").click()
    popover = page.get_by_test_id("stPopoverBody")
    for label, name in (("Upstream", upstream), ("Downstream", downstream)):
        pick_option(popover.get_by_role("combobox", name=label), name)
    rerun_after(page, popover.get_by_role("button", name="Add", exact=True).click)
    expect(panel.get_by_role("combobox", name="Relationship to edit")).to_be_visible()
    close_popover(page)


def accept_risk(page: Page, finding: str, reason: str, by: str = "") -> None:
    """Accepts the risk of `finding` (its label in 'Finding to act on') in the Findings tab; `by` is typed into
    "Accepted by", which only the local tool has (signed in, the identity accepts)."""
    open_tab(page, "Findings")
    choose(page, "Finding to act on", finding)
    # Fields of a form send nothing until the form is submitted.
    text_field_in_form(page, "Reason").fill(reason)
    if by:
        text_field_in_form(page, "Accepted by").fill(by)
    rerun_after(page, main(page).get_by_role("button", name="Accept risk").click)


def text_field_in_form(page: Page, label: str) -> Locator:
    return main(page).get_by_test_id("stForm").get_by_role("textbox", name=label, exact=True)


def gate(page: Page) -> Locator:
    return main(page).get_by_text(re.compile(r"Gate: (PASS|FAIL)$"))
