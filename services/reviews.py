"""The review trail: reviewers' comments and reviewed/approved marks on stored versions, for the app and the CLI."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from models.access import Action, Person
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services import access, service_messages
from storage.repository import ReviewKind, ReviewNote, VersionInfo, WorkspaceRepository

__all__ = [  # the notes' types come from here too, for the app
    "KIND_LABELS",
    "AcceptanceIncomplete",
    "ReviewKind",
    "ReviewNote",
    "accept_readiness_risk",
    "accept_risk",
    "add_note",
    "list_notes",
    "note_heading",
    "notes_by_version",
    "review_state",
    "where_of",
    "with_acceptance",
    "with_readiness_acceptance",
    "withdraw_acceptance",
    "without_acceptance",
]

KIND_LABELS = {ReviewKind.COMMENT: "comment", ReviewKind.REVIEWED: "reviewed", ReviewKind.APPROVED: "approved"}


def add_note(
    repo: WorkspaceRepository,
    workspace_id: str,
    number: int,
    kind: ReviewKind,
    *,
    person: Person,
    text: str = "",
    canvas_kind: str = "",
    canvas: str = "",
    section: str = "",
) -> ReviewNote:
    """Stores a note on version `number`; ValueError for a comment without text."""
    access.require(repo, workspace_id, person, Action.COMMENT if kind is ReviewKind.COMMENT else Action.APPROVE)
    note = ReviewNote(
        workspace_id, number, kind, person.author, text, dt.datetime.now(dt.UTC), canvas_kind, canvas, section
    )
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


def list_notes(repo: WorkspaceRepository, workspace_id: str, *, person: Person) -> list[ReviewNote]:
    """Every review note on the workspace's versions, newest first."""
    access.require(repo, workspace_id, person, Action.READ)
    return repo.list_reviews(workspace_id)


# Risk acceptances are decisions: each is stored the moment it is made, as a version of its own that changes
# nothing else, so it is kept (with who and when) whatever happens to the draft of the person who made it.

ACCEPTANCE_FIELDS = {"reason": "Reason", "accepted_by": "Accepted by", "until": "Until"}


class AcceptanceIncomplete(ValueError):
    """An acceptance lacks fields; `missing` holds their labels, in the form's order."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(service_messages.ACCEPTANCE_INCOMPLETE.format(fields=", ".join(missing)))
        self.missing = missing


def with_acceptance(data: dict[str, Any], acceptance: dict[str, Any]) -> None:
    """Records `acceptance` in workspace data, replacing an earlier one for the same rule and subject."""
    without_acceptance(data, acceptance["rule"], acceptance["subject"])
    data["accepted_risks"].append(acceptance)


def without_acceptance(data: dict[str, Any], rule: str, subject: str) -> None:
    risks: list[dict[str, Any]] = data["accepted_risks"]
    risks[:] = [r for r in risks if (r["rule"], r["subject"]) != (rule, subject)]


def _record(
    repo: WorkspaceRepository, workspace_id: str, change: Callable[[dict[str, Any]], None], *, author: str, message: str
) -> VersionInfo:
    """Stores `change` applied to the newest version, as the next version; someone saving at the same moment
    goes first or after, and the change lands on top of theirs."""

    def changed(workspace: Workspace) -> Workspace:
        data = workspace.model_dump(mode="json")
        change(data)
        return validate_workspace_data(data)

    head = repo.list_versions(workspace_id)[0].number
    newest = changed(repo.load(workspace_id, head))
    rebase = lambda _base, theirs, _head: changed(theirs)  # noqa: E731 - the same change, onto the newer version
    return repo.save(workspace_id, newest, parent=head, author=author, message=message, rebase=rebase).version


def accept_risk(
    repo: WorkspaceRepository,
    workspace_id: str,
    *,
    rule: str,
    subject: str,
    reason: str,
    person: Person,
    until: dt.date | None,
) -> tuple[dict[str, Any], VersionInfo]:
    """Stores the acceptance of finding `rule` on `subject` at once, by `person`; AcceptanceIncomplete names what
    is missing (the name too, for the local tool, where the person types it)."""
    access.require(repo, workspace_id, person, Action.ACCEPT_RISK)
    given = {"reason": reason.strip(), "accepted_by": person.author.strip(), "until": until}
    missing = [label for name, label in ACCEPTANCE_FIELDS.items() if not given[name]]
    if missing:
        raise AcceptanceIncomplete(missing)
    assert until is not None
    acceptance = {"rule": rule, "subject": subject, **given, "until": until.isoformat()}
    message = service_messages.ACCEPTED_VERSION.format(rule=rule, subject=subject, until=until.isoformat())
    version = _record(
        repo, workspace_id, lambda data: with_acceptance(data, acceptance), author=person.author, message=message
    )
    return acceptance, version


def accept_readiness_risk(
    repo: WorkspaceRepository, workspace_id: str, *, risk: str, person: Person, today: dt.date
) -> tuple[dict[str, str], VersionInfo]:
    """Stores at once that `person` accepts the readiness risk named `risk` today; the acceptance is the identity
    of who did it, never a typed name. ValueError when the newest version has no such risk."""
    access.require(repo, workspace_id, person, Action.ACCEPT_RISK)
    accepted = {"accepted_by": person.author.strip(), "accepted_on": today.isoformat()}
    if not accepted["accepted_by"]:
        raise AcceptanceIncomplete([ACCEPTANCE_FIELDS["accepted_by"]])

    message = service_messages.ACCEPTED_READINESS_RISK.format(risk=risk)
    change = lambda data: with_readiness_acceptance(data, risk, accepted)  # noqa: E731 - applied to the newest
    return accepted, _record(repo, workspace_id, change, author=person.author, message=message)


def with_readiness_acceptance(data: dict[str, Any], risk: str, accepted: dict[str, str]) -> None:
    """Marks the readiness risks named `risk` as accepted; ValueError when there is none."""
    found = [r for r in data["readiness"]["risks"] if r["risk"] == risk]
    if not found:
        raise ValueError(service_messages.UNKNOWN_READINESS_RISK.format(risk=risk))
    for entry in found:
        entry.update(accepted)


def withdraw_acceptance(
    repo: WorkspaceRepository, workspace_id: str, *, rule: str, subject: str, person: Person
) -> VersionInfo:
    """Stores at once that the acceptance of `rule` on `subject` no longer holds."""
    access.require(repo, workspace_id, person, Action.ACCEPT_RISK)
    message = service_messages.WITHDRAWN_VERSION.format(rule=rule, subject=subject)
    return _record(
        repo, workspace_id, lambda data: without_acceptance(data, rule, subject), author=person.author, message=message
    )
