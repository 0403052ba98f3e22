"""Review notes in the SQL repository: one row per comment or reviewed/approved mark on a version."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from storage.repository import ReviewKind, ReviewNote
from storage.sql_rows import utc
from storage.sql_schema import reviews


def review_row(note: ReviewNote) -> dict[str, Any]:
    return {
        "workspace_id": note.workspace_id,
        "number": note.number,
        "kind": note.kind.value,
        "author": note.author,
        "text": note.text,
        "created_at": note.created_at,
        "canvas_kind": note.canvas_kind,
        "canvas": note.canvas,
        "section": note.section,
    }


def _note(row: Any) -> ReviewNote:
    return ReviewNote(
        row.workspace_id,
        row.number,
        ReviewKind(row.kind),
        row.author,
        row.text,
        utc(row.created_at),
        row.canvas_kind,
        row.canvas,
        row.section,
    )


def insert_reviews(connection: sa.Connection, notes: Iterable[ReviewNote]) -> None:
    rows = [review_row(note) for note in notes]
    if rows:
        connection.execute(reviews.insert(), rows)


def list_reviews(connection: sa.Connection, workspace_id: str) -> list[ReviewNote]:
    """Newest first; notes saved in the same instant keep the order they were added in."""
    query = sa.select(reviews).where(reviews.c.workspace_id == workspace_id)
    rows = connection.execute(query.order_by(reviews.c.created_at.desc(), reviews.c.id.desc()))
    return [_note(row) for row in rows]


def reviews_by_version(connection: sa.Connection) -> dict[tuple[str, int], list[ReviewNote]]:
    """Every note, oldest first, by workspace and version number: for moving the history out."""
    found: dict[tuple[str, int], list[ReviewNote]] = defaultdict(list)
    for row in connection.execute(sa.select(reviews).order_by(reviews.c.id)):
        found[(row.workspace_id, row.number)].append(_note(row))
    return found
