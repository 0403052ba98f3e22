"""Values as the canvas shows them, the identity of table rows, and the change of one value."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canvases.bounded_context import COLLABORATOR_FIELDS, MESSAGES_FIELD
from canvases.definition import FieldDef, FieldKind
from diff.diff_model import Change, ChangeKind, PathPart, identity_text
from diff.diff_words import LONG_TEXT_CHARS, content_tokens, word_ops

F = FieldKind
LIST_KINDS = frozenset({F.LIST, F.TABLE, F.COMMUNICATION, F.OPERATIONS})
# The columns that name a row, in order of preference; a table without them is named by its first column.
IDENTITY_COLUMNS = (
    ("name",),
    ("term",),
    ("metric",),
    ("quality",),
    ("decision",),
    ("collaborator",),
    ("rule", "subject"),
)
SEPARATOR = " › "


@dataclass(frozen=True)
class RowSpec:
    """How rows of a list field are compared: the keys naming a row and the fields compared in it.

    No identity keys: the rows are plain texts, named by themselves.
    """

    identity: tuple[str, ...]
    fields: tuple[FieldDef, ...]


def _column_fields(field: FieldDef, skip: Sequence[str] = ()) -> tuple[FieldDef, ...]:
    return tuple(FieldDef(c.key, c.label, c.kind, c.help, c.options) for c in field.columns if c.key not in skip)


def row_spec(field: FieldDef) -> RowSpec:
    """The row comparison of a LIST, TABLE, COMMUNICATION or OPERATIONS field, read from its definition."""
    if field.kind is F.LIST:
        return RowSpec((), ())
    if field.kind is F.COMMUNICATION:
        return RowSpec(("collaborator",), (*COLLABORATOR_FIELDS, MESSAGES_FIELD))
    if field.kind is F.OPERATIONS:
        # Stored as aggregates holding operations; the table's "aggregate" column is the aggregate's name.
        operations = FieldDef("operations", "", F.TABLE, columns=field.columns[1:])
        return RowSpec(("name",), (operations,))
    keys = [c.key for c in field.columns]
    identity = next((ks for ks in IDENTITY_COLUMNS if set(ks) <= set(keys)), (keys[0],))
    return RowSpec(identity, _column_fields(field, skip=identity))


def row_identity(spec: RowSpec, row: Any) -> tuple[str, ...]:
    if not spec.identity:
        return (str(row),)
    return tuple(str(row.get(key, "")) for key in spec.identity)


def row_rest(spec: RowSpec, row: Any) -> frozenset[str]:
    """What a row holds besides its identity, as tokens for the rename test."""
    if not isinstance(row, Mapping):
        return frozenset()
    return frozenset(content_tokens({k: v for k, v in row.items() if k not in spec.identity}))


def value_text(field: FieldDef, value: Any) -> str:
    """A stored value as the canvas shows it: option labels for choices, Yes/No, plain numbers."""
    if value is None or value == "" or value == []:
        return ""
    labels = {option.value: option.label for option in field.options}
    if field.kind is F.CHOICE:
        return labels.get(str(value), str(value))
    if field.kind is F.MULTI_CHOICE:
        order = list(labels)
        chosen = sorted(value, key=lambda v: order.index(v) if v in order else len(order))
        return ", ".join(labels.get(str(v), str(v)) for v in chosen)
    if field.kind is F.BOOL or isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if field.kind in LIST_KINDS and isinstance(value, list):
        return row_text(row_spec(field), field, value)
    if isinstance(value, dict):
        return row_text(RowSpec((), ()), field, [value])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):  # e.g. a kept CML block's names
        return "; ".join(value)
    return str(value)


def row_text(spec: RowSpec, field: FieldDef, rows: list[Any]) -> str:
    """Rows on one line each: the identity first, then every filled-in field with its label."""
    lines = []
    for row in rows:
        if not isinstance(row, Mapping):
            lines.append(str(row))
            continue
        named = identity_text(spec.identity, tuple(str(row.get(k, "")) for k in spec.identity))
        known = {f.key: f for f in spec.fields}
        parts = [
            f"{known[k].label or k}: {text}" if k in known else f"{str(k).replace('_', ' ')}: {text}"
            for k, v in row.items()
            if k not in spec.identity and (text := value_text(known.get(k, _plain(k)), v))
        ]
        lines.append("; ".join(p for p in [named, *parts] if p))
    return "\n".join(lines)


def _plain(key: str) -> FieldDef:
    return FieldDef(key, key, F.TEXT)


def is_long_text(field: FieldDef, old: object, new: object) -> bool:
    long = field.kind is F.LONG_TEXT or any(isinstance(t, str) and len(t) >= LONG_TEXT_CHARS for t in (old, new))
    return long and isinstance(old, str) and isinstance(new, str) and bool(old) and bool(new)


def same_value(field: FieldDef, old: Any, new: Any) -> bool:
    """Equal as the canvas means it: a multiple choice is a set, so its order does not matter."""
    if field.kind is F.MULTI_CHOICE and isinstance(old, list) and isinstance(new, list):
        return sorted(map(str, old)) == sorted(map(str, new))
    return bool(old == new)


def value_change(field: FieldDef, path: tuple[PathPart, ...], label: str, old: Any, new: Any) -> Change:
    """The change of one value, with word-level changes when it is a long text."""
    words = word_ops(old, new) if is_long_text(field, old, new) else ()
    return Change(
        path, label, ChangeKind.CHANGED, old, new, value_text(field, old), value_text(field, new), words=words
    )


def join_label(*parts: str) -> str:
    return SEPARATOR.join(p for p in parts if p)
