"""Saves started at the same moment, in threads or in processes (spawned, so importable as a module)."""

import multiprocessing
import threading
from collections.abc import Callable
from typing import Any

from services import saving
from storage.repository import StaleParent, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from tests.integration.workspaces import edited, small_workspace


def save_edit(repo: WorkspaceRepository, context: str, purpose: str, merge: bool) -> tuple[str, Any]:
    """Saves an edit of one context's purpose from version 1; what happened, as plain data."""
    workspace = edited(small_workspace(), context, purpose=purpose)
    if merge:
        outcome = saving.save_workspace(repo, "w1", workspace.model_dump(mode="json"), parent=1, author=purpose)
        if outcome.pending is not None:
            return "conflict", [c.path for c in outcome.pending.conflicts]
        return "saved", outcome.merged_with
    try:
        return "saved", repo.save("w1", workspace, parent=1, author=purpose).version.number
    except StaleParent as stale:
        return "stale", stale.head


def in_threads(repo: WorkspaceRepository, edits: list[tuple[str, str]], merge: bool) -> list[tuple[str, Any]]:
    barrier = threading.Barrier(len(edits))
    results: list[tuple[str, Any]] = [("", None)] * len(edits)

    def run(i: int) -> None:
        barrier.wait()
        results[i] = save_edit(repo, *edits[i], merge)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(edits))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _process_main(url: str, context: str, purpose: str, merge: bool, barrier: Any, queue: Any) -> None:
    repo = SqlWorkspaceRepository(url)
    barrier.wait(timeout=60)
    queue.put((purpose, save_edit(repo, context, purpose, merge)))


def in_processes(url: str, edits: list[tuple[str, str]], merge: bool) -> list[tuple[str, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(len(edits)), context.Queue()
    target: Callable[..., None] = _process_main
    processes = [context.Process(target=target, args=(url, c, p, merge, barrier, queue)) for c, p in edits]
    for process in processes:
        process.start()
    results = dict(queue.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=30)
    return [results[p] for _, p in edits]
