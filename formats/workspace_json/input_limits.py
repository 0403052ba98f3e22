"""How much a workspace file may hold, checked on the decoded JSON before the model is built: a hostile file is
refused for its size alone, before validation and analysis spend seconds and gigabytes on it."""

from dataclasses import dataclass, fields
from typing import Any

from formats.workspace_json import workspace_file_messages
from models.workspace import Problem


@dataclass(frozen=True)
class InputLimits:
    """Defaults well above the largest real workspace (a few hundred contexts); each can be set in the
    environment as WORKBENCH_MAX_<NAME> (e.g. WORKBENCH_MAX_CONTEXTS=5000)."""

    contexts: int = 2_000
    external_systems: int = 2_000
    teams: int = 1_000
    relationships: int = 20_000
    canvases: int = 2_000  # architecture communication canvases, and API product canvases
    items: int = 2_000  # entries in one list of one canvas (terms, messages, metrics, collaborators, ...)
    text_length: int = 50_000  # characters in one text

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


DEFAULT_LIMITS = InputLimits()
_TOP_LEVEL = {
    "bounded_contexts": "contexts",
    "external_systems": "external_systems",
    "teams": "teams",
    "relationships": "relationships",
    "architecture_canvases": "canvases",
    "api_products": "canvases",
}


def limit_problems(data: dict[str, Any], limits: InputLimits) -> list[Problem]:
    """Each limit the decoded file goes past, naming the limit, the count found and where."""
    problems = []
    for key, limit_name in _TOP_LEVEL.items():
        found = data.get(key)
        limit = getattr(limits, limit_name)
        if isinstance(found, list) and len(found) > limit:
            problems.append(Problem(key, _message(limit_name, limit, len(found))))
    if problems:  # counted, not walked: a file past a top-level limit is not looked at further
        return problems
    return _walk(data, limits)


def _walk(data: Any, limits: InputLimits) -> list[Problem]:
    """Every text and list in the file, in document order; a loop, not recursion, as the file may nest deeply."""
    problems, waiting = [], [(data, "")]
    while waiting:
        value, path = waiting.pop()
        if isinstance(value, str) and len(value) > limits.text_length:
            problems.append(Problem(path, _message("text_length", limits.text_length, len(value))))
        elif isinstance(value, list) and len(value) > limits.items and path not in _TOP_LEVEL:
            problems.append(Problem(path, _message("items", limits.items, len(value))))
        elif isinstance(value, list):
            waiting.extend((item, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            waiting.extend((item, f"{path}.{key}" if path else key) for key, item in reversed(value.items()))
    return problems


def _message(limit_name: str, limit: int, found: int) -> str:
    return workspace_file_messages.PAST_LIMIT.format(
        what=workspace_file_messages.LIMIT_NAMES[limit_name],
        found=found,
        limit=limit,
        variable=f"WORKBENCH_MAX_{limit_name.upper()}",
    )
