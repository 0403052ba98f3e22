"""Drafts, presence and one-time markers, on every backend: what a live workshop keeps besides versions."""

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from services import room
from services.access import local_person
from storage.repository import Draft, Presence, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from storage.sql_schema import CURRENT_VERSION, MIGRATIONS, schema_version
from tests.integration.workspaces import small_workspace

LOCAL = local_person()

NOW = dt.datetime(2026, 12, 7, 10, 42, tzinfo=dt.UTC)


def test_a_draft_is_kept_per_workspace_and_person_exactly_as_typed(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    typed = {**small_workspace().model_dump(mode="json"), "name": "", "odd": "Ελληνικά \x00 <b>"}  # invalid is fine
    repo.put_draft(Draft("w1", "Ana", typed, 1, NOW, NOW))
    repo.put_draft(Draft("w1", "Bo", {"name": "Bo's"}, 1, NOW, NOW))
    kept = repo.get_draft("w1", "Ana")
    assert kept is not None
    assert (kept.data, kept.base_version, kept.first_change_at) == (typed, 1, NOW)
    assert repo.get_draft("w1", "Bo") is not None and repo.get_draft("w1", "Cy") is None
    repo.put_draft(Draft("w1", "Ana", {"name": "again"}, 2, NOW, NOW))
    assert repo.get_draft("w1", "Ana") == Draft("w1", "Ana", {"name": "again"}, 2, NOW, NOW)
    repo.drop_draft("w1", "Ana")
    assert repo.get_draft("w1", "Ana") is None


def test_who_is_here_counts_recent_sessions_once_per_person_and_page(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    repo.save("w2", small_workspace("Other"))
    old = NOW - room.PRESENT_FOR - dt.timedelta(seconds=1)
    repo.mark_present(Presence("s1", "w1", "Ana", "Context map", NOW))
    repo.mark_present(Presence("s2", "w1", "Ana", "Context map", NOW - dt.timedelta(seconds=2)))
    repo.mark_present(Presence("s3", "w1", "Bo", "History", NOW - dt.timedelta(seconds=5)))
    repo.mark_present(Presence("s4", "w1", "Cy", "History", old))  # has left
    repo.mark_present(Presence("s5", "w2", "Bo", "Workspaces", old))
    here = room.who_is_here(repo, "w1", person=LOCAL, now=NOW)
    assert [(p.person, p.page) for p in here] == [("Ana", "Context map"), ("Bo", "History")]
    assert room.last_workspace(repo, person=local_person("Bo")) == "w1"
    repo.mark_present(Presence("s3", "w2", "Bo", "Workspaces", NOW + dt.timedelta(seconds=1)))  # s3 moved
    assert room.last_workspace(repo, person=local_person("Bo")) == "w2"
    assert [p.person for p in room.who_is_here(repo, "w1", person=LOCAL, now=NOW)] == ["Ana"]
    # Seen from Ana's newest tab, her other tab on the same page is still someone else here.
    assert [p.session for p in room.who_is_here(repo, "w1", person=LOCAL, now=NOW, besides="s1")] == ["s2"]


def test_deleting_a_workspace_takes_its_drafts_and_presence_with_it(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    repo.put_draft(Draft("w1", "Ana", {"name": "x"}, 1, NOW, NOW))
    repo.mark_present(Presence("s1", "w1", "Ana", "Workspaces", NOW))
    repo.delete("w1")
    assert repo.get_draft("w1", "Ana") is None
    assert repo.list_present("w1", NOW - dt.timedelta(days=1)) == []
    assert repo.last_workspace("Ana") is None


def test_a_marker_is_set_once(repo: WorkspaceRepository) -> None:
    assert repo.mark_once("example-offered") is True
    assert repo.mark_once("example-offered") is False
    assert repo.mark_once("something else") is True


def test_a_version_2_database_gains_drafts_presence_and_markers_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        schema_version.create(connection)
        connection.execute(schema_version.insert().values(version=2))
        MIGRATIONS[0](connection)
        MIGRATIONS[1](connection)
    engine.dispose()
    repo = SqlWorkspaceRepository(url)
    repo.save("w1", small_workspace())
    repo.put_draft(Draft("w1", "", {"name": "x"}, 1, NOW, NOW))
    assert repo.get_draft("w1", "") is not None
    with repo.engine.connect() as connection:
        assert connection.execute(sa.select(schema_version.c.version)).scalar() == CURRENT_VERSION == 4
    repo.close()


def test_a_newer_version_is_announced_with_what_changed_and_merged_into_a_draft(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    assert room.unseen_save(repo, "w1", person=LOCAL, since=1) is None
    theirs = small_workspace(description="from Ana")
    repo.save("w1", theirs, parent=1, author="Ana")
    arrival = room.unseen_save(repo, "w1", person=LOCAL, since=1)
    assert arrival is not None
    assert (arrival.version.number, arrival.version.author, arrival.summary) == (
        2,
        "Ana",
        "workspace settings changed",
    )
    assert room.unseen_save(repo, "w1", person=LOCAL, since=1, known=arrival) is arrival  # asked again: no second diff
    mine = small_workspace(name="Shop (renamed)").model_dump(mode="json")
    taken = room.take_newer_version(repo, "w1", person=LOCAL, draft=mine, base_version=1)
    assert taken.pending is None and taken.head == 2
    assert (taken.data["name"], taken.data["description"]) == ("Shop (renamed)", "from Ana")
    clash = small_workspace(description="from Bo").model_dump(mode="json")
    conflicted = room.take_newer_version(repo, "w1", person=LOCAL, draft=clash, base_version=1)
    assert conflicted.pending is not None
    assert [c.path for c in conflicted.pending.conflicts] == ["description"]
    assert conflicted.data == clash  # the draft stays as typed until the person chooses
