"""The repository port: what the services need from storage, nothing more."""

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from models.workspace import Workspace
from storage import storage_messages


@dataclass(frozen=True)
class WorkspaceSummary:
    workspace_id: str
    name: str
    updated_at: dt.datetime
    problem: str | None = None  # set when the stored workspace cannot be read
    head: int | None = None  # the number of the newest version


@dataclass(frozen=True)
class VersionInfo:
    """One immutable version of a workspace; `content_hash` identifies its content across databases."""

    workspace_id: str
    number: int
    parent: int | None
    author: str
    message: str
    created_at: dt.datetime
    content_hash: str
    name: str  # the workspace's name in this version
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaveResult:
    version: VersionInfo
    created: bool  # False when the content equals the newest version, which is then returned


class ReviewKind(StrEnum):
    COMMENT = "comment"
    REVIEWED = "reviewed"
    APPROVED = "approved"


@dataclass(frozen=True)
class ReviewNote:
    """A reviewer's comment on a version, or the mark that it was reviewed or approved (with optional text).

    A comment may point at one canvas section: `canvas_kind` and `canvas` name the canvas, `section` the
    section's title; all three are empty for a note on the whole version.
    """

    workspace_id: str
    number: int
    kind: ReviewKind
    author: str
    text: str
    created_at: dt.datetime
    canvas_kind: str = ""
    canvas: str = ""
    section: str = ""


@dataclass(frozen=True)
class HistoryRecord:
    """One version with the content blobs it needs, as moved by backup and restore."""

    version: VersionInfo
    blobs: dict[str, bytes] = field(default_factory=dict)  # only blobs not sent with an earlier record
    reviews: tuple[ReviewNote, ...] = ()  # the review notes on this version, oldest first


@dataclass(frozen=True)
class Draft:
    """One person's unsaved edits of a workspace, kept on the server so no browser or reload loses them."""

    workspace_id: str
    person: str  # who typed it; "" for the one local user of a workbench without sign-in
    data: dict[str, Any]  # the workspace as typed, valid or not
    base_version: int | None  # the version the edits started from: the parent of their save
    first_change_at: dt.datetime  # when the first of these edits was made
    updated_at: dt.datetime


@dataclass(frozen=True)
class Member:
    """Someone's role in a workspace; `person` is the e-mail an owner added (lower case) or the local member."""

    workspace_id: str
    person: str
    role: str
    added_at: dt.datetime


@dataclass(frozen=True)
class Presence:
    """A browser session that has a workspace open, on a page, as last seen."""

    session: str
    workspace_id: str
    person: str
    page: str
    seen_at: dt.datetime


def storable_text(text: str) -> str:
    """Metadata text every database can hold: PostgreSQL text refuses NUL, and no driver takes a lone surrogate.

    Only the copies kept beside the content (names, authors, messages, tags) pass through here; the
    workspace itself is stored as escaped JSON and comes back exactly as saved.
    """
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


class WorkspaceNotFound(KeyError):
    """No workspace is stored under this id."""


class VersionNotFound(KeyError):
    """The workspace has no version with this number."""


class StaleParent(Exception):
    """The save started from a version that is no longer the newest: merge with `head` first."""

    def __init__(self, workspace_id: str, parent: int | None, head: int) -> None:
        super().__init__(storage_messages.STALE_PARENT.format(workspace_id=workspace_id, parent=parent, head=head))
        self.workspace_id = workspace_id
        self.parent = parent
        self.head = head


class WorkspaceExists(ValueError):
    """A restore would add a workspace that is already stored."""


class StorageUnavailable(Exception):
    """The database cannot be opened or read; the message says which one and what to do."""


class DatabaseTooNew(StorageUnavailable):
    """The database was written by a newer workbench with a schema this code does not know."""


# Given the content of the save's parent (None when it had none), the newest content and that version's number,
# the content to store as a child of the newest. The repository calls it while it holds the workspace's lock,
# so nobody saves in between; it may raise, and then nothing is stored.
Rebase = Callable[[Workspace | None, Workspace, int], Workspace]


class WorkspaceRepository(Protocol):
    def list_workspaces(self) -> list[WorkspaceSummary]: ...

    def load(self, workspace_id: str, version: int | None = None) -> Workspace:
        """The newest version, or version `version`."""
        ...

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
        """A new version as child of `parent` (None: a new workspace). When `parent` is no longer the newest,
        `rebase` makes the content to store on top of the newest; without it, StaleParent."""
        ...

    def delete(self, workspace_id: str) -> None: ...

    def list_versions(self, workspace_id: str) -> list[VersionInfo]:
        """Every version, newest first."""
        ...

    def tag_version(self, workspace_id: str, number: int, tag: str) -> None:
        """Names a version; a tag names one version of a workspace, so it moves from any earlier one."""
        ...

    def untag_version(self, workspace_id: str, tag: str) -> None: ...

    def add_review(self, note: ReviewNote) -> ReviewNote:
        """Stores a review note on an existing version (VersionNotFound otherwise); returns it as stored."""
        ...

    def list_reviews(self, workspace_id: str) -> list[ReviewNote]:
        """Every review note of the workspace, newest first."""
        ...

    def newest_version(self, workspace_id: str) -> VersionInfo:
        """The head version alone, cheap enough to ask every few seconds."""
        ...

    def put_draft(self, draft: Draft) -> None:
        """Keeps `draft` as its person's draft of its workspace, replacing the one before."""
        ...

    def get_draft(self, workspace_id: str, person: str) -> Draft | None: ...

    def drop_draft(self, workspace_id: str, person: str) -> None: ...

    def mark_present(self, presence: Presence) -> None:
        """Records where a session is now; one row per session."""
        ...

    def list_present(self, workspace_id: str, since: dt.datetime) -> list[Presence]:
        """The sessions seen on the workspace at or after `since`, most recent first."""
        ...

    def last_workspace(self, person: str) -> str | None:
        """The workspace the person had open most recently, if it still exists."""
        ...

    def mark_once(self, name: str) -> bool:
        """Sets a one-time marker; True only for the call that set it."""
        ...

    def put_member(self, member: Member) -> None:
        """Gives `member.person` the role in the workspace (WorkspaceNotFound without it), replacing any other."""
        ...

    def drop_member(self, workspace_id: str, person: str) -> None: ...

    def list_members(self, workspace_id: str) -> list[Member]:
        """The workspace's members, by e-mail."""
        ...

    def memberships(self, person: str) -> dict[str, str]:
        """The role of `person` in each workspace they are a member of, by workspace id."""
        ...

    def iter_history(self) -> Iterator[HistoryRecord]:
        """Every version of every workspace, oldest first per workspace, with the blobs each adds."""
        ...

    def restore_history(self, records: Iterable[HistoryRecord]) -> int:
        """Adds the versions of workspaces not stored yet, in one transaction; returns how many."""
        ...


def storable_review(note: ReviewNote) -> ReviewNote:
    """The note with text every database can hold; a comment without text is refused."""
    text = storable_text(note.text).strip()
    if note.kind is ReviewKind.COMMENT and not text:
        raise ValueError(storage_messages.EMPTY_COMMENT)
    return dataclasses.replace(
        note,
        kind=ReviewKind(note.kind),
        author=storable_text(note.author).strip(),
        text=text,
        canvas_kind=storable_text(note.canvas_kind),
        canvas=storable_text(note.canvas),
        section=storable_text(note.section),
    )
