"""JSON objects that give a key twice. Python's json keeps the last value silently; a workspace file that says
two things about one field is refused instead, naming the key and the line of its second appearance."""

import json
import re
from dataclasses import dataclass
from typing import Any

# A JSON string, or one of the characters that open or close a container.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_COLON_NEXT = re.compile(r"\s*:")


@dataclass(frozen=True)
class DuplicateKey(Exception):
    key: str
    line: int = 0


def pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An `object_pairs_hook` for json.loads: the object as a dict, or DuplicateKey (without its line)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise DuplicateKey(key)
        found[key] = value
    return found


def first_duplicate(text: str) -> DuplicateKey | None:
    """The first key, in reading order, given twice in one object, with its line; None when there is none.

    Only run once json.loads has found a duplicate, so the text is JSON and every string is whole.
    """
    objects: list[set[str] | None] = []  # per open container: the keys seen (None for an array)
    for token in _TOKEN.finditer(text):
        kind = token.group()
        if kind in "{[":
            objects.append(set() if kind == "{" else None)
        elif kind in "}]":
            objects.pop()
        elif objects and objects[-1] is not None and _COLON_NEXT.match(text, token.end()):
            key = json.loads(kind)
            if key in objects[-1]:
                return DuplicateKey(key, text.count("\n", 0, token.start()) + 1)
            objects[-1].add(key)
    return None
