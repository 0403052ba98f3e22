"""The Readiness page's parts: the four phases side by side, and the open items of the next phase with a link to
the box that answers each."""

import re
from typing import Any

import streamlit as st

from canvases.readiness import READINESS
from canvases.vocabulary import FALLBACK_LABELS
from services import analysing
from services.analysing import PHASE_TITLES, DeliveryPhase, ReadinessItem, ReadinessReport
from ui import ui_messages
from ui.literal_markdown import literal

SECTION_TITLES = {s.key: s.title for s in READINESS.sections}


def heading_anchor(title: str) -> str:
    """The id Streamlit gives a Markdown heading: lower case, runs of other characters as one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def answered_at(concern: str) -> str:
    """A Markdown link to where a concern is answered: a box further down, or the Context map page."""
    if concern == "context_map":
        return ui_messages.ANSWERED_ON_MAP
    title = SECTION_TITLES[concern]
    return f"[{title}](#{heading_anchor(title)})"


def render_phases(report: ReadinessReport) -> None:
    """One column per phase: its figure, whether it is ready, and which one is current and next."""
    for phase, column in zip(analysing.PHASES, st.columns(len(analysing.PHASES)), strict=True):
        figures = report.phase(phase)
        marks = " · current" if phase is report.current else " · next" if phase is report.next_phase else ""
        with column.container(border=True, key=f"phase-{phase.value}"):
            st.markdown(f"**{PHASE_TITLES[phase.value]}**{marks}")  # markdown: our phase words
            st.metric("Answered", f"{figures.answered} of {len(figures.items)}", label_visibility="collapsed")
            if figures.ready:
                st.markdown(":green[:material/check_circle: ready]")
            else:
                st.markdown(f":orange[:material/pending: {len(figures.blocking_gaps)} to answer]")


def render_open_items(report: ReadinessReport, phase: DeliveryPhase) -> None:
    """The phase's open items, blocking ones first, each with what is missing, the remedy and where to answer."""
    figures = report.phase(phase)
    open_items = sorted((i for i in figures.items if not i.answered), key=lambda i: (not i.blocking, i.rule))
    title = PHASE_TITLES[phase.value]
    if not open_items:
        st.success(ui_messages.READY_FOR.format(phase=title), icon="✅")
    else:
        st.markdown(ui_messages.OPEN_FOR.format(phase=title, count=len(open_items)))
    _open_list(open_items)
    answered = [i for i in figures.items if i.answered]
    if answered:
        with st.expander(ui_messages.ANSWERED_FOR.format(phase=title, count=len(answered)), icon="✅"):
            lines = [f"- **{i.rule}** {i.title} · {answered_at(i.concern)}" for i in answered]
            st.markdown("\n".join(lines))  # markdown: the rules' own texts


def _open_list(open_items: list[ReadinessItem]) -> None:
    for item in open_items:
        kind = "blocks" if item.blocking else "advice"
        gaps = "\n".join(f"  - {literal(gap)}" for gap in item.gaps)
        st.markdown(  # markdown: rule texts are ours; the gaps name a person's entries and are escaped
            f"- **{item.rule}** ({kind}) {item.title} · {answered_at(item.concern)}\n{gaps}\n\n  :gray[{item.remedy}]"
        )


def render_risk_acceptance(saved: dict[str, Any], can_accept: bool, who: str) -> str | None:
    """Below the risks: accept one, as the signed-in person (or the local tool's name). Returns the risk to accept
    when the button was pressed. Only saved risks are offered: the acceptance is stored at once, on the newest
    version."""
    waiting = [r["risk"] for r in saved["readiness"]["risks"] if not r["accepted_by"]]
    if not waiting:
        return None
    if not can_accept:
        st.caption(ui_messages.ACCEPTING_NEEDS_REVIEWER)
        return None
    with st.container(border=True, key="accept-readiness-risk"):
        risk = st.selectbox("Risk to accept", waiting, key="readiness-risk-to-accept")
        if not who.strip():
            st.caption(ui_messages.NAME_BEFORE_ACCEPTING)
            return None
        label = f"Accept as {who}"
        return str(risk) if st.button(label, icon="🤝", key="accept-readiness-risk-button") else None


def objectives_from_profiles(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A service-objectives row for each AI context that has none, filled from what its AI profile already says."""
    listed = {row["context"] for row in data["readiness"]["service_objectives"]}
    rows = []
    for context in data["bounded_contexts"]:
        profile = context["ai_profile"]
        if profile["kind"] == "none" or context["name"] in listed:
            continue
        sla, fallback = profile["sla"], profile["fallback"]
        when_down = profile["fallback_notes"] or ("" if fallback == "none" else FALLBACK_LABELS[fallback])
        rows.append(
            {
                "context": context["name"],
                "availability_percent": sla["availability_percent"],
                "latency_p95_ms": sla["latency_p95_ms"],
                "recovery_time_minutes": sla["recovery_time_minutes"],
                "recovery_point_minutes": None,
                "when_down": when_down,
            }
        )
    return rows


def offer_objectives_from_profiles(data: dict[str, Any]) -> bool:
    """A button that adds those rows; True when it was pressed and they were added to the draft."""
    rows = objectives_from_profiles(data)
    if not rows:
        return False
    names = ", ".join(literal(r["context"]) for r in rows)
    label = ui_messages.ADD_OBJECTIVES.format(names=names)  # markdown: each name went through literal()
    if not st.button(label, icon="➕", key="objectives-from-profiles"):
        return False
    data["readiness"]["service_objectives"].extend(rows)
    return True
