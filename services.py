"""Use cases shared by the app and the command line: open, create, import, export and save workspaces."""

import datetime as dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.engine import Analysis, analyze_workspace
from exports.cml_import import CmlImport, parse_cml_workspace, read_cml_workspace
from exports.workspace_file import WorkspaceFileError, parse_workspace_json, read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace
from storage import backup
from storage.merge import Choice, Conflict, merge_workspace_data
from storage.repository import StaleParent, VersionInfo, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository

ROOT = Path(__file__).resolve().parent
EXAMPLE_WORKSPACE = ROOT / "assets" / "examples" / "home-valuation.json"
DATA_DIR_VARIABLE = "WORKBENCH_DATA_DIR"
DATABASE_URL_VARIABLE = "WORKBENCH_DATABASE_URL"
DATABASE_FILE = "workbench.db"


def data_folder() -> Path:
    """WORKBENCH_DATA_DIR, or ./data next to the app."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, ROOT / "data"))


def database_url(folder: Path) -> str:
    """WORKBENCH_DATABASE_URL (e.g. postgresql+psycopg://...), or the SQLite file in the data folder."""
    return os.environ.get(DATABASE_URL_VARIABLE) or f"sqlite:///{folder / DATABASE_FILE}"


def open_repository(folder: Path, url: str | None = None) -> SqlWorkspaceRepository:
    """The database at `url` (default: database_url(folder)); raises StorageUnavailable with a clear message."""
    chosen = url or database_url(folder)
    repo = SqlWorkspaceRepository(chosen)
    if chosen == f"sqlite:///{folder / DATABASE_FILE}":  # only the folder's own database takes over its old files
        import_workspace_files(repo, folder / "workspaces")
    return repo


def import_workspace_files(repo: WorkspaceRepository, folder: Path) -> int:
    """Workspaces saved as JSON files by earlier workbenches move into an empty database as first versions."""
    if repo.list_workspaces() or not folder.is_dir():
        return 0
    count = 0
    for path in sorted(folder.glob("*.json")):
        try:
            workspace = read_workspace_file(path)
        except WorkspaceFileError:
            continue  # a broken old file stays where it is for the user to inspect
        repo.save(path.stem, workspace, author="workbench", message=f"Imported from {path.name}")
        count += 1
    return count


def new_workspace_id() -> str:
    return uuid.uuid4().hex[:12]


def ensure_example_workspace(repo: WorkspaceRepository) -> None:
    """A newcomer sees a filled workbench: the example is added when the store is empty."""
    if not repo.list_workspaces():
        repo.save(new_workspace_id(), read_workspace_file(EXAMPLE_WORKSPACE), author="workbench", message="Example")


def create_workspace(repo: WorkspaceRepository, name: str) -> str:
    workspace = Workspace(name=name)
    workspace_id = new_workspace_id()
    repo.save(workspace_id, workspace)
    return workspace_id


def duplicate_workspace(repo: WorkspaceRepository, workspace_id: str, name: str) -> str:
    original = repo.load(workspace_id)
    copy = validate_workspace_data({**original.model_dump(mode="json"), "name": name})
    copy_id = new_workspace_id()
    repo.save(copy_id, copy)
    return copy_id


def _store_new(repo: WorkspaceRepository, workspace: Workspace) -> tuple[str, Workspace]:
    workspace_id = new_workspace_id()
    repo.save(workspace_id, workspace)
    return workspace_id, workspace


def import_workspace(repo: WorkspaceRepository, raw: bytes, filename: str) -> tuple[str, Workspace]:
    """Stores the workspace in `raw`; raises WorkspaceFileError and stores nothing when it is bad."""
    return _store_new(repo, parse_workspace_json(raw, filename))


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


def list_history(repo: WorkspaceRepository, workspace_id: str) -> list[VersionInfo]:
    return repo.list_versions(workspace_id)


def tag_version(repo: WorkspaceRepository, workspace_id: str, number: int, tag: str) -> None:
    """Names a version, e.g. "after workshop 2"; the tag moves there from any other version."""
    repo.tag_version(workspace_id, number, tag)


def untag_version(repo: WorkspaceRepository, workspace_id: str, tag: str) -> None:
    repo.untag_version(workspace_id, tag)


def restore_version(repo: WorkspaceRepository, workspace_id: str, number: int, author: str = "") -> SaveOutcome:
    """Makes version `number`'s content the newest version again; history is kept, nothing is rewritten."""
    old = repo.load(workspace_id, number)
    for _ in range(MERGE_ATTEMPTS):
        head = repo.list_versions(workspace_id)[0].number
        try:
            result = repo.save(workspace_id, old, parent=head, author=author, message=f"Restored version {number}")
        except StaleParent:
            continue  # someone saved in between: restore on top of theirs
        return SaveOutcome(result.version, old, result.created)
    raise StaleParent(workspace_id, None, 0)


def back_up_history(repo: WorkspaceRepository, path: Path) -> int:
    """Writes every version of every workspace to `path`; returns how many versions."""
    return backup.back_up(repo, path)


def restore_history(repo: WorkspaceRepository, path: Path) -> int:
    """Adds the history in a backup file to `repo`; raises BackupInvalid or WorkspaceExists and adds nothing."""
    return backup.restore(repo, path)


def describe_workspace(workspace: Workspace) -> str:
    """A one-line summary of what a workspace holds, for confirmations and listings."""
    parts = [
        (len(workspace.bounded_contexts), "bounded context"),
        (len(workspace.architecture_canvases), "architecture canvas"),
        (len(workspace.api_products), "API product canvas"),
        (len(workspace.relationships), "relationship"),
    ]
    return ", ".join(f"{n} {label}{'' if n == 1 else 'es' if label.endswith('s') else 's'}" for n, label in parts)


def rename_context_references(data: dict[str, Any], old: str, new: str) -> int:
    """Points every reference to context `old` at `new` in workspace data; returns how many changed."""
    changed = 0
    for context in data["bounded_contexts"]:
        for entry in [*context["inbound"], *context["outbound"]]:
            if entry["collaborator"] == old:
                entry["collaborator"] = new
                changed += 1
    for relationship in data["relationships"]:
        for side in ("upstream", "downstream"):
            if relationship[side] == old:
                relationship[side] = new
                changed += 1
    for api in data["api_products"]:
        if api["bounded_context"] == old:
            api["bounded_context"] = new
            changed += 1
    for canvas in data["architecture_canvases"]:
        for component in canvas["components"]:
            if component["bounded_context"] == old:
                component["bounded_context"] = new
                changed += 1
    return changed


def delete_workspace(repo: WorkspaceRepository, workspace_id: str) -> None:
    repo.delete(workspace_id)


def read_any_workspace(path: Path) -> Workspace:
    """A workspace from a workspace file, or from a Context Mapper model when the file ends in .cml."""
    return read_cml_workspace(path) if path.suffix.casefold() == ".cml" else read_workspace_file(path)


def analyze(workspace: Workspace, today: dt.date | None = None) -> Analysis:
    return analyze_workspace(workspace, today=today)


def read_cml_import(raw: bytes, filename: str) -> CmlImport:
    """What a Context Mapper file would import, for a preview; raises CmlFileError, stores nothing."""
    return parse_cml_workspace(raw, filename)


def import_cml_workspace(repo: WorkspaceRepository, raw: bytes, filename: str) -> tuple[str, Workspace]:
    """Stores the workspace a Context Mapper file describes; raises CmlFileError and stores nothing on errors."""
    return _store_new(repo, parse_cml_workspace(raw, filename).workspace)
