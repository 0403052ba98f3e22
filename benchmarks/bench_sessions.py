"""Many people at once: N browser sessions edit and save against one app, each its own workspace or all one.

The app runs as the README starts it (scripts/run.sh) on loopback with a fresh data folder; the
sessions run concurrently in one headless Chromium, each in a browser context of its own. Each
session creates a workspace and saves an edited description `--saves` times; with `--shared`, all
sessions open one workspace instead and each saves its own context's purpose `--saves` times, so
every save but the first meets versions the others saved meanwhile. Printed: the page update after a
save (from pressing Save until the confirmation shows: median and worst), the errors seen, and the
saves that did not reach the database (every confirmed version is read back through the storage API).

    .venv/bin/python benchmarks/bench_sessions.py --sessions 10 --saves 3 [--shared] [--database-url URL]

With --database-url the app and the checks use that database (e.g. the throwaway PostgreSQL of
scripts/with-postgres.sh, which names it in WORKBENCH_TEST_POSTGRES_URL) instead of the data folder's SQLite file.
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services import configuration
from tests.e2e.app_server import running_app
from tests.e2e.stored_workspaces import repository
from tests.e2e.workbench_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, VIEWPORT

SLOW = 180_000  # ms: ten first visits at once on two cores take a while


@dataclass
class SessionRun:
    workspace: str
    typed: list[str] = field(default_factory=list)  # the description saved by each save, in order
    save_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    step: str = "opening the app"  # where the session is, named in its error if it fails there


@dataclass
class LoadRun:
    sessions: list[SessionRun]

    @property
    def latencies(self) -> list[float]:
        return [s for run in self.sessions for s in run.save_seconds]

    @property
    def errors(self) -> list[str]:
        return [f"{run.workspace}: {e}" for run in self.sessions for e in run.errors]


def description_of(workspace: str, save: int) -> str:
    return f"{workspace}, save {save + 1}: Ελληνικά & <b>markup</b> stays text"


async def settle(page: Any) -> None:
    from playwright.async_api import expect

    await expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=SLOW)
    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=SLOW)


async def prepare(page: Any, url: str, workspace: str) -> None:
    """A new workspace of this session's own, open on the Workspaces page."""
    from playwright.async_api import expect

    await page.goto(url)
    field = page.get_by_role("textbox", name="Name of the new workspace")
    await expect(field).to_be_visible(timeout=SLOW)
    await settle(page)
    await field.fill(workspace)
    await page.get_by_role("button", name="Create workspace").click()
    await expect(page.get_by_text(f"Created workspace '{workspace}'.")).to_be_visible(timeout=SLOW)
    await expect(page.get_by_role("textbox", name="Description", exact=True)).to_be_visible(timeout=SLOW)
    await settle(page)


async def save_once(page: Any, run: SessionRun, number: int) -> None:
    """Types the description and a message, presses Save and times it until the confirmation shows."""
    from playwright.async_api import expect

    text = description_of(run.workspace, number)
    # As a person would, wait until the page has finished the previous run (after the last save it reruns
    # once more): text typed into a field while a run is still drawing it can be replaced by that run.
    run.step = f"save {number + 1}: typing"
    await settle(page)
    description = page.get_by_role("textbox", name="Description", exact=True)
    await description.fill(text)
    await description.press("Tab")
    message = page.get_by_role("textbox", name="What changed?")
    await message.fill(f"save {number + 1}")
    await message.press("Tab")
    run.step = f"save {number + 1}: waiting for 'Unsaved changes'"
    await expect(page.get_by_text("Unsaved changes")).to_be_visible(timeout=SLOW)
    await settle(page)
    run.step = f"save {number + 1}: waiting for the confirmation"
    confirmation = page.get_by_text(f"Saved '{run.workspace}' at ").filter(has_text=f"as version {number + 2}")
    started = time.monotonic()
    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(confirmation).to_be_visible(timeout=SLOW)
    run.save_seconds.append(time.monotonic() - started)
    run.typed.append(text)


async def _alerts(page: Any) -> str:
    """The messages the page shows (errors, warnings, notices), to say why a session got stuck."""
    try:
        texts = await page.get_by_test_id("stAlert").all_inner_texts()
    except Exception:  # the page itself may be gone: the error already says so
        return ""
    return f" (the page shows: {' | '.join(t.strip() for t in texts)})" if texts else ""


async def drive(browser: Any, run: SessionRun, steps: Callable[[Any], Awaitable[None]]) -> SessionRun:
    """Runs one person's `steps` in a browser context of its own; a failure is recorded in `run`, not raised."""
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    page.on("pageerror", lambda error: run.errors.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: run.errors.append(f"dialog: {dialog.message}"))
    try:
        await steps(page)
        if await page.get_by_test_id("stException").count():
            run.errors.append("the app showed an exception")
    except Exception as error:  # a timeout or a crash page is a finding of the run, not the end of it
        shown = await _alerts(page)
        run.errors.append(f"{run.step}: {type(error).__name__}: {str(error).splitlines()[0]}{shown}")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SCREENSHOTS / f"FAILED-bench-{run.workspace.replace(' ', '-')}.png"))
    finally:
        await context.close()
    return run


async def one_session(browser: Any, url: str, workspace: str, saves: int) -> SessionRun:
    run = SessionRun(workspace)

    async def steps(page: Any) -> None:
        await prepare(page, url, workspace)
        run.step = "workspace created"
        for number in range(saves):
            await save_once(page, run, number)

    return await drive(browser, run, steps)


async def run_sessions(url: str, sessions: int, saves: int, prefix: str = "Load") -> LoadRun:
    """`sessions` people at once, each saving `saves` times in their own workspace."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            names = [f"{prefix} {i + 1:02d}" for i in range(sessions)]
            runs = await asyncio.gather(*(one_session(browser, url, name, saves) for name in names))
        finally:
            await browser.close()
    return LoadRun(list(runs))


def lost_saves(data_dir: Path, load: LoadRun) -> list[str]:
    """Every save that is not in the database as the version it was confirmed as, with its text."""
    repo = repository(data_dir)
    ids = {s.name: s.workspace_id for s in repo.list_workspaces()}
    lost = []
    for run in load.sessions:
        for number, text in enumerate(run.typed):
            version = number + 2  # version 1 is the empty workspace as created
            try:
                stored = repo.load(ids[run.workspace], version).description
            except KeyError as error:
                stored = f"missing ({type(error).__name__})"
            if stored != text:
                lost.append(f"{run.workspace} version {version}: {stored!r} instead of {text!r}")
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--shared", action="store_true", help="all sessions save one workspace")
    parser.add_argument("--database-url", help="the database of the app and of the checks (default: SQLite)")
    args = parser.parse_args()
    environment = {}
    if args.database_url:
        os.environ[configuration.DATABASE_URL_VARIABLE] = args.database_url  # the checks open it too
        environment[configuration.DATABASE_URL_VARIABLE] = args.database_url
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder), environment) as app:
        started = time.monotonic()
        if args.shared:
            from benchmarks.shared_sessions import lost_shared_saves, run_shared_sessions, seed_shared

            shared_id = seed_shared(app.data_dir, args.sessions)
            load = asyncio.run(run_shared_sessions(app.url, shared_id, args.sessions, args.saves))
            lost = lost_shared_saves(app.data_dir, shared_id, load)
        else:
            load = asyncio.run(run_sessions(app.url, args.sessions, args.saves))
            lost = lost_saves(app.data_dir, load)
        wall = time.monotonic() - started
    latencies = sorted(load.latencies)
    where = " of one workspace" if args.shared else ""
    database = "PostgreSQL" if args.database_url and args.database_url.startswith("postgresql") else "SQLite"
    print(f"{args.sessions} sessions x {args.saves} saves{where} on {database} in {wall:.1f} s wall")
    if latencies:
        print(f"page update after a save: median {statistics.median(latencies):.2f} s, worst {latencies[-1]:.2f} s")
        print(f"  all {len(latencies)}: " + " ".join(f"{s:.2f}" for s in latencies))
    print(f"errors: {len(load.errors)}" + "".join(f"\n  {e}" for e in load.errors))
    print(f"lost saves: {len(lost)}" + "".join(f"\n  {e}" for e in lost))


if __name__ == "__main__":
    main()
