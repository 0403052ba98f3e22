"""Identity and roles: who may do what in which workspace, checked here so the app and the CLI obey the same
rules. Without a sign-in provider the workbench is one person's local tool, and that person owns everything."""

import datetime as dt

from models.access import Action, Person, Role, least_role_for, local_person, may
from services import service_messages
from storage.repository import Member, WorkspaceRepository, WorkspaceSummary

__all__ = ["Action", "Member", "PermissionDenied", "Person", "Role", "local_person"]


class PermissionDenied(Exception):
    """The person lacks the role the action needs; the message says which role that is."""


def role_in(repo: WorkspaceRepository, workspace_id: str, person: Person) -> Role | None:
    if not person.signed_in:
        return Role.OWNER
    found = repo.memberships(person.member_key).get(workspace_id)
    return Role(found) if found else None


def require(repo: WorkspaceRepository, workspace_id: str, person: Person, action: Action) -> Role:
    """The person's role, when it allows `action`; PermissionDenied otherwise."""
    role = role_in(repo, workspace_id, person)
    if not may(role, action):
        raise PermissionDenied(denial(person, action, role))
    assert role is not None
    return role


def may_do(repo: WorkspaceRepository, workspace_id: str, person: Person, action: Action) -> bool:
    return may(role_in(repo, workspace_id, person), action)


def denial(person: Person, action: Action, role: Role | None) -> str:
    held = service_messages.HOLDS_ROLE.format(role=role) if role else service_messages.NOT_A_MEMBER
    who = person.email or person.name or service_messages.SOMEONE
    return service_messages.PERMISSION_DENIED.format(who=who, action=action, needed=least_role_for(action), held=held)


def allowed_actions(repo: WorkspaceRepository, workspace_id: str, person: Person) -> frozenset[Action]:
    """What the person may do in the workspace, for the app to show only those controls."""
    role = role_in(repo, workspace_id, person)
    return frozenset(a for a in Action if may(role, a))


def visible_workspaces(repo: WorkspaceRepository, person: Person) -> list[WorkspaceSummary]:
    """The workspaces the person is a member of (all of them for the local tool)."""
    every = repo.list_workspaces()
    if not person.signed_in:
        return every
    mine = repo.memberships(person.member_key)
    return [s for s in every if s.workspace_id in mine]


def make_owner(repo: WorkspaceRepository, workspace_id: str, person: Person) -> None:
    """The creator of a workspace owns it."""
    repo.put_member(Member(workspace_id, person.member_key, Role.OWNER.value, dt.datetime.now(dt.UTC)))


def list_members(repo: WorkspaceRepository, workspace_id: str, person: Person) -> list[Member]:
    require(repo, workspace_id, person, Action.READ)
    return repo.list_members(workspace_id)


def add_member(repo: WorkspaceRepository, workspace_id: str, person: Person, *, email: str, role: Role) -> Member:
    """Gives the person with `email` the role (replacing the one they had); ValueError for a bad address."""
    require(repo, workspace_id, person, Action.MANAGE_MEMBERS)
    key = _member_email(email)
    _keep_an_owner(repo, workspace_id, key, role)
    member = Member(workspace_id, key, Role(role).value, dt.datetime.now(dt.UTC))
    repo.put_member(member)
    return member


def remove_member(repo: WorkspaceRepository, workspace_id: str, person: Person, *, email: str) -> None:
    require(repo, workspace_id, person, Action.MANAGE_MEMBERS)
    key = email.strip().lower()
    _keep_an_owner(repo, workspace_id, key, None)
    repo.drop_member(workspace_id, key)


def _member_email(email: str) -> str:
    key = email.strip().lower()
    local, at, domain = key.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() or not c.isprintable() for c in key):
        raise ValueError(service_messages.BAD_MEMBER_EMAIL.format(email=email))
    return key


def _keep_an_owner(repo: WorkspaceRepository, workspace_id: str, key: str, role: Role | None) -> None:
    """A workspace always keeps an owner, or nobody could manage or delete it any more."""
    owners = {m.person for m in repo.list_members(workspace_id) if m.role == Role.OWNER}
    if owners == {key} and role is not Role.OWNER:
        raise ValueError(service_messages.LAST_OWNER.format(email=key))
