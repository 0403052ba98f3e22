"""Bounded Context Canvas editor, laid out like the DDD Crew v5 sheet, with the AI profile panel."""

import functools

import streamlit as st

from canvases.bounded_context import BOUNDED_CONTEXT_CANVAS as CANVAS
from models.bounded_context import BoundedContextCanvas
from services import workspaces
from ui import state, ui_messages
from ui.canvas_page import NewCanvas, canvas_toolbar, require_workspace
from ui.communication import render_communication
from ui.context_mapper_facts import show_context_mapper_facts
from ui.form import FormContext, render_field, render_fields, render_section, section_heading
from ui.inferred_facts_view import show_facts_to_confirm
from ui.literal_markdown import literal
from ui.sheet_parts import Draw, finish_sheet, section_part, whole_page_part

SECTIONS = {s.key: s for s in CANVAS.sections}


def header(ctx: FormContext) -> None:
    old = ctx.data["name"]
    name_col, meta_col = st.columns([0.62, 0.38], vertical_alignment="top")
    with name_col, st.container(border=True, key="section-bounded_context-name"):
        for f in SECTIONS["name"].fields:
            render_field(ctx, f)
    with meta_col, st.container(border=True, key="section-bounded_context-badge"):
        st.markdown("**Bounded Context Canvas** · V5")
        st.caption(f"{CANVAS.attribution} · {CANVAS.licence}")
    new = ctx.data["name"]
    if new != old and new.strip():
        count = workspaces.rename_context_references(state.draft(), old, new)
        if count:
            st.toast(ui_messages.RENAMED_REFERENCES.format(old=literal(old), new=literal(new), count=count))


def sheet(index: int) -> None:
    """The sheet's boxes, each a part of its own: an edit in one reruns only that box (the name: the whole page)."""
    whole_page_part(CANVAS, index, header)
    for keys, widths in (
        (("purpose", "classification", "domain_roles"), (0.44, 0.37, 0.19)),
        (("inbound", "language", "outbound"), (0.38, 0.24, 0.38)),
        (("assumptions", "verification_metrics", "open_questions"), (0.44, 0.37, 0.19)),
    ):
        for key, column in zip(keys, st.columns(widths), strict=True):
            with column:
                section_part(CANVAS, index, BOXES.get(key) or functools.partial(render_section, section=SECTIONS[key]))
    section_part(CANVAS, index, ai_panel)


def communication(ctx: FormContext, key: str) -> None:
    section = SECTIONS[key]
    with st.container(border=True, key=f"section-bounded_context-{key}"):
        section_heading(section.title, section.hint)
        render_communication(ctx, key, ctx.data["name"])


def language(ctx: FormContext) -> None:
    render_section(ctx, SECTIONS["ubiquitous_language"])
    render_section(ctx, SECTIONS["business_decisions"])


def classification(ctx: FormContext) -> None:
    section = SECTIONS["classification"]
    with st.container(border=True, key="section-bounded_context-classification"):
        section_heading(section.title, section.hint)
        choices = [f for f in section.fields if f.options]
        for f, column in zip(choices, st.columns(len(choices)), strict=True):
            with column:
                render_field(ctx, f)
        for f in section.fields:
            if not f.options:
                render_field(ctx, f)


def ai_panel(ctx: FormContext) -> None:
    section = SECTIONS["ai_profile"]
    with st.container(border=True, key="section-bounded_context-ai_profile"):
        section_heading("🤖 AI profile  ·  workbench extension", section.hint)
        render_fields(ctx, section, st.columns(3))


BOXES: dict[str, Draw] = {
    "inbound": functools.partial(communication, key="inbound"),
    "outbound": functools.partial(communication, key="outbound"),
    "language": language,
    "classification": classification,
}

data = require_workspace()
st.title("Bounded Context Canvas")
show_facts_to_confirm()
taken = frozenset(c["name"] for c in data["bounded_contexts"]) | {s["name"] for s in data["external_systems"]}
new = NewCanvas(
    "Add bounded context", lambda name: BoundedContextCanvas(name=name).model_dump(mode="json"), None, taken
)
index = canvas_toolbar(CANVAS, new, ui_messages.NO_BOUNDED_CONTEXTS)
if index is not None:
    sheet(index)
    finish_sheet()
    show_context_mapper_facts(data["bounded_contexts"][index].get("context_mapper") or {})  # an older draft: none
