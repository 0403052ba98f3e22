"""The repository port: what the services need from storage, nothing more."""

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from models.workspace import Workspace


@dataclass(frozen=True)
class WorkspaceSummary:
    workspace_id: str
    name: str
    updated_at: dt.datetime
    problem: str | None = None  # set when the stored workspace cannot be read


class WorkspaceNotFound(KeyError):
    """No workspace is stored under this id."""


class WorkspaceRepository(Protocol):
    def list_workspaces(self) -> list[WorkspaceSummary]: ...

    def load(self, workspace_id: str) -> Workspace: ...

    def save(self, workspace_id: str, workspace: Workspace) -> None: ...

    def delete(self, workspace_id: str) -> None: ...
