"""A canvas sheet drawn in parts. An edit inside a section reruns that section alone (a Streamlit fragment), so
each browser in the room redraws a handful of widgets instead of the whole sheet. Whatever such an edit changes
outside its section (the sidebar's save state, another field's problems, the draft no longer kept) makes the
whole page run again, so nothing on screen is left stale."""

from collections.abc import Callable

import streamlit as st

from canvases.definition import CanvasDef
from canvases.paths import is_within
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Problem
from ui import room_panel, state
from ui.form import FormContext, fill_problem_slots

Draw = Callable[[FormContext], None]  # draws a part of the sheet into the context it is given


def draft_problems() -> list[Problem]:
    """Every problem in the draft, so each field can show its own next to it."""
    try:
        validate_workspace_data(state.draft())
    except WorkspaceInvalid as error:
        return error.problems
    return []


def form_context(canvas: CanvasDef, index: int) -> FormContext:
    """Widgets of the canvas at `index` bound to the draft as it is now (never to a copy a fragment kept)."""
    data = state.draft()
    return FormContext(
        canvas=canvas,
        data=data[canvas.collection][index],
        index=index,
        scope=f"{canvas.collection}[{index}]",
        teams=[t["name"] for t in data["teams"]],
        contexts=[c["name"] for c in data["bounded_contexts"]],
        externals=[s["name"] for s in data["external_systems"]],
    )


def whole_page_part(canvas: CanvasDef, index: int, draw: Draw) -> None:
    """A part whose edits rerun the whole page: the canvas's name, which the picker and other parts show."""
    ctx = form_context(canvas, index)
    draw(ctx)
    st.session_state[state.SHEET_PARTS].append(ctx)


@st.fragment
def section_part(canvas: CanvasDef, index: int, draw: Draw) -> None:
    """A part that an edit inside reruns alone. The arguments name the part; the data is looked up each run.

    The part is always drawn before the page is rerun from it: drawing stores the edit in the draft. A rerun
    asked for before the widgets ran could leave the server without the typed value while the browser still
    showed it (seen with ten people saving at once; streamlit#11266 describes the pattern)."""
    ctx = form_context(canvas, index)
    draw(ctx)
    if state.in_full_run():
        st.session_state[state.SHEET_PARTS].append(ctx)  # filled by finish_sheet, after one validation
        return
    if state.is_dirty() != st.session_state.get(state.SHOWN_DIRTY):
        st.rerun(scope="app")  # the first change since the last save (or the last one undone): the sidebar says so
    problems = draft_problems()
    fill_problem_slots(ctx, problems)
    if _changed_elsewhere(ctx, problems) or room_panel.keep_draft_quietly() is not None:
        st.rerun(scope="app")  # the full run shows it (and says why the draft is not kept, if so)
    _remember(problems)


def finish_sheet() -> None:
    """At the end of a full run: the draft with every edit of this run, validated once, each problem below its
    field in whichever part holds it."""
    problems = draft_problems()
    for ctx in st.session_state[state.SHEET_PARTS]:
        fill_problem_slots(ctx, problems)
    _remember(problems)


def _remember(problems: list[Problem]) -> None:
    st.session_state[state.SHOWN_PROBLEMS] = frozenset((p.path, p.message) for p in problems)


def _changed_elsewhere(ctx: FormContext, problems: list[Problem]) -> bool:
    before: frozenset[tuple[str, str]] = st.session_state.get(state.SHOWN_PROBLEMS, frozenset())
    now = frozenset((p.path, p.message) for p in problems)
    return {p for p in before if not shows_problem_at(ctx, p[0])} != {p for p in now if not shows_problem_at(ctx, p[0])}


def shows_problem_at(ctx: FormContext, path: str) -> bool:
    """Whether a problem at `path` (in the whole workspace) has a slot in this part."""
    if not is_within(path, ctx.scope):
        return False
    rest = path[len(ctx.scope) :].lstrip(".")
    return any(slot.holds(rest) for slot in ctx.slots)
