"""The workspace JSON file: versioned, validated on load, and loaded whole or not at all."""

import json
from pathlib import Path

from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import SCHEMA_VERSION, Problem, Workspace

MAX_FILE_BYTES = 20 * 1024 * 1024


class WorkspaceFileError(ValueError):
    """A workspace file that cannot be loaded; names the file and each problem's location."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"{source}: {p.path}: {p.message}" if p.path else f"{source}: {p.message}" for p in problems]
        super().__init__("\n".join(lines))


def dump_workspace_json(workspace: Workspace) -> str:
    """The workspace as pretty, diff-friendly JSON that keeps every character as typed."""
    return json.dumps(workspace.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _decode(raw: bytes | str, source: str) -> object:
    if len(raw) > MAX_FILE_BYTES:
        raise WorkspaceFileError(source, [Problem("", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")])
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise WorkspaceFileError(source, [Problem("", f"is not UTF-8 text (byte {error.start}).")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        raise WorkspaceFileError(source, [Problem("", message)]) from None
    except RecursionError:
        raise WorkspaceFileError(source, [Problem("", "is nested too deeply to be a workspace.")]) from None


def parse_workspace_json(raw: bytes | str, source: str) -> Workspace:
    """The workspace in `raw`, or WorkspaceFileError naming `source` and every problem."""
    data = _decode(raw, source)
    if not isinstance(data, dict):
        raise WorkspaceFileError(source, [Problem("", "does not hold a JSON object, so it is not a workspace.")])
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        message = (
            f"has schema_version {version!r}; this workbench reads schema_version {SCHEMA_VERSION}."
            if version is not None
            else f"has no schema_version; workspace files carry schema_version {SCHEMA_VERSION}."
        )
        raise WorkspaceFileError(source, [Problem("schema_version", message)])
    try:
        return validate_workspace_data(data)
    except WorkspaceInvalid as error:
        raise WorkspaceFileError(source, error.problems) from None
    except RecursionError:
        raise WorkspaceFileError(source, [Problem("", "is nested too deeply to be a workspace.")]) from None


def read_workspace_file(path: Path) -> Workspace:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise WorkspaceFileError(str(path), [Problem("", f"cannot be read: {error.strerror}.")]) from None
    return parse_workspace_json(raw, str(path))


def workspace_json_schema() -> dict[str, object]:
    """The JSON Schema of the workspace file, generated from the models."""
    schema = Workspace.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Architecture Canvas Workbench workspace"
    return schema
