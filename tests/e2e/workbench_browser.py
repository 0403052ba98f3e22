"""How a person drives the workbench in headless Chromium: pages, fields, tables, the sidebar's Save.

Streamlit draws on the client and reruns the script after every change, so every step waits for what
the person would see next (a value, a message) instead of sleeping.
"""

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, ViewportSize, expect

from ui.ui_messages import START_TABLE

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1600, "height": 1400}
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SLOW = 60_000  # ms: a first visit to a canvas page loads the grid and chart bundles (8-12 s on 2 cores)
ROW_HEIGHT = 35  # px: glide-data-grid's header and row height in Streamlit's data editor


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Keeps a PNG of the page under test-artifacts/screenshots/ (the whole page when `full_page`).

    Streamlit scrolls inside its main area, not the document, so a whole page needs a window as
    tall as that area's content for the moment of the shot.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not full_page:
        page.screenshot(path=str(path))
        return path
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    tall: ViewportSize = {"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], int(height) + 80)}
    page.set_viewport_size(tall)
    try:
        settle(page)
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(VIEWPORT)
    return path


def injected_script_ran(page: Page) -> bool:
    """The hostile payloads set window.__pwned when a browser ever executes them."""
    return bool(page.evaluate("() => window.__pwned !== undefined"))


# Counts the script runs the page saw start, and the messages the app sent. Waiting for "not running"
# alone races with a rerun the server has not started yet; a run so short that the page never showed
# it as running still sends messages.
RUN_COUNTER = """
window.__scriptRuns = 0;
window.__appMessages = 0;
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute("data-test-script-state") === "running" && change.oldValue !== "running") {
      window.__scriptRuns += 1;
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ["data-test-script-state"]});
const PageWebSocket = window.WebSocket;
window.WebSocket = class extends PageWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", () => { window.__appMessages += 1; });
  }
};
"""
# Streamlit's spinners, skeleton shimmer and fades repaint the page many times a second while the app
# runs; with software rendering that is a fifth of the browser's CPU in a test run. Shortened to 1 ms
# rather than removed, so the animation and transition end events the page waits for still fire.
CALM_MOTION = """
document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { animation-duration: 1ms !important; "
    + "animation-iteration-count: 1 !important; transition-duration: 1ms !important; }";
  document.head.appendChild(style);
});
"""
REACTED = "([runs, messages]) => window.__scriptRuns > runs || window.__appMessages > messages"


def rerun_after(page: Page, action: Callable[[], object]) -> None:
    """Does `action`, which makes the app rerun, and waits until that run has finished.

    An action during a run makes Streamlit go on running without a new start, so wait for quiet first.
    """
    settle(page)
    before = page.evaluate("() => [window.__scriptRuns, window.__appMessages]")
    action()
    page.wait_for_function(REACTED, arg=before, polling=100, timeout=SLOW)
    settle(page)


def settle(page: Page) -> None:
    """Waits until the script run finished and the lazily loaded widgets are drawn."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=SLOW)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=SLOW)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=SLOW)


def open_page(page: Page, name: str, ready: Locator | None = None) -> None:
    """Follows the sidebar link; `ready` is something only the finished page shows."""
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=SLOW)
    if ready is not None:
        expect(ready).to_be_visible(timeout=SLOW)
    settle(page)


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def main(page: Page) -> Locator:
    return page.get_by_role("main")


def text_field(page: Page, label: str) -> Locator:
    return main(page).get_by_role("textbox", name=label, exact=True)


def type_into(field: Locator, text: str) -> None:
    """Replaces the field's text and leaves it, which sends the value to the app."""
    if field.input_value() == text:
        return

    def fill_and_leave() -> None:
        field.fill(text)
        field.press("Tab")

    rerun_after(field.page, fill_and_leave)
    expect(field).to_have_value(text)


def choose(page: Page, label: str, option: str, scope: Locator | None = None) -> None:
    """Picks `option` in the select box `label` (inside `scope`, by default the page's main area)."""
    box = (scope or main(page)).get_by_role("combobox", name=label, exact=True)
    pick_option(box, option)
    expect(box).to_have_value(option)


def pick_option(box: Locator, option: str) -> None:
    """Opens the select box `box` and clicks `option`; the app reruns with the choice."""
    if box.input_value() == option:
        return  # picking the current option again does not rerun the app
    # The keyboard opens the list reliably; a click right after typing in a table can be swallowed.
    box.focus()
    box.press("ArrowDown")
    rerun_after(box.page, box.page.get_by_role("option", name=option, exact=True).click)


def close_popover(page: Page) -> None:
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stPopoverBody")).to_have_count(0)


def create_workspace(page: Page, name: str) -> None:
    field = page.get_by_role("textbox", name="Name of the new workspace")
    field.fill(name)
    rerun_after(page, page.get_by_role("button", name="Create workspace").click)
    expect(sidebar(page).get_by_text(f"Created workspace '{name}'.")).to_be_visible()


def open_workspace(page: Page, workspace_id: str) -> None:
    """Presses the workspace's Open button on the Workspaces page (found by its widget key)."""
    button = page.locator(f".st-key-open-{workspace_id}").get_by_role("button", name="Open")
    expect(button).to_be_visible(timeout=SLOW)
    if button.is_disabled():  # a new session opens the first workspace by name; it may be this one
        return
    rerun_after(page, button.click)
    # With unsaved changes in the open workspace the app asks first; they stay as that workspace's draft.
    # Wait for either answer: the room's poll may rerun part of the page before this click's run is drawn.
    confirm = page.locator(".st-key-switch-confirm button")
    opened = page.locator(f".st-key-open-{workspace_id} button:disabled")
    expect(confirm.or_(opened)).to_be_visible(timeout=SLOW)
    if confirm.is_visible():
        rerun_after(page, confirm.click)
    expect(button).to_be_disabled(timeout=SLOW)


def add_context(page: Page, name: str) -> None:
    """Adds a bounded context on the Bounded Context Canvas page; it then is the one shown."""
    page.get_by_role("button", name="Add bounded context").click()
    field = page.get_by_role("textbox", name="Name of the new Bounded Context Canvas")
    add = page.get_by_test_id("stPopoverBody").get_by_role("button", name="Add", exact=True)
    field.fill(name)
    rerun_after(page, lambda: field.press("Enter"))
    rerun_after(page, add.click)
    expect(text_field(page, "Name")).to_have_value(name)
    close_popover(page)


def pick_canvas(page: Page, title: str, name: str) -> None:
    choose(page, f"{title} to edit", name)
    expect(text_field(page, "Name")).to_have_value(name)


def add_row(page: Page, table: str, rows: int, values: list[str]) -> None:
    """Adds a row below the `rows` rows of the data editor `table` and types `values` into its cells.

    The grid is drawn on a canvas. As a person does it: a click on its last, empty line adds a row
    and opens the editor of its first cell; Tab commits a cell and moves on, Enter opens the next.
    Each committed cell reruns the app with the edited table.
    """
    start = page.get_by_role("button", name=START_TABLE.format(label=table))
    if rows == 0 and start.count():  # an empty table is a button until first used
        rerun_after(page, start.click)
    grid = page.get_by_role("region", name=table, exact=True)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None, f"the table {table} is not on screen"
    editor = page.locator("textarea.gdg-input, input.gdg-input").first
    last_line = (box["x"] + 60, box["y"] + ROW_HEIGHT * (rows + 1) + ROW_HEIGHT / 2)
    rerun_after(page, lambda: page.mouse.click(*last_line))
    # The click can land while the widget that had the focus lets go: then open the new cell directly.
    retry_until_visible(editor, lambda: page.mouse.dblclick(*last_line))
    for index, value in enumerate(values):
        if index:
            page.keyboard.press("Enter")
        expect(editor).to_be_visible()
        editor.fill(value)
        rerun_after(page, lambda: page.keyboard.press("Tab"))
        expect(editor).to_have_count(0)
    page.keyboard.press("Escape")  # leaves the grid: while a cell is selected it keeps the keyboard


def retry_until_visible(target: Locator, action: Callable[[], object], attempts: int = 3) -> None:
    """Does `action` until `target` shows, at most `attempts` times (each waits up to 3 s for it)."""
    if target.is_visible():
        return
    for _ in range(attempts - 1):
        action()
        try:
            expect(target).to_be_visible(timeout=3_000)
            return
        except AssertionError:
            continue
    action()
    expect(target).to_be_visible()


def save(page: Page, *, message: str, author: str = "") -> str:
    """Presses Save in the sidebar after filling in name and message; returns the message shown.

    Typing the message reruns the app, which clears the message of an earlier save, so the one
    awaited here is this save's.
    """
    bar = sidebar(page)
    if author:
        type_into(bar.get_by_role("textbox", name="Your name"), author)
    type_into(bar.get_by_role("textbox", name="What changed?"), message)
    outcome = bar.get_by_test_id("stAlert").filter(has_text=re.compile(r"^(Saved|Not saved|Nothing new)"))
    expect(outcome).to_have_count(0)
    rerun_after(page, bar.get_by_role("button", name="Save", exact=True).click)
    expect(outcome).to_be_visible(timeout=SLOW)
    return visible_text(outcome)


def visible_text(where: Locator) -> str:
    """The text a person reads there: without the invisible word joiners (U+2060) that the app puts
    after a colon in user text, so that Streamlit does not turn `:name:` into an emoji."""
    return where.inner_text().replace("\u2060", "")
