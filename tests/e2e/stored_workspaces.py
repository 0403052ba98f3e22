"""What the app under test stored: its database opened through the storage API, as a second process would."""

from pathlib import Path
from typing import Any

from formats.workspace_json.workspace_file import dump_workspace_json
from models.validation import validate_workspace_data
from services import configuration, workspaces
from services.access import local_person
from storage.repository import VersionInfo, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository


def repository(data_dir: Path) -> SqlWorkspaceRepository:
    return configuration.open_repository(data_dir)


def workspace_id(data_dir: Path, name: str) -> str:
    matches = [s.workspace_id for s in repository(data_dir).list_workspaces() if s.name == name]
    assert len(matches) == 1, f"expected one workspace named {name!r}, found {len(matches)}"
    return matches[0]


def stored(data_dir: Path, name: str) -> dict[str, Any]:
    """The newest version of the workspace `name`, as JSON-like data."""
    return repository(data_dir).load(workspace_id(data_dir, name)).model_dump(mode="json")


def versions(data_dir: Path, name: str) -> list[VersionInfo]:
    """Every version of the workspace `name`, newest first."""
    return repository(data_dir).list_versions(workspace_id(data_dir, name))


def seed_workspace(repo: WorkspaceRepository, data: dict[str, Any]) -> str:
    """Stores `data` as a new workspace (a test's starting point); its id."""
    text = dump_workspace_json(validate_workspace_data(data))
    new_id, _ = workspaces.import_workspace(repo, text.encode(), "seed.json", person=local_person())
    return new_id


def context(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in data["bounded_contexts"] if c["name"] == name)
