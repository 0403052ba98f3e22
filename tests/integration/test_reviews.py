"""The review trail: comments and reviewed/approved marks on versions, stored with the history."""

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.repository import ReviewKind, ReviewNote, VersionNotFound, WorkspaceNotFound, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from storage.sql_schema import CURRENT_VERSION, MIGRATIONS, schema_version
from tests.integration.workspaces import edited, small_workspace


def note(number: int, kind: ReviewKind = ReviewKind.COMMENT, text: str = "", **where: str) -> ReviewNote:
    return ReviewNote("w1", number, kind, "Rita Reviewer", text, dt.datetime.now(dt.UTC), **where)


def two_versions(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace(), author="Ada")
    repo.save("w1", edited(small_workspace(), "Orders", purpose="v2"), parent=1, author="Bob")


def test_notes_are_listed_newest_first_with_what_they_point_at(repo: WorkspaceRepository) -> None:
    two_versions(repo)
    repo.add_review(
        note(
            1,
            text="Why is Orders conformist here?",
            canvas_kind="bounded_context",
            canvas="Orders",
            section="Inbound Communication",
        )
    )
    repo.add_review(note(2, ReviewKind.REVIEWED))
    repo.add_review(note(2, ReviewKind.APPROVED, text="  Good to go after the ACL.  "))
    listed = repo.list_reviews("w1")
    assert [(n.number, n.kind) for n in listed] == [
        (2, ReviewKind.APPROVED),
        (2, ReviewKind.REVIEWED),
        (1, ReviewKind.COMMENT),
    ]
    assert listed[0].text == "Good to go after the ACL." and listed[1].text == ""
    first = listed[2]
    assert (first.canvas_kind, first.canvas, first.section) == ("bounded_context", "Orders", "Inbound Communication")
    assert first.author == "Rita Reviewer" and first.created_at.tzinfo is not None


def test_a_comment_needs_text_and_a_real_version(repo: WorkspaceRepository) -> None:
    two_versions(repo)
    with pytest.raises(ValueError, match="needs some text"):
        repo.add_review(note(1, text="   "))
    with pytest.raises(VersionNotFound):
        repo.add_review(note(3, text="there is no version 3"))
    with pytest.raises(WorkspaceNotFound):
        repo.add_review(ReviewNote("nope", 1, ReviewKind.REVIEWED, "R", "", dt.datetime.now(dt.UTC)))
    assert repo.list_reviews("w1") == []


def test_text_any_database_cannot_hold_is_made_storable(repo: WorkspaceRepository) -> None:
    two_versions(repo)
    repo.add_review(note(1, text="NUL \x00 and a lone \ud800 surrogate <script>alert(1)</script>"))
    assert repo.list_reviews("w1")[0].text == "NUL \ufffd and a lone ? surrogate <script>alert(1)</script>"


def test_deleting_a_workspace_deletes_its_notes(repo: WorkspaceRepository) -> None:
    two_versions(repo)
    repo.add_review(note(2, ReviewKind.APPROVED))
    repo.delete("w1")
    with pytest.raises(WorkspaceNotFound):
        repo.list_reviews("w1")
    two_versions(repo)
    assert repo.list_reviews("w1") == []  # a new workspace under the old id starts without the old notes


def test_a_version_1_database_gains_the_review_table_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        schema_version.create(connection)
        connection.execute(schema_version.insert().values(version=1))
        MIGRATIONS[0](connection)
    engine.dispose()
    repo = SqlWorkspaceRepository(url)
    two_versions(repo)
    repo.add_review(note(1, ReviewKind.REVIEWED))
    assert [n.kind for n in repo.list_reviews("w1")] == [ReviewKind.REVIEWED]
    with repo.engine.connect() as connection:
        assert connection.execute(sa.select(schema_version.c.version)).scalar() == CURRENT_VERSION == 4
    repo.close()
