"""What a canvas section prints, read from its declarative definition: one item per value, row or swimlane."""

from collections.abc import Mapping, Sequence
from typing import Any

from canvases.bounded_context import COLLABORATOR_FIELDS
from canvases.definition import CanvasDef, Column, FieldDef, FieldKind, Option, SectionDef
from canvases.paths import get_path
from canvases.tables import rows_for
from canvases.vocabulary import DECISION_COLOURS
from formats.pdf.pdf_flowables import StickerLook
from formats.pdf.pdf_items import BULLET_INDENT, ChoiceColumnsItem, Item, LaneHeadingItem, LaneItem, TextItem
from formats.pdf.pdf_text import MUTED, Look

F = FieldKind
BULLET = Look(indent=BULLET_INDENT, bullet=True)
# Sticky-note looks of the BCC template: decisions are purple stickies, domain terms grey with a dashed edge.
STICKERS = {
    ("bounded_context", "business_decisions"): StickerLook(*DECISION_COLOURS),
    ("bounded_context", "ubiquitous_language"): StickerLook("#f1f3f5", "#868e96", dashed=True),
}
MAX_TICKED_OPTIONS = 6  # a choice with more options prints only the chosen one


def format_value(kind: FieldKind, options: Sequence[Option], value: Any) -> str:
    """A stored value as the canvas shows it: option labels for choices, Yes/No, plain numbers."""
    if value is None or value == "" or value == []:
        return ""
    labels = {option.value: option.label for option in options}
    if kind is F.CHOICE:
        return labels.get(str(value), str(value))
    if kind is F.MULTI_CHOICE:
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if kind is F.BOOL:
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_tickable(f: FieldDef) -> bool:
    return f.kind is F.CHOICE and 0 < len(f.options) <= MAX_TICKED_OPTIONS


def _ticked(fields: Sequence[FieldDef], data: Mapping[str, Any]) -> ChoiceColumnsItem:
    columns = tuple(
        (f.label, tuple((o.label, get_path(dict(data), f.key) == o.value) for o in f.options)) for f in fields
    )
    return ChoiceColumnsItem(columns)


def section_items(canvas: CanvasDef, section: SectionDef, data: Mapping[str, Any]) -> list[Item]:
    """Everything a section holds, in definition order; empty when nothing is filled in."""
    items: list[Item] = []
    fields = list(section.fields)
    i = 0
    while i < len(fields):
        run = 0
        while i + run < len(fields) and _is_tickable(fields[i + run]):
            run += 1
        if run >= 2:  # several small choices side by side, as the BCC's strategic classification
            items.append(_ticked(fields[i : i + run], data))
            i += run
            continue
        f = fields[i]
        show_label = f.label != section.title and len(fields) > 1
        items.extend(field_items(canvas, f, get_path(dict(data), f.key), show_label=show_label))
        i += 1
    return items


def hint_item(section: SectionDef) -> TextItem:
    return TextItem(section.hint, look=Look(colour=MUTED))


def is_empty(section: SectionDef, data: dict[str, Any]) -> bool:
    """Nothing typed or chosen in any of the section's fields."""
    return all(get_path(data, f.key) in (None, "", [], False) for f in section.fields)


def printed_items(canvas: CanvasDef, section: SectionDef, data: dict[str, Any]) -> list[Item]:
    """The section's items, led by its hint in grey when nothing is filled in yet (unticked choices stay)."""
    items = section_items(canvas, section, data)
    return [hint_item(section), *items] if is_empty(section, data) else items


def field_items(canvas: CanvasDef, f: FieldDef, value: Any, *, show_label: bool, emphasis: bool = True) -> list[Item]:
    """The items of one field; `emphasis` sets the canvas's name larger, as the sheets do."""
    label = f.label if show_label else ""
    if f.kind in (F.LIST, F.TABLE, F.OPERATIONS, F.COMMUNICATION, F.MULTI_CHOICE):
        items = _list_items(canvas, f, value or [])
        if items and label:
            return [TextItem("", label=label, keep_with_next=True), *items]
        return items
    text = format_value(f.kind, f.options, value)
    if not text:
        return []
    if emphasis and f.key == canvas.name_field:
        return [TextItem(text, label=label, look=Look(bold=True), scale=1.35)]
    return [TextItem(text, label=label)]


def _list_items(canvas: CanvasDef, f: FieldDef, value: list[Any]) -> list[Item]:
    if not value:
        return []
    if f.kind is F.MULTI_CHOICE:
        return [TextItem(format_value(F.CHOICE, f.options, v), look=BULLET) for v in value]
    if f.kind is F.COMMUNICATION:
        inbound = f.key == "inbound"
        return [LaneHeadingItem(inbound), *(_lane(entry, inbound) for entry in value)]
    if f.kind is F.OPERATIONS:
        return _operation_items(f, value)
    sticker = STICKERS.get((canvas.key, f.key))
    look = Look() if sticker else BULLET
    if f.kind is F.LIST:
        return [TextItem(str(v), look=look, sticker=sticker) for v in value]
    return [_row_item(f.columns, row, look, sticker) for row in rows_for(f, value)]


def _row_item(columns: Sequence[Column], row: Mapping[str, Any], look: Look, sticker: StickerLook | None) -> TextItem:
    """A table row as one paragraph: the first column bold, the others labelled after it."""
    first, *others = columns
    # An unticked box in a row says nothing worth ink: the sheet prints a row's ticks only.
    others = [c for c in others if c.kind is not F.BOOL or row.get(c.key)]
    texts = [(c, format_value(c.kind, c.options, row.get(c.key))) for c in others]
    texts = [(c, t) for c, t in texts if t]
    head = format_value(first.kind, first.options, row.get(first.key))
    if len(columns) == 2 and others[0].kind is F.LONG_TEXT:  # a term and its definition
        body = texts[0][1] if texts else ""
        return TextItem(body, label=head, look=look, sticker=sticker, separator=None if sticker else ": ")
    body = " · ".join(f"{c.label}: {t}" for c, t in texts)
    return TextItem(body, label=head, look=look, sticker=sticker, separator=" · ")


def _operation_items(f: FieldDef, value: list[Any]) -> list[Item]:
    """Aggregates as small headings; each operation a bullet, its parameters, request and responses below it."""
    items: list[Item] = []
    aggregate_column, name_column, *detail_columns = f.columns
    current = None
    for row in rows_for(f, value):
        if row[aggregate_column.key] != current:
            current = row[aggregate_column.key]
            items.append(TextItem(str(current), label=aggregate_column.label, keep_with_next=True))
        if row.get(name_column.key):
            details = "\n".join(f"{c.label}: {row[c.key]}" for c in detail_columns if row.get(c.key))
            items.append(TextItem(details, label=str(row[name_column.key]), look=BULLET, separator=None))
    return items


def _lane(entry: Mapping[str, Any], inbound: bool) -> LaneItem:
    details = []
    for f in COLLABORATOR_FIELDS:
        value = entry.get(f.key)
        if f.kind is F.BOOL:
            if value:
                details.append(f.label)
        elif text := format_value(f.kind, f.options, value):
            details.append(f"{f.label}: {text}")
    messages = tuple((str(m["kind"]), str(m["name"])) for m in entry.get("messages", []))
    return LaneItem(str(entry["collaborator"]), " · ".join(details), messages, inbound)
