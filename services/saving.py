"""Saving a draft as a new version: newer versions merged in, conflicts handed back field by field."""

from dataclasses import dataclass
from typing import Any

from diff.workspace_merge import ABSENT, Choice, Conflict, merge_workspace_data
from formats.workspace_json.input_limits import limit_problems
from models.access import Action, Person
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Workspace
from services import access, service_messages
from services.configuration import input_limits
from storage.repository import VersionInfo, WorkspaceRepository

__all__ = [  # a merge's choices come from here too, for the conflict view
    "ABSENT",
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


class _Conflicted(Exception):
    """Raised out of a rebase to leave the save without storing anything: the conflicts wait for a choice."""

    def __init__(self, pending: PendingMerge) -> None:
        super().__init__()
        self.pending = pending


def save_workspace(
    repo: WorkspaceRepository,
    workspace_id: str,
    data: dict[str, Any],
    *,
    person: Person,
    parent: int | None = None,
    message: str = "",
    choices: dict[str, Choice] | None = None,
) -> SaveOutcome:
    """Validates edited data and stores it as a child of `parent`; raises WorkspaceInvalid and stores nothing
    when it is bad. A newer version is merged in while the workspace is locked, so a save never has to be
    tried again however many people save at once; real conflicts come back as `pending`, nothing stored."""
    access.require(repo, workspace_id, person, Action.SAVE)
    too_much = limit_problems(data, input_limits())
    if too_much:  # built up in the app past the limits a file meets: said before any work, as for a file
        raise WorkspaceInvalid(too_much)
    workspace = validate_workspace_data(data)
    data = workspace.model_dump(mode="json")  # merged in the same normal form as the stored versions
    merged: list[tuple[int, Workspace]] = []  # the newer version merged in and the result, when there was one

    def merge_onto(base: Workspace | None, newest: Workspace, head: int) -> Workspace:
        base_data = base.model_dump(mode="json") if base is not None else {}
        theirs = newest.model_dump(mode="json")
        merge = merge_workspace_data(base_data, data, theirs, choices)
        if merge.conflicts:
            raise _Conflicted(PendingMerge(base_data, data, theirs, parent, head, merge.conflicts))
        merged.append((head, validate_workspace_data(merge.data)))
        return merged[-1][1]

    try:
        result = repo.save(
            workspace_id, workspace, parent=parent, author=person.author, message=message, rebase=merge_onto
        )
    except _Conflicted as conflicted:
        return SaveOutcome(pending=conflicted.pending)
    if merged:
        return SaveOutcome(result.version, merged[-1][1], result.created, merged_with=merged[-1][0])
    return SaveOutcome(result.version, workspace, result.created)


def resolve_conflicts(
    repo: WorkspaceRepository,
    workspace_id: str,
    pending: PendingMerge,
    choices: dict[str, Choice],
    *,
    person: Person,
    message: str = "",
) -> SaveOutcome:
    """Saves the merge with a choice per conflict, as a new version after the one that conflicted."""
    return save_workspace(
        repo, workspace_id, pending.mine, person=person, parent=pending.parent, message=message, choices=choices
    )


def restore_version(repo: WorkspaceRepository, workspace_id: str, number: int, *, person: Person) -> SaveOutcome:
    """Makes version `number`'s content the newest version again; history is kept, nothing is rewritten."""
    access.require(repo, workspace_id, person, Action.RESTORE)
    old, message = repo.load(workspace_id, number), service_messages.RESTORED_VERSION.format(number=number)
    head = repo.list_versions(workspace_id)[0].number
    # Someone may save in between: the restore then goes on top of theirs, as pressed.
    result = repo.save(workspace_id, old, parent=head, author=person.author, message=message, rebase=lambda *_: old)
    return SaveOutcome(result.version, old, result.created)
