"""History: the versions of the open workspace, conflicts waiting for a choice, old versions read-only."""

import streamlit as st

from services import reviews, workspaces
from ui import conflict_view, history_view, review_notes, state, ui_messages

st.title("History")
problem = state.repository_problem()
if problem:
    st.error(problem)
    st.page_link("ui/pages/workspaces.py", label="Open another database on the Workspaces page", icon="🗂️")
    st.stop()
if not state.has_workspace():
    st.info(ui_messages.NO_WORKSPACE_OPEN)
    st.stop()

pending = st.session_state.get(state.PENDING)
if pending is not None:
    conflict_view.render_conflicts(pending)
    st.divider()

workspace_id = st.session_state[state.WORKSPACE_ID]
versions = workspaces.list_history(state.repository(), workspace_id, person=state.person())
notes = reviews.list_notes(state.repository(), workspace_id, person=state.person())
st.subheader("Versions")
picked = history_view.render_versions(versions, reviews.notes_by_version(notes))
version = next(v for v in versions if v.number == picked)
history_view.render_actions(version, head=versions[0].number)
st.subheader("Review notes")
st.caption("Comments and reviewed or approved marks, newest first. Compare two versions on the Compare page.")
left, right = st.columns([1, 1.2])
with left:
    picked_workspace = workspaces.load_workspace(
        state.repository(), workspace_id, person=state.person(), version=picked
    )
    review_notes.render_note_form(workspace_id, picked, picked_workspace.model_dump(mode="json"), key="history")
with right:
    review_notes.render_notes(notes)
viewed = st.session_state.get(state.VIEWED_VERSION)
if viewed is not None:
    st.divider()
    shown = next(v for v in versions if v.number == viewed)
    history_view.render_read_only(
        workspaces.load_workspace(state.repository(), workspace_id, person=state.person(), version=viewed), shown
    )
