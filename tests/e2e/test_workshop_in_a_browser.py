"""A newcomer in a real browser: the example workspace is there, a canvas is edited and saved."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e
EDITORS = ["Bounded Context Canvas", "Architecture Communication Canvas", "API Product Canvas"]


def settle(page: Page) -> None:
    """Waits until Streamlit finished the run and the lazily loaded widgets are drawn."""
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def open_page(page: Page, name: str) -> None:
    page.get_by_role("link", name=name).first.click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=60_000)
    settle(page)


def test_a_newcomer_sees_the_example_workspace_in_every_editor(page: Page) -> None:
    expect(page.get_by_text("Home Valuation Platform").first).to_be_visible(timeout=60_000)
    settle(page)
    screenshot(page, "workspaces")
    for name in EDITORS:
        open_page(page, name)
        screenshot(page, name.lower().replace(" ", "-"))
    open_page(page, "Bounded Context Canvas")
    expect(page.get_by_text("Strategic Classification")).to_be_visible()
    expect(page.get_by_text("AI profile", exact=False)).to_be_visible()
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Seller Intake")


def test_an_edit_with_markup_is_saved_and_shown_as_literal_text(page: Page) -> None:
    settle(page)
    open_page(page, "Bounded Context Canvas")
    hostile = "<img src=x onerror=alert(1)> **bold** Grüße Ελληνικά"
    purpose = page.get_by_role("textbox", name="Purpose", exact=True)
    purpose.fill(hostile)
    purpose.press("Tab")
    expect(page.get_by_text("Unsaved changes")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name=re.compile("Save")).first.click()
    expect(page.get_by_text(re.compile(r"Saved 'Home Valuation Platform' at"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text("All changes saved")).to_be_visible()
    page.reload()
    open_page(page, "Bounded Context Canvas")
    expect(page.get_by_role("textbox", name="Purpose", exact=True)).to_have_value(hostile)
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    screenshot(page, "saved-hostile-purpose")


def test_an_empty_name_shows_its_message_in_the_page(page: Page) -> None:
    settle(page)
    open_page(page, "Bounded Context Canvas")
    name = page.get_by_role("textbox", name="Name", exact=True)
    name.fill("")
    name.press("Tab")
    expect(page.get_by_text("A bounded context needs a name.")).to_be_visible(timeout=30_000)
    screenshot(page, "empty-name")
    assert json.dumps(page.dialogs) == "[]"  # type: ignore[attr-defined]
