"""Files in and out of the workbench: workspace files, Context Mapper models and history backups."""

import json
from pathlib import Path

from canvases.wording_inference import awaiting_confirmation
from formats.cml.cml_archive import read_cml_upload
from formats.cml.cml_model import CmlProblem
from formats.cml.cml_preview import CmlImportPreview, preview_cml_import
from formats.cml.cml_reader import (
    CmlImport,
    describe_problem,
    describe_skipped,
    read_cml_import,
    read_cml_workspace,
)
from formats.cml.cml_writer import export_cml
from formats.workspace_json.workspace_file import (
    MAX_FILE_BYTES,
    WorkspaceFileError,
    dump_workspace_json,
    read_workspace_file,
    workspace_json_schema,
)
from models.workspace import Workspace
from services.configuration import input_limits
from storage import backup
from storage.backup import BackupInvalid
from storage.repository import WorkspaceExists, WorkspaceRepository

__all__ = [  # the files' limits and errors come from here too, for the app and the command line
    "MAX_FILE_BYTES",
    "BackupInvalid",
    "CmlImport",
    "CmlImportPreview",
    "WorkspaceExists",
    "WorkspaceFileError",
    "back_up_history",
    "cml_problem_text",
    "cml_text",
    "facts_to_confirm",
    "preview_cml_upload",
    "read_any_workspace",
    "read_cml_model",
    "read_workspace",
    "restore_backup",
    "summarise_cml_import",
    "workspace_json",
    "workspace_schema_text",
]


def read_workspace(path: Path) -> Workspace:
    """A workspace file; raises WorkspaceFileError naming the file and every broken field."""
    return read_workspace_file(path, input_limits())


def facts_to_confirm(workspace: Workspace) -> list[str]:
    """The facts inferred from wording (by the upgrade of a schema 1 file) that still wait for confirmation."""
    return [fact.describe() for fact in awaiting_confirmation(workspace.model_dump(mode="json"))]


def read_any_workspace(path: Path) -> Workspace:
    """A workspace from a workspace file, or from a Context Mapper model when the file ends in .cml."""
    return read_cml_workspace(path) if path.suffix.casefold() == ".cml" else read_workspace(path)


def read_cml_model(path: Path) -> CmlImport:
    """A Context Mapper file's workspace with its warnings; raises CmlFileError (a WorkspaceFileError)."""
    return read_cml_import(path)


def preview_cml_upload(raw: bytes, filename: str) -> CmlImport:
    """What a Context Mapper file (or a .zip of a model's files) would import, for a preview; raises CmlFileError,
    stores nothing."""
    return read_cml_upload(raw, filename)


def summarise_cml_import(result: CmlImport) -> CmlImportPreview:
    """The contexts, relationships by pattern, teams and warnings an import will create, counted."""
    return preview_cml_import(result)


def cml_problem_text(problem: CmlProblem) -> str:
    """A CML warning or error as one line with its line and column."""
    return describe_problem(problem)


def cml_skipped_text(result: CmlImport) -> list[str]:
    """What the import left out, one line per kind of block with its lines."""
    return describe_skipped(result)


def workspace_json(workspace: Workspace) -> str:
    """The workspace file's text."""
    return dump_workspace_json(workspace)


def workspace_schema_text() -> str:
    """The JSON Schema of the workspace file, as committed at docs/workspace.schema.json."""
    return json.dumps(workspace_json_schema(), indent=2, ensure_ascii=False)


def cml_text(workspace: Workspace) -> str:
    """The workspace as Context Mapper CML."""
    return export_cml(workspace)


def back_up_history(repo: WorkspaceRepository, path: Path) -> int:
    """Writes every version of every workspace to `path`; returns how many versions."""
    return backup.back_up(repo, path)


def restore_backup(repo: WorkspaceRepository, path: Path) -> int:
    """Adds the history in a backup file to `repo`; raises BackupInvalid or WorkspaceExists and adds nothing."""
    return backup.restore(repo, path)
