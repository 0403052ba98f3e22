"""Readiness: what the team must know before its next delivery phase, and the form that answers it."""

import contextlib
import datetime as dt
from typing import Any

import streamlit as st

from canvases.readiness import READINESS
from services import analysing, reviews
from services.access import Action
from ui import readiness_view, state, ui_messages
from ui.canvas_page import finish_form, require_workspace
from ui.form import FormContext, render_section
from ui.literal_markdown import literal
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
        format_func=lambda p: analysing.PHASE_TITLES[p],
        key="readiness-phase",
    )
    readiness_view.render_open_items(report, analysing.DeliveryPhase(chosen or report.current.value))


def accept_a_risk() -> None:
    person = state.person()
    saved = st.session_state[state.SAVED]
    risk = readiness_view.render_risk_acceptance(saved, state.can(Action.ACCEPT_RISK), person.author)
    if risk is None:
        return
    try:
        accepted, version = reviews.accept_readiness_risk(
            state.repository(), st.session_state[state.WORKSPACE_ID], risk=risk, person=person, today=dt.date.today()
        )
    except ValueError as error:
        st.error(literal(str(error)))
        return

    def apply(data: dict[str, Any]) -> None:
        with contextlib.suppress(ValueError):  # the draft may have renamed or dropped the risk meanwhile
            reviews.with_readiness_acceptance(data, risk, accepted)

    state.record_decision(apply, version)
    state.bump_epoch()  # the risks table shows the acceptance
    state.flash("success", ui_messages.ACCEPTED_READINESS_RISK.format(risk=literal(risk), number=version.number))
    st.rerun()


data = require_workspace()
st.title("Readiness")
top = st.container()  # filled after the form, which applies this run's edits to the draft
st.divider()
editable = state.can(Action.SAVE)
contexts = [c["name"] for c in data["bounded_contexts"]]
ctx = FormContext(READINESS, data, 0, scope="", contexts=contexts, read_only=not editable)
for section in READINESS.sections:
    render_section(ctx, section)
    if section.key == "risks":
        accept_a_risk()
    if section.key == "service_objectives" and editable and readiness_view.offer_objectives_from_profiles(data):
        state.bump_epoch()  # the table shows the new rows
        st.rerun()
if editable:
    finish_form(ctx)
with top:
    summary(data)
