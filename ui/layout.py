"""The sidebar every page shares: the open workspace, its save state, Save and Discard."""

import datetime as dt

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


def render_sidebar() -> bool:
    """Draws the workspace status; True when Save was pressed (handled after the page ran)."""
    with st.sidebar:
        if not state.has_workspace():
            st.caption("No workspace open")
            return False
        data = state.draft()
        st.markdown(f"### {data['name'] or '(unnamed workspace)'}")
        if state.is_dirty():
            st.warning("Unsaved changes", icon="✏️")
        else:
            st.success("All changes saved", icon="✅")
        save = st.button("Save", type="primary", icon="💾", key="save-button", use_container_width=True)
        if state.is_dirty() and st.button("Discard changes", key="discard-button", use_container_width=True):
            state.open_workspace(st.session_state[state.WORKSPACE_ID])
            state.flash("info", "Discarded the unsaved changes.")
            st.rerun()
    show_flash()
    return save


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
