"""The changes between two versions of one canvas, field by field and row by row, from its definition."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from canvases.definition import CanvasDef, FieldDef, FieldKind, SectionDef
from diff.diff_entries import Identity, Pairing, pair_entries, rename_score
from diff.diff_model import Change, ChangeKind, EntryRef, PathPart, SectionDiff, identity_text
from diff.diff_values import (
    LIST_KINDS,
    RowSpec,
    join_label,
    row_identity,
    row_rest,
    row_spec,
    row_text,
    same_value,
    value_change,
    value_text,
)
from diff.diff_words import text_similarity

OTHER_SECTION = ("other", "Other fields")  # values no definition names: shown rather than lost
KEPT_SECTION = ("context_mapper", "Context Mapper")  # models.context_mapper: what a CML import kept
KEPT_LABEL = "Context Mapper › {keys}"
TEXT_EDIT_SIMILARITY = 0.5  # a removed and an added text this alike are one edited text
Forced = Mapping[str, Mapping[Identity, Identity]]  # field key -> renames of its rows already decided


def get_value(data: Mapping[str, Any], key: str) -> Any:
    """The value at a dotted key such as `ai_profile.sla.freshness`; None where a level is missing."""
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def field_label(section: SectionDef, field: FieldDef) -> str:
    """'Section › Field', or the section's title alone when the field is the whole section."""
    return section.title if field.label == section.title else join_label(section.title, field.label)


def diff_document(
    canvas: CanvasDef,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    *,
    extra_sections: Sequence[SectionDef] = (),
    ignore: frozenset[str] = frozenset(),
    forced: Forced | None = None,
) -> tuple[SectionDiff, ...]:
    """Every change between two versions of one canvas, grouped by the canvas's sections."""
    sections: list[SectionDiff] = []
    covered: set[str] = set()
    for section in (*canvas.sections, *extra_sections):
        changes: list[Change] = []
        for field in section.fields:
            covered.add(field.key)
            before, after = get_value(old, field.key), get_value(new, field.key)
            if not same_value(field, before, after):
                path = tuple(field.key.split("."))
                label = field_label(section, field)
                changes += field_changes(field, path, label, before, after, (forced or {}).get(field.key))
        if changes:
            sections.append(SectionDiff(section.key, section.title, tuple(changes)))
    uncovered = list(_uncovered(old, new, covered | ignore))
    # What a Context Mapper import kept has no canvas field: labelled by its own keys, in a section of its own.
    kept = tuple(_plain_change(p, old, new, KEPT_LABEL) for p in uncovered if p.split(".")[0] == KEPT_SECTION[0])
    other = tuple(_plain_change(p, old, new) for p in uncovered if p.split(".")[0] != KEPT_SECTION[0])
    sections += [SectionDiff(*KEPT_SECTION, kept)] if kept else []
    sections += [SectionDiff(*OTHER_SECTION, other)] if other else []
    return tuple(sections)


def field_changes(
    field: FieldDef,
    path: tuple[PathPart, ...],
    label: str,
    old: Any,
    new: Any,
    forced: Mapping[Identity, Identity] | None = None,
) -> list[Change]:
    if field.kind in LIST_KINDS:
        return row_changes(field, row_spec(field), path, label, old or [], new or [], forced)
    return [value_change(field, path, label, old, new)]


def _text_edit_score(old: Any, new: Any) -> float | None:
    similarity = text_similarity(str(old), str(new))
    return similarity if similarity >= TEXT_EDIT_SIMILARITY else None


def record_score(spec: RowSpec) -> Callable[[Any, Any], float | None]:
    """How evidently two rows are one renamed row (see rename_score); None when not evident."""

    def score(old: Any, new: Any) -> float | None:
        old_name, new_name = " ".join(row_identity(spec, old)), " ".join(row_identity(spec, new))
        return rename_score(old_name, new_name, row_rest(spec, old), row_rest(spec, new))

    return score


def row_changes(
    field: FieldDef,
    spec: RowSpec,
    path: tuple[PathPart, ...],
    label: str,
    old: list[Any],
    new: list[Any],
    forced: Mapping[Identity, Identity] | None = None,
    *,
    score: Callable[[Any, Any], float | None] | None = None,
) -> list[Change]:
    """Rows added, removed, renamed or changed; rows are paired by identity, so their order does not matter.

    `score` overrides how evidently a removed and an added row are one (default: by name and content).
    """
    default = record_score(spec) if spec.identity else _text_edit_score
    pairings = pair_entries(
        old,
        new,
        lambda row: row_identity(spec, row),
        score=score or default,
        signature=(lambda row: row_rest(spec, row)) if spec.identity else None,
        forced=forced,
    )
    changes: list[Change] = []
    for pairing in pairings:
        changes += _pairing_changes(field, spec, path, label, pairing, old, new)
    return changes


def _pairing_changes(
    field: FieldDef,
    spec: RowSpec,
    path: tuple[PathPart, ...],
    label: str,
    pairing: Pairing,
    old: list[Any],
    new: list[Any],
) -> list[Change]:
    before = None if pairing.old is None else old[pairing.old]
    after = None if pairing.new is None else new[pairing.new]
    where = (*path, EntryRef(pairing.identity, spec.identity, pairing.occurrence))
    if before is None or after is None:
        # The label names the list; the row's text starts with the row's own name.
        kind, row = (ChangeKind.ADDED, after) if before is None else (ChangeKind.REMOVED, before)
        text = row_text(spec, field, [row])
        old_text, new_text = (text, "") if kind is ChangeKind.REMOVED else ("", text)
        return [Change(where, label, kind, before, after, old_text, new_text)]
    if before == after:
        return []
    if not spec.identity:  # an edited text of a plain list
        text_field = _text_column(field)
        return [value_change(text_field, where, label, before, after)]
    changes: list[Change] = []
    old_name = identity_text(spec.identity, row_identity(spec, before))
    new_name = identity_text(spec.identity, row_identity(spec, after))
    if pairing.renamed:  # old and new hold the identity: one text, or a list for several identity fields
        was, now = _identity_value(spec, before), _identity_value(spec, after)
        changes.append(Change(where, join_label(label, old_name), ChangeKind.RENAMED, was, now, old_name, new_name))
    return changes + record_changes(spec, where, join_label(label, new_name), before, after)


def _identity_value(spec: RowSpec, row: Mapping[str, Any]) -> object:
    values = [row.get(key) for key in spec.identity]
    return values[0] if len(values) == 1 else values


def _text_column(field: FieldDef) -> FieldDef:
    column = field.columns[0] if field.columns else None
    kind = column.kind if column else FieldKind.TEXT
    return FieldDef(field.key, field.label, kind)


def record_changes(
    spec: RowSpec, path: tuple[PathPart, ...], label: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[Change]:
    """The changed fields of one row, then any key the row's definition does not name."""
    changes: list[Change] = []
    for field in spec.fields:
        before, after = old.get(field.key), new.get(field.key)
        if not same_value(field, before, after):
            changes += field_changes(field, (*path, field.key), join_label(label, field.label), before, after)
    known = {*spec.identity, *(f.key for f in spec.fields)}
    for key in dict.fromkeys([*old, *new]):
        if key not in known and old.get(key) != new.get(key):
            plain = FieldDef(key, key, FieldKind.TEXT)
            changes.append(value_change(plain, (*path, key), join_label(label, key), old.get(key), new.get(key)))
    return changes


def _uncovered(old: Mapping[str, Any], new: Mapping[str, Any], covered: set[str], prefix: str = "") -> Iterator[str]:
    """Dotted keys holding values that no field of the definition (nor `ignore`) accounts for."""
    for key in dict.fromkeys([*old, *new]):
        path = f"{prefix}.{key}" if prefix else str(key)
        if path in covered:
            continue
        before, after = old.get(key), new.get(key)
        if (
            (any(c.startswith(path + ".") for c in covered) or path == KEPT_SECTION[0])
            and isinstance(before, Mapping)
            and isinstance(after, Mapping)
        ):
            yield from _uncovered(before, after, covered, path)
        elif before != after:
            yield path


def _plain_change(path: str, old: Mapping[str, Any], new: Mapping[str, Any], label: str = "{path}") -> Change:
    before, after = get_value(old, path), get_value(new, path)
    plain = FieldDef(path, path, FieldKind.TEXT)
    keys = " › ".join(part.replace("_", " ") for part in path.split(".")[1:])
    return Change(
        tuple(path.split(".")),
        label.format(path=path, keys=keys),
        ChangeKind.CHANGED,
        before,
        after,
        value_text(plain, before),
        value_text(plain, after),
    )
