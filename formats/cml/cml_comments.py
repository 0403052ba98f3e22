"""Canvas content that CML has no field for, written as readable comment lines in an exported file."""

import re
import unicodedata
from typing import Any

from pydantic import BaseModel

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Fields that identify an entry come first, so each list item starts with what it is about.
_LEADING_KEYS = ("name", "collaborator", "term", "metric", "decision", "quality", "rule", "subject", "kind")


def describe_model(model: BaseModel, *, exclude: set[str]) -> list[str]:
    """`field: value` lines for every field that differs from its default, nested lists indented.

    Generic on purpose: a field added to a canvas later is exported without touching this module.
    """
    data = model.model_dump(mode="json", exclude_defaults=True, exclude=exclude)
    return _describe_mapping(data, "")


def _describe_mapping(data: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    ordered = sorted(data.items(), key=lambda item: _LEADING_KEYS.index(item[0]) if item[0] in _LEADING_KEYS else 99)
    for key, value in ordered:
        lines += _describe_entry(f"{key}:", value, indent)
    return lines


def _describe_entry(label: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{label}", *_describe_mapping(value, indent + "  ")]
    if isinstance(value, list):
        lines = [f"{indent}{label}"]
        for item in value:
            lines += _describe_item(item, indent + "  ")
        return lines
    first, *rest = _text_lines(value)
    return [f"{indent}{label} {first}".rstrip(), *(f"{indent}  {line}".rstrip() for line in rest)]


def _describe_item(item: Any, indent: str) -> list[str]:
    """A list item: `- value`, or a mapping whose first line carries the dash."""
    if not isinstance(item, dict) or not item:
        first, *rest = _text_lines(item)
        return [f"{indent}- {first}".rstrip(), *(f"{indent}  {line}".rstrip() for line in rest)]
    lines = _describe_mapping(item, indent + "  ")
    return [f"{indent}- {lines[0].lstrip()}", *lines[1:]]


def _text_lines(value: Any) -> list[str]:
    """The value's text split into lines; control characters are shown as escapes, never written raw."""
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    visible = "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" and char not in "\r\n\t" else char for char in shown
    )
    return _LINE_BREAK.split(visible) or [""]


def comment_lines(lines: list[str], indent: str) -> list[str]:
    """Lines as // comments; a line break inside a line (a name may hold one) starts another comment."""
    return [f"{indent}// {part}".rstrip() for line in lines for part in _text_lines(line)]


def block_comment(text: str) -> list[str]:
    """A /* */ comment holding `text`; a '*/' inside it is broken up so the comment cannot end early."""
    lines = ["/*"]
    for line in _text_lines(text.replace("*/", "* /")):
        lines.append(f" * {line}".rstrip())
    return [*lines, " */"]
