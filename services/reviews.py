"""The review trail: reviewers' comments and reviewed/approved marks on stored versions, for the app and the CLI."""

import datetime as dt
from collections import defaultdict

from storage.repository import ReviewKind, ReviewNote, WorkspaceRepository

__all__ = [  # the notes' types come from here too, for the app
    "KIND_LABELS",
    "ReviewKind",
    "ReviewNote",
    "add_note",
    "list_notes",
    "note_heading",
    "notes_by_version",
    "review_state",
    "where_of",
]

KIND_LABELS = {ReviewKind.COMMENT: "comment", ReviewKind.REVIEWED: "reviewed", ReviewKind.APPROVED: "approved"}


def add_note(
    repo: WorkspaceRepository,
    workspace_id: str,
    number: int,
    kind: ReviewKind,
    *,
    author: str,
    text: str = "",
    canvas_kind: str = "",
    canvas: str = "",
    section: str = "",
) -> ReviewNote:
    """Stores a note on version `number`; ValueError for a comment without text."""
    note = ReviewNote(workspace_id, number, kind, author, text, dt.datetime.now(dt.UTC), canvas_kind, canvas, section)
    return repo.add_review(note)


def notes_by_version(notes: list[ReviewNote]) -> dict[int, list[ReviewNote]]:
    """The notes of each version, newest first as listed."""
    grouped: dict[int, list[ReviewNote]] = defaultdict(list)
    for note in notes:
        grouped[note.number].append(note)
    return dict(grouped)


def review_state(notes: list[ReviewNote]) -> str:
    """One line for a version's review column: the newest mark with its reviewers, then the comments."""
    parts = []
    for kind in (ReviewKind.APPROVED, ReviewKind.REVIEWED):
        people = sorted({n.author or "someone" for n in notes if n.kind is kind})
        if people:
            parts.append(f"{KIND_LABELS[kind]} by {', '.join(people)}")
            break
    comments = sum(n.kind is ReviewKind.COMMENT for n in notes)
    if comments:
        parts.append(f"{comments} comment{'s' if comments > 1 else ''}")
    return "; ".join(parts)


def where_of(note: ReviewNote) -> str:
    """'Home Valuation › Model Traits', or 'the whole version'."""
    if not note.canvas:
        return "the whole version"
    return f"{note.canvas} › {note.section}" if note.section else note.canvas


def note_heading(note: ReviewNote) -> str:
    """Version, kind, who, when and on what: the line above a note's text."""
    who = note.author or "someone"
    when = note.created_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"Version {note.number} · {KIND_LABELS[note.kind]} · {who} · {when} · on {where_of(note)}"


def list_notes(repo: WorkspaceRepository, workspace_id: str) -> list[ReviewNote]:
    """Every review note on the workspace's versions, newest first."""
    return repo.list_reviews(workspace_id)
