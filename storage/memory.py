"""An in-memory repository for tests: same behaviour as the file repository, no disk."""

import datetime as dt

from models.workspace import Workspace
from storage.repository import WorkspaceNotFound, WorkspaceSummary


class InMemoryWorkspaceRepository:
    def __init__(self) -> None:
        self._items: dict[str, tuple[Workspace, dt.datetime]] = {}

    def list_workspaces(self) -> list[WorkspaceSummary]:
        rows = [WorkspaceSummary(i, w.name, t) for i, (w, t) in self._items.items()]
        return sorted(rows, key=lambda s: s.name.casefold())

    def load(self, workspace_id: str) -> Workspace:
        if workspace_id not in self._items:
            raise WorkspaceNotFound(workspace_id)
        return self._items[workspace_id][0].model_copy(deep=True)

    def save(self, workspace_id: str, workspace: Workspace) -> None:
        self._items[workspace_id] = (workspace.model_copy(deep=True), dt.datetime.now(dt.UTC))

    def delete(self, workspace_id: str) -> None:
        if self._items.pop(workspace_id, None) is None:
            raise WorkspaceNotFound(workspace_id)
