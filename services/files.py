"""Files in and out of the workbench: workspace files, Context Mapper models and history backups."""

from pathlib import Path

from formats.cml.cml_reader import CmlImport, parse_cml_workspace, read_cml_workspace
from formats.workspace_json.workspace_file import read_workspace_file
from models.workspace import Workspace
from storage import backup
from storage.repository import WorkspaceRepository


def read_any_workspace(path: Path) -> Workspace:
    """A workspace from a workspace file, or from a Context Mapper model when the file ends in .cml."""
    return read_cml_workspace(path) if path.suffix.casefold() == ".cml" else read_workspace_file(path)


def preview_cml_upload(raw: bytes, filename: str) -> CmlImport:
    """What a Context Mapper file would import, for a preview; raises CmlFileError, stores nothing."""
    return parse_cml_workspace(raw, filename)


def back_up_history(repo: WorkspaceRepository, path: Path) -> int:
    """Writes every version of every workspace to `path`; returns how many versions."""
    return backup.back_up(repo, path)


def restore_history(repo: WorkspaceRepository, path: Path) -> int:
    """Adds the history in a backup file to `repo`; raises BackupInvalid or WorkspaceExists and adds nothing."""
    return backup.restore(repo, path)
