"""diff_workspaces: what differs between two workspaces, per canvas and section, on the map, in the findings.

Pure data, no wording: the CLI, the reports and the app's comparison page word it (formats/review/review_*.py).
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import ContextMap, build_context_map
from analysis.engine import analyze_workspace
from analysis.gc_pause import cyclic_gc_paused
from canvases import CANVASES
from canvases.definition import CanvasDef, Column, FieldDef, FieldKind, SectionDef
from canvases.readiness import READINESS
from canvases.workspace_settings import WORKSPACE_SETTINGS
from diff.diff_documents import diff_document, record_score
from diff.diff_entries import Identity, pair_entries
from diff.diff_findings import diff_findings
from diff.diff_map import diff_edges, diff_nodes
from diff.diff_model import ChangeKind, Comparison, DocumentDiff, EntryRef, MapDiff, Renames, WorkspaceDiff
from diff.diff_renames import detect_renames, forced_rows, rename_references
from diff.diff_values import RowSpec
from models.workspace import Workspace

WORKSPACE_KIND = "workspace"
# Accepted risks are edited on the findings tab, not in a canvas definition; these are their diff labels.
ACCEPTED_RISKS = SectionDef(
    "accepted_risks",
    "Accepted risks",
    "Findings the team accepted, with the reason, who accepted them and until when.",
    (
        FieldDef(
            "accepted_risks",
            "Accepted risks",
            FieldKind.TABLE,
            columns=(
                Column("rule", "Rule"),
                Column("subject", "Subject"),
                Column("reason", "Reason", FieldKind.LONG_TEXT),
                Column("accepted_by", "Accepted by"),
                Column("until", "Until"),
            ),
        ),
    ),
)
# Held by the workspace but compared elsewhere: each canvas on its own, relationships on the map.
NOT_SETTINGS = frozenset({"schema_version", "relationships", *(c.collection for c in CANVASES.values())})


def _canvas_diffs(
    canvas: CanvasDef, old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], renames: Mapping[str, str]
) -> list[DocumentDiff]:
    """One canvas kind: canvases paired by name (renamed contexts as detected), then each pair compared."""
    name = canvas.name_field
    forced: dict[Identity, Identity] | None = None
    if canvas.key == "bounded_context":
        forced = {(o,): (n,) for o, n in renames.items()}
    # Contexts' renames are decided with their neighbours; other canvases are recognised by their content.
    score = record_score(RowSpec((name,), ())) if canvas.key == "architecture_communication" else None
    found: list[DocumentDiff] = []
    for p in pair_entries(old, new, lambda d: (str(d[name]),), score=score, forced=forced):
        before = None if p.old is None else old[p.old]
        after = None if p.new is None else new[p.new]
        if after is None:
            assert before is not None
            found.append(
                DocumentDiff(canvas.key, canvas.title, str(before[name]), ChangeKind.REMOVED, occurrence=p.occurrence)
            )
        elif before is None:
            found.append(
                DocumentDiff(canvas.key, canvas.title, str(after[name]), ChangeKind.ADDED, occurrence=p.occurrence)
            )
        elif before != after:
            sections = diff_document(canvas, before, after)
            status = ChangeKind.RENAMED if p.renamed else ChangeKind.CHANGED
            old_name = str(before[name]) if p.renamed else None
            if sections or p.renamed:  # a reorder alone changes the data but not the canvas
                named = str(after[name])
                found.append(DocumentDiff(canvas.key, canvas.title, named, status, old_name, sections, p.occurrence))
    return found


def _settings_diff(old: Mapping[str, Any], new: Mapping[str, Any], renames: Renames) -> list[DocumentDiff]:
    sections = diff_document(
        WORKSPACE_SETTINGS,
        old,
        new,
        extra_sections=(ACCEPTED_RISKS, *READINESS.sections),
        ignore=NOT_SETTINGS,
        forced=forced_rows(renames),
    )
    if not sections:
        return []
    return [
        DocumentDiff(WORKSPACE_KIND, WORKSPACE_SETTINGS.title, str(new["name"]), ChangeKind.CHANGED, None, sections)
    ]


def _changed_nodes(documents: Sequence[DocumentDiff], renames: Renames) -> frozenset[str]:
    """Contexts whose canvas or API product changed, and external systems whose entry changed (new names).

    A rename alone is not a change: the map marks it as a rename.
    """
    names: set[str] = set()
    for d in documents:
        if d.kind == "bounded_context" and d.status is ChangeKind.CHANGED:
            names.add(d.name)
        elif d.kind == "bounded_context" and d.status is ChangeKind.RENAMED:
            if any(s.key != "name" or len(s.changes) > 1 for s in d.sections):
                names.add(d.name)
        elif d.kind == "api_product":
            names.add(d.name)
        elif d.kind == WORKSPACE_KIND and (section := d.section("external_systems")):
            entries = [c.path[1] for c in section.changes if c.kind is not ChangeKind.RENAMED and len(c.path) > 1]
            old = [entry.key[0] for entry in entries if isinstance(entry, EntryRef)]
            names |= {renames.external_systems.get(name, name) for name in old}
    return frozenset(names)


def diff_workspaces(
    old: Workspace,
    new: Workspace,
    *,
    old_map: ContextMap | None = None,
    new_map: ContextMap | None = None,
) -> WorkspaceDiff:
    """Everything that differs between `old` and `new`; pass their context maps when an analysis already built them."""
    with cyclic_gc_paused():
        return _diff_workspaces(old, new, old_map, new_map)


def _diff_workspaces(
    old: Workspace, new: Workspace, old_map: ContextMap | None, new_map: ContextMap | None
) -> WorkspaceDiff:
    old_data, new_data = old.model_dump(mode="json"), new.model_dump(mode="json")
    renames = detect_renames(old_data, new_data)
    before = rename_references(old_data, renames)
    documents = _settings_diff(before, new_data, renames)
    for canvas in CANVASES.values():
        documents += _canvas_diffs(canvas, before[canvas.collection], new_data[canvas.collection], renames.contexts)
    old_map = old_map or build_context_map(old, DEFAULT_CONFIG)
    new_map = new_map or build_context_map(new, DEFAULT_CONFIG)
    nodes = diff_nodes(old_map, new_map, renames.parties, _changed_nodes(documents, renames))
    edges = diff_edges(old_map, new_map, renames.parties, before["relationships"], new_data["relationships"])
    map_diff = MapDiff(
        nodes.nodes_added, nodes.nodes_removed, nodes.nodes_renamed, nodes.nodes_changed, nodes.external, edges
    )
    return WorkspaceDiff(old.name, new.name, tuple(documents), map_diff, renames)


def compare_workspaces(
    old: Workspace,
    new: Workspace,
    *,
    old_label: str,
    new_label: str,
    with_findings: bool = True,
    today: dt.date | None = None,
) -> Comparison:
    """The diff and, unless told otherwise, both analyses' findings and scores compared (no biggest lever)."""
    if not with_findings:
        return Comparison(old_label, new_label, diff_workspaces(old, new))
    with cyclic_gc_paused():
        before = analyze_workspace(old, today=today, lever=False)
        after = analyze_workspace(new, today=today, lever=False)
        diff = diff_workspaces(old, new, old_map=before.context_map, new_map=after.context_map)
        return Comparison(old_label, new_label, diff, diff_findings(before, after, diff.renames.parties))
