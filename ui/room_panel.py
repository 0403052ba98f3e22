"""The live room in the sidebar: the draft kept on the server after every change, who else is here, and
versions others saved, announced within seconds and taken into one's own draft with one click."""

import datetime as dt
import json

import streamlit as st

from services import configuration, room
from services.access import Action
from services.workspaces import StorageUnavailable
from ui import state, ui_messages
from ui.literal_markdown import literal

POLL_SECONDS = configuration.room_poll_seconds()  # how often the panel looks for others' saves

# While the sidebar says there are unsaved changes, the browser asks before the tab is closed or reloaded.
# Nothing would be lost (the draft is on the server), but a person leaving mid-edit should know it is unsaved.
LEAVE_GUARD = """<script>
if (!window.__workbenchGuard) {
  window.__workbenchGuard = (event) => {
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    if (sidebar && sidebar.innerText.includes("UNSAVED")) { event.preventDefault(); event.returnValue = ""; }
  };
  window.addEventListener("beforeunload", window.__workbenchGuard);
}
</script>""".replace("UNSAVED", ui_messages.UNSAVED.split("{")[0].strip())


def keep_draft() -> None:
    """After each run: the draft as it now stands goes to the server (only when it changed); a clean draft is
    dropped there, so a save or a discard leaves nothing behind. While the database fails, the draft stays in
    this browser session and the sidebar says so; it is kept on the server again with the next change."""
    problem = keep_draft_quietly()
    if problem is not None:
        st.sidebar.warning(ui_messages.DRAFT_NOT_KEPT.format(reason=literal(problem)), icon="⚠️")


def keep_draft_quietly() -> str | None:
    """Keeps the draft on the server; why it could not, or None. For a fragment, which cannot draw in the sidebar."""
    if not state.has_workspace():
        return None
    try:
        _keep_draft()
    except StorageUnavailable as error:
        st.session_state[state.KEPT_DRAFT] = None
        return str(error)
    return None


def _keep_draft() -> None:
    if not state.can(Action.SAVE):  # nothing to keep: the pages are read-only for this person
        return
    workspace_id, person = st.session_state[state.WORKSPACE_ID], state.person()
    if not state.is_dirty():
        st.session_state[state.FIRST_CHANGE] = None
        if st.session_state.get(state.KEPT_DRAFT) != "":
            room.discard_draft(state.repository(), workspace_id, person=person)
            st.session_state[state.KEPT_DRAFT] = ""
        return
    if st.session_state.get(state.FIRST_CHANGE) is None:
        st.session_state[state.FIRST_CHANGE] = dt.datetime.now(dt.UTC)
    text = json.dumps(state.draft(), sort_keys=True, ensure_ascii=False)
    if text != st.session_state.get(state.KEPT_DRAFT):
        room.keep_draft(
            state.repository(),
            workspace_id,
            person=person,
            data=state.draft(),
            base_version=st.session_state.get(state.BASE_VERSION),
            first_change_at=st.session_state[state.FIRST_CHANGE],
        )
        st.session_state[state.KEPT_DRAFT] = text


def guard_leaving() -> None:
    st.html(LEAVE_GUARD, unsafe_allow_javascript=True)


@st.fragment(run_every=POLL_SECONDS)
def room_panel() -> None:
    """Polls on its own, without rerunning the page someone is typing in."""
    if not state.has_workspace():
        return
    try:
        _look_around()
    except StorageUnavailable as error:  # the next look tries again
        st.caption(ui_messages.ROOM_UNAVAILABLE.format(reason=literal(str(error))))


def _look_around() -> None:
    repo, workspace_id = state.repository(), st.session_state[state.WORKSPACE_ID]
    room.mark_present(
        repo, workspace_id, session=st.session_state[state.SESSION], person=state.person(), page=page_title()
    )
    arrival = room.unseen_save(
        repo,
        workspace_id,
        person=state.person(),
        since=st.session_state.get(state.BASE_VERSION),
        known=st.session_state.get(state.ARRIVAL),
    )
    st.session_state[state.ARRIVAL] = arrival
    if arrival is not None:
        announce(arrival)
    others = room.who_is_here(repo, workspace_id, person=state.person(), besides=st.session_state[state.SESSION])
    if others:
        here = ", ".join(f"{literal(p.person or ui_messages.SOMEONE)} ({literal(p.page)})" for p in others)
        st.caption(ui_messages.HERE_NOW.format(people=here))  # markdown: escaped above


def page_title() -> str:
    return str(st.session_state.get(state.PAGE) or "")


def announce(arrival: room.Arrival) -> None:
    version = arrival.version
    when = version.created_at.astimezone().strftime("%H:%M:%S")
    who = literal(version.author or ui_messages.SOMEONE)
    st.info(  # markdown: escaped above
        ui_messages.SAVED_BY_OTHER.format(number=version.number, who=who, when=when, summary=literal(arrival.summary)),
        icon="🔔",
    )
    if st.button(ui_messages.TAKE_IT, key=f"take-{version.number}", width="stretch"):
        take(version.number)


def take(number: int) -> None:
    taken = room.take_newer_version(
        state.repository(),
        st.session_state[state.WORKSPACE_ID],
        person=state.person(),
        draft=state.draft(),
        base_version=st.session_state.get(state.BASE_VERSION),
    )
    if taken.pending is not None:
        st.session_state[state.PENDING] = taken.pending
        state.flash("warning", ui_messages.TAKE_CONFLICTS.format(number=number, count=len(taken.pending.conflicts)))
    else:
        dirty_since = st.session_state.get(state.FIRST_CHANGE)
        st.session_state[state.SAVED] = taken.saved
        st.session_state[state.DRAFT] = taken.data
        st.session_state[state.BASE_VERSION] = taken.head
        st.session_state[state.FIRST_CHANGE] = dirty_since if state.is_dirty() else None
        state.bump_epoch()  # the editors show the other person's changes
        state.flash("success", ui_messages.TOOK_VERSION.format(number=taken.head))
    st.session_state[state.ARRIVAL] = None
    st.rerun(scope="app")
