"""The database tables and the ordered migrations that create and upgrade them on start."""

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from models.access import LOCAL_MEMBER, Role
from storage import storage_messages
from storage.repository import DatabaseTooNew, StorageUnavailable

metadata = sa.MetaData()

schema_version = sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, nullable=False))

workspaces = sa.Table(
    "workspaces",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("head", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("workspace_id", sa.String(64), sa.ForeignKey("workspaces.id"), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("parent", sa.Integer, nullable=True),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("workspace_id", sa.String(64), primary_key=True),
    sa.Column("tag", sa.Text, primary_key=True),
    sa.Column("number", sa.Integer, nullable=False),
    sa.ForeignKeyConstraint(["workspace_id", "number"], ["versions.workspace_id", "versions.number"]),
)

blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)


reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("workspace_id", sa.String(64), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("canvas_kind", sa.Text, nullable=False),
    sa.Column("canvas", sa.Text, nullable=False),
    sa.Column("section", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(["workspace_id", "number"], ["versions.workspace_id", "versions.number"]),
    sa.Index("reviews_by_version", "workspace_id", "number"),
)


drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("workspace_id", sa.String(64), primary_key=True),
    sa.Column("person", sa.Text, primary_key=True),
    sa.Column("base_version", sa.Integer, nullable=True),
    sa.Column("data", sa.LargeBinary, nullable=False),  # the draft as compressed JSON, valid or not
    sa.Column("first_change_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

presence = sa.Table(
    "presence",
    metadata,
    sa.Column("session", sa.String(64), primary_key=True),
    sa.Column("workspace_id", sa.String(64), nullable=False),
    sa.Column("person", sa.Text, nullable=False),
    sa.Column("page", sa.Text, nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("presence_by_workspace", "workspace_id", "seen_at"),
)

markers = sa.Table(
    "markers",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
)

members = sa.Table(
    "members",
    metadata,
    sa.Column("workspace_id", sa.String(64), primary_key=True),
    sa.Column("person", sa.Text, primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("members_by_person", "person"),
)


def _create_version_1(connection: sa.Connection) -> None:
    # When a later migration changes a table, copy these definitions here first: migration 1 must
    # keep creating the schema of version 1, whatever the tables above look like by then.
    metadata.create_all(connection, tables=[workspaces, versions, tags, blobs])


def _add_reviews(connection: sa.Connection) -> None:
    """Version 2: the review trail (comments, reviewed and approved marks on versions)."""
    metadata.create_all(connection, tables=[reviews])


def _add_drafts_presence_markers(connection: sa.Connection) -> None:
    """Version 3: each person's draft of a workspace, who has which workspace open, and one-time markers."""
    metadata.create_all(connection, tables=[drafts, presence, markers])


def _add_members(connection: sa.Connection) -> None:
    """Version 4: roles per workspace. Every workspace stored before then was made without sign-in, so its
    owner is the local member (whoever runs the workbench next to the database)."""
    metadata.create_all(connection, tables=[members])
    now = dt.datetime.now(dt.UTC)
    existing = connection.execute(sa.select(workspaces.c.id)).scalars().all()
    if existing:
        rows = [
            {"workspace_id": w, "person": LOCAL_MEMBER, "role": Role.OWNER.value, "added_at": now} for w in existing
        ]
        connection.execute(members.insert(), rows)


# Migration n upgrades schema n-1 to n. Append, never edit or reorder: databases in the field ran them.
MIGRATIONS: list[Callable[[sa.Connection], None]] = [
    _create_version_1,
    _add_reviews,
    _add_drafts_presence_markers,
    _add_members,
]
CURRENT_VERSION = len(MIGRATIONS)


def stored_version(connection: sa.Connection) -> int:
    if not sa.inspect(connection).has_table("schema_version"):
        return 0
    version = connection.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(version or 0)


def migrate(connection: sa.Connection, where: str) -> None:
    """Brings the schema up to date inside the caller's transaction; refuses a database newer than the code."""
    version = stored_version(connection)
    if version > CURRENT_VERSION:
        raise DatabaseTooNew(
            storage_messages.DATABASE_TOO_NEW.format(where=where, version=version, current=CURRENT_VERSION)
        )
    if version == 0:
        schema_version.create(connection, checkfirst=True)
        connection.execute(schema_version.insert().values(version=0))
    for number in range(version + 1, CURRENT_VERSION + 1):
        MIGRATIONS[number - 1](connection)
        connection.execute(schema_version.update().values(version=number))


def check_tables(connection: sa.Connection, where: str) -> None:
    """A database at the current version lacking a table was damaged or written by something else."""
    missing = [t.name for t in metadata.sorted_tables if not sa.inspect(connection).has_table(t.name)]
    if missing:
        listed = ", ".join(missing)
        raise StorageUnavailable(storage_messages.TABLES_MISSING.format(where=where, tables=listed))
