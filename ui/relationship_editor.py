"""The explicit context-map relationships: pick, add, delete, and edit one with the canvas form renderer."""

from collections.abc import Callable
from typing import Any

import streamlit as st

from canvases.paths import problems_under
from canvases.relationships import (
    INTEGRATION,
    RELATIONSHIP_EDITOR,
    SIDES,
    describe_relationship,
    role_problems,
)
from models.relationship import Relationship, RelationshipPattern
from models.workspace import Problem
from ui import state, ui_messages
from ui.form import (
    FormContext,
    ProblemSlot,
    fill_problem_slots,
    problems_in_scope,
    render_field,
    render_section,
    show_problems,
)
from ui.literal_markdown import literal

KIND = state.RELATIONSHIP_KIND
PATTERN_CHOICES = [p.value for p in RelationshipPattern]


def _names(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    return [c["name"] for c in data["bounded_contexts"]], [s["name"] for s in data["external_systems"]]


def _pick(items: list[dict[str, Any]]) -> int:
    current = min(state.selected_index(KIND), len(items) - 1)
    index = st.selectbox(
        "Relationship to edit",
        range(len(items)),
        index=current,
        format_func=lambda i: describe_relationship(items[i]),
        key=state.widget_key(state.PICK, KIND),
    )
    state.select(KIND, int(index))
    return int(index)


def _add(items: list[dict[str, Any]], names: list[str]) -> None:
    with st.popover("Add relationship", icon="➕", key=state.widget_key("popover", KIND)):
        up = st.selectbox("Upstream", names, index=None, key=state.widget_key("new", KIND, "up"), placeholder="Choose…")
        down = st.selectbox(
            "Downstream", names, index=None, key=state.widget_key("new", KIND, "down"), placeholder="Choose…"
        )
        problem = st.empty()
        if up is not None and up == down:
            problem.error(ui_messages.SAME_CONTEXT_TWICE)
        if not st.button("Add", key=state.widget_key("add", KIND)):
            return
        if up is None or down is None:
            problem.error(ui_messages.CHOOSE_BOTH_SIDES)
        elif up != down:
            items.append(Relationship(upstream=str(up), downstream=str(down)).model_dump(mode="json"))
            state.select(KIND, len(items) - 1)
            state.bump_epoch()
            st.rerun()


def _delete(items: list[dict[str, Any]], index: int) -> None:
    with st.popover("Delete", icon="🗑️"):
        described = literal(describe_relationship(items[index]))
        st.write(ui_messages.CONFIRM_DELETE_RELATIONSHIP.format(relationship=described))  # markdown: escaped above
        if st.button("Delete relationship", key=state.widget_key("delete", KIND, index), type="primary"):
            items.pop(index)
            state.select(KIND, max(0, index - 1))
            state.bump_epoch()
            st.rerun()


def _form_context(data: dict[str, Any], index: int) -> FormContext:
    contexts, externals = _names(data)
    return FormContext(
        canvas=RELATIONSHIP_EDITOR,
        data=data["relationships"][index],
        index=index,
        scope=f"relationships[{index}]",
        teams=[t["name"] for t in data["teams"]],
        contexts=contexts + externals,  # either side may be an external system
        externals=externals,
    )


def _render_sides(ctx: FormContext) -> dict[str, ProblemSlot]:
    """Sides, pattern and roles; the roles' own problem slots are returned to be filled with role rules."""
    role_slots: dict[str, ProblemSlot] = {}
    with st.container(border=True, key="section-relationship-sides"):
        st.markdown(f"#### {SIDES.title}")
        st.caption(SIDES.hint)
        fields = {f.key: f for f in SIDES.fields}
        left, right = st.columns(2)
        for column, side in ((left, "upstream"), (right, "downstream")):
            with column:
                render_field(ctx, fields[side])
                render_field(ctx, fields[f"{side}_roles"])
                role_slots[f"{side}_roles"] = ctx.slots.pop()
        render_field(ctx, fields["pattern"])
        show_problems(ctx, "", exact=True)
    return role_slots


def _fill_role_slots(ctx: FormContext, role_slots: dict[str, ProblemSlot], problems: list[Problem]) -> None:
    """Each roles field shows its own problems and, when the pattern rules reject the relationship,
    the rules its side breaks; the relationship-wide message then is not repeated at the bottom."""
    scoped = problems_in_scope(problems, ctx.scope)
    by_side = role_problems(ctx.data) if "" in scoped else {}
    if by_side:
        ctx.slots[:] = [s for s in ctx.slots if not (s.exact and s.path == "")]
    for key, slot in role_slots.items():
        messages = [m for _, m in problems_under(scoped, key)] + by_side.get(key, [])
        if messages:
            with slot.placeholder.container():
                for message in messages:
                    st.error(message, icon="⚠️")


def render_relationship_editor() -> Callable[[list[Problem]], None]:
    """The editor; returns the function that shows the problems once the draft with this run's edits is checked."""
    data = state.draft()
    items: list[dict[str, Any]] = data["relationships"]
    contexts, externals = _names(data)
    st.caption("Explicit relationships complete or override what the canvases' communication entries say about a pair.")
    top = st.columns([0.6, 0.2, 0.2], vertical_alignment="bottom")
    with top[1]:
        _add(items, contexts + externals)
    if not items:
        st.info(ui_messages.NO_RELATIONSHIPS)
        return lambda problems: None
    with top[0]:
        index = _pick(items)
    with top[2]:
        _delete(items, index)
    ctx = _form_context(data, index)
    role_slots = _render_sides(ctx)
    render_section(ctx, INTEGRATION)

    def finish(problems: list[Problem]) -> None:
        _fill_role_slots(ctx, role_slots, problems)
        fill_problem_slots(ctx, problems)

    return finish
