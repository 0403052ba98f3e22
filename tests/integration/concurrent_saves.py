"""Saves started at the same moment, in threads or in processes (spawned, so importable as a module)."""

import multiprocessing
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from services import saving
from services.access import local_person
from storage.repository import StaleParent, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from tests.integration.workspaces import edited, small_workspace


def save_edit(repo: WorkspaceRepository, context: str, purpose: str, merge: bool) -> tuple[str, Any]:
    """Saves an edit of one context's purpose from version 1; what happened, as plain data."""
    workspace = edited(small_workspace(), context, purpose=purpose)
    if merge:
        outcome = saving.save_workspace(
            repo, "w1", workspace.model_dump(mode="json"), parent=1, person=local_person(purpose)
        )
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


@contextmanager
def plain_main() -> Iterator[None]:
    """Spawned children re-run the parent's __main__ file; after an AppTest in the same test process that is
    app.py, which must not run there. While they start, __main__ is a module without a file."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _process_main(url: str, context: str, purpose: str, merge: bool, barrier: Any, queue: Any) -> None:
    repo = SqlWorkspaceRepository(url)
    barrier.wait(timeout=60)
    queue.put((purpose, save_edit(repo, context, purpose, merge)))


def run_spawned(target: Callable[..., None], arguments: list[tuple[Any, ...]], seconds: float) -> dict[Any, Any]:
    """Runs `target(*args, barrier, queue)` in a spawned process per entry of `arguments`, all released at once;
    each puts (key, result) on the queue. Returns the results by key."""
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(len(arguments)), context.Queue()
    processes = [context.Process(target=target, args=(*args, barrier, queue)) for args in arguments]
    with plain_main():
        for process in processes:
            process.start()
    results = dict(queue.get(timeout=seconds) for _ in processes)
    for process in processes:
        process.join(timeout=30)
    return results


def in_processes(url: str, edits: list[tuple[str, str]], merge: bool) -> list[tuple[str, Any]]:
    results = run_spawned(_process_main, [(url, c, p, merge) for c, p in edits], 120)
    return [results[p] for _, p in edits]


def room_workspace(sessions: int) -> Any:
    """One context per person in the room, so each edits fields nobody else edits."""
    return small_workspace(bounded_contexts=[{"name": f"Context {i:02d}"} for i in range(sessions)], relationships=[])


def one_person_saving(repo: WorkspaceRepository, person: int, saves: int) -> list[tuple[str, Any]]:
    """A person saving `saves` edits of their own context, each from the version their last save gave them."""
    outcome = saving.SaveOutcome(repo.list_versions("w1")[-1], repo.load("w1", 1))
    results: list[tuple[str, Any]] = []
    for save in range(saves):
        assert outcome.workspace is not None and outcome.version is not None
        draft = edited(outcome.workspace, f"Context {person:02d}", purpose=f"person {person} save {save}")
        try:
            outcome = saving.save_workspace(
                repo,
                "w1",
                draft.model_dump(mode="json"),
                parent=outcome.version.number,
                person=local_person(f"person {person}"),
            )
        except Exception as error:  # counted, not raised: the run reports every failure, not just the first
            results.append(("error", f"{type(error).__name__}: {error}"))
            return results
        if outcome.pending is not None or outcome.version is None:
            results.append(("conflict", outcome.pending and [c.path for c in outcome.pending.conflicts]))
            return results
        results.append(("saved", outcome.version.number))
    return results


def room_in_threads(repo: WorkspaceRepository, people: int, saves: int) -> list[list[tuple[str, Any]]]:
    barrier = threading.Barrier(people)
    results: list[list[tuple[str, Any]]] = [[] for _ in range(people)]

    def run(person: int) -> None:
        barrier.wait()
        results[person] = one_person_saving(repo, person, saves)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _room_process_main(url: str, person: int, saves: int, barrier: Any, queue: Any) -> None:
    repo = SqlWorkspaceRepository(url)
    barrier.wait(timeout=120)
    queue.put((person, one_person_saving(repo, person, saves)))
    repo.close()


def room_in_processes(url: str, people: int, saves: int) -> list[list[tuple[str, Any]]]:
    """Each person in a process of their own, as app replicas or CLI runs against one database would be."""
    results = run_spawned(_room_process_main, [(url, i, saves) for i in range(people)], 300)
    return [results[i] for i in range(people)]
