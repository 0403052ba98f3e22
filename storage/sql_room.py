"""The live room in the SQL repository: each person's draft of a workspace, who is where, one-time markers."""

import datetime as dt
import json
import zlib
from typing import Any

import sqlalchemy as sa

from storage.repository import Draft, Presence, storable_text
from storage.sql_rows import utc
from storage.sql_schema import drafts, markers, presence, workspaces


def _draft(row: Any) -> Draft:
    data = json.loads(zlib.decompress(row.data))
    return Draft(row.workspace_id, row.person, data, row.base_version, utc(row.first_change_at), utc(row.updated_at))


def put_draft(connection: sa.Connection, draft: Draft) -> None:
    person = storable_text(draft.person)
    drop_draft(connection, draft.workspace_id, person)
    packed = zlib.compress(json.dumps(draft.data, ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)
    connection.execute(
        drafts.insert().values(
            workspace_id=draft.workspace_id,
            person=person,
            base_version=draft.base_version,
            data=packed,
            first_change_at=draft.first_change_at,
            updated_at=draft.updated_at,
        )
    )


def get_draft(connection: sa.Connection, workspace_id: str, person: str) -> Draft | None:
    query = sa.select(drafts).where(drafts.c.workspace_id == workspace_id, drafts.c.person == storable_text(person))
    row = connection.execute(query).first()
    return None if row is None else _draft(row)


def drop_draft(connection: sa.Connection, workspace_id: str, person: str) -> None:
    connection.execute(
        drafts.delete().where(drafts.c.workspace_id == workspace_id, drafts.c.person == storable_text(person))
    )


def mark_present(connection: sa.Connection, seen: Presence) -> None:
    connection.execute(presence.delete().where(presence.c.session == seen.session))
    connection.execute(
        presence.insert().values(
            session=seen.session,
            workspace_id=seen.workspace_id,
            person=storable_text(seen.person),
            page=storable_text(seen.page),
            seen_at=seen.seen_at,
        )
    )


def list_present(connection: sa.Connection, workspace_id: str, since: dt.datetime) -> list[Presence]:
    query = sa.select(presence).where(presence.c.workspace_id == workspace_id, presence.c.seen_at >= since)
    rows = connection.execute(query.order_by(presence.c.seen_at.desc()))
    return [Presence(r.session, r.workspace_id, r.person, r.page, utc(r.seen_at)) for r in rows]


def last_workspace(connection: sa.Connection, person: str) -> str | None:
    query = (
        sa.select(presence.c.workspace_id)
        .join(workspaces, workspaces.c.id == presence.c.workspace_id)
        .where(presence.c.person == storable_text(person))
        .order_by(presence.c.seen_at.desc())
        .limit(1)
    )
    return connection.execute(query).scalar()


def mark_once(connection: sa.Connection, name: str) -> bool:
    if connection.execute(sa.select(markers.c.name).where(markers.c.name == name)).first() is not None:
        return False
    connection.execute(markers.insert().values(name=name, set_at=dt.datetime.now(dt.UTC)))
    return True


def forget_workspace(connection: sa.Connection, workspace_id: str) -> None:
    """A deleted workspace takes its drafts and its presence rows with it."""
    for table in (drafts, presence):
        connection.execute(table.delete().where(table.c.workspace_id == workspace_id))
