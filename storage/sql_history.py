"""Version rows of the SQL repository: listing, and moving the whole history out and back in."""

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator

import sqlalchemy as sa

from storage import storage_messages
from storage.repository import (
    HistoryRecord,
    ReviewNote,
    StorageUnavailable,
    VersionInfo,
    WorkspaceExists,
    storable_review,
    storable_text,
)
from storage.snapshot import CorruptBlob, decode_blob, referenced_blobs
from storage.sql_reviews import insert_reviews, reviews_by_version
from storage.sql_rows import insert_blobs, present_blobs, read_blobs, version_info, version_row
from storage.sql_schema import tags, versions, workspaces


def _tags_by_number(connection: sa.Connection, workspace_id: str | None = None) -> dict[tuple[str, int], list[str]]:
    query = sa.select(tags)
    if workspace_id is not None:
        query = query.where(tags.c.workspace_id == workspace_id)
    found: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in connection.execute(query):
        found[(row.workspace_id, row.number)].append(row.tag)
    return found


def list_versions(connection: sa.Connection, workspace_id: str) -> list[VersionInfo]:
    rows = connection.execute(
        sa.select(versions).where(versions.c.workspace_id == workspace_id).order_by(versions.c.number.desc())
    )
    named = _tags_by_number(connection, workspace_id)
    return [version_info(row, named.get((workspace_id, row.number), [])) for row in rows]


def iter_history(connection: sa.Connection) -> Iterator[HistoryRecord]:
    named = _tags_by_number(connection)
    notes = reviews_by_version(connection)
    sent: set[str] = set()
    rows = connection.execute(sa.select(versions).order_by(versions.c.workspace_id, versions.c.number)).all()
    for row in rows:
        needed = referenced_blobs(row.content_hash, lambda hashes: read_blobs(connection, hashes)) - sent
        sent |= needed
        info = version_info(row, named.get((row.workspace_id, row.number), []))
        yield HistoryRecord(info, read_blobs(connection, needed), tuple(notes.get((row.workspace_id, row.number), [])))


def _check_blobs(record: HistoryRecord) -> None:
    for digest, data in record.blobs.items():
        try:
            decode_blob(digest, data)
        except CorruptBlob as error:
            raise StorageUnavailable(storage_messages.BACKUP_DAMAGED.format(reason=error)) from None


def _storable(info: VersionInfo) -> VersionInfo:
    """A hand-made backup may hold text the database cannot; saves never produce it."""
    return dataclasses.replace(
        info,
        name=storable_text(info.name),
        author=storable_text(info.author),
        message=storable_text(info.message),
        tags=tuple(storable_text(t) for t in info.tags),
    )


def _reviews_of(record: HistoryRecord) -> list[ReviewNote]:
    """The record's notes, as belonging to its version: a hand-made backup cannot attach them elsewhere."""
    info = record.version
    return [
        storable_review(dataclasses.replace(n, workspace_id=info.workspace_id, number=info.number))
        for n in record.reviews
    ]


def restore_history(connection: sa.Connection, records: Iterable[HistoryRecord]) -> int:
    """Adds every record's version, refusing workspaces that are stored already; all or nothing."""
    existing = set(connection.execute(sa.select(workspaces.c.id)).scalars())
    heads: dict[str, VersionInfo] = {}
    count = 0
    for record in records:
        info = _storable(record.version)
        if info.workspace_id in existing:
            raise WorkspaceExists(
                storage_messages.WORKSPACE_EXISTS.format(name=info.name, workspace_id=info.workspace_id)
            )
        _check_blobs(record)
        insert_blobs(connection, record.blobs)
        if info.workspace_id not in heads:
            connection.execute(
                workspaces.insert().values(
                    id=info.workspace_id, name=info.name, head=info.number, updated_at=info.created_at
                )
            )
        connection.execute(versions.insert().values(version_row(info)))
        for tag in info.tags:
            connection.execute(tags.insert().values(workspace_id=info.workspace_id, tag=tag, number=info.number))
        insert_reviews(connection, _reviews_of(record))
        heads[info.workspace_id] = info
        count += 1
    for info in heads.values():
        connection.execute(
            workspaces.update()
            .where(workspaces.c.id == info.workspace_id)
            .values(name=info.name, head=info.number, updated_at=info.created_at)
        )
        _check_complete(connection, info)
    return count


def _check_complete(connection: sa.Connection, info: VersionInfo) -> None:
    """Every blob of a restored head must be there: a backup cut short is refused, not half-restored."""
    try:
        needed = referenced_blobs(info.content_hash, lambda hashes: read_blobs(connection, hashes))
    except CorruptBlob as error:
        incomplete = storage_messages.BACKUP_INCOMPLETE.format(name=info.name, number=info.number, reason=error)
        raise StorageUnavailable(incomplete) from None
    if len(present_blobs(connection, list(needed))) != len(needed):
        raise StorageUnavailable(storage_messages.BACKUP_LACKS_CONTENT.format(name=info.name, number=info.number))
