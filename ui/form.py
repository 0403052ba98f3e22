"""Renders a canvas definition's fields as widgets bound to the draft, with problems beside them."""

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import streamlit as st

from canvases.definition import CanvasDef, FieldDef, FieldKind, SectionDef
from canvases.paths import get_path, is_within, problems_under, set_path
from canvases.tables import rows_for, value_from_rows
from models.workspace import Problem
from ui import state, ui_messages
from ui.literal_markdown import literal
from ui.table_editor import edit_table

RADIO_LIMIT = 5  # choices with this many options or fewer show as the sheet's printed list


@dataclass
class ProblemSlot:
    """A placeholder below a widget, filled once the whole form has been drawn and validated."""

    path: str
    exact: bool
    placeholder: Any
    label: str = ""  # names the field when its widget is not drawn next to the problem

    def holds(self, rest: str) -> bool:
        """Whether a problem at `rest` (a path inside the form's scope) shows in this slot."""
        return rest == self.path if self.exact else is_within(rest, self.path)


@dataclass
class FormContext:
    canvas: CanvasDef
    data: dict[str, Any]  # the part of the draft these widgets write into
    index: int | str  # position of the canvas, or of an entry inside it; part of widget keys
    scope: str  # path of the canvas inside the workspace, e.g. "bounded_contexts[2]"; "" for the workspace
    prefix: str = ""  # path of `data` inside the canvas, e.g. "inbound[0]" for a swimlane
    teams: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    externals: list[str] = field(default_factory=list)
    read_only: bool = False
    slots: list[ProblemSlot] = field(default_factory=list)

    def key(self, path: str) -> str:
        return state.widget_key(self.canvas.key, self.index, path)

    def path(self, path: str) -> str:
        return f"{self.prefix}.{path}" if self.prefix else path

    def nested(self, prefix: str, data: dict[str, Any]) -> "FormContext":
        """A context for a part of this canvas (a swimlane) that shares the problem slots."""
        return replace(self, data=data, index=f"{self.index}:{prefix}", prefix=self.path(prefix))


def show_problems(ctx: FormContext, path: str, *, exact: bool = False) -> None:
    """Reserves the place below the current widget for the problems at `path` (or inside it)."""
    ctx.slots.append(ProblemSlot(ctx.path(path), exact, st.empty()))


def show_problems_of(ctx: FormContext, fields: Sequence[FieldDef]) -> None:
    """One place for the problems of several fields not drawn here, each message naming its field."""
    placeholder = st.empty()
    ctx.slots.extend(ProblemSlot(ctx.path(f.key), False, placeholder, f.label) for f in fields)


def problems_in_scope(problems: list[Problem], scope: str) -> dict[str, list[str]]:
    """The problems inside `scope`, keyed by their path relative to it."""
    found: dict[str, list[str]] = {}
    for p in problems:
        if not scope or is_within(p.path, scope):
            found.setdefault(p.path[len(scope) :].lstrip("."), []).append(p.message)
    return found


def fill_problem_slots(ctx: FormContext, problems: list[Problem]) -> None:
    scoped = problems_in_scope(problems, ctx.scope)
    shown: dict[int, tuple[Any, list[str]]] = {}  # placeholder -> its messages: several slots may share one
    for slot in ctx.slots:
        if slot.exact:
            found = [("", message) for message in scoped.get(slot.path, [])]
        else:
            found = problems_under(scoped, slot.path)
        texts = [ui_messages.FIELD_PROBLEM.format(where=_where(slot, r), message=literal(m)) for r, m in found]
        if texts:
            shown.setdefault(id(slot.placeholder), (slot.placeholder, []))[1].extend(texts)
    for placeholder, texts in shown.values():
        with placeholder.container():
            for text in texts:
                st.error(text, icon="⚠️")


def _where(slot: ProblemSlot, rest: str) -> str:
    """'Relationship pattern: ' or 'Row 3 › term: ' or both joined, before a problem's message."""
    inner = _describe_rest(rest)
    if not slot.label:
        return inner
    return f"{slot.label} › {inner}" if inner else f"{slot.label}: "


def _describe_rest(rest: str) -> str:
    """'Row 3 › term: ' for a rest path like '[2].term'; '' for the field itself."""
    if not rest.startswith("["):
        return f"{rest.lstrip('.')}: " if rest else ""
    index, _, tail = rest[1:].partition("]")
    return f"Row {int(index) + 1}{' › ' + tail.lstrip('.') if tail else ''}: "


def _store(ctx: FormContext, path: str, value: Any) -> None:
    if get_path(ctx.data, path) != value:
        set_path(ctx.data, path, value)


def _choice(ctx: FormContext, f: FieldDef, current: Any) -> Any:
    labels: dict[Any, str] = {o.value: o.label for o in f.options}
    values: list[Any] = list(labels)
    index = values.index(current) if current in values else None
    if len(values) <= RADIO_LIMIT:
        return st.radio(
            f.label,
            values,
            index=index,
            format_func=lambda v: labels.get(v, str(v)),
            key=ctx.key(f.key),
            help=f.hint or None,
            disabled=ctx.read_only,
        )
    return st.selectbox(
        f.label,
        values,
        index=index,
        format_func=lambda v: labels.get(v, str(v)),
        key=ctx.key(f.key),
        help=f.hint or None,
        placeholder="Not decided yet",
        disabled=ctx.read_only,
    )


def _reference(ctx: FormContext, f: FieldDef, current: Any, names: list[str]) -> Any:
    options = names + ([current] if current is not None and current not in names else [])
    index = options.index(current) if current in options else None
    return st.selectbox(
        f.label,
        options,
        index=index,
        key=ctx.key(f.key),
        help=f.hint or None,
        placeholder="Choose…",
        disabled=ctx.read_only,
    )


def _number(ctx: FormContext, f: FieldDef, current: Any) -> Any:
    integer = f.kind is FieldKind.INTEGER
    if current is not None:
        current = int(current) if integer else float(current)
    # The draft's value goes in through the widget's state, and its default stays empty: Streamlit puts a
    # cleared number field back to its default, so a default of the value shown would make clearing impossible.
    if ctx.key(f.key) not in st.session_state:
        st.session_state[ctx.key(f.key)] = current
    value = st.number_input(
        f.label,
        value=None,
        step=1 if integer else 0.1,
        format=None if integer else "%.2f",
        key=ctx.key(f.key),
        help=f.hint or None,
        placeholder="Not set",
        disabled=ctx.read_only,
    )
    return int(value) if integer and value is not None else value


def render_field(ctx: FormContext, f: FieldDef, *, show_label: bool = True) -> None:
    """One widget for `f`, bound to the draft, followed by the problems found at its path."""
    current = get_path(ctx.data, f.key)
    visibility: Literal["visible", "collapsed"] = "visible" if show_label else "collapsed"
    k, hint, ro = ctx.key(f.key), f.hint or None, ctx.read_only
    value: Any
    if f.kind is FieldKind.TEXT:
        value = st.text_input(f.label, str(current), key=k, help=hint, label_visibility=visibility, disabled=ro)
    elif f.kind is FieldKind.LONG_TEXT:
        value = st.text_area(f.label, str(current), key=k, help=hint, label_visibility=visibility, disabled=ro)
    elif f.kind is FieldKind.CHOICE:
        value = _choice(ctx, f, current)
    elif f.kind is FieldKind.MULTI_CHOICE:
        labels: dict[Any, str] = {o.value: o.label for o in f.options}
        value = st.multiselect(
            f.label,
            list(labels),
            default=[v for v in current if v in labels],
            format_func=lambda v: labels.get(v, str(v)),
            key=k,
            help=hint,
            label_visibility=visibility,
            disabled=ro,
            placeholder="Choose role types",
        )
    elif f.kind is FieldKind.BOOL:
        value = st.toggle(f.label, bool(current), key=k, help=hint, disabled=ro)
    elif f.kind in (FieldKind.NUMBER, FieldKind.INTEGER):
        value = _number(ctx, f, current)
    elif f.kind is FieldKind.TEAM:
        value = _reference(ctx, f, current, ctx.teams)
    elif f.kind is FieldKind.CONTEXT:
        value = _reference(ctx, f, current, ctx.contexts)
    elif f.kind in (FieldKind.LIST, FieldKind.TABLE, FieldKind.OPERATIONS):
        value = _table(ctx, f, current, show_label=show_label)
    else:
        raise ValueError(f"{f.kind} is rendered by its own component")
    if not ro:
        _store(ctx, f.key, value)
    show_problems(ctx, f.key)


def _table(ctx: FormContext, f: FieldDef, current: list[Any], *, show_label: bool) -> list[Any]:
    if show_label:
        st.markdown(f"**{f.label}**")
    k, ro = ctx.key(f.key), ctx.read_only
    rows = edit_table(
        k, f, rows_for(f, current), contexts=ctx.contexts, externals=ctx.externals, label=f.label, disabled=ro
    )
    value = current if ro else value_from_rows(f, rows, current)
    if f.row_hint is not None and not ro:
        _row_hints(f, value)
    return value


def _row_hints(f: FieldDef, entries: list[Any]) -> None:
    """The definition's suggestions for the table's rows, one caption; a suggestion is never applied by itself."""
    assert f.row_hint is not None
    hints = [hint for entry in entries if isinstance(entry, dict) and (hint := f.row_hint(entry))]
    if hints:
        st.caption("\n\n".join(literal(h) for h in hints))


def render_section(ctx: FormContext, section: SectionDef, *, hint: bool = True) -> None:
    """A bordered box like the sheet's: title, the guiding question, then the fields."""
    with st.container(border=True, key=f"section-{ctx.canvas.key}-{section.key}"):
        section_heading(section.title, section.hint if hint else "")
        single = len(section.fields) == 1 and section.fields[0].label == section.title
        columns = st.columns(section.columns) if section.columns > 1 else [contextlib.nullcontext()]
        render_fields(ctx, section, columns, show_label=not single)


def section_heading(title: str, hint: str) -> None:
    """A box's title and its guiding question as one element: every element costs each browser in the room time
    on every run. The texts are the canvas definition's own, never a person's."""
    st.markdown(f"#### {title}\n\n:gray[:small[{hint}]]" if hint else f"#### {title}")


def render_fields(ctx: FormContext, section: SectionDef, columns: Sequence[Any], *, show_label: bool = True) -> None:
    """The section's fields over `columns`, in turn. A moot field (FieldDef.moot_when) is drawn only while it holds
    a value, and then with a warning; a note says what brings the left-out fields back. Decided field by field,
    after the fields before it were drawn, so a changed AI kind shows or hides the fields in the same run."""
    note, moot, left_out, shown = st.empty(), [], 0, 0
    for f in section.fields:
        if _moot(ctx, f) and get_path(ctx.data, f.key) in EMPTY_VALUES:
            left_out += 1
            continue
        if _moot(ctx, f):
            moot.append(f.label)
        with columns[shown % len(columns)]:
            render_field(ctx, f, show_label=show_label)
        shown += 1
    if moot:  # filled before the field it depends on changed: shown, so nothing that holds a value is hidden
        note.warning(ui_messages.MOOT_FIELDS.format(fields=", ".join(moot)), icon="⚠️")  # markdown: our labels
    elif left_out:
        note.caption(ui_messages.MOOT_HIDDEN)


EMPTY_VALUES: tuple[object, ...] = (None, "", False, 0, 0.0, "none", [])  # what a field holds when nobody filled it


def _moot(ctx: FormContext, f: FieldDef) -> bool:
    return f.moot_when is not None and get_path(ctx.data, f.moot_when[0]) == f.moot_when[1]


def _moot_and_empty(ctx: FormContext, f: FieldDef) -> bool:
    return _moot(ctx, f) and get_path(ctx.data, f.key) in EMPTY_VALUES
