"""How long a large context map takes to be on screen in headless Chromium, from the click on "Context map".

Run: .venv/bin/python benchmarks/bench_map_page.py [--size 300:2] [--rounds 5]

The app starts as the README starts it (scripts/run.sh) on a data folder holding two generated workspaces
of the same size. Three figures, because they have different causes:

- cold browser: the browser's first visit to the page. Streamlit loads the JavaScript of each kind of
  element the first time a page shows one, so this includes one-off loading that any map size pays;
- first view of a map: the second workspace's map in a browser that has seen the page; the server
  computes that map's analysis and layout. This is what a person sees when opening a large map;
- cached: the same map again, its analysis and layout cached by content.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_map_layout import random_workspace as layout_workspace
from formats.workspace_json.workspace_file import dump_workspace_json
from services import configuration, workspaces
from services.access import local_person
from tests.e2e.app_server import running_app
from tests.e2e.workbench_browser import CHROMIUM, CHROMIUM_ARGS

MAP = '[data-testid="stImage"] img, [data-testid="stGraphVizChart"] svg'
SLOW = 180_000  # ms


def seconds_to_map(page: Any) -> float:
    from playwright.sync_api import expect

    started = time.perf_counter()
    page.get_by_role("link", name="Context map").click()
    expect(page.locator(MAP).first).to_be_visible(timeout=SLOW)
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=SLOW)
    return time.perf_counter() - started


def leave_map(page: Any, open_id: str | None = None) -> None:
    from playwright.sync_api import expect

    page.get_by_role("link", name="Workspaces").click()
    expect(page.get_by_role("heading", name="Workspaces", exact=True)).to_be_visible(timeout=SLOW)
    if open_id is not None:
        page.locator(f".st-key-open-{open_id} button").click()
        expect(page.locator(f".st-key-open-{open_id} button")).to_be_disabled(timeout=SLOW)
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=SLOW)


def store_workspaces(folder: Path, contexts: int, per_context: int) -> str:
    """Two different maps of the same size; returns the id of the one the app does not open at start."""
    repo = configuration.open_repository(folder)
    ids = []
    for seed in (7, 8):
        workspace = layout_workspace(contexts, per_context, seed=seed)
        named = workspace.model_copy(update={"name": f"{workspace.name} seed {seed}"})
        ids.append(
            workspaces.import_workspace(
                repo, dump_workspace_json(named).encode(), f"{seed}.json", person=local_person()
            )[0]
        )
    opened_first = repo.list_workspaces()[0].workspace_id
    return next(i for i in ids if i != opened_first)


def measure(contexts: int, per_context: int, rounds: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        second = store_workspaces(Path(folder), contexts, per_context)
        with running_app(Path(folder)) as app, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page.goto(app.url)
            page.get_by_role("link", name="Context map").wait_for(timeout=SLOW)
            cold = seconds_to_map(page)
            leave_map(page, open_id=second)
            first_view = seconds_to_map(page)
            cached = []
            for _ in range(rounds):
                leave_map(page)
                cached.append(seconds_to_map(page))
            browser.close()
    return {"cold browser": cold, "first view of a map": first_view, "cached": cached}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="300:2", help="CONTEXTS:RELATIONSHIPS_PER_CONTEXT")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    contexts, per_context = (int(n) for n in args.size.split(":"))
    result = measure(contexts, per_context, args.rounds)
    print(f"{contexts} contexts, about {per_context} relationships each, 10 % AI; seconds from the click:")
    print(f"  cold browser (first page visit, analysis computed): {result['cold browser']:.2f}")
    print(f"  first view of a map (analysis and layout computed):  {result['first view of a map']:.2f}")
    cached = result["cached"]
    print(f"  cached: median {statistics.median(cached):.2f}, worst {max(cached):.2f} of {len(cached)}")


if __name__ == "__main__":
    main()
