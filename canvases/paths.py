"""Reads and writes values at dotted paths such as `ai_profile.sla.freshness` in canvas data."""

from typing import Any


def get_path(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value[part]
    return value


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    target[last] = value


def is_within(path: str, prefix: str) -> bool:
    """Whether `path` is `prefix` or lies inside it ("a.b[2]" is within "a" and "a.b", not within "a.bc")."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def problems_under(problems: dict[str, list[str]], path: str) -> list[tuple[str, str]]:
    """(rest of path, message) for each problem at `path` or inside it."""
    found: list[tuple[str, str]] = []
    for problem_path, texts in problems.items():
        if is_within(problem_path, path):
            found.extend((problem_path[len(path) :], text) for text in texts)
    return found
