"""Rows of the SQL repository: version rows, UTC times and batched blob reads and writes."""

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from storage.repository import VersionInfo
from storage.sql_schema import blobs

BATCH = 500  # hashes per IN (...) list, well below every driver's parameter limit


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive times; both backends store UTC."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def version_info(row: Any, tag_names: Iterable[str] = ()) -> VersionInfo:
    return VersionInfo(
        row.workspace_id,
        row.number,
        row.parent,
        row.author,
        row.message,
        utc(row.created_at),
        row.content_hash,
        row.name,
        tuple(sorted(tag_names)),
    )


def read_blobs(connection: sa.Connection, hashes: Collection[str]) -> dict[str, bytes]:
    wanted, found = list(hashes), {}
    for i in range(0, len(wanted), BATCH):
        rows = connection.execute(sa.select(blobs.c.hash, blobs.c.data).where(blobs.c.hash.in_(wanted[i : i + BATCH])))
        found.update({row.hash: bytes(row.data) for row in rows})
    return found


def insert_blobs(connection: sa.Connection, new: dict[str, bytes]) -> None:
    """Stores the blobs not stored yet; a blob another save is adding at the same moment is no error."""
    missing = set(new) - set(present_blobs(connection, list(new)))
    if not missing:
        return
    rows = [{"hash": h, "data": new[h]} for h in sorted(missing)]
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(blobs).on_conflict_do_nothing()
        connection.execute(insert, rows)
    else:
        connection.execute(blobs.insert(), rows)


def present_blobs(connection: sa.Connection, hashes: list[str]) -> list[str]:
    present: list[str] = []
    for i in range(0, len(hashes), BATCH):
        present += connection.execute(sa.select(blobs.c.hash).where(blobs.c.hash.in_(hashes[i : i + BATCH]))).scalars()
    return present


def version_row(info: VersionInfo) -> dict[str, Any]:
    return {
        "workspace_id": info.workspace_id,
        "number": info.number,
        "parent": info.parent,
        "author": info.author,
        "message": info.message,
        "created_at": info.created_at,
        "content_hash": info.content_hash,
        "name": info.name,
    }
