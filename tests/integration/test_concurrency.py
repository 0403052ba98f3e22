"""Two people save the same version at once: never silently over each other; merged, or a visible conflict."""

from collections import Counter
from typing import Any

import pytest

from storage.repository import WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from tests.integration.concurrent_saves import (
    in_processes,
    in_threads,
    room_in_processes,
    room_in_threads,
    room_workspace,
)
from tests.integration.workspaces import small_workspace


def purposes(repo: WorkspaceRepository) -> dict[str, str]:
    return {c.name: c.purpose for c in repo.load("w1").bounded_contexts}


def test_concurrent_saves_of_one_parent_never_both_become_its_children(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    results = in_threads(repo, [("Orders", f"edit {i}") for i in range(6)], merge=False)
    assert Counter(kind for kind, _ in results) == {"saved": 1, "stale": 5}
    assert [(v.number, v.parent) for v in repo.list_versions("w1")] == [(2, 1), (1, None)]


def test_concurrent_edits_of_different_canvases_both_arrive(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    results = in_threads(repo, [("Orders", "Ada's"), ("Pricing", "Bob's")], merge=True)
    assert sorted(results, key=str) == [("saved", 2), ("saved", None)]
    assert purposes(repo) == {"Orders": "Ada's", "Pricing": "Bob's"}
    assert [(v.number, v.parent) for v in repo.list_versions("w1")] == [(3, 2), (2, 1), (1, None)]


def test_concurrent_edits_of_one_field_give_the_second_a_conflict_and_store_nothing_of_it(
    repo: WorkspaceRepository,
) -> None:
    repo.save("w1", small_workspace())
    results = in_threads(repo, [("Orders", "Ada's"), ("Orders", "Bob's")], merge=True)
    assert sorted(kind for kind, _ in results) == ["conflict", "saved"]
    assert ("conflict", ["bounded_contexts[Orders].purpose"]) in results
    assert len(repo.list_versions("w1")) == 2
    assert purposes(repo)["Orders"] in {"Ada's", "Bob's"}


@pytest.mark.parametrize("merge", [False, True], ids=["plain", "merging"])
def test_two_processes_saving_one_parent_are_serialised(database: str, merge: bool) -> None:
    repo = SqlWorkspaceRepository(database)
    repo.save("w1", small_workspace())
    results = in_processes(database, [("Orders", "Ada's"), ("Pricing", "Bob's")], merge)
    versions = [(v.number, v.parent) for v in repo.list_versions("w1")]
    if merge:
        assert sorted(results, key=str) == [("saved", 2), ("saved", None)]
        assert purposes(repo) == {"Orders": "Ada's", "Pricing": "Bob's"}
        assert versions == [(3, 2), (2, 1), (1, None)]
    else:
        assert sorted(kind for kind, _ in results) == ["saved", "stale"]
        assert versions == [(2, 1), (1, None)]
    repo.close()


def assert_every_save_landed(repo: WorkspaceRepository, results: list[list[tuple[str, Any]]], saves: int) -> None:
    """Every save became a version holding its edit, and the newest version holds every person's last edit."""
    people = len(results)
    assert [kind for person in results for kind, _ in person] == ["saved"] * (people * saves), results
    numbers = sorted(number for person in results for _, number in person)
    assert numbers == list(range(2, people * saves + 2))  # one version each, none shared, none skipped
    for person, landed in enumerate(results):
        for save, (_, number) in enumerate(landed):
            stored = {c.name: c.purpose for c in repo.load("w1", number).bounded_contexts}
            assert stored[f"Context {person:02d}"] == f"person {person} save {save}"
    newest = {c.name: c.purpose for c in repo.load("w1").bounded_contexts}
    assert newest == {f"Context {i:02d}": f"person {i} save {saves - 1}" for i in range(people)}


def test_ten_people_saving_three_times_at_once_lose_nothing(repo: WorkspaceRepository) -> None:
    repo.save("w1", room_workspace(10))
    assert_every_save_landed(repo, room_in_threads(repo, 10, 3), 3)


def test_ten_processes_saving_three_times_at_once_lose_nothing(database: str) -> None:
    repo = SqlWorkspaceRepository(database)
    repo.save("w1", room_workspace(10))
    assert_every_save_landed(repo, room_in_processes(database, 10, 3), 3)
    repo.close()
