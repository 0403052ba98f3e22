"""Every backend keeps an append-only history: versions with author, message, time and content hash."""

import datetime as dt

import pytest

from storage.repository import StaleParent, VersionNotFound, WorkspaceNotFound, WorkspaceRepository
from tests.integration.workspaces import edited, small_workspace


def test_a_first_save_creates_version_1_with_author_message_time_and_hash(repo: WorkspaceRepository) -> None:
    before = dt.datetime.now(dt.UTC)
    result = repo.save("w1", small_workspace(), author="Ada", message="first draft")
    version = result.version
    assert result.created
    assert (version.number, version.parent, version.author, version.message) == (1, None, "Ada", "first draft")
    assert before <= version.created_at <= dt.datetime.now(dt.UTC)
    assert len(version.content_hash) == 64
    assert repo.list_versions("w1") == [version]
    assert repo.load("w1") == small_workspace()


def test_saving_unchanged_content_creates_no_version(repo: WorkspaceRepository) -> None:
    first = repo.save("w1", small_workspace()).version
    again = repo.save("w1", small_workspace(), parent=1, message="nothing changed")
    assert not again.created
    assert again.version == first
    assert [v.number for v in repo.list_versions("w1")] == [1]


def test_each_change_is_a_child_of_the_previous_version(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    second = repo.save("w1", edited(small_workspace(), "Orders", purpose="v2"), parent=1).version
    third = repo.save("w1", edited(small_workspace(), "Orders", purpose="v3"), parent=2).version
    assert (second.number, second.parent, third.number, third.parent) == (2, 1, 3, 2)
    assert [v.number for v in repo.list_versions("w1")] == [3, 2, 1]
    assert repo.load("w1").context("Orders").purpose == "v3"  # type: ignore[union-attr]


def test_old_versions_stay_readable_and_unchanged(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    before = repo.list_versions("w1")
    repo.save("w1", edited(small_workspace(), "Orders", purpose="later"), parent=1)
    assert repo.load("w1", 1) == small_workspace()
    assert repo.list_versions("w1")[1:] == before


def test_a_save_from_an_older_version_is_refused_with_the_newest_number(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    repo.save("w1", edited(small_workspace(), "Orders", purpose="theirs"), parent=1)
    with pytest.raises(StaleParent) as refused:
        repo.save("w1", edited(small_workspace(), "Orders", purpose="mine"), parent=1)
    assert refused.value.head == 2
    assert repo.load("w1").context("Orders").purpose == "theirs"  # type: ignore[union-attr]


def test_a_tag_names_one_version_and_moves_when_given_again(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    repo.save("w1", edited(small_workspace(), "Orders", purpose="v2"), parent=1)
    repo.tag_version("w1", 1, "after workshop 2")
    repo.tag_version("w1", 1, "baseline")
    assert [v.tags for v in repo.list_versions("w1")] == [(), ("after workshop 2", "baseline")]
    repo.tag_version("w1", 2, "after workshop 2")
    repo.untag_version("w1", "baseline")
    assert [v.tags for v in repo.list_versions("w1")] == [("after workshop 2",), ()]


def test_unknown_workspaces_and_versions_are_reported(repo: WorkspaceRepository) -> None:
    with pytest.raises(WorkspaceNotFound):
        repo.load("nope")
    repo.save("w1", small_workspace())
    with pytest.raises(VersionNotFound):
        repo.load("w1", 7)
    with pytest.raises(VersionNotFound):
        repo.tag_version("w1", 7, "x")
    with pytest.raises(WorkspaceNotFound):
        repo.save("other", small_workspace(), parent=3)


def test_the_list_shows_each_workspace_once_with_its_newest_name(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace("Shop"))
    repo.save("w1", small_workspace("Shop renamed"), parent=1)
    repo.save("w2", small_workspace("Another"))
    assert [(s.workspace_id, s.name, s.head) for s in repo.list_workspaces()] == [
        ("w2", "Another", 1),
        ("w1", "Shop renamed", 2),
    ]


def test_deleting_a_workspace_keeps_content_another_workspace_shares(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    repo.save("w2", small_workspace())  # a duplicate shares every blob
    repo.delete("w1")
    assert [s.workspace_id for s in repo.list_workspaces()] == ["w2"]
    assert repo.load("w2") == small_workspace()
    with pytest.raises(WorkspaceNotFound):
        repo.list_versions("w1")


def test_control_characters_in_names_and_messages_are_stored_and_the_content_stays_exact(
    repo: WorkspaceRepository,
) -> None:
    workspace = small_workspace("Bidi \u202eright-to-left 😀", description="Null\x00 in a long text")
    version = repo.save("w1", workspace, author="A\x00da", message="line 1\nline 2\x00").version
    assert repo.load("w1") == workspace  # the content itself is exact
    assert repo.list_versions("w1") == [version]
    assert (version.name, version.author) == ("Bidi \u202eright-to-left 😀", "A\ufffdda")
    repo.tag_version("w1", 1, "tag\x00")
    assert repo.list_versions("w1")[0].tags == ("tag\ufffd",)
