"""The conflict view: each conflicting change side by side, a choice per conflict, saved as a new version."""

import json
from typing import Any

import streamlit as st

from services import saving
from services.saving import ABSENT, Choice
from ui import layout, state, ui_messages
from ui.literal_markdown import literal


def _shown(value: Any) -> str:
    if value is ABSENT:
        return "(not there: deleted, or never added)"
    return json.dumps(value, indent=2, ensure_ascii=False)


def _choice_key(pending: saving.PendingMerge, index: int) -> str:
    return f"conflict|{pending.head}|{index}"


def render_conflicts(pending: saving.PendingMerge) -> None:
    st.subheader(f"Conflicts with version {pending.head}")
    st.write(ui_messages.CONFLICT_EXPLAINED.format(head=pending.head, parent=pending.parent or "–"))
    choices: dict[str, Choice] = {}
    for index, conflict in enumerate(pending.conflicts):
        with st.container(border=True):
            st.markdown(f"**{literal(conflict.path)}**")  # a name may hold a backtick: no code span
            mine, theirs = st.columns(2)
            mine.caption("Mine (your draft)")
            mine.code(_shown(conflict.mine), language="json", wrap_lines=True)
            theirs.caption(f"Theirs (version {pending.head})")
            theirs.code(_shown(conflict.theirs), language="json", wrap_lines=True)
            st.caption(f"Before both changes (version {pending.parent or '–'}): {literal(_shown(conflict.base))}")
            picked = st.radio(
                "Keep",
                ["mine", "theirs"],
                format_func=lambda side: "Mine" if side == "mine" else "Theirs",
                horizontal=True,
                key=_choice_key(pending, index),
            )
            choices[conflict.path] = "mine" if picked == "mine" else "theirs"
    if st.button("Save the resolution as a new version", type="primary", icon="🔀", key="resolve-button"):
        _save_resolution(pending, choices)


def _save_resolution(pending: saving.PendingMerge, choices: dict[str, Choice]) -> None:
    typed = st.session_state.get(state.message_key(), "").strip()
    outcome = saving.resolve_conflicts(
        state.repository(),
        st.session_state[state.WORKSPACE_ID],
        pending,
        choices,
        person=state.person(),
        message=typed or ui_messages.CONFLICTS_RESOLVED.format(head=pending.head),
    )
    if outcome.pending is not None:
        st.session_state[state.PENDING] = outcome.pending
        state.flash("warning", ui_messages.CONFLICT_AGAIN.format(head=outcome.pending.head))
    else:
        layout.finish_save(outcome)
        state.bump_epoch()
    st.rerun()
