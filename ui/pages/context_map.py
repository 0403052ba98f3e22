"""Context map: the draft's map in DDD notation, its AI coupling score and gate, findings, metrics, relationships."""

from typing import Any

import streamlit as st

from models.finding import Finding, FindingStatus
from models.workspace import Problem
from services import analysing
from ui import state, ui_messages
from ui.canvas_page import require_workspace
from ui.findings_view import WORKSPACES_PAGE, render_findings, render_first_open
from ui.map_analysis import analyse_draft, score_with_lever
from ui.map_metrics import render_metrics
from ui.map_score import LEVER_WITHOUT_ASKING, render_score_parts, render_score_summary, show_explanation, show_lever
from ui.map_view import interactive_map, map_options, render_downloads, render_map
from ui.problem_list import problem_lines
from ui.relationship_editor import render_relationship_editor

SHOWN_PROBLEMS = 15
TABS = ("Findings", "Score", "Metrics", "Relationships")


def counts_of(findings: list[Finding]) -> dict[str, int]:
    open_ = [f for f in findings if f.status is FindingStatus.OPEN]
    return {
        "errors": sum(f.severity.value == "error" for f in open_),
        "warnings": sum(f.severity.value == "warning" for f in open_),
        "info": sum(f.severity.value == "info" for f in open_),
        "accepted": sum(f.status is FindingStatus.ACCEPTED for f in findings),
        "not evaluable": sum(f.status is FindingStatus.NOT_EVALUABLE for f in findings),
    }


def lever_wanted(slot: Any, contexts: int) -> bool:
    with slot.container():
        if contexts > analysing.LEVER_MAX_CONTEXTS:
            st.caption(ui_messages.LEVER_NOT_LOOKED_FOR.format(limit=analysing.LEVER_MAX_CONTEXTS))
            return False
        return st.toggle("Find the biggest lever (takes a while on a map this large)", key=state.MAP_LEVER)


def show_blocking_problems(problems: list[Problem]) -> None:
    lines, more = problem_lines(problems, SHOWN_PROBLEMS)
    st.error(ui_messages.NOT_ANALYSED.format(count=len(problems), lines=lines, more=more), icon="⛔")
    st.caption(ui_messages.WHERE_TO_FIX)
    st.page_link(WORKSPACES_PAGE, label="Go to Workspaces", icon="🗂️")


require_workspace()
st.title("Context map")
summary = st.container()
map_area = st.container()
# Only the open tab is drawn: on a large map the others would cost the browser seconds.
tabs = st.tabs(TABS, key=state.MAP_TAB, on_change="rerun")
findings_tab, score_tab, metrics_tab, relationships_tab = tabs
# The editor runs before the analysis, so the analysis sees this run's edits.
if relationships_tab.open:
    with relationships_tab:
        show_relationship_problems = render_relationship_editor()
    result = analyse_draft(state.draft())
    show_relationship_problems(result.problems)
else:
    result = analyse_draft(state.draft())
analysis = result.analysis
if analysis is None:
    with summary:
        show_blocking_problems(result.problems)
    for tab in (findings_tab, score_tab, metrics_tab):
        if tab.open:
            with tab:
                st.info(ui_messages.SHOWN_WHEN_VALID)
else:
    with summary:
        lever_slot = render_score_summary(analysis.score, counts_of(analysis.findings))
        render_first_open(analysis.findings)
    with map_area:
        options = map_options(analysis)
        render_map(analysis, options, interactive=interactive_map(analysis, options))
        render_downloads(analysis, options)
    if findings_tab.open:
        with findings_tab:
            render_findings(analysis.findings, list(analysis.context_map.nodes))
    text_slot = None
    if score_tab.open:
        with score_tab:
            text_slot = render_score_parts(analysis.score)
    if metrics_tab.open:
        with metrics_tab:
            render_metrics(analysis)
    # Last, because on a large map it may take seconds the first time; everything else is already shown.
    contexts = len(analysis.context_map.internal)
    if contexts <= LEVER_WITHOUT_ASKING or lever_wanted(lever_slot, contexts):
        show_lever(lever_slot, text_slot, score_with_lever(state.draft(), analysis.score))
    else:
        show_explanation(text_slot, analysis.score)
