"""Three-way merge of workspace data against the common parent: one-sided changes merge, real conflicts are data.

Pure: no I/O. Dicts merge per key; lists whose entries carry an identity (a name, term, collaborator, ...)
merge per entry, so two people editing different canvases or different rows never conflict. Any other
list is one value. A conflict is resolved by merging again with a choice for its path.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal


class Absent(Enum):
    """A value one side does not have: a field or an entry that was deleted or never added."""

    ABSENT = "absent"


ABSENT = Absent.ABSENT
Choice = Literal["mine", "theirs"]

# Tried in order; the first whose keys every entry of all three lists has, with unique values, is the identity.
IDENTITY_KEYS: tuple[tuple[str, ...], ...] = (
    ("name",),
    ("term",),
    ("metric",),
    ("quality",),
    ("decision",),
    ("collaborator",),
    ("bounded_context",),
    ("upstream", "downstream"),
    ("rule", "subject"),
)


@dataclass(frozen=True)
class Conflict:
    path: str  # e.g. "bounded_contexts[Pricing].purpose"
    base: Any  # ABSENT when the common parent did not have it
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    data: dict[str, Any]  # the merge; an unresolved conflict holds `theirs`, so the data stays complete
    conflicts: list[Conflict]


def merge_workspace_data(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], choices: Mapping[str, Choice] | None = None
) -> MergeResult:
    """Merges `mine` and `theirs`, both edited from `base`; `choices` settles conflicts by path."""
    merge = _Merge(dict(choices or {}))
    data = merge.value(base, mine, theirs, "")
    return MergeResult(data if isinstance(data, dict) else {}, merge.conflicts)


def _identity(keys: tuple[str, ...], entry: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(entry[k] for k in keys)


def _identity_keys(*lists: list[Any]) -> tuple[str, ...] | None:
    entries = [e for entries in lists for e in entries]
    if not entries or not all(isinstance(e, dict) for e in entries):
        return None
    for keys in IDENTITY_KEYS:
        if not all(all(isinstance(e.get(k), str) for k in keys) for e in entries):
            continue
        if all(len({_identity(keys, e) for e in entries}) == len(entries) for entries in lists):
            return keys
        return None  # repeated identities: the list can only be compared whole
    return None


def _merged_order(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """Theirs' order when mine kept the parent's order, else mine's; then the other side's additions."""
    skeleton, other = (theirs, mine) if mine == base else (mine, theirs)
    return [*skeleton, *(i for i in other if i not in skeleton)]


class _Merge:
    def __init__(self, choices: dict[str, Choice]) -> None:
        self.choices = choices
        self.conflicts: list[Conflict] = []

    def value(self, base: Any, mine: Any, theirs: Any, path: str) -> Any:
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict) and isinstance(base, dict | Absent):
            return self.dicts({} if base is ABSENT else base, mine, theirs, path)
        if isinstance(mine, list) and isinstance(theirs, list) and isinstance(base, list | Absent):
            old = [] if base is ABSENT else base
            keys = _identity_keys(old, mine, theirs)
            if keys is not None:
                return self.entries(keys, old, mine, theirs, path)
        return self.conflict(base, mine, theirs, path)

    def conflict(self, base: Any, mine: Any, theirs: Any, path: str) -> Any:
        choice = self.choices.get(path)
        if choice is None:
            self.conflicts.append(Conflict(path or "(workspace)", base, mine, theirs))
            return theirs
        return mine if choice == "mine" else theirs

    def dicts(self, base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], path: str) -> dict[str, Any]:
        merged = {}
        for key in dict.fromkeys([*mine, *theirs, *base]):
            where = f"{path}.{key}" if path else key
            value = self.value(base.get(key, ABSENT), mine.get(key, ABSENT), theirs.get(key, ABSENT), where)
            if value is not ABSENT:
                merged[key] = value
        return merged

    def entries(self, keys: tuple[str, ...], base: list[Any], mine: list[Any], theirs: list[Any], path: str) -> Any:
        by_id = [{_identity(keys, e): e for e in entries} for entries in (base, mine, theirs)]
        order = _merged_order(*(list(ids) for ids in by_id))
        merged = []
        for ident in order:
            where = f"{path}[{' → '.join(ident)}]"
            old, mine_entry, their_entry = (ids.get(ident, ABSENT) for ids in by_id)
            value = self.value(old, mine_entry, their_entry, where)
            if value is not ABSENT:
                merged.append(value)
        return merged
