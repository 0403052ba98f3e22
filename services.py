"""Use cases shared by the app and the command line: open, create, import, export and save workspaces."""

import os
import uuid
from pathlib import Path
from typing import Any

from exports.workspace_file import dump_workspace_json, parse_workspace_json, read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace
from storage.files import FileWorkspaceRepository
from storage.repository import WorkspaceRepository

ROOT = Path(__file__).resolve().parent
EXAMPLE_WORKSPACE = ROOT / "assets" / "examples" / "home-valuation.json"
DATA_DIR_VARIABLE = "WORKBENCH_DATA_DIR"


def data_folder() -> Path:
    """WORKBENCH_DATA_DIR, or ./data next to the app."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, ROOT / "data"))


def open_repository(folder: Path) -> FileWorkspaceRepository:
    return FileWorkspaceRepository(folder / "workspaces")


def new_workspace_id() -> str:
    return uuid.uuid4().hex[:12]


def ensure_example_workspace(repo: WorkspaceRepository) -> None:
    """A newcomer sees a filled workbench: the example is added when the store is empty."""
    if not repo.list_workspaces():
        repo.save(new_workspace_id(), read_workspace_file(EXAMPLE_WORKSPACE))


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


def import_workspace(repo: WorkspaceRepository, raw: bytes, filename: str) -> tuple[str, Workspace]:
    """Stores the workspace in `raw`; raises WorkspaceFileError and stores nothing when it is bad."""
    workspace = parse_workspace_json(raw, filename)
    workspace_id = new_workspace_id()
    repo.save(workspace_id, workspace)
    return workspace_id, workspace


def export_workspace(workspace: Workspace) -> tuple[str, bytes]:
    """A file name and the workspace file's bytes."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in workspace.name).strip("-") or "workspace"
    return f"{stem}.workspace.json", dump_workspace_json(workspace).encode("utf-8")


def save_workspace(repo: WorkspaceRepository, workspace_id: str, data: dict[str, object]) -> Workspace:
    """Validates edited data and stores it; raises WorkspaceInvalid and stores nothing when it is bad."""
    workspace = validate_workspace_data(data)
    repo.save(workspace_id, workspace)
    return workspace


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
