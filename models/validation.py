"""Validate raw workspace data into a Workspace, reporting every problem with its field path."""

from typing import Any

from pydantic import ValidationError

from models.workspace import REFERENCE_PROBLEMS, Problem, Workspace


class WorkspaceInvalid(ValueError):
    """Raised with every located problem when data does not make a valid workspace."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path or 'workspace'}: {p.message}" for p in problems))
        self.problems = problems


def format_path(loc: tuple[int | str, ...]) -> str:
    """Turns a pydantic location into `bounded_contexts[2].inbound[0].collaborator`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _clean_message(error: Any) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def validate_workspace_data(data: object, *, json_text: str | None = None) -> Workspace:
    """The workspace that `data` describes, or WorkspaceInvalid listing each problem by path.

    With `json_text` (the same data as JSON) types are checked strictly, as the JSON Schema does:
    a file saying "yes" where a boolean belongs is an error, not silently true.
    """
    context: dict[str, list[Problem]] = {REFERENCE_PROBLEMS: []}
    try:
        if json_text is not None:
            return Workspace.model_validate_json(json_text, strict=True, context=context)
        return Workspace.model_validate(data, context=context)
    except ValidationError as error:
        if json_text is not None and any(e["type"] == "json_invalid" for e in error.errors()):
            # pydantic's own JSON parser nests less deeply than json; locate the problem from the data.
            return validate_workspace_data(data)
        problems = [
            Problem(format_path(tuple(e["loc"])), _clean_message(e))
            for e in error.errors()
            # The reference check's own summary is replaced by its located problems.
            if not (e["loc"] == () and context[REFERENCE_PROBLEMS])
        ]
        raise WorkspaceInvalid([*problems, *context[REFERENCE_PROBLEMS]]) from None
