"""Readiness: what the team must know before its next delivery phase, and the form that answers it."""

import streamlit as st

from canvases.readiness import READINESS
from services import analysing
from services.access import Action
from ui import readiness_view, state, ui_messages
from ui.canvas_page import finish_form, require_workspace
from ui.form import FormContext, render_section
from ui.map_analysis import analyse_draft
from ui.problem_list import problem_lines


def summary(data: dict[str, object]) -> None:
    """The phases and the chosen phase's open items, judged on the draft with this run's edits."""
    checked = analyse_draft(data)
    if checked.analysis is None:
        lines, more = problem_lines(checked.problems)
        st.warning(ui_messages.READINESS_NEEDS_VALID_DRAFT.format(lines=f"{lines}\n\n{more}"))  # markdown: escaped
        return
    report = checked.analysis.readiness
    readiness_view.render_phases(report)
    chosen = st.segmented_control(
        "Phase to look at",
        [p.value for p in analysing.PHASES],
        default=(report.next_phase or report.current).value,
        format_func=lambda p: readiness_view.PHASE_TITLES[p],
        key="readiness-phase",
    )
    readiness_view.render_open_items(report, analysing.DeliveryPhase(chosen or report.current.value))


data = require_workspace()
st.title("Readiness")
top = st.container()  # filled after the form, which applies this run's edits to the draft
st.divider()
editable = state.can(Action.SAVE)
contexts = [c["name"] for c in data["bounded_contexts"]]
ctx = FormContext(READINESS, data, 0, scope="", contexts=contexts, read_only=not editable)
for section in READINESS.sections:
    render_section(ctx, section)
if editable:
    finish_form(ctx)
with top:
    summary(data)
