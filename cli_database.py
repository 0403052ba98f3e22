"""The command line's database commands: backup, restore and members. They run next to the database, so whoever
runs them acts as the local operator, who owns every workspace (services/access.py)."""

import argparse
import sys
from pathlib import Path

from services import access, configuration, files, version_refs
from services.access import PermissionDenied, Role, local_person
from services.files import BackupInvalid, WorkspaceExists
from services.workspaces import StorageUnavailable, WorkspaceRepository

EXIT_OK, EXIT_INVALID = 0, 2

# Every message these commands print, reviewed here.
BACKED_UP = "Wrote {count} versions of {workspaces} workspaces to {path}."
RESTORED = "Restored {count} versions from {path}."
BACKUP_NOT_WRITTEN = "{path}: not written: {error}"
NOTHING_RESTORED = "Nothing restored: {error}"
MEMBER_LINE = "{person}\t{role}"
MEMBERS_NOT_CHANGED = "Members not changed: {error}"
DATABASE_HELP = "a database URL (default: WORKBENCH_DATABASE_URL, else the SQLite file in the data folder)"


def _open_database(url: str | None) -> WorkspaceRepository | None:
    try:
        return configuration.open_repository(configuration.data_folder(), url=url)
    except StorageUnavailable as error:
        print(error, file=sys.stderr)
        return None


def run_backup(args: argparse.Namespace) -> int:
    """Every version of every workspace into one file; exit 2 when the database cannot be read."""
    repo = _open_database(args.database)
    if repo is None:
        return EXIT_INVALID
    try:
        count = files.back_up_history(repo, args.output)
    except (OSError, StorageUnavailable) as error:
        print(BACKUP_NOT_WRITTEN.format(path=args.output, error=error), file=sys.stderr)
        return EXIT_INVALID
    print(BACKED_UP.format(count=count, workspaces=len(repo.list_workspaces()), path=args.output))
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    """Adds the history in a backup file; exit 2, and nothing added, when the file or the database is wrong."""
    repo = _open_database(args.database)
    if repo is None:
        return EXIT_INVALID
    try:
        count = files.restore_backup(repo, args.path)
    except (BackupInvalid, WorkspaceExists, StorageUnavailable) as error:
        print(NOTHING_RESTORED.format(error=error), file=sys.stderr)
        return EXIT_INVALID
    print(RESTORED.format(count=count, path=args.path))
    return EXIT_OK


def run_members(args: argparse.Namespace) -> int:
    """Lists a workspace's members after adding, changing or removing one; exit 2 naming what is wrong."""
    repo = _open_database(args.database)
    if repo is None:
        return EXIT_INVALID
    operator = local_person()
    try:
        workspace_id = version_refs.find_workspace(repo, args.workspace, operator).workspace_id
        if args.add:
            access.add_member(repo, workspace_id, operator, email=args.add, role=Role(args.role))
        if args.remove:
            access.remove_member(repo, workspace_id, operator, email=args.remove)
        members = access.list_members(repo, workspace_id, operator)
    except (ValueError, PermissionDenied, StorageUnavailable) as error:  # an unknown workspace is a ValueError
        print(MEMBERS_NOT_CHANGED.format(error=error), file=sys.stderr)
        return EXIT_INVALID
    for member in members:
        print(MEMBER_LINE.format(person=member.person, role=member.role))
    return EXIT_OK


def add_database_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    save = commands.add_parser("backup", help="every version of every workspace to one file")
    save.add_argument("-o", "--output", type=Path, required=True, help="the backup file to write")
    save.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    save.set_defaults(run=run_backup)
    load = commands.add_parser("restore", help="add the history in a backup file to a database (SQLite or PostgreSQL)")
    load.add_argument("path", type=Path, help="a file written by cli.py backup")
    load.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    load.set_defaults(run=run_restore)
    team = commands.add_parser("members", help="list a workspace's members; add, change or remove one")
    team.add_argument("workspace", help="the workspace's id or name")
    team.add_argument("--add", metavar="EMAIL", help="give this e-mail address --role in the workspace")
    team.add_argument("--role", choices=[r.value for r in Role], default=Role.EDITOR.value, help="default: editor")
    team.add_argument("--remove", metavar="EMAIL", help="take this e-mail address out of the workspace")
    team.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    team.set_defaults(run=run_members)
