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


def validate_workspace_data(data: object) -> Workspace:
    """The workspace that `data` describes, or WorkspaceInvalid listing each problem by path."""
    context: dict[str, list[Problem]] = {REFERENCE_PROBLEMS: []}
    try:
        return Workspace.model_validate(data, context=context)
    except ValidationError as error:
        problems = [
            Problem(format_path(tuple(e["loc"])), _clean_message(e))
            for e in error.errors()
            # The reference check's own summary is replaced by its located problems.
            if not (e["loc"] == () and context[REFERENCE_PROBLEMS])
        ]
        raise WorkspaceInvalid([*problems, *context[REFERENCE_PROBLEMS]]) from None
