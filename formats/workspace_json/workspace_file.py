"""The workspace JSON file: versioned, validated on load, and loaded whole or not at all."""

import json
from pathlib import Path

from canvases.wording_inference import upgrade_workspace
from formats.text_input import NotUtf8, decode_utf8
from formats.workspace_json import workspace_file_messages
from formats.workspace_json.duplicate_keys import DuplicateKey, first_duplicate, pairs_without_duplicates
from formats.workspace_json.input_limits import DEFAULT_LIMITS, InputLimits, limit_problems
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION, Problem, Workspace

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 50  # problems listed in the message; all of them stay in WorkspaceFileError.problems


class WorkspaceFileError(ValueError):
    """A workspace file that cannot be loaded; names the file and each problem's location."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = [
            workspace_file_messages.PROBLEM_AT.format(source=source, path=p.path, message=p.message)
            if p.path
            else workspace_file_messages.PROBLEM.format(source=source, message=p.message)
            for p in problems[:MAX_PROBLEMS_SHOWN]
        ]
        if len(problems) > MAX_PROBLEMS_SHOWN:  # one broken file must not flood a terminal or a build log
            more = workspace_file_messages.MORE_PROBLEMS.format(count=len(problems) - MAX_PROBLEMS_SHOWN)
            lines.append(workspace_file_messages.PROBLEM.format(source=source, message=more))
        super().__init__("\n".join(lines))


def dump_workspace_json(workspace: Workspace) -> str:
    """The workspace as pretty, diff-friendly JSON that keeps every character as typed."""
    return json.dumps(workspace.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _fail(source: str, message: str, path: str = "") -> WorkspaceFileError:
    return WorkspaceFileError(source, [Problem(path, message)])


def _text_of(raw: bytes | str, source: str) -> str:
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > MAX_FILE_BYTES:
        raise _fail(source, workspace_file_messages.TOO_LARGE.format(limit=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        return decode_utf8(raw)
    except NotUtf8 as error:
        raise _fail(source, workspace_file_messages.NOT_UTF8.format(offset=error.offset)) from None


def _first_unencodable(value: object, path: str = "") -> str | None:
    """Path of the first text holding an unpaired surrogate (a \\ud800 escape), which UTF-8 cannot store."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or workspace_file_messages.UNPAIRED_SURROGATE_AT_TOP
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        found = _first_unencodable(key, where) if isinstance(key, str) else None
        found = found or _first_unencodable(item, where)
        if found:
            return found
    return None


def _decode(text: str, source: str) -> dict[str, object]:
    try:
        data = json.loads(text, object_pairs_hook=pairs_without_duplicates)
    except DuplicateKey as duplicate:
        where = first_duplicate(text) or duplicate
        raise _fail(source, workspace_file_messages.DUPLICATE_KEY.format(key=where.key, line=where.line)) from None
    except json.JSONDecodeError as error:
        reason = workspace_file_messages.NOT_JSON.format(reason=error.msg, line=error.lineno, column=error.colno)
        raise _fail(source, reason) from None
    except RecursionError:
        raise _fail(source, workspace_file_messages.NESTED_TOO_DEEPLY) from None
    except ValueError as error:  # e.g. a number with thousands of digits
        raise _fail(source, workspace_file_messages.NOT_USABLE_JSON.format(reason=error)) from None
    if not isinstance(data, dict):
        raise _fail(source, workspace_file_messages.NOT_AN_OBJECT)
    broken = _first_unencodable(data)
    if broken:
        raise _fail(source, workspace_file_messages.UNPAIRED_SURROGATE, broken)
    return data


def parse_workspace_json(raw: bytes | str, source: str, limits: InputLimits = DEFAULT_LIMITS) -> Workspace:
    """The workspace in `raw`, or WorkspaceFileError naming `source` and every problem."""
    text = _text_of(raw, source)
    data = _decode(text, source)
    past_limits = limit_problems(data, limits)
    if past_limits:
        raise WorkspaceFileError(source, past_limits)
    version = data.get("schema_version")
    # `type(...) is int` because True and 1.0 compare equal to 1 but are not a schema version.
    if type(version) is not int or version not in READABLE_SCHEMA_VERSIONS:
        message = (
            workspace_file_messages.OTHER_SCHEMA_VERSION.format(found=version, version=SCHEMA_VERSION)
            if version is not None
            else workspace_file_messages.NO_SCHEMA_VERSION.format(version=SCHEMA_VERSION)
        )
        raise _fail(source, message, "schema_version")
    try:
        workspace = validate_workspace_data(data, json_text=text)
    except WorkspaceInvalid as error:
        raise WorkspaceFileError(source, error.problems) from None
    except RecursionError:
        raise _fail(source, workspace_file_messages.NESTED_TOO_DEEPLY) from None
    return upgrade_workspace(workspace)[0]  # a file of schema 1: facts inferred from wording, marked to confirm


def read_workspace_file(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Workspace:
    """The workspace in the file at `path`; its size is checked before a byte of it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise _fail(str(path), workspace_file_messages.TOO_LARGE_FOUND.format(size=size / 2**20, limit=limit))
        raw = path.read_bytes()
    except OSError as error:
        raise _fail(str(path), workspace_file_messages.CANNOT_READ.format(reason=error.strerror)) from None
    return parse_workspace_json(raw, str(path), limits)


def workspace_json_schema() -> dict[str, object]:
    """The JSON Schema of the workspace file, generated from the models."""
    schema = Workspace.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Architecture Canvas Workbench workspace"
    return schema
