"""Drives the canvas forms through AppTest the way a user fills them, field by field."""

from typing import Any

from streamlit.testing.v1 import AppTest

from canvases.definition import FieldDef, FieldKind
from canvases.tables import value_from_rows
from ui.form import RADIO_LIMIT
from ui.state import TABLE_START_SUFFIX


def key(at: AppTest, *parts: object) -> str:
    """The widget key the app uses, which includes the current epoch."""
    return "|".join(str(p) for p in (at.session_state["epoch"], *parts))


def sample_row(f: FieldDef, tag: str, context: str) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in f.columns:
        if column.kind is FieldKind.CHOICE:
            row[column.key] = column.options[-1].value
        elif column.kind is FieldKind.CONTEXT:
            row[column.key] = context
        elif column.kind is FieldKind.BOOL:
            row[column.key] = True
        else:
            row[column.key] = f'{tag} {column.label}: Grüße Ελληνικά <b>&amp; "q" \\ {{x}}'
    return row


def sample_value(f: FieldDef, tag: str, *, team: str, context: str) -> Any:
    """A value for `f` that differs from its default, with markup and non-Latin characters."""
    if f.kind is FieldKind.TEXT:
        return f"{tag}: Ärger <script>x</script> & 'q'"
    if f.kind is FieldKind.LONG_TEXT:
        return f"{tag}: Grüße, Ελληνικά, кириллица\nline 2 with **markdown** & <i>html</i>"
    if f.kind is FieldKind.CHOICE:
        return f.options[-1].value
    if f.kind is FieldKind.MULTI_CHOICE:
        return [f.options[0].value, f.options[-1].value]
    if f.kind is FieldKind.BOOL:
        return True
    if f.kind is FieldKind.NUMBER:
        return 99.5
    if f.kind is FieldKind.INTEGER:
        return 3 if "volatility" in f.key else 250
    if f.kind is FieldKind.TEAM:
        return team
    if f.kind is FieldKind.CONTEXT:
        return context
    raise ValueError(f.kind)


def fill_field(at: AppTest, widget: str, f: FieldDef, value: Any) -> Any:
    """Enters `value` into the widget of `f`; returns what the stored value must then be."""
    if f.kind is FieldKind.TEXT:
        at.text_input(key=widget).input(value)
    elif f.kind is FieldKind.LONG_TEXT:
        at.text_area(key=widget).input(value)
    elif f.kind is FieldKind.CHOICE and len(f.options) <= RADIO_LIMIT:
        at.radio(key=widget).set_value(value)
    elif f.kind in (FieldKind.CHOICE, FieldKind.TEAM, FieldKind.CONTEXT):
        at.selectbox(key=widget).set_value(value)
    elif f.kind is FieldKind.MULTI_CHOICE:
        at.multiselect(key=widget).set_value(value)
    elif f.kind is FieldKind.BOOL:
        at.toggle(key=widget).set_value(value)
    elif f.kind in (FieldKind.NUMBER, FieldKind.INTEGER):
        at.number_input(key=widget).set_value(value)
    elif f.kind in (FieldKind.LIST, FieldKind.TABLE, FieldKind.OPERATIONS):
        open_table(at, widget)
        at.session_state[widget] = {"edited_rows": {}, "added_rows": [value], "deleted_rows": []}
        return value_from_rows(f, [value])
    else:
        raise ValueError(f.kind)
    return value


def fill_fields(
    at: AppTest,
    prefix: tuple[object, ...],
    fields: list[FieldDef],
    *,
    team: str,
    context: str,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fills every field, one rerun each as a user would; returns path -> expected stored value."""
    expected: dict[str, Any] = {}
    for f in fields:
        if f.kind in (FieldKind.LIST, FieldKind.TABLE, FieldKind.OPERATIONS):
            value = (overrides or {}).get(f.key, sample_row(f, f.key, context))
        else:
            value = (overrides or {}).get(f.key, sample_value(f, f.key, team=team, context=context))
        expected[f.key] = fill_field(at, key(at, *prefix, f.key), f, value)
        at.run()
        assert not at.exception, (f.key, at.exception)
    return expected


def element_after(at: AppTest, widget: str) -> Any:
    """The element rendered right after the widget with key `widget`, i.e. what the user sees below it."""

    def walk(node: Any) -> Any:
        children = list(getattr(node, "children", {}).values())
        for i, child in enumerate(children):
            if getattr(child, "key", None) == widget:
                return children[i + 1] if i + 1 < len(children) else None
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(at.main)


def problems_below(at: AppTest, widget: str) -> list[str]:
    """The error messages shown directly below a widget."""
    below = element_after(at, widget)
    errors = [] if below is None else [below] if below.type == "error" else list(below.children.values())
    return [e.value for e in errors if getattr(e, "type", "") == "error"]


def open_table(at: AppTest, widget: str) -> None:
    """An empty table is a button until first used: clicks it, so the grid is drawn and takes edits."""
    starts = [b for b in at.button if b.key == widget + TABLE_START_SUFFIX]
    if starts:
        starts[0].click().run()
        assert not at.exception, at.exception


def open_lane_details(at: AppTest, lane: str) -> None:
    """Opens a swimlane's "Relationship and integration" (its fields are drawn only while it is open)."""
    at.session_state[key(at, "bounded_context", lane, "details")] = True
    at.run()
