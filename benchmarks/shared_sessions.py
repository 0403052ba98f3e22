"""bench_sessions' --shared run: N browser sessions in one workspace, each saving its own context's purpose."""

import asyncio
import re
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_sessions import SLOW, LoadRun, SessionRun, drive, settle
from models.bounded_context import BoundedContextCanvas
from models.workspace import Workspace
from tests.e2e.stored_workspaces import repository, seed_workspace
from tests.e2e.workbench_browser import CHROMIUM, CHROMIUM_ARGS

SAVED = re.compile(r"as version (\d+)")


def person(index: int) -> str:
    return f"Person {index + 1:02d}"


def seed_shared(data_dir: Path, sessions: int) -> str:
    """One workspace with a context per person, so that each person edits fields nobody else edits."""
    contexts = [BoundedContextCanvas(name=f"Context of {person(i)}") for i in range(sessions)]
    return seed_workspace(repository(data_dir), Workspace(name="Shared", bounded_contexts=contexts).model_dump())


def purpose_of(index: int, save: int) -> str:
    return f"{person(index)}, save {save + 1}: Ελληνικά & <b>markup</b> stays text"


async def open_own_context(page: Any, url: str, workspace_id: str, index: int) -> None:
    from playwright.async_api import expect

    await page.goto(f"{url}bounded_contexts?workspace={workspace_id}")
    own = f"Context of {person(index)}"
    picker = page.get_by_role("main").get_by_role("combobox", name="Bounded Context Canvas to edit", exact=True)
    await expect(picker).to_be_visible(timeout=SLOW)
    await settle(page)
    name = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Your name")
    await name.fill(person(index))
    await name.press("Tab")
    await settle(page)
    await picker.focus()
    await picker.press("ArrowDown")
    await page.get_by_role("option", name=own, exact=True).click(timeout=SLOW)
    name_field = page.get_by_role("main").get_by_role("textbox", name="Name", exact=True)
    await expect(name_field).to_have_value(own, timeout=SLOW)
    await settle(page)


async def save_own(page: Any, run: SessionRun, index: int, save: int) -> None:
    from playwright.async_api import expect

    text = purpose_of(index, save)
    run.step = f"save {save + 1}: typing"
    await settle(page)
    field = page.get_by_role("main").get_by_role("textbox", name="Purpose", exact=True)
    await field.fill(text)
    await field.press("Tab")
    await expect(page.get_by_text(re.compile("^Unsaved changes since"))).to_be_visible(timeout=SLOW)
    await settle(page)
    run.step = f"save {save + 1}: waiting for the confirmation"
    outcome = page.get_by_test_id("stSidebar").get_by_test_id("stAlert").filter(has_text=re.compile(r"^(Saved|Not)"))
    started = time.monotonic()
    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(outcome).to_be_visible(timeout=SLOW)
    shown = await outcome.inner_text()
    number = SAVED.search(shown)
    if not shown.startswith("Saved") or number is None:
        raise AssertionError(f"the save said: {shown.strip()}")
    run.save_seconds.append(time.monotonic() - started)
    run.typed.append(f"{number.group(1)}\t{text}")


async def one_shared_session(browser: Any, url: str, workspace_id: str, index: int, saves: int) -> SessionRun:
    run = SessionRun(person(index))

    async def steps(page: Any) -> None:
        await open_own_context(page, url, workspace_id, index)
        for save in range(saves):
            await save_own(page, run, index, save)

    return await drive(browser, run, steps)


async def run_shared_sessions(url: str, workspace_id: str, sessions: int, saves: int) -> LoadRun:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            runs = await asyncio.gather(
                *(one_shared_session(browser, url, workspace_id, i, saves) for i in range(sessions))
            )
        finally:
            await browser.close()
    return LoadRun(list(runs))


def lost_shared_saves(data_dir: Path, workspace_id: str, load: LoadRun) -> list[str]:
    """Each confirmed version holds its person's text, and the newest holds every person's last one."""
    repo = repository(data_dir)
    lost = []
    for index, run in enumerate(load.sessions):
        own = f"Context of {person(index)}"
        for entry in run.typed:
            number, text = entry.split("\t", 1)
            stored = {c.name: c.purpose for c in repo.load(workspace_id, int(number)).bounded_contexts}[own]
            if stored != text:
                lost.append(f"{run.workspace} version {number}: {stored!r} instead of {text!r}")
        newest = {c.name: c.purpose for c in repo.load(workspace_id).bounded_contexts}[own]
        if run.typed and newest != run.typed[-1].split("\t", 1)[1]:
            lost.append(f"{run.workspace}: the newest version holds {newest!r}, not their last save")
    return lost
