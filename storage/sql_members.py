"""Roles per workspace in the SQL repository: one row per member and workspace."""

import sqlalchemy as sa

from storage.repository import Member, storable_text
from storage.sql_rows import utc
from storage.sql_schema import members


def put_member(connection: sa.Connection, member: Member) -> None:
    person = storable_text(member.person)
    drop_member(connection, member.workspace_id, person)
    connection.execute(
        members.insert().values(
            workspace_id=member.workspace_id, person=person, role=member.role, added_at=member.added_at
        )
    )


def drop_member(connection: sa.Connection, workspace_id: str, person: str) -> None:
    connection.execute(
        members.delete().where(members.c.workspace_id == workspace_id, members.c.person == storable_text(person))
    )


def list_members(connection: sa.Connection, workspace_id: str) -> list[Member]:
    rows = connection.execute(sa.select(members).where(members.c.workspace_id == workspace_id)).all()
    found = [Member(r.workspace_id, r.person, r.role, utc(r.added_at)) for r in rows]
    return sorted(found, key=lambda m: m.person)


def memberships(connection: sa.Connection, person: str) -> dict[str, str]:
    query = sa.select(members.c.workspace_id, members.c.role).where(members.c.person == storable_text(person))
    return {row.workspace_id: row.role for row in connection.execute(query)}


def forget_members(connection: sa.Connection, workspace_id: str) -> None:
    connection.execute(members.delete().where(members.c.workspace_id == workspace_id))
