"""Several people at once, each in their own workspace: every save is confirmed and reaches the database."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.bench_sessions import LoadRun, description_of, lost_saves, run_sessions
from tests.e2e.app_server import RunningApp

pytestmark = pytest.mark.e2e
SESSIONS, SAVES = 3, 2  # benchmarks/bench_sessions.py runs 10 x 3 and prints the timings


def test_concurrent_sessions_save_without_errors_and_without_losing_a_save(app: RunningApp) -> None:
    # The sessions run on Playwright's asyncio API; the suite's own browser holds this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        load: LoadRun = worker.submit(run_sessions_now, app.url).result(timeout=600)
    assert load.errors == []
    assert [len(run.save_seconds) for run in load.sessions] == [SAVES] * SESSIONS
    assert [run.typed for run in load.sessions] == [
        [description_of(run.workspace, n) for n in range(SAVES)] for run in load.sessions
    ]
    assert lost_saves(app.data_dir, load) == []


def run_sessions_now(url: str) -> LoadRun:
    import asyncio

    return asyncio.run(run_sessions(url, SESSIONS, SAVES, prefix="Parallel"))
