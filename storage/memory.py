"""An in-memory repository for tests: the same versions, blobs and checks as the SQL one, no disk."""

import copy
import dataclasses
import datetime as dt
import threading
from collections.abc import Iterable, Iterator

from models.workspace import Workspace
from storage import storage_messages
from storage.repository import (
    Draft,
    HistoryRecord,
    Member,
    Presence,
    Rebase,
    ReviewNote,
    SaveResult,
    StaleParent,
    VersionInfo,
    VersionNotFound,
    WorkspaceExists,
    WorkspaceNotFound,
    WorkspaceSummary,
    storable_review,
    storable_text,
)
from storage.snapshot import assemble_snapshot, decode_blob, referenced_blobs, take_snapshot


class InMemoryWorkspaceRepository:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # one save at a time, as the database's transaction lock does
        self._blobs: dict[str, bytes] = {}
        self._versions: dict[str, list[VersionInfo]] = {}  # oldest first; number n is at index n - 1
        self._tags: dict[str, dict[str, int]] = {}
        self._reviews: dict[str, list[ReviewNote]] = {}  # oldest first
        self._drafts: dict[tuple[str, str], Draft] = {}
        self._presence: dict[str, Presence] = {}  # by session
        self._markers: set[str] = set()
        self._members: dict[str, dict[str, Member]] = {}  # by workspace, then person

    def _history(self, workspace_id: str) -> list[VersionInfo]:
        if workspace_id not in self._versions:
            raise WorkspaceNotFound(workspace_id)
        return self._versions[workspace_id]

    def _tagged(self, info: VersionInfo) -> VersionInfo:
        named = sorted(t for t, n in self._tags.get(info.workspace_id, {}).items() if n == info.number)
        return dataclasses.replace(info, tags=tuple(named))

    def _read(self, hashes: Iterable[str]) -> dict[str, bytes]:
        return {h: self._blobs[h] for h in hashes if h in self._blobs}

    def list_workspaces(self) -> list[WorkspaceSummary]:
        rows = [WorkspaceSummary(i, h[-1].name, h[-1].created_at, head=h[-1].number) for i, h in self._versions.items()]
        return sorted(rows, key=lambda s: (s.name.casefold(), s.workspace_id))

    def load(self, workspace_id: str, version: int | None = None) -> Workspace:
        history = self._history(workspace_id)
        number = len(history) if version is None else version
        if not 1 <= number <= len(history):
            raise VersionNotFound(storage_messages.VERSION_NOT_FOUND.format(workspace_id=workspace_id, number=number))
        return Workspace.model_validate(assemble_snapshot(history[number - 1].content_hash, self._read))

    def save(
        self,
        workspace_id: str,
        workspace: Workspace,
        *,
        parent: int | None = None,
        author: str = "",
        message: str = "",
        rebase: Rebase | None = None,
    ) -> SaveResult:
        author, message = storable_text(author), storable_text(message)
        snapshot = take_snapshot(workspace.model_dump(mode="json"))
        with self._lock:
            history = self._versions.get(workspace_id)
            if history is None and parent is not None:
                raise WorkspaceNotFound(workspace_id)
            head = history[-1].number if history else None
            if history:
                if history[-1].content_hash != snapshot.content_hash and parent != head:
                    if rebase is None:
                        raise StaleParent(workspace_id, parent, history[-1].number)
                    base = self.load(workspace_id, parent) if parent else None
                    workspace = rebase(base, self.load(workspace_id), history[-1].number)
                    snapshot = take_snapshot(workspace.model_dump(mode="json"))
                if history[-1].content_hash == snapshot.content_hash:
                    return SaveResult(self._tagged(history[-1]), created=False)
            now, name = dt.datetime.now(dt.UTC), storable_text(workspace.name)
            info = VersionInfo(workspace_id, (head or 0) + 1, head, author, message, now, snapshot.content_hash, name)
            self._blobs.update(snapshot.blobs)
            self._versions.setdefault(workspace_id, []).append(info)
        return SaveResult(info, created=True)

    def delete(self, workspace_id: str) -> None:
        with self._lock:
            self._history(workspace_id)
            del self._versions[workspace_id]
            self._tags.pop(workspace_id, None)
            self._reviews.pop(workspace_id, None)
            self._members.pop(workspace_id, None)
            self._drafts = {k: d for k, d in self._drafts.items() if d.workspace_id != workspace_id}
            self._presence = {k: p for k, p in self._presence.items() if p.workspace_id != workspace_id}
            used = {h for history in self._versions.values() for v in history for h in self._blobs_of(v)}
            self._blobs = {h: b for h, b in self._blobs.items() if h in used}

    def _blobs_of(self, info: VersionInfo) -> set[str]:
        return referenced_blobs(info.content_hash, self._read)

    def list_versions(self, workspace_id: str) -> list[VersionInfo]:
        return [self._tagged(v) for v in reversed(self._history(workspace_id))]

    def tag_version(self, workspace_id: str, number: int, tag: str) -> None:
        tag = storable_text(tag)
        if not tag.strip():
            raise ValueError(storage_messages.EMPTY_TAG)
        if not 1 <= number <= len(self._history(workspace_id)):
            raise VersionNotFound(storage_messages.VERSION_NOT_FOUND.format(workspace_id=workspace_id, number=number))
        self._tags.setdefault(workspace_id, {})[tag.strip()] = number

    def untag_version(self, workspace_id: str, tag: str) -> None:
        self._tags.get(workspace_id, {}).pop(tag, None)

    def add_review(self, note: ReviewNote) -> ReviewNote:
        note = storable_review(note)
        with self._lock:
            if not 1 <= note.number <= len(self._history(note.workspace_id)):
                raise VersionNotFound(
                    storage_messages.VERSION_NOT_FOUND.format(workspace_id=note.workspace_id, number=note.number)
                )
            self._reviews.setdefault(note.workspace_id, []).append(note)
        return note

    def list_reviews(self, workspace_id: str) -> list[ReviewNote]:
        self._history(workspace_id)
        return list(reversed(self._reviews.get(workspace_id, [])))

    def newest_version(self, workspace_id: str) -> VersionInfo:
        return self._tagged(self._history(workspace_id)[-1])

    def put_draft(self, draft: Draft) -> None:
        stored = dataclasses.replace(draft, person=storable_text(draft.person), data=copy.deepcopy(draft.data))
        self._drafts[(draft.workspace_id, stored.person)] = stored

    def get_draft(self, workspace_id: str, person: str) -> Draft | None:
        found = self._drafts.get((workspace_id, storable_text(person)))
        return None if found is None else dataclasses.replace(found, data=copy.deepcopy(found.data))

    def drop_draft(self, workspace_id: str, person: str) -> None:
        self._drafts.pop((workspace_id, storable_text(person)), None)

    def mark_present(self, presence: Presence) -> None:
        self._presence[presence.session] = presence

    def list_present(self, workspace_id: str, since: dt.datetime) -> list[Presence]:
        found = [p for p in self._presence.values() if p.workspace_id == workspace_id and p.seen_at >= since]
        return sorted(found, key=lambda p: p.seen_at, reverse=True)

    def last_workspace(self, person: str) -> str | None:
        seen = [p for p in self._presence.values() if p.person == person and p.workspace_id in self._versions]
        return max(seen, key=lambda p: p.seen_at).workspace_id if seen else None

    def mark_once(self, name: str) -> bool:
        with self._lock:
            if name in self._markers:
                return False
            self._markers.add(name)
            return True

    def put_member(self, member: Member) -> None:
        self._history(member.workspace_id)
        stored = dataclasses.replace(member, person=storable_text(member.person))
        self._members.setdefault(member.workspace_id, {})[stored.person] = stored

    def drop_member(self, workspace_id: str, person: str) -> None:
        self._members.get(workspace_id, {}).pop(storable_text(person), None)

    def list_members(self, workspace_id: str) -> list[Member]:
        return sorted(self._members.get(workspace_id, {}).values(), key=lambda m: m.person)

    def memberships(self, person: str) -> dict[str, str]:
        return {w: found[person].role for w, found in self._members.items() if person in found}

    def iter_history(self) -> Iterator[HistoryRecord]:
        sent: set[str] = set()
        for workspace_id in sorted(self._versions):
            notes = self._reviews.get(workspace_id, [])
            for info in self._versions[workspace_id]:
                needed = self._blobs_of(info) - sent
                sent |= needed
                on_version = tuple(n for n in notes if n.number == info.number)
                yield HistoryRecord(self._tagged(info), self._read(needed), on_version)

    def restore_history(self, records: Iterable[HistoryRecord]) -> int:
        added: dict[str, list[VersionInfo]] = {}
        blobs: dict[str, bytes] = {}
        named: dict[str, dict[str, int]] = {}
        notes: dict[str, list[ReviewNote]] = {}
        for record in records:
            info = record.version
            if info.workspace_id in self._versions:
                raise WorkspaceExists(
                    storage_messages.WORKSPACE_EXISTS.format(name=info.name, workspace_id=info.workspace_id)
                )
            for digest, data in record.blobs.items():
                decode_blob(digest, data)
            blobs.update(record.blobs)
            added.setdefault(info.workspace_id, []).append(dataclasses.replace(info, tags=()))
            for tag in info.tags:
                named.setdefault(info.workspace_id, {})[tag] = info.number
            notes.setdefault(info.workspace_id, []).extend(
                storable_review(dataclasses.replace(n, workspace_id=info.workspace_id, number=info.number))
                for n in record.reviews
            )
        with self._lock:
            self._blobs.update(blobs)
            self._versions.update(added)
            self._tags.update(named)
            self._reviews.update(notes)
        return sum(len(h) for h in added.values())

    def stored_bytes(self) -> int:
        return sum(len(b) for b in self._blobs.values())
