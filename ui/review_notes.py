"""Review notes on the page: the form to comment on a version (or one canvas section) or mark it, and the list."""

from typing import Any

import streamlit as st

from canvases import CANVASES
from services import reviews
from services.access import Action
from services.reviews import ReviewKind, ReviewNote
from ui import sign_in, state, ui_messages
from ui.literal_markdown import literal

WHOLE_VERSION = "The whole version"
ACTIONS = {
    ReviewKind.COMMENT: "Add comment",
    ReviewKind.REVIEWED: "Mark reviewed",
    ReviewKind.APPROVED: "Approve",
}


def _sections(workspace: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(canvas kind, canvas name, section title) for every section of every canvas in the version."""
    found = []
    for canvas in CANVASES.values():
        for document in workspace.get(canvas.collection, []):
            name = str(document.get(canvas.name_field, ""))
            found += [(canvas.key, name, section.title) for section in canvas.sections]
    return found


def _where_label(choice: tuple[str, str, str] | None) -> str:
    if choice is None:
        return WHOLE_VERSION
    kind, name, section = choice
    return f"{CANVASES[kind].title}: {name} › {section}"


def render_note_form(workspace_id: str, number: int, workspace: dict[str, Any], key: str) -> None:
    """Comment on version `number`, optionally on one section, or mark it reviewed or approved (reviewers and up)."""
    if not state.can(Action.COMMENT):
        return
    with st.form(f"review-{key}", clear_on_submit=True, border=True):
        st.markdown(f"**Review version {number}**")
        author = state.author()
        if not sign_in.provider_configured():  # signed in, the identity signs the note and nobody types it
            author = st.text_input("Reviewer", value=state.author(), key=f"review-author-{key}")
        choices: list[tuple[str, str, str] | None] = [None, *_sections(workspace)]
        where = st.selectbox("On", choices, format_func=_where_label, key=f"review-where-{key}")
        text = st.text_area("Comment", key=f"review-text-{key}", placeholder="What should the team look at?")
        pressed = None
        for column, (kind, label) in zip(st.columns(len(ACTIONS)), ACTIONS.items(), strict=True):
            if column.form_submit_button(label, key=f"review-{kind.value}-{key}"):
                pressed = kind
    if pressed is not None:
        _store(workspace_id, number, pressed, author, text, where)


def _store(
    workspace_id: str, number: int, kind: ReviewKind, author: str, text: str, where: tuple[str, str, str] | None
) -> None:
    state.remember_author(author)
    canvas_kind, canvas, section = where or ("", "", "")
    try:
        reviews.add_note(
            state.repository(),
            workspace_id,
            number,
            kind,
            person=state.acting_as(author),
            text=text,
            canvas_kind=canvas_kind,
            canvas=canvas,
            section=section,
        )
    except ValueError as error:
        st.error(ui_messages.NOTE_NOT_STORED.format(error=literal(str(error))), icon="✍️")
        return
    state.flash("success", ui_messages.NOTE_STORED.format(number=number, kind=reviews.KIND_LABELS[kind]))
    st.rerun()


def render_notes(notes: list[ReviewNote], empty: str = "No review notes yet.") -> None:
    """Each note's heading and its text, shown as typed (never as Markdown or HTML)."""
    if not notes:
        st.caption(empty)
        return
    for note in notes:
        with st.container(border=True):
            icon = {"approved": "✅", "reviewed": "👀"}.get(note.kind.value, "💬")
            st.text(f"{icon} {reviews.note_heading(note)}")
            if note.text:
                st.text(note.text)
