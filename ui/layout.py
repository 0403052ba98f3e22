"""The sidebar every page shares: the open workspace, its save state, Save and Discard."""

import datetime as dt
from typing import Any

import streamlit as st

import services
from models.validation import WorkspaceInvalid
from ui import state

STYLESHEET = services.ROOT / "assets" / "style.css"


def apply_style() -> None:
    st.html(f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>")


def show_flash() -> None:
    message = st.session_state.get(state.FLASH)
    if message:
        level, text = message
        getattr(st.sidebar, level)(text)
        st.session_state[state.FLASH] = None


def render_sidebar() -> tuple[bool, Any]:
    """Draws the sidebar; returns whether Save was pressed and the slot for the save state.

    Both are handled after the page ran, because the page applies this run's edits to the draft.
    """
    show_flash()
    with st.sidebar:
        if not state.has_workspace():
            st.caption("No workspace open")
            return False, None
        heading = st.empty()
        status = st.empty()
        save = st.button("Save", type="primary", icon="💾", key="save-button", width="stretch")
        discard = st.empty()
    return save, (heading, status, discard)


def show_save_state(slots: Any) -> None:
    if slots is None or not state.has_workspace():
        return
    heading, status, discard = slots
    heading.markdown(f"### {state.draft()['name'] or '(unnamed workspace)'}")
    if not state.is_dirty():
        status.success("All changes saved", icon="✅")
        return
    status.warning("Unsaved changes", icon="✏️")
    if discard.button("Discard changes", key="discard-button", width="stretch"):
        state.open_workspace(st.session_state[state.WORKSPACE_ID])
        state.flash("info", "Discarded the unsaved changes.")
        st.rerun()


def save_draft() -> None:
    """Validates and stores the draft; a problem list instead when it is not valid. Nothing half-saved."""
    try:
        workspace = services.save_workspace(state.repository(), st.session_state[state.WORKSPACE_ID], state.draft())
    except WorkspaceInvalid as error:
        lines = "\n".join(f"- `{p.path or 'workspace'}`: {p.message}" for p in error.problems[:20])
        more = f"\n- … and {len(error.problems) - 20} more" if len(error.problems) > 20 else ""
        state.flash("error", f"Not saved: {len(error.problems)} problem(s) to fix first.\n{lines}{more}")
    else:
        state.mark_saved(workspace.model_dump(mode="json"))
        when = dt.datetime.now().strftime("%H:%M:%S")
        state.flash("success", f"Saved '{workspace.name}' at {when}: {services.describe_workspace(workspace)}.")
    st.rerun()
