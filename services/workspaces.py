"""Workspaces and their versions: create, duplicate, import, delete, list history, tag and describe."""

import uuid
from collections.abc import Iterator
from typing import Any

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import build_context_map
from diff.canvas_reading import SectionReading, canvas_reading
from formats.cml.cml_archive import read_cml_upload
from formats.workspace_json.workspace_file import parse_workspace_json, read_workspace_file
from models.access import Action, Person, local_person
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services import access, service_messages
from services.configuration import EXAMPLE_WORKSPACE, input_limits
from storage.repository import (
    StorageUnavailable,
    VersionInfo,
    WorkspaceNotFound,
    WorkspaceRepository,
    WorkspaceSummary,
)

__all__ = [  # the stored workspaces' types come from here too, for the app
    "SectionReading",
    "StorageUnavailable",
    "VersionInfo",
    "WorkspaceNotFound",
    "WorkspaceRepository",
    "WorkspaceSummary",
    "canvas_reading",
]


def new_workspace_id() -> str:
    return uuid.uuid4().hex[:12]


EXAMPLE_OFFERED = "example-offered"  # the marker that the example was added once (or the store was not empty)


def ensure_example_workspace(repo: WorkspaceRepository) -> None:
    """A newcomer sees a filled workbench: the example is added on the very first start of an empty store, and
    only then, so an example someone deleted stays deleted."""
    if repo.mark_once(EXAMPLE_OFFERED) and not repo.list_workspaces():
        store_new_workspace(
            repo, read_workspace_file(EXAMPLE_WORKSPACE), local_person("workbench"), service_messages.EXAMPLE_VERSION
        )


def store_new_workspace(repo: WorkspaceRepository, workspace: Workspace, person: Person, message: str = "") -> str:
    """Stores a workspace under a new id, owned by the person who made it."""
    workspace_id = new_workspace_id()
    repo.save(workspace_id, workspace, author=person.author, message=message)
    access.make_owner(repo, workspace_id, person)
    return workspace_id


def create_workspace(repo: WorkspaceRepository, name: str, *, person: Person) -> str:
    return store_new_workspace(repo, Workspace(name=name), person)


def duplicate_workspace(repo: WorkspaceRepository, workspace_id: str, name: str, *, person: Person) -> str:
    original = load_workspace(repo, workspace_id, person=person)
    copy = validate_workspace_data({**original.model_dump(mode="json"), "name": name})
    return store_new_workspace(repo, copy, person)


def import_workspace(repo: WorkspaceRepository, raw: bytes, filename: str, *, person: Person) -> tuple[str, Workspace]:
    """Stores the workspace in `raw`; raises WorkspaceFileError and stores nothing when it is bad."""
    workspace = parse_workspace_json(raw, filename, input_limits())
    return store_new_workspace(repo, workspace, person), workspace


def import_cml_workspace(
    repo: WorkspaceRepository, raw: bytes, filename: str, *, person: Person
) -> tuple[str, Workspace]:
    """Stores the workspace a Context Mapper file (or a .zip of a model's files) describes; raises CmlFileError
    and stores nothing on errors."""
    workspace = read_cml_upload(raw, filename).workspace
    return store_new_workspace(repo, workspace, person), workspace


def list_history(repo: WorkspaceRepository, workspace_id: str, *, person: Person) -> list[VersionInfo]:
    access.require(repo, workspace_id, person, Action.READ)
    return repo.list_versions(workspace_id)


def tag_version(repo: WorkspaceRepository, workspace_id: str, number: int, tag: str, *, person: Person) -> None:
    """Names a version, e.g. "after workshop 2"; the tag moves there from any other version."""
    access.require(repo, workspace_id, person, Action.SAVE)
    repo.tag_version(workspace_id, number, tag)


def untag_version(repo: WorkspaceRepository, workspace_id: str, tag: str, *, person: Person) -> None:
    access.require(repo, workspace_id, person, Action.SAVE)
    repo.untag_version(workspace_id, tag)


def describe_workspace(workspace: Workspace) -> str:
    """A one-line summary of what a workspace holds, for confirmations and listings. Relationships are counted as
    the context map shows them: declared ones and those the canvases' communication entries imply, once each."""
    parts = [
        (len(workspace.bounded_contexts), "bounded context"),
        (len(workspace.architecture_canvases), "architecture canvas"),
        (len(workspace.api_products), "API product canvas"),
        (len(build_context_map(workspace, DEFAULT_CONFIG).edges), "relationship"),
    ]
    return ", ".join(f"{n} {label}{'' if n == 1 else 'es' if label.endswith('s') else 's'}" for n, label in parts)


def _context_references(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every place in workspace data that names a bounded context: the record, and the key holding the name."""
    for context in data["bounded_contexts"]:
        for entry in [*context["inbound"], *context["outbound"]]:
            yield entry, "collaborator"
        for metric in context["verification_metrics"]:
            yield metric, "watches"
    for relationship in data["relationships"]:
        yield relationship, "upstream"
        yield relationship, "downstream"
    for api in data["api_products"]:
        yield api, "bounded_context"
    for canvas in data["architecture_canvases"]:
        for component in canvas["components"]:
            yield component, "bounded_context"
    for objective in data.get("readiness", {}).get("service_objectives", []):
        yield objective, "context"


def rename_context_references(data: dict[str, Any], old: str, new: str) -> int:
    """Points every reference to context `old` at `new` in workspace data; returns how many changed."""
    changed = 0
    for record, key in _context_references(data):
        if record[key] == old:
            record[key] = new
            changed += 1
    return changed


def delete_workspace(repo: WorkspaceRepository, workspace_id: str, *, person: Person) -> None:
    access.require(repo, workspace_id, person, Action.DELETE)
    repo.delete(workspace_id)


def list_workspaces(repo: WorkspaceRepository, *, person: Person) -> list[WorkspaceSummary]:
    """The stored workspaces the person may open, with their newest versions."""
    return access.visible_workspaces(repo, person)


def load_workspace(
    repo: WorkspaceRepository, workspace_id: str, *, person: Person, version: int | None = None
) -> Workspace:
    """The newest version of a workspace, or version `version`; raises WorkspaceNotFound or VersionNotFound."""
    access.require(repo, workspace_id, person, Action.READ)
    return repo.load(workspace_id, version)
