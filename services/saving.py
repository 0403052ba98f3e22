"""Saving a draft as a new version: newer versions merged in, conflicts handed back field by field."""

from dataclasses import dataclass
from typing import Any

from diff.workspace_merge import ABSENT, Choice, Conflict, merge_workspace_data
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services import service_messages
from storage.repository import StaleParent, VersionInfo, WorkspaceRepository

__all__ = [  # a merge's choices come from here too, for the conflict view
    "ABSENT",
    "MERGE_ATTEMPTS",
    "Choice",
    "Conflict",
    "PendingMerge",
    "SaveOutcome",
    "resolve_conflicts",
    "restore_version",
    "save_workspace",
]


@dataclass(frozen=True)
class PendingMerge:
    """A save that met a newer version with conflicting edits: everything needed to decide and save again."""

    base: dict[str, Any]  # the version both sides started from (empty when unknown)
    mine: dict[str, Any]  # the draft, exactly as typed
    theirs: dict[str, Any]  # the newer version
    parent: int | None
    head: int
    conflicts: list[Conflict]


@dataclass(frozen=True)
class SaveOutcome:
    version: VersionInfo | None = None  # the version now holding the content; None while conflicts wait
    workspace: Workspace | None = None
    created: bool = False  # False: the content equals the newest version, nothing was added
    merged_with: int | None = None  # a newer version whose changes were merged in
    pending: PendingMerge | None = None


MERGE_ATTEMPTS = 5  # others may save again while we merge; give up after this many rounds


def save_workspace(
    repo: WorkspaceRepository,
    workspace_id: str,
    data: dict[str, Any],
    *,
    parent: int | None = None,
    author: str = "",
    message: str = "",
    choices: dict[str, Choice] | None = None,
) -> SaveOutcome:
    """Validates edited data and stores it as a child of `parent`; raises WorkspaceInvalid and stores nothing
    when it is bad. Newer versions are merged in; real conflicts come back as `pending`, nothing stored."""
    workspace, merged_with = validate_workspace_data(data), None
    data = workspace.model_dump(mode="json")  # merged in the same normal form as the stored versions
    for _ in range(MERGE_ATTEMPTS):
        try:
            result = repo.save(workspace_id, workspace, parent=parent, author=author, message=message)
        except StaleParent as stale:
            base = repo.load(workspace_id, parent).model_dump(mode="json") if parent else {}
            theirs = repo.load(workspace_id, stale.head).model_dump(mode="json")
            merge = merge_workspace_data(base, data, theirs, choices)
            if merge.conflicts:
                return SaveOutcome(pending=PendingMerge(base, data, theirs, parent, stale.head, merge.conflicts))
            data, parent, merged_with = merge.data, stale.head, stale.head
            workspace = validate_workspace_data(data)
        else:
            return SaveOutcome(result.version, workspace, result.created, merged_with)
    raise StaleParent(workspace_id, parent, parent or 0)


def resolve_conflicts(
    repo: WorkspaceRepository,
    workspace_id: str,
    pending: PendingMerge,
    choices: dict[str, Choice],
    *,
    author: str = "",
    message: str = "",
) -> SaveOutcome:
    """Saves the merge with a choice per conflict, as a new version after the one that conflicted."""
    return save_workspace(
        repo, workspace_id, pending.mine, parent=pending.parent, author=author, message=message, choices=choices
    )


def restore_version(repo: WorkspaceRepository, workspace_id: str, number: int, *, author: str = "") -> SaveOutcome:
    """Makes version `number`'s content the newest version again; history is kept, nothing is rewritten."""
    old, message = repo.load(workspace_id, number), service_messages.RESTORED_VERSION.format(number=number)
    for _ in range(MERGE_ATTEMPTS):
        head = repo.list_versions(workspace_id)[0].number
        try:
            result = repo.save(workspace_id, old, parent=head, author=author, message=message)
        except StaleParent:
            continue  # someone saved in between: restore on top of theirs
        return SaveOutcome(result.version, old, result.created)
    raise StaleParent(workspace_id, None, 0)
