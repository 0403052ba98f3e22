"""The live room: each person's draft kept on the server, who has a workspace open where, and the saves of
others as they arrive, ready to be taken into one's own draft."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from diff.diff_workspaces import compare_workspaces
from diff.workspace_merge import merge_workspace_data
from formats.review.review_text import summary_line
from models.access import Action, Person
from services import access
from services.saving import PendingMerge
from storage.repository import Draft, Presence, VersionInfo, WorkspaceNotFound, WorkspaceRepository

__all__ = [  # the room's types come from here too, for the app
    "PRESENT_FOR",
    "Arrival",
    "Draft",
    "Presence",
    "TakenSave",
    "discard_draft",
    "keep_draft",
    "last_workspace",
    "mark_present",
    "restore_draft",
    "take_newer_version",
    "unseen_save",
    "who_is_here",
]

PRESENT_FOR = dt.timedelta(seconds=20)  # a session not seen for this long has left (its page polls every few s)


def keep_draft(
    repo: WorkspaceRepository,
    workspace_id: str,
    *,
    person: Person,
    data: dict[str, Any],
    base_version: int | None,
    first_change_at: dt.datetime,
) -> None:
    """Keeps the person's unsaved edits on the server, so another browser or a reload gets them back."""
    access.require(repo, workspace_id, person, Action.SAVE)
    now = dt.datetime.now(dt.UTC)
    repo.put_draft(Draft(workspace_id, person.room_key, data, base_version, first_change_at, now))


def restore_draft(repo: WorkspaceRepository, workspace_id: str, *, person: Person) -> Draft | None:
    """The person's kept draft; none for someone who may not save (a draft would be theirs to save)."""
    if not access.may_do(repo, workspace_id, person, Action.SAVE):
        return None
    return repo.get_draft(workspace_id, person.room_key)


def discard_draft(repo: WorkspaceRepository, workspace_id: str, *, person: Person) -> None:
    repo.drop_draft(workspace_id, person.room_key)


def mark_present(repo: WorkspaceRepository, workspace_id: str, *, session: str, person: Person, page: str) -> None:
    access.require(repo, workspace_id, person, Action.READ)
    repo.mark_present(Presence(session, workspace_id, person.author, page, dt.datetime.now(dt.UTC)))


def who_is_here(
    repo: WorkspaceRepository,
    workspace_id: str,
    *,
    person: Person,
    now: dt.datetime | None = None,
    besides: str = "",
) -> list[Presence]:
    """The sessions other than `besides` that have the workspace open now, one per person and page, most recently
    seen first. `besides` is left out before they are counted once, so the same person's other tab still shows."""
    access.require(repo, workspace_id, person, Action.READ)
    seen = repo.list_present(workspace_id, (now or dt.datetime.now(dt.UTC)) - PRESENT_FOR)
    unique: dict[tuple[str, str], Presence] = {}
    for presence in seen:
        if presence.session != besides:
            unique.setdefault((presence.person, presence.page), presence)
    return list(unique.values())


def last_workspace(repo: WorkspaceRepository, *, person: Person) -> str | None:
    """Where the person was last, if they may still open it: a new browser of theirs opens it again."""
    last = repo.last_workspace(person.author)
    return last if last is not None and access.role_in(repo, last, person) is not None else None


@dataclass(frozen=True)
class Arrival:
    """A version someone else saved after the one a draft started from, and what it changed."""

    version: VersionInfo
    summary: str


def unseen_save(
    repo: WorkspaceRepository, workspace_id: str, *, person: Person, since: int | None, known: Arrival | None = None
) -> Arrival | None:
    """The newest version when it is newer than `since`, with what changed since then. Asked every few seconds:
    only the head is read, unless it moved past `known` (the answer of the last time), which is then reused."""
    try:
        access.require(repo, workspace_id, person, Action.READ)
        newest = repo.newest_version(workspace_id)
    except WorkspaceNotFound:
        return None
    if since is None or newest.number <= since:
        return None
    if known is not None and known.version.number == newest.number:
        return known
    old, new = repo.load(workspace_id, since), repo.load(workspace_id, newest.number)
    comparison = compare_workspaces(old, new, old_label=f"{since}", new_label=f"{newest.number}", with_findings=False)
    return Arrival(newest, summary_line(comparison))


@dataclass(frozen=True)
class TakenSave:
    """A draft with a newer version merged in, or the conflicts that stop it; `head` is that version's number."""

    head: int
    data: dict[str, Any]  # the merged draft (the draft as it was while conflicts wait)
    saved: dict[str, Any]  # the newer version's content: what now counts as saved
    pending: PendingMerge | None  # the conflicts, chosen field by field on the History page, as for a save


def take_newer_version(
    repo: WorkspaceRepository,
    workspace_id: str,
    *,
    person: Person,
    draft: dict[str, Any],
    base_version: int | None,
) -> TakenSave:
    """Merges the newest version into the draft: the edits on each side are kept; a field edited on both sides
    is a conflict, and then the draft stays as it is until the person chooses."""
    access.require(repo, workspace_id, person, Action.READ)
    newest = repo.newest_version(workspace_id)
    theirs = repo.load(workspace_id, newest.number).model_dump(mode="json")
    base = repo.load(workspace_id, base_version).model_dump(mode="json") if base_version else {}
    merge = merge_workspace_data(base, draft, theirs, None)
    if merge.conflicts:
        pending = PendingMerge(base, draft, theirs, base_version, newest.number, merge.conflicts)
        return TakenSave(newest.number, draft, theirs, pending)
    return TakenSave(newest.number, merge.data, theirs, None)
