"""Bounded Context Canvas editor, laid out like the DDD Crew v5 sheet, with the AI profile panel."""

import streamlit as st

from canvases.bounded_context import BOUNDED_CONTEXT_CANVAS as CANVAS
from models.bounded_context import BoundedContextCanvas
from services import workspaces
from ui import state, ui_messages
from ui.canvas_page import NewCanvas, canvas_toolbar, finish_form, form_context, require_workspace
from ui.communication import render_communication
from ui.form import FormContext, render_field, render_fields, render_section
from ui.literal_markdown import literal

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


def sheet(ctx: FormContext) -> None:
    header(ctx)
    for keys, widths in (
        (("purpose", "classification", "domain_roles"), (0.44, 0.37, 0.19)),
        (("inbound", "language", "outbound"), (0.38, 0.24, 0.38)),
        (("assumptions", "verification_metrics", "open_questions"), (0.44, 0.37, 0.19)),
    ):
        for key, column in zip(keys, st.columns(widths), strict=True):
            with column:
                if key in ("inbound", "outbound"):
                    section = SECTIONS[key]
                    with st.container(border=True, key=f"section-bounded_context-{key}"):
                        st.markdown(f"#### {section.title}")
                        st.caption(section.hint)
                        render_communication(ctx, key, ctx.data["name"])
                elif key == "language":
                    render_section(ctx, SECTIONS["ubiquitous_language"])
                    render_section(ctx, SECTIONS["business_decisions"])
                elif key == "classification":
                    classification(ctx)
                else:
                    render_section(ctx, SECTIONS[key])


def classification(ctx: FormContext) -> None:
    section = SECTIONS["classification"]
    with st.container(border=True, key="section-bounded_context-classification"):
        st.markdown(f"#### {section.title}")
        st.caption(section.hint)
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
        st.markdown("#### 🤖 AI profile  ·  workbench extension")
        st.caption(section.hint)
        render_fields(ctx, section, st.columns(3))


data = require_workspace()
st.title("Bounded Context Canvas")
taken = frozenset(c["name"] for c in data["bounded_contexts"]) | {s["name"] for s in data["external_systems"]}
new = NewCanvas(
    "Add bounded context", lambda name: BoundedContextCanvas(name=name).model_dump(mode="json"), None, taken
)
index = canvas_toolbar(CANVAS, new, ui_messages.NO_BOUNDED_CONTEXTS)
if index is not None:
    context = form_context(CANVAS, index)
    sheet(context)
    ai_panel(context)
    finish_form(context)
