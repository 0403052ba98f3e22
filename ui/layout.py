"""The sidebar every page shares: the open workspace, its save state, Save and Discard."""

import datetime as dt
from typing import Any

import streamlit as st

from models.validation import WorkspaceInvalid
from services import configuration, saving, workspaces
from services.access import Action, PermissionDenied
from ui import room_panel, sign_in, state, ui_messages
from ui.literal_markdown import literal
from ui.problem_list import problem_lines

STYLESHEET = configuration.ROOT / "assets" / "style.css"


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
        if sign_in.provider_configured():
            sign_in.show_signed_in(state.person())
        if not state.has_workspace():
            st.caption("No workspace open")
            return False, None
        heading = st.empty()
        status = st.empty()
        show_pending_merge()
        if not sign_in.provider_configured():
            ask_name()
        save, editable = False, state.can(Action.SAVE)
        if editable:
            st.text_input(
                "What changed?",
                key=state.message_key(),
                placeholder="e.g. after workshop 2",
                help="Saved with the new version and shown in its history.",
            )
            save = st.button("Save", type="primary", icon="💾", key="save-button", width="stretch")
        else:
            st.caption(ui_messages.CANNOT_EDIT.format(role=state.role() or "none"))  # markdown: a role name
        discard = st.empty()
        doing = "Editing from" if editable else "Showing"
        st.caption(f"{doing} version {st.session_state.get(state.BASE_VERSION) or '–'}")  # markdown: a number
        room_panel.room_panel()
        room_panel.guard_leaving()
    return save, (heading, status, discard)


def run_page(navigation: Any) -> None:
    try:
        navigation.run()
    except PermissionDenied as denied:  # a control still shown to someone whose role changed meanwhile
        st.error(literal(str(denied)), icon="🔒")


def ask_name() -> None:
    """The local tool has no sign-in: the person says who they are, for versions, notes and decisions."""
    state.take_typed_author()
    author = st.text_input("Your name", value=state.author(), key=state.AUTHOR_INPUT)
    if author.strip() != state.author():  # remembered for this browser session; drafts are kept per name
        state.change_person(author.strip())


def show_pending_merge() -> None:
    pending = st.session_state.get(state.PENDING)
    if pending is not None:
        st.warning(ui_messages.CONFLICT_PENDING.format(head=pending.head, count=len(pending.conflicts)), icon="⚠️")
        st.page_link("ui/pages/history.py", label="Resolve conflicts", icon="🔀")


def show_save_state(slots: Any) -> None:
    if slots is None or not state.has_workspace():
        return
    heading, status, discard = slots
    st.session_state[state.SHOWN_DIRTY] = state.is_dirty()
    heading.markdown(f"### {literal(state.draft()['name']) or '(unnamed workspace)'}")
    if not state.is_dirty():
        status.success(ui_messages.ALL_SAVED, icon="✅")
        return
    since = st.session_state.get(state.FIRST_CHANGE) or dt.datetime.now(dt.UTC)
    status.warning(ui_messages.UNSAVED.format(when=since.astimezone().strftime("%H:%M")), icon="✏️")
    discard.button("Discard draft", key="discard-button", width="stretch", on_click=_discard)


def _discard() -> None:
    """Runs before the page is drawn, so one run shows the newest version: after a rerun instead, the old fields
    stood on the screen for a moment, and what was typed into them then was gone without a word."""
    state.discard_draft()
    state.flash("info", ui_messages.DISCARDED)


def save_draft() -> None:
    """Validates and stores the draft as a new version; a problem list instead when it is not valid.

    A newer version saved meanwhile is merged in; conflicting edits wait on the History page. Nothing half-saved.
    """
    try:
        outcome = saving.save_workspace(
            state.repository(),
            st.session_state[state.WORKSPACE_ID],
            state.draft(),
            parent=st.session_state.get(state.BASE_VERSION),
            person=state.person(),
            message=st.session_state.get(state.message_key(), "").strip(),
        )
    except WorkspaceInvalid as error:
        lines, more = problem_lines(error.problems)
        state.flash("error", ui_messages.NOT_SAVED_PROBLEMS.format(count=len(error.problems), lines=lines, more=more))
        st.rerun()
    except workspaces.WorkspaceNotFound:
        state.flash("error", ui_messages.NOT_SAVED_DELETED)
        st.rerun()
    except workspaces.StorageUnavailable as error:  # the draft stays in this session: Save again once it is back
        state.flash("error", ui_messages.NOT_SAVED_STORAGE.format(reason=literal(str(error))))
        st.rerun()
    if outcome.pending is not None:
        st.session_state[state.PENDING] = outcome.pending
        state.flash("warning", ui_messages.NOT_SAVED_CONFLICT.format(head=outcome.pending.head))
    else:
        finish_save(outcome)
    st.rerun()


def finish_save(outcome: saving.SaveOutcome) -> None:
    """The saved (perhaps merged) content becomes the draft; the message field empties for the next save."""
    assert outcome.workspace is not None and outcome.version is not None
    version, workspace = outcome.version, outcome.workspace
    state.mark_saved(workspace.model_dump(mode="json"), version.number)
    st.session_state[state.PENDING] = None
    st.session_state[state.MESSAGE_ROUND] += 1
    if not outcome.created:
        state.flash("info", ui_messages.NOTHING_NEW.format(number=version.number))
        return
    when = dt.datetime.now().strftime("%H:%M:%S")
    merged = ui_messages.MERGED_WITH.format(number=outcome.merged_with) if outcome.merged_with else ""
    if outcome.merged_with:
        state.bump_epoch()  # the editors show the other person's changes too
    summary = workspaces.describe_workspace(workspace)
    saved = ui_messages.SAVED.format(
        name=literal(workspace.name), when=when, number=version.number, merged=merged, summary=summary
    )
    state.flash("success", saved)
