"""Workspace JSON files of earlier workbenches, moved into a new database on its first start."""

from pathlib import Path

from formats.workspace_json.workspace_file import WorkspaceFileError, read_workspace_file
from models.access import local_person
from services import access, service_messages
from storage.repository import WorkspaceRepository


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
        workbench = local_person("workbench")
        message = service_messages.IMPORTED_VERSION.format(file=path.name)
        repo.save(path.stem, workspace, author=workbench.author, message=message)
        access.make_owner(repo, path.stem, workbench)
        count += 1
    return count
