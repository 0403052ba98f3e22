"""Versioned workspaces in a SQL database through SQLAlchemy: a SQLite file by default, PostgreSQL by URL."""

import datetime as dt
from collections.abc import Iterable, Iterator

import sqlalchemy as sa

from models.workspace import Workspace
from storage import sql_history, sql_members, sql_reviews, sql_room, sql_rows, storage_messages
from storage.repository import (
    Draft,
    HistoryRecord,
    Member,
    Presence,
    Rebase,
    ReviewNote,
    SaveResult,
    StaleParent,
    StorageUnavailable,
    VersionInfo,
    VersionNotFound,
    WorkspaceNotFound,
    WorkspaceSummary,
    storable_review,
    storable_text,
)
from storage.snapshot import CorruptBlob, assemble_snapshot, referenced_blobs, take_snapshot
from storage.sql_engine import (
    DATABASE_ERRORS,
    create_database_engine,
    describe_database,
    failure_reason,
    read_transaction,
    unreported_write_transaction,
    write_transaction,
)
from storage.sql_rows import read_blobs, utc, version_info, version_row
from storage.sql_schema import blobs, check_tables, migrate, reviews, tags, versions, workspaces

# PostgreSQL advisory lock keys: one serialises migrations, the other keeps blob clean-up apart from saves.
MIGRATION_LOCK, BLOB_LOCK = 7_310_001, 7_310_002


class SqlWorkspaceRepository:
    def __init__(self, url: str) -> None:
        self.url = url
        self.where = describe_database(url)
        self.engine = create_database_engine(url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        try:
            with unreported_write_transaction(self.engine) as connection:
                if self.is_postgres:
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))
                migrate(connection, self.where)
                check_tables(connection, self.where)
        except StorageUnavailable:
            self.engine.dispose()
            raise
        except DATABASE_ERRORS as error:
            self.engine.dispose()
            raise StorageUnavailable(
                storage_messages.CANNOT_OPEN.format(where=self.where, reason=failure_reason(error))
            ) from None

    def close(self) -> None:
        self.engine.dispose()

    def list_workspaces(self) -> list[WorkspaceSummary]:
        with read_transaction(self.engine) as connection:
            rows = connection.execute(sa.select(workspaces)).all()
        summaries = [WorkspaceSummary(r.id, r.name, utc(r.updated_at), head=r.head) for r in rows]
        return sorted(summaries, key=lambda s: (s.name.casefold(), s.workspace_id))

    def _head(self, connection: sa.Connection, workspace_id: str, *, lock: bool = False) -> int | None:
        query = sa.select(workspaces.c.head).where(workspaces.c.id == workspace_id)
        return connection.execute(query.with_for_update() if lock and self.is_postgres else query).scalar()

    def _version(self, connection: sa.Connection, workspace_id: str, number: int) -> VersionInfo:
        row = connection.execute(
            sa.select(versions).where(versions.c.workspace_id == workspace_id, versions.c.number == number)
        ).first()
        if row is None:
            raise VersionNotFound(storage_messages.VERSION_NOT_FOUND.format(workspace_id=workspace_id, number=number))
        found = connection.execute(
            sa.select(tags.c.tag).where(tags.c.workspace_id == workspace_id, tags.c.number == number)
        ).scalars()
        return version_info(row, found)

    def load(self, workspace_id: str, version: int | None = None) -> Workspace:
        with read_transaction(self.engine) as connection:
            return self._load(connection, workspace_id, version)

    def _load(self, connection: sa.Connection, workspace_id: str, version: int | None) -> Workspace:
        head = self._head(connection, workspace_id)
        if head is None:
            raise WorkspaceNotFound(workspace_id)
        info = self._version(connection, workspace_id, head if version is None else version)
        try:
            data = assemble_snapshot(info.content_hash, lambda hashes: read_blobs(connection, hashes))
        except CorruptBlob as error:
            damaged = storage_messages.VERSION_DAMAGED.format(
                where=self.where, number=info.number, name=info.name, reason=error
            )
            raise StorageUnavailable(damaged) from None
        return Workspace.model_validate(data)

    def save(
        self,
        workspace_id: str,
        workspace: Workspace,
        *,
        parent: int | None = None,
        author: str = "",
        message: str = "",
        rebase: Rebase | None = None,
    ) -> SaveResult:
        author, message = storable_text(author), storable_text(message)
        # Splitting and hashing happen before the transaction, so the lock is held only for the writes
        # (and for a rebase, which only a save that met a newer version needs).
        snapshot = take_snapshot(workspace.model_dump(mode="json"))
        now = dt.datetime.now(dt.UTC)
        # The workspace's row lock (SQLite: the write lock taken at BEGIN IMMEDIATE) serialises the saves of one
        # workspace: each sees the head the one before it wrote, so none has to retry.
        with write_transaction(self.engine) as connection:
            if self.is_postgres:
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock_shared(BLOB_LOCK)))
            head = self._head(connection, workspace_id, lock=True)
            if head is None and parent is not None:
                raise WorkspaceNotFound(workspace_id)
            if head is not None:
                newest = self._version(connection, workspace_id, head)
                if newest.content_hash != snapshot.content_hash and parent != head:
                    if rebase is None:
                        raise StaleParent(workspace_id, parent, head)
                    base = self._load(connection, workspace_id, parent) if parent else None
                    workspace = rebase(base, self._load(connection, workspace_id, head), head)
                    snapshot = take_snapshot(workspace.model_dump(mode="json"))
                if newest.content_hash == snapshot.content_hash:
                    return SaveResult(newest, created=False)
            sql_rows.insert_blobs(connection, snapshot.blobs)
            number, name = (head or 0) + 1, storable_text(workspace.name)
            info = VersionInfo(workspace_id, number, head, author, message, now, snapshot.content_hash, name)
            row = {"name": name, "head": number, "updated_at": now}
            if head is None:
                connection.execute(workspaces.insert().values(id=workspace_id, **row))
            else:
                connection.execute(workspaces.update().where(workspaces.c.id == workspace_id).values(**row))
            connection.execute(versions.insert().values(version_row(info)))
        return SaveResult(info, created=True)

    def delete(self, workspace_id: str) -> None:
        with write_transaction(self.engine) as connection:
            if self.is_postgres:
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(BLOB_LOCK)))
            if self._head(connection, workspace_id, lock=True) is None:
                raise WorkspaceNotFound(workspace_id)
            for table in (reviews, tags, versions):
                connection.execute(table.delete().where(table.c.workspace_id == workspace_id))
            sql_room.forget_workspace(connection, workspace_id)
            sql_members.forget_members(connection, workspace_id)
            connection.execute(workspaces.delete().where(workspaces.c.id == workspace_id))
            self._delete_unused_blobs(connection)

    def _delete_unused_blobs(self, connection: sa.Connection) -> None:
        """A deleted workspace's content goes too, unless another workspace's version shares it."""
        roots = connection.execute(sa.select(versions.c.content_hash).distinct()).scalars().all()
        used: set[str] = set()
        for root in roots:
            used |= referenced_blobs(root, lambda hashes: read_blobs(connection, hashes))
        stored = connection.execute(sa.select(blobs.c.hash)).scalars().all()
        unused = [h for h in stored if h not in used]
        for i in range(0, len(unused), sql_rows.BATCH):
            connection.execute(blobs.delete().where(blobs.c.hash.in_(unused[i : i + sql_rows.BATCH])))

    def list_versions(self, workspace_id: str) -> list[VersionInfo]:
        with read_transaction(self.engine) as connection:
            if self._head(connection, workspace_id) is None:
                raise WorkspaceNotFound(workspace_id)
            return sql_history.list_versions(connection, workspace_id)

    def tag_version(self, workspace_id: str, number: int, tag: str) -> None:
        tag = storable_text(tag)
        if not tag.strip():
            raise ValueError(storage_messages.EMPTY_TAG)
        with write_transaction(self.engine) as connection:
            self._version(connection, workspace_id, number)
            connection.execute(tags.delete().where(tags.c.workspace_id == workspace_id, tags.c.tag == tag.strip()))
            connection.execute(tags.insert().values(workspace_id=workspace_id, tag=tag.strip(), number=number))

    def untag_version(self, workspace_id: str, tag: str) -> None:
        with write_transaction(self.engine) as connection:
            connection.execute(tags.delete().where(tags.c.workspace_id == workspace_id, tags.c.tag == tag))

    def add_review(self, note: ReviewNote) -> ReviewNote:
        note = storable_review(note)
        with write_transaction(self.engine) as connection:
            if self._head(connection, note.workspace_id) is None:
                raise WorkspaceNotFound(note.workspace_id)
            self._version(connection, note.workspace_id, note.number)
            sql_reviews.insert_reviews(connection, [note])
        return note

    def list_reviews(self, workspace_id: str) -> list[ReviewNote]:
        with read_transaction(self.engine) as connection:
            if self._head(connection, workspace_id) is None:
                raise WorkspaceNotFound(workspace_id)
            return sql_reviews.list_reviews(connection, workspace_id)

    def newest_version(self, workspace_id: str) -> VersionInfo:
        with read_transaction(self.engine) as connection:
            head = self._head(connection, workspace_id)
            if head is None:
                raise WorkspaceNotFound(workspace_id)
            return self._version(connection, workspace_id, head)

    def put_draft(self, draft: Draft) -> None:
        with write_transaction(self.engine) as connection:
            sql_room.put_draft(connection, draft)

    def get_draft(self, workspace_id: str, person: str) -> Draft | None:
        with read_transaction(self.engine) as connection:
            return sql_room.get_draft(connection, workspace_id, person)

    def drop_draft(self, workspace_id: str, person: str) -> None:
        with write_transaction(self.engine) as connection:
            sql_room.drop_draft(connection, workspace_id, person)

    def mark_present(self, presence: Presence) -> None:
        with write_transaction(self.engine) as connection:
            sql_room.mark_present(connection, presence)

    def list_present(self, workspace_id: str, since: dt.datetime) -> list[Presence]:
        with read_transaction(self.engine) as connection:
            return sql_room.list_present(connection, workspace_id, since)

    def last_workspace(self, person: str) -> str | None:
        with read_transaction(self.engine) as connection:
            return sql_room.last_workspace(connection, person)

    def mark_once(self, name: str) -> bool:
        with write_transaction(self.engine) as connection:
            return sql_room.mark_once(connection, name)

    def put_member(self, member: Member) -> None:
        with write_transaction(self.engine) as connection:
            if self._head(connection, member.workspace_id) is None:
                raise WorkspaceNotFound(member.workspace_id)
            sql_members.put_member(connection, member)

    def drop_member(self, workspace_id: str, person: str) -> None:
        with write_transaction(self.engine) as connection:
            sql_members.drop_member(connection, workspace_id, person)

    def list_members(self, workspace_id: str) -> list[Member]:
        with read_transaction(self.engine) as connection:
            return sql_members.list_members(connection, workspace_id)

    def memberships(self, person: str) -> dict[str, str]:
        with read_transaction(self.engine) as connection:
            return sql_members.memberships(connection, person)

    def iter_history(self) -> Iterator[HistoryRecord]:
        with read_transaction(self.engine) as connection:
            yield from sql_history.iter_history(connection)

    def restore_history(self, records: Iterable[HistoryRecord]) -> int:
        with write_transaction(self.engine) as connection:
            if self.is_postgres:
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(BLOB_LOCK)))
            return sql_history.restore_history(connection, records)

    def stored_bytes(self) -> int:
        """The bytes of all stored content (compressed blobs), to measure what a save adds."""
        with read_transaction(self.engine) as connection:
            return int(connection.execute(sa.select(sa.func.sum(sa.func.length(blobs.c.data)))).scalar() or 0)
