"""Inbound and outbound communication as swimlanes: one box per collaborator with its messages."""

from typing import Any

import streamlit as st

from canvases.bounded_context import COLLABORATOR_FIELDS, MESSAGES_FIELD
from canvases.vocabulary import EXTERNAL_KIND_LABELS
from models.bounded_context import CommunicationEntry
from ui import state, ui_messages
from ui.form import FormContext, render_field, show_problems, show_problems_of
from ui.literal_markdown import literal

NEW_EXTERNAL = "➕ New external system…"


def _describe(name: str, ctx: FormContext, kinds: dict[str, str]) -> str:
    if name in ctx.contexts:
        return f"{name}  ·  bounded context"
    if name in kinds:
        return f"{name}  ·  {EXTERNAL_KIND_LABELS.get(kinds[name], 'external')}"
    return f"{name}  ·  unknown"


def _swimlane(ctx: FormContext, path: str, entry: dict[str, Any], own: str, kinds: dict[str, str]) -> bool:
    """Renders one collaborator; True when the user asked to remove it."""
    sub = ctx.nested(path, entry)
    with st.container(border=True, key=f"lane-{state.widget_key(ctx.index, path)}".replace("|", "-")):
        names = [n for n in ctx.contexts if n != own] + ctx.externals
        if entry["collaborator"] not in names:
            names.append(entry["collaborator"])
        left, right = st.columns([5, 1], vertical_alignment="bottom")
        chosen = left.selectbox(
            "Collaborator",
            names,
            index=names.index(entry["collaborator"]),
            format_func=lambda n: _describe(n, ctx, kinds),
            key=sub.key("collaborator"),
            disabled=ctx.read_only,
        )
        if not ctx.read_only:
            entry["collaborator"] = chosen
        remove = right.button(
            "✕", key=sub.key("remove"), help=f"Remove {chosen} from this section", disabled=ctx.read_only
        )
        show_problems(sub, "collaborator")
        render_field(sub, MESSAGES_FIELD, show_label=False)
        _details(sub)
        show_problems(ctx, path, exact=True)
    return remove


def _details(sub: FormContext) -> None:
    """The relationship's fields, drawn only while opened: a sheet holds many lanes, and every widget drawn costs
    each browser in the room time on every run. While closed, their problems show below it, each naming its field."""
    details = st.expander(ui_messages.LANE_DETAILS, key=sub.key("details"), on_change="rerun")
    if details.open:
        with details:
            for f in COLLABORATOR_FIELDS:
                render_field(sub, f)
        return
    show_problems_of(sub, COLLABORATOR_FIELDS)


def _add_collaborator(ctx: FormContext, entries: list[dict[str, Any]], direction: str, own: str) -> None:
    taken = {e["collaborator"] for e in entries}
    options = [n for n in ctx.contexts + ctx.externals if n != own and n not in taken] + [NEW_EXTERNAL]
    pick = st.selectbox(
        f"Add {direction} collaborator",
        options,
        index=None,
        key=ctx.key(f"{direction}:add"),
        placeholder="Pick a context or external system…",
    )
    name = pick
    if pick == NEW_EXTERNAL:
        name = st.text_input("Name of the new external system", key=ctx.key(f"{direction}:new")).strip()
        if name and name in ctx.contexts + ctx.externals:
            st.warning(ui_messages.COLLABORATOR_EXISTS.format(name=literal(name)))
            name = ""
    problem = st.empty()
    if not st.button("Add collaborator", key=ctx.key(f"{direction}:add-button")):
        return
    if not name:  # the button is never greyed out: a click says what is missing
        problem.error(ui_messages.NAME_FIRST if pick == NEW_EXTERNAL else ui_messages.CHOOSE_COLLABORATOR_FIRST)
        return
    if pick == NEW_EXTERNAL:
        state.draft()["external_systems"].append(
            {"name": name, "kind": "external_system", "description": "", "ai_kind": "none", "big_ball_of_mud": False}
        )
    entries.append(CommunicationEntry(collaborator=name).model_dump(mode="json"))
    state.bump_epoch()
    st.rerun()


def render_communication(ctx: FormContext, direction: str, own: str) -> None:
    entries: list[dict[str, Any]] = ctx.data[direction]
    kinds = {s["name"]: s["kind"] for s in state.draft()["external_systems"]}
    if not entries:
        st.caption("No collaborators yet.")
    for j, entry in enumerate(entries):
        if _swimlane(ctx, f"{direction}[{j}]", entry, own, kinds):
            entries.pop(j)
            state.bump_epoch()
            st.rerun()
    if not ctx.read_only:
        _add_collaborator(ctx, entries, direction, own)
