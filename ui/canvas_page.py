"""What every canvas editor page shares: the canvas picker, adding and deleting a canvas, the sheet's rows of boxes."""

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from canvases.definition import CanvasDef
from services import workspaces
from services.access import Action
from ui import history_view, state, ui_messages
from ui.form import FormContext, fill_problem_slots, render_section
from ui.literal_markdown import literal
from ui.sheet_parts import draft_problems, section_part, whole_page_part


def require_workspace() -> dict[str, Any]:
    if not state.has_workspace():
        st.info(ui_messages.OPEN_A_WORKSPACE_FIRST)
        st.page_link("ui/pages/workspaces.py", label="Go to Workspaces", icon="🗂️")
        st.stop()
    return state.draft()


def pick_canvas(canvas: CanvasDef) -> int | None:
    """A selector over this workspace's canvases of one kind; the index shown, or None if there are none."""
    items = state.draft()[canvas.collection]
    if not items:
        return None
    names = [str(item[canvas.name_field]) or "(unnamed)" for item in items]
    state.follow_canvas_link(canvas.key, names)
    current = min(state.selected_index(canvas.key), len(items) - 1)
    index = st.selectbox(
        f"{canvas.title} to edit",
        range(len(items)),
        index=current,
        format_func=lambda i: names[i],
        key=state.widget_key(state.PICK, canvas.key),
    )
    state.select(canvas.key, index)
    state.link_canvas(names[index])
    return int(index)


def delete_canvas(canvas: CanvasDef, index: int) -> None:
    items = state.draft()[canvas.collection]
    name = items[index][canvas.name_field]
    with st.popover("Delete this canvas", icon="🗑️"):
        st.write(ui_messages.CONFIRM_DELETE_CANVAS.format(name=literal(name)))
        if st.button(f"Delete {canvas.title}", key=state.widget_key("delete", canvas.key, index), type="primary"):
            items.pop(index)
            state.select(canvas.key, max(0, index - 1))
            state.bump_epoch()
            state.flash("info", ui_messages.DELETED_CANVAS.format(name=literal(name)))
            st.rerun()


def render_rows(canvas: CanvasDef, index: int, rows: Sequence[Sequence[tuple[float, list[str]]]]) -> None:
    """Lays sections out in rows of columns, each column stacking the sections named in it. Each section is a
    part of its own; the one holding the canvas's name reruns the whole page, which shows the name elsewhere."""
    sections = {s.key: s for s in canvas.sections}
    for row in rows:
        columns = st.columns([width for width, _ in row])
        for column, (_, keys) in zip(columns, row, strict=True):
            with column:
                for key in keys:
                    section = sections[key]
                    draw = functools.partial(render_section, section=section)
                    named = any(f.key == canvas.name_field for f in section.fields)
                    (whole_page_part if named else section_part)(canvas, index, draw)


@dataclass(frozen=True)
class NewCanvas:
    """How the toolbar adds a canvas: by a typed name (options None) or a context picked from `options`."""

    label: str
    make: Callable[[str], dict[str, Any]]
    options: list[str] | None = None
    taken: frozenset[str] = frozenset()


def _add_canvas(canvas: CanvasDef, new: NewCanvas) -> None:
    name_key = state.widget_key("new", canvas.key)
    # The epoch is part of the key: after an add the popover is a new one, drawn closed.
    with st.popover(new.label, icon="➕", key=state.widget_key("popover", canvas.key)):
        if new.options is None:
            name = st.text_input(f"Name of the new {canvas.title}", key=name_key).strip()
        else:
            placeholder = "Choose…" if new.options else "Every context has one already"
            picked = st.selectbox("Bounded context", new.options, index=None, placeholder=placeholder, key=name_key)
            name = picked or ""
        problem = st.session_state.pop(state.add_problem_key(canvas.key), None)
        if problem is None and name in new.taken:
            problem = ui_messages.NAME_TAKEN.format(name=literal(name))
        if problem:
            st.error(problem)
        # Never greyed out: a click sends the typed name with it, so one click adds; a missing name is said.
        st.button("Add", key=state.widget_key("add", canvas.key), on_click=_add_clicked, args=(canvas, new, name_key))


def _add_clicked(canvas: CanvasDef, new: NewCanvas, name_key: str) -> None:
    """Runs before the page is drawn, so one run shows the new canvas, picked, with the popover closed."""
    name = str(st.session_state.get(name_key) or "").strip()
    if not name:
        problem = ui_messages.NAME_FIRST if new.options is None else ui_messages.CHOOSE_FIRST
    elif name in new.taken:
        problem = ui_messages.NAME_TAKEN.format(name=literal(name))
    else:
        items = state.draft()[canvas.collection]
        items.append(new.make(name))
        state.select(canvas.key, len(items) - 1)
        state.bump_epoch()
        return
    st.session_state[state.add_problem_key(canvas.key)] = problem


def canvas_toolbar(canvas: CanvasDef, new: NewCanvas, empty: str) -> int | None:
    """Picker, add and delete above an editor; the index of the canvas to show, or None when there is none.

    No st.stop() here: the app's Save and the sidebar's save state are handled after the page has run.
    Someone who may not save reads the canvases instead.
    """
    if not state.can(Action.SAVE):
        show_read_only(canvas)
        return None
    top = st.columns([0.5, 0.25, 0.25], vertical_alignment="bottom")
    with top[0]:
        index = pick_canvas(canvas)
    with top[1]:
        _add_canvas(canvas, new)
    if index is None:
        st.info(empty)
        return None
    with top[2]:
        delete_canvas(canvas, index)
    return index


def show_read_only(canvas: CanvasDef) -> None:
    st.info(ui_messages.CANNOT_EDIT.format(role=state.role() or "none"), icon="🔒")  # markdown: a role name
    for document in state.draft()[canvas.collection]:
        with st.expander(f"{canvas.title}: {literal(str(document.get(canvas.name_field)))}", expanded=True):
            history_view.render_reading(workspaces.canvas_reading(canvas, document))


def finish_form(ctx: FormContext) -> None:
    """Validates the draft with every edit of this run and shows each problem below its field (a form drawn in one
    piece, not in parts)."""
    fill_problem_slots(ctx, draft_problems())
