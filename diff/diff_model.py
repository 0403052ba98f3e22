"""The data of a version comparison: changed documents, the context map's changes, findings and score."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from models.finding import Finding, FindingStatus, Severity


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    RENAMED = "renamed"  # the identity (a name, a term, a collaborator) changed; the rest is evidently the same


@dataclass(frozen=True)
class WordOp:
    """A run of a long text: kept (`equal`), only in the old text (`delete`) or only in the new one (`insert`).

    Joining the `equal` and `delete` runs gives the old text, the `equal` and `insert` runs the new one.
    """

    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True)
class EntryRef:
    """A list entry inside a path, named by its identity, e.g. the term "Price" or the collaborator "Pricing".

    `fields` are the keys the identity is read from (empty: the entry is a plain text of a list);
    `occurrence` tells entries with the same identity apart (0 for the first).
    Entries are named as in the old version, added entries as in the new one.
    """

    key: tuple[str, ...]
    fields: tuple[str, ...] = ()
    occurrence: int = 0

    @property
    def text(self) -> str:
        base = identity_text(self.fields, self.key)
        return f"{base} #{self.occurrence + 1}" if self.occurrence else base


def identity_text(fields: tuple[str, ...], key: tuple[str, ...]) -> str:
    """A row's name from its identity: "Price", "Pricing → Offers" for a relationship, "AIC004 · Pricing"."""
    return (" → " if fields == ("upstream", "downstream") else " · ").join(key)


PathPart = str | EntryRef


def path_text(path: tuple[PathPart, ...]) -> str:
    """A path for people and logs: `ubiquitous_language[Price].definition`."""
    text = ""
    for part in path:
        if isinstance(part, EntryRef):
            text += f"[{part.text}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Change:
    """One difference at `path`, inside a document or an edge.

    `old`/`new` are the stored JSON values (None where a side has none: an added or removed entry holds
    the whole entry on its side, a renamed one its identity: a text, or a list of texts for a relationship's
    upstream and downstream); `old_text`/`new_text` the same values as the canvas shows them (option
    labels, Yes/No); `words` the word-level changes of a long text. `label` reads "Section › Field",
    with entry names in between: "Ubiquitous Language › Price › Definition".
    """

    path: tuple[PathPart, ...]
    label: str
    kind: ChangeKind
    old: object = None
    new: object = None
    old_text: str = ""
    new_text: str = ""
    words: tuple[WordOp, ...] = ()

    @property
    def where(self) -> str:
        return path_text(self.path)


@dataclass(frozen=True)
class SectionDiff:
    """The changes inside one section of a canvas, in the order the section shows its fields and rows."""

    key: str
    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class DocumentDiff:
    """One canvas (or the workspace's own settings) that differs between the versions.

    `kind` is the canvas key (`bounded_context`, `architecture_communication`, `api_product`) or
    `workspace`; `name` is its name in the new version (in the old one when removed); `old_name` is
    set when it was renamed. Added and removed documents have no sections: all of them is new or gone.
    `occurrence` tells apart canvases of one kind that share a name (0 for the first, counted in the old
    version, for an added canvas in the new one).
    """

    kind: str
    title: str
    name: str
    status: ChangeKind
    old_name: str | None = None
    sections: tuple[SectionDiff, ...] = ()
    occurrence: int = 0

    @property
    def changes(self) -> Iterator[Change]:
        for section in self.sections:
            yield from section.changes

    def section(self, key: str) -> SectionDiff | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class EdgeDiff:
    """A relationship of the context map that was added, removed or changed.

    `key` is the map's label of the edge ("A -> B", symmetric "A <-> B") with the new names of renamed
    contexts; `old_key` the old map's label where that differs (a rename, a turned direction).
    `changes` say how the edge as the map draws it changed (pattern, roles, sync, ...), including what the
    analysis derives (an API product makes its context OHS and PL); `declared` the changes to the explicit
    relationships of the context-map editor behind it, located in the workspace's `relationships`.
    """

    key: str
    kind: ChangeKind
    upstream: str
    downstream: str
    old_key: str | None = None
    changes: tuple[Change, ...] = ()
    declared: tuple[Change, ...] = ()
    pattern: str | None = None  # the edge's pattern (RelationshipPattern value) in the newest version holding it


@dataclass(frozen=True)
class MapDiff:
    """What to mark on one drawing of the context map: node names (new names; removed ones as they were)
    and edge keys."""

    nodes_added: frozenset[str] = frozenset()
    nodes_removed: frozenset[str] = frozenset()
    nodes_renamed: dict[str, str] = field(default_factory=dict)  # old name -> new name
    nodes_changed: frozenset[str] = frozenset()  # their canvas, API product or external-system entry changed
    external: frozenset[str] = frozenset()  # which of the names above are external systems, not contexts
    edges: tuple[EdgeDiff, ...] = ()

    def edge_keys(self, kind: ChangeKind) -> frozenset[str]:
        return frozenset(e.key for e in self.edges if e.kind is kind)

    @property
    def is_empty(self) -> bool:
        return not (self.nodes_added or self.nodes_removed or self.nodes_renamed or self.nodes_changed or self.edges)


@dataclass(frozen=True)
class Renames:
    """Evident renames, old name -> new name; references to them are compared under the new name."""

    contexts: dict[str, str] = field(default_factory=dict)
    external_systems: dict[str, str] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)

    @property
    def parties(self) -> dict[str, str]:
        """Contexts and external systems: the names collaborators and relationships refer to."""
        return {**self.external_systems, **self.contexts}


@dataclass(frozen=True)
class WorkspaceDiff:
    """Everything stored that differs between two workspaces, and what that does to the context map."""

    old_name: str
    new_name: str
    documents: tuple[DocumentDiff, ...]
    map: MapDiff
    renames: Renames

    @property
    def is_empty(self) -> bool:
        return not self.documents and self.map.is_empty

    def documents_of(self, kind: str) -> tuple[DocumentDiff, ...]:
        return tuple(d for d in self.documents if d.kind == kind)

    def document(self, kind: str, name: str) -> DocumentDiff | None:
        return next((d for d in self.documents if d.kind == kind and d.name == name), None)


@dataclass(frozen=True)
class FindingChange:
    """A finding in both versions whose severity or status changed (its subject with new names)."""

    old: Finding
    new: Finding

    @property
    def severity_changed(self) -> bool:
        return self.old.severity is not self.new.severity


@dataclass(frozen=True)
class ScoreChange:
    """The AI coupling score, its band and the gate before and after."""

    old_value: int
    new_value: int
    old_band: str
    new_band: str
    old_gate: str
    new_gate: str

    @property
    def delta(self) -> int:
        return self.new_value - self.old_value


@dataclass(frozen=True)
class PhaseFigure:
    """A phase's readiness before and after: concerns answered (of `required`), and whether it is ready."""

    phase: str
    answered_before: int
    answered_after: int
    required: int
    ready_before: bool
    ready_after: bool


@dataclass(frozen=True)
class ReadinessChange:
    phase_before: str
    phase_after: str
    phases: tuple[PhaseFigure, ...]  # only the phases whose figure or gate moved
    newly_open: tuple[tuple[str, str], ...]  # (rule, title): answered before, a gap now
    newly_answered: tuple[tuple[str, str], ...]

    @property
    def is_empty(self) -> bool:
        return self.phase_before == self.phase_after and not (self.phases or self.newly_open or self.newly_answered)


@dataclass(frozen=True)
class FindingsDiff:
    """Findings only the new version has, findings it no longer has, and those whose severity or status moved."""

    new: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    changed: tuple[FindingChange, ...]
    score: ScoreChange
    readiness: ReadinessChange | None = None

    def count(self, which: Literal["new", "resolved"], severity: Severity) -> int:
        """Findings of `severity` that count (not the ones that could not be evaluated)."""
        found = self.new if which == "new" else self.resolved
        return sum(1 for f in found if f.severity is severity and f.status is not FindingStatus.NOT_EVALUABLE)


@dataclass(frozen=True)
class Comparison:
    """Two versions side by side: where each came from, the structural diff and, when analysed, the findings."""

    old_label: str  # e.g. "team.json", "a1b2c3@3", "Home Valuation@after workshop 2"
    new_label: str
    diff: WorkspaceDiff
    findings: FindingsDiff | None = None
