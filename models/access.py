"""Who is acting and what each role in a workspace may do: the permission matrix, with no I/O."""

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


class Action(StrEnum):
    READ = "read"
    EXPORT = "export"
    COMMENT = "comment"
    APPROVE = "approve"
    ACCEPT_RISK = "accept risks"
    SAVE = "save"
    MANAGE_MEMBERS = "manage members"
    DELETE = "delete"
    RESTORE = "restore"


_VIEWER = frozenset({Action.READ, Action.EXPORT})
_REVIEWER = _VIEWER | {Action.COMMENT, Action.APPROVE, Action.ACCEPT_RISK}
_EDITOR = _REVIEWER | {Action.SAVE}
_OWNER = _EDITOR | {Action.MANAGE_MEMBERS, Action.DELETE, Action.RESTORE}

# Each role may do what the one below it may, and more: viewers read and export, reviewers also comment, approve
# and accept risks, editors also save, owners also manage members, delete and restore.
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.VIEWER: _VIEWER,
    Role.REVIEWER: _REVIEWER,
    Role.EDITOR: _EDITOR,
    Role.OWNER: _OWNER,
}

# The member row that stands for whoever runs the workbench without sign-in (a local tool, or the CLI next to
# the database). Workspaces from before roles existed, and those created without sign-in, have it as owner.
LOCAL_MEMBER = "local"


def may(role: Role | None, action: Action) -> bool:
    return role is not None and action in ALLOWED[role]


def least_role_for(action: Action) -> Role:
    """The lowest role that may do `action`, for messages that say what would be needed."""
    return next(r for r in (Role.VIEWER, Role.REVIEWER, Role.EDITOR, Role.OWNER) if action in ALLOWED[r])


@dataclass(frozen=True)
class Person:
    """The one acting. Signed in, the identity comes from the sign-in provider and nobody can type it; without a
    provider the workbench is a one-person local tool and `name` is what that person typed."""

    name: str
    email: str = ""
    subject: str = ""
    signed_in: bool = False

    @property
    def member_key(self) -> str:
        """How memberships name this person: the e-mail an owner adds (lower case), or the local member."""
        return (self.email.strip().lower() or self.subject) if self.signed_in else LOCAL_MEMBER

    @property
    def room_key(self) -> str:
        """Whose draft and presence: the signed-in identity, or the typed name of the local tool."""
        return self.member_key if self.signed_in else self.name

    @property
    def author(self) -> str:
        """What versions, notes and acceptances record as their author."""
        if self.signed_in and self.email:
            return f"{self.name} <{self.email}>" if self.name else self.email
        return self.name


def local_person(name: str = "") -> Person:
    return Person(name=name)
