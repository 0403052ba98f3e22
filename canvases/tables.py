"""Converts list sections to table rows and back, so any table editor can edit them."""

import math
from collections.abc import Sequence
from typing import Any

from canvases.definition import FieldDef, FieldKind

Row = dict[str, Any]


def _is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _clean(value: object) -> object:
    return None if _is_empty(value) else value


def rows_for(field: FieldDef, value: list[Any]) -> list[Row]:
    """Table rows holding a list section's entries, one column per `field.columns`."""
    if field.kind is FieldKind.LIST:
        return [{"value": item} for item in value]
    if field.kind is FieldKind.OPERATIONS:
        rows: list[Row] = []
        for aggregate in value:
            operations = aggregate["operations"] or [{"name": "", "parameters": "", "request": "", "responses": ""}]
            rows.extend({"aggregate": aggregate["name"], **op} for op in operations)
        return rows
    return [{c.key: item.get(c.key) for c in field.columns} for item in value]


def _text_columns(field: FieldDef) -> set[str]:
    other_kinds = (
        FieldKind.CHOICE,
        FieldKind.CONTEXT,
        FieldKind.TEAM,
        FieldKind.BOOL,
        FieldKind.NUMBER,
        FieldKind.INTEGER,
    )
    return {c.key for c in field.columns if c.kind not in other_kinds}


def _cell(value: object, kind: FieldKind, is_text: bool) -> object:
    if is_text:
        return "" if _is_empty(value) else value
    if kind is FieldKind.BOOL:
        return bool(value) if not _is_empty(value) else False
    return _clean(value)


def value_from_rows(field: FieldDef, rows: list[Row], previous: Sequence[Any] = ()) -> list[Any]:
    """The section's entries from edited rows; rows with nothing typed in them are dropped.

    An entry may hold more than the table's columns (a team's Context Mapper block, kept from an import): what the
    columns do not show is carried over from the `previous` entry with the same first column (its name)."""
    texts = _text_columns(field)
    kinds = {c.key: c.kind for c in field.columns}
    cleaned = []
    for row in rows:
        record = {k: _cell(v, kinds.get(k, FieldKind.TEXT), k in texts) for k, v in row.items()}
        if any(not _is_empty(v) and v is not False for v in record.values()):
            cleaned.append(record)
    if field.kind is FieldKind.LIST:
        return [r["value"] for r in cleaned]
    if field.kind is FieldKind.OPERATIONS:
        return _nest_operations(cleaned)
    return _with_hidden_keys(field, cleaned, previous)


def _with_hidden_keys(field: FieldDef, records: list[Row], previous: Sequence[Any]) -> list[Row]:
    shown = {c.key for c in field.columns}
    first = field.columns[0].key
    hidden = {
        entry.get(first): {k: v for k, v in entry.items() if k not in shown}
        for entry in previous
        if isinstance(entry, dict)
    }
    return [{**hidden.get(record.get(first), {}), **record} for record in records]


def _nest_operations(rows: list[Row]) -> list[Row]:
    aggregates: dict[str, Row] = {}
    for row in rows:
        aggregate = aggregates.setdefault(row["aggregate"], {"name": row["aggregate"], "operations": []})
        operation = {k: v for k, v in row.items() if k != "aggregate"}
        if any(operation.values()):
            aggregate["operations"].append(operation)
    return list(aggregates.values())
