"""How quickly the pages answer a person in a live workshop, in a real headless Chromium.

Run: .venv/bin/python benchmarks/bench_ui.py [--repeats 20]

The app starts as the README starts it (scripts/run.sh) on a fresh data folder holding the example workspace
and a generated 100-context one. On each, every action is repeated and timed from the person's input until
the page has settled (the run finished, nothing left loading):

- first edit: a new purpose typed into the Bounded Context Canvas and the field left, right after a save;
- field edit: the same again, now that there are unsaved changes (the usual edit in a workshop);
- add: a bounded context added through its popover (type the name, one click on Add);
- save: Save pressed until the confirmation shows;
- page switch: a sidebar link followed until the page's heading shows.

The room's poll (a part of the sidebar that reruns every few seconds to show others' saves) is slowed down
here, so that a poll's rerun is never taken for the end of an action's.

Each action is timed twice. "In the page" is what the person waits for: from the input event (the key or the
mouse button going down) until the first frame of the settled page, both on the page's own clock, so the harness
is not part of it. "With harness" is the same from the test's side: it adds Playwright's actionability checks
before the input and its round trips after it (30 to 150 ms on two cores). The targets are held to the first.

The floor is Streamlit's own: a page holding one button, clicked, until its rerun has settled, in the same
browser, timed the same two ways. Printed: p50 and p95 per action in milliseconds, and each p50 as a multiple of
the floor.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generated_maps import generated_workspace
from formats.workspace_json.workspace_file import dump_workspace_json
from services import configuration, workspaces
from services.access import local_person
from tests.e2e.app_server import running_app
from tests.e2e.workbench_browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT

SLOW = 120_000  # ms
FLOOR_APP = 'import streamlit as st\nst.button("Rerun")\n'
# "first edit" is the first change after a save: the sidebar starts saying "Unsaved changes", so the whole page
# runs. Every further edit reruns only the box of the sheet it is in. Both are held to the field-edit target.
TARGETS_MS = {"first edit": 300, "field edit": 300, "add": 500, "save": 700, "page switch": 1000}


# The page's clock for one action: when the input came (the first key or mouse button down after arming) and the
# first animation frame from which the page stayed settled for a further frame: the app said that the run the
# input caused has finished (a script_finished message, field 6 of ForwardMsg, other than "stopped early for a
# rerun"), the page shows the app as not running and no status, and the action's own answer (`done`) is on
# screen. The second frame guards against the moment between a message and React drawing it.
PAGE_CLOCK = (Path(__file__).parent / "page_clock.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Done:
    """What the page shows once the action is answered: an element under `selector` whose text (or value) is
    `text`, or contains it when `partial`."""

    selector: str
    text: str
    value: bool = False
    partial: bool = False


@dataclass(frozen=True)
class Timing:
    in_page: float  # ms from the input event to the settled page, on the page's clock
    with_harness: float  # ms from before Playwright's action until it saw the page settled


def timed(page: Any, action: Callable[[], None], done: Done | None = None) -> Timing:
    from playwright.sync_api import expect

    before = page.evaluate("() => window.__runsFinished")
    page.evaluate("([before, done]) => window.__armClock(before, done)", [before, done and asdict(done)])
    started = time.perf_counter()
    action()
    page.wait_for_function("() => window.__settledAt !== null", polling="raf", timeout=SLOW)
    with_harness = (time.perf_counter() - started) * 1000
    in_page = page.evaluate("() => window.__settledAt - window.__inputAt")
    # Not timed: Playwright's own view agrees that the run is over, so the next action starts on a quiet page.
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=SLOW)
    return Timing(in_page, with_harness)


def main_area(page: Any) -> Any:
    return page.get_by_role("main")


# The timed parts find elements by CSS (the sections' and buttons' keys) rather than by accessible role and name:
# a role lookup walks the page's accessibility tree in the browser, and that time is the harness's, not the app's.
PURPOSE = ".st-key-section-bounded_context-purpose textarea"
CANVAS_NAME = ".st-key-section-bounded_context-name input"  # the first is the name; then the owning team


def edit_field(page: Any, round_: int) -> Timing:
    field = page.locator(PURPOSE)
    field.fill(f"Purpose typed in round {round_}")
    return timed(page, lambda: field.press("Tab"))


def add_context(page: Any, round_: int) -> Timing:
    page.get_by_role("button", name="Add bounded context").click()
    name = f"Added {round_}"
    page.get_by_role("textbox", name="Name of the new Bounded Context Canvas").fill(name)
    add = page.locator('[data-testid="stPopoverBody"] button').filter(has_text=re.compile("^Add$"))
    return timed(page, add.click, Done(CANVAS_NAME, name, value=True))


def save(page: Any, round_: int) -> Timing:
    saved = Done('[data-testid="stSidebar"] [data-testid="stAlert"]', "Saved '", partial=True)
    return timed(page, page.locator(".st-key-save-button button").click, saved)


def switch_page(page: Any, round_: int) -> Timing:
    target, script = (
        ("Architecture Communication Canvas", "architecture_canvases")
        if round_ % 2 == 0
        else ("Bounded Context Canvas", "bounded_contexts")
    )
    link = page.locator(f'[data-testid="stSidebarNavLink"][href$="/{script}"]')
    return timed(page, link.click, Done("h1", target))


def open_workspace(page: Any, workspace_id: str) -> None:
    from playwright.sync_api import expect

    page.get_by_role("link", name="Workspaces", exact=True).click()
    button = page.locator(f".st-key-open-{workspace_id} button")
    expect(button).to_be_visible(timeout=SLOW)
    if not button.is_disabled():
        button.click()
        confirm = page.locator(".st-key-switch-confirm button")
        page.wait_for_timeout(300)  # the question shows only when there are unsaved changes
        if confirm.count():
            confirm.click()
        expect(button).to_be_disabled(timeout=SLOW)
    page.get_by_role("link", name="Bounded Context Canvas", exact=True).click()
    expect(main_area(page).get_by_role("textbox", name="Purpose", exact=True)).to_be_visible(timeout=SLOW)


def measure_workspace(page: Any, workspace_id: str, repeats: int) -> dict[str, list[Timing]]:
    open_workspace(page, workspace_id)
    figures: dict[str, list[Timing]] = {name: [] for name in TARGETS_MS}
    for round_ in range(repeats):
        figures["first edit"].append(edit_field(page, round_))
        figures["field edit"].append(edit_field(page, round_ + repeats))
        figures["add"].append(add_context(page, round_))
        figures["save"].append(save(page, round_))
    for round_ in range(repeats):
        figures["page switch"].append(switch_page(page, round_))
    return figures


def measure_floor(browser: Any, repeats: int) -> list[Timing]:
    """One button's rerun in a bare Streamlit app, run the same way as the workbench."""
    import subprocess

    from tests.e2e.app_server import free_port, wait_healthy

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "floor.py"
        script.write_text(FLOOR_APP, encoding="utf-8")
        port = free_port()
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true"]
        command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_healthy(url, process)
            page = browser.new_page(viewport=VIEWPORT)
            page.add_init_script(PAGE_CLOCK)
            page.goto(url)
            button = page.get_by_role("button", name="Rerun")
            button.wait_for(timeout=SLOW)
            return [timed(page, button.click) for _ in range(repeats)]
        finally:
            process.terminate()
            process.wait(timeout=30)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def store_large(folder: Path) -> str:
    repo = configuration.open_repository(folder)
    workspaces.ensure_example_workspace(repo)
    large = generated_workspace(100, seed=3, on_canvases=0.1)
    return workspaces.import_workspace(repo, dump_workspace_json(large).encode(), "large.json", person=local_person())[
        0
    ]


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument(
        "--streamlit-gc", action="store_true", help="with Streamlit's full collection after every run, to compare"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        large_id = store_large(Path(folder))
        example_id = next(
            s.workspace_id
            for s in configuration.open_repository(Path(folder)).list_workspaces()
            if s.workspace_id != large_id
        )
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results: dict[str, dict[str, list[Timing]]] = {}
        environment = {configuration.ROOM_POLL_VARIABLE: "600"}
        if args.streamlit_gc:
            environment["STREAMLIT_RUNNER_POST_SCRIPT_GC"] = "true"
        with running_app(Path(folder), environment) as app:
            page = browser.new_page(viewport=VIEWPORT)
            page.add_init_script(PAGE_CLOCK)
            page.goto(app.url)
            page.get_by_role("heading", name="Workspaces", exact=True).wait_for(timeout=SLOW)
            for label, workspace_id in (("example", example_id), ("100 contexts", large_id)):
                results[label] = measure_workspace(page, workspace_id, args.repeats)
            memory = server_memory(app.pid)
        floor = measure_floor(browser, args.repeats)
        browser.close()
    print(report(results, floor, args.repeats))
    print(memory)


def server_memory(pid: int) -> str:
    """The app server's resident memory now and at its peak: Streamlit's collection after every run is off
    (.streamlit/config.toml), so this shows whether memory builds up without it."""
    status = dict(
        line.split(":", 1)
        for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines()
        if ":" in line
    )
    return f"app server memory after the run: resident {status['VmRSS'].strip()}, peak {status['VmHWM'].strip()}"


def report(results: dict[str, dict[str, list[Timing]]], floor: list[Timing], repeats: int) -> str:
    floor_page = [t.in_page for t in floor]
    floor_p50 = statistics.median(floor_page)
    lines = [
        f"{repeats} repeats per action; ms from the input until the page settled: in the page (with harness)",
        f"floor (one button's rerun in a bare Streamlit app): p50 {floor_p50:.0f} ({_p50(floor):.0f}), "
        f"p95 {percentile(floor_page, 0.95):.0f} ({_p95(floor):.0f})",
        f"{'workspace':<14}{'action':<13}{'p50':>11}{'p95':>11}{'target p95':>12}{'p50/floor':>11}",
    ]
    for label, figures in results.items():
        for action, timings in figures.items():
            page = [t.in_page for t in timings]
            p50, p95 = statistics.median(page), percentile(page, 0.95)
            lines.append(
                f"{label:<14}{action:<13}{p50:>5.0f} ({_p50(timings):>3.0f}){p95:>5.0f} ({_p95(timings):>3.0f})"
                f"{TARGETS_MS[action]:>12}{p50 / floor_p50:>10.1f}x"
            )
    return "\n".join(lines)


def _p50(timings: list[Timing]) -> float:
    return statistics.median(t.with_harness for t in timings)


def _p95(timings: list[Timing]) -> float:
    return percentile([t.with_harness for t in timings], 0.95)


if __name__ == "__main__":
    main()
