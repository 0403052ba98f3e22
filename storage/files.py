"""Workspaces as JSON files in a data folder, written atomically so a crash never leaves half a file."""

import datetime as dt
import os
import tempfile
from pathlib import Path

from exports.workspace_file import WorkspaceFileError, dump_workspace_json, read_workspace_file
from models.workspace import Workspace
from storage.repository import WorkspaceNotFound, WorkspaceSummary


class FileWorkspaceRepository:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, workspace_id: str) -> Path:
        if not workspace_id.isalnum():
            raise WorkspaceNotFound(workspace_id)
        return self.folder / f"{workspace_id}.json"

    def list_workspaces(self) -> list[WorkspaceSummary]:
        summaries = []
        for path in sorted(self.folder.glob("*.json")):
            updated = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
            try:
                name = read_workspace_file(path).name
            except WorkspaceFileError as error:
                # Listed, not hidden, so the user learns about the broken file and can delete it.
                summaries.append(WorkspaceSummary(path.stem, path.name, updated, str(error)))
                continue
            summaries.append(WorkspaceSummary(path.stem, name, updated))
        return sorted(summaries, key=lambda s: s.name.casefold())

    def load(self, workspace_id: str) -> Workspace:
        path = self._path(workspace_id)
        if not path.exists():
            raise WorkspaceNotFound(workspace_id)
        return read_workspace_file(path)

    def save(self, workspace_id: str, workspace: Workspace) -> None:
        target = self._path(workspace_id)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(dump_workspace_json(workspace))
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def delete(self, workspace_id: str) -> None:
        path = self._path(workspace_id)
        if not path.exists():
            raise WorkspaceNotFound(workspace_id)
        path.unlink()
