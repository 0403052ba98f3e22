"""One app (started as the README starts it) and one headless Debian Chromium for the whole e2e run.

A test's `session` is a new tab, so a fresh Streamlit session, in its module's browser; `new_session`
opens sessions in browsers of their own, one per person. Closing a tab checks that no dialog opened
and that no injected script ran in it.
"""

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from services import configuration
from tests.e2e.app_server import RunningApp, running_app
from tests.e2e.workbench_browser import (
    CALM_MOTION,
    CHROMIUM,
    CHROMIUM_ARGS,
    RUN_COUNTER,
    SCREENSHOTS,
    SLOW,
    VIEWPORT,
    injected_script_ran,
    screenshot,
    settle,
)

pytestmark = pytest.mark.e2e


@dataclass
class BrowserSession:
    """One person's browser tab, with every dialog and uncaught page error it saw.

    The app's own question before leaving a tab with unsaved changes is counted apart from other dialogs (which
    only a script injected through user text could open): `leaving_asked` counts it, and the tab leaves when
    `leave_unsaved` is set, else it stays, as when a person answers "Cancel".
    """

    page: Any  # playwright.sync_api.Page; Any because the package is only needed when Chromium is there
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    leave_unsaved: bool = False
    leaving_asked: int = 0


CALL_FAILED = pytest.StashKey[bool]()  # whether the test itself failed: then its sessions are photographed


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test module runs whole on one worker of a parallel run (its tests share one browser);
    without Chromium the default test command reports the browser tests as skipped, with the reason."""
    browser_tests = [item for item in items if "e2e" in item.keywords]
    for item in browser_tests:
        item.add_marker(pytest.mark.xdist_group(item.path.stem))
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh dev does)")
    for item in browser_tests:
        item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[RunningApp]:
    for stale in SCREENSHOTS.glob("FAILED-*.png"):  # only this run's failures are left to look at
        stale.unlink()
    # The room's poll reruns part of the page every few seconds; the tests that wait for a page's own rerun
    # after each action would take one of those for it. They get a slow poll; test_workshop_room.py has an
    # app of its own with the default.
    slow_poll = {configuration.ROOM_POLL_VARIABLE: "600"}
    with running_app(tmp_path_factory.mktemp("workbench-data"), slow_poll) as running:
        # The first session's first run stores the example workspace in the empty database: let that
        # happen before any test stores a workspace of its own, as on a fresh machine.
        context = new_context(browser)
        close_tab(open_tab(context, running.url), None)
        context.close()
        yield running


def new_context(browser: Any) -> Any:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(RUN_COUNTER)
    context.add_init_script(CALM_MOTION)
    return context


def open_tab(context: Any, url: str) -> BrowserSession:
    """A new tab on the app's start page: a new Streamlit session (the browser's cache is shared)."""
    session = BrowserSession(context.new_page())

    def record_dialog(dialog: Any) -> None:
        if dialog.type == "beforeunload":
            session.leaving_asked += 1
            dialog.accept() if session.leave_unsaved else dialog.dismiss()
            return
        session.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    session.page.on("dialog", record_dialog)
    session.page.on("pageerror", lambda error: session.page_errors.append(str(error)))
    session.page.set_default_timeout(SLOW)
    session.page.goto(url)
    expect(session.page.get_by_role("heading", name="Workspaces", exact=True)).to_be_visible(timeout=SLOW)
    settle(session.page)
    return session


def close_tab(session: BrowserSession, failed_test: str | None) -> None:
    """Photographs the tab of a failed test, then checks that nothing hostile ran in it."""
    if failed_test:
        screenshot(session.page, f"FAILED-{failed_test}")
    ran = injected_script_ran(session.page)
    session.page.close()
    assert session.dialogs == [], f"a dialog opened: {session.dialogs}"
    assert not ran, "an injected script ran (window.__pwned was set)"


def failed_test(request: pytest.FixtureRequest) -> str | None:
    return request.node.name if request.node.stash.get(CALL_FAILED, False) else None


@pytest.fixture(scope="module")
def person(browser: Any, app: RunningApp) -> Iterator[Any]:
    """One person's browser for a module's tests: its tabs share the cache, so later ones load faster."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def session(person: Any, app: RunningApp, request: pytest.FixtureRequest) -> Iterator[BrowserSession]:
    """A fresh Streamlit session in a new tab of the module's browser."""
    tab = open_tab(person, app.url)
    yield tab
    close_tab(tab, failed_test(request))


@pytest.fixture
def new_session(
    browser: Any, app: RunningApp, request: pytest.FixtureRequest
) -> Iterator[Callable[[], BrowserSession]]:
    """Opens a session in a browser of its own (another person); all are checked and closed after the test."""
    opened: list[tuple[Any, BrowserSession]] = []

    def open_one() -> BrowserSession:
        context = new_context(browser)
        opened.append((context, open_tab(context, app.url)))
        return opened[-1][1]

    yield open_one
    for index, (context, tab) in enumerate(opened):
        name = failed_test(request)
        close_tab(tab, name and f"{name}-{index}")
        context.close()
