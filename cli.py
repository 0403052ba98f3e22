"""Command line over the same services as the app: validate a workspace file, print the schema."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import services
from exports.workspace_file import WorkspaceFileError, read_workspace_file, workspace_json_schema

EXIT_OK, EXIT_INVALID = 0, 2


def validate(path: Path) -> int:
    try:
        workspace = read_workspace_file(path)
    except WorkspaceFileError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    print(f"{path}: valid workspace '{workspace.name}' with {services.describe_workspace(workspace)}.")
    return EXIT_OK


def print_schema() -> int:
    print(json.dumps(workspace_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cli.py", description="Architecture Canvas Workbench")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a workspace file; exit 2 with located errors")
    check.add_argument("path", type=Path)
    commands.add_parser("schema", help="print the JSON Schema of the workspace file")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.path)
    return print_schema()


if __name__ == "__main__":
    sys.exit(main())
