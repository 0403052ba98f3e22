"""A version comparison as JSON-ready data, for pipelines and other tools."""

from typing import Any

from diff.diff_model import Change, Comparison, DocumentDiff, EdgeDiff, EntryRef, FindingsDiff, MapDiff, PathPart
from formats.review.review_readiness import readiness_data
from formats.review.review_text import summary_line
from models.finding import Finding


def _path_part(part: PathPart) -> object:
    if isinstance(part, EntryRef):
        return {"entry": list(part.key), "fields": list(part.fields), "occurrence": part.occurrence}
    return part


def change_data(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": change.where,
        "path_parts": [_path_part(p) for p in change.path],
        "label": change.label,
        "kind": change.kind.value,
        "old": change.old,
        "new": change.new,
        "old_text": change.old_text,
        "new_text": change.new_text,
    }
    if change.words:
        data["words"] = [{"op": w.op, "text": w.text} for w in change.words]
    return data


def _document(document: DocumentDiff) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "title": document.title,
        "name": document.name,
        "status": document.status.value,
        "old_name": document.old_name,
        "sections": [
            {"key": s.key, "title": s.title, "changes": [change_data(c) for c in s.changes]} for s in document.sections
        ],
    }


def _edge(edge: EdgeDiff) -> dict[str, Any]:
    return {
        "key": edge.key,
        "kind": edge.kind.value,
        "upstream": edge.upstream,
        "downstream": edge.downstream,
        "old_key": edge.old_key,
        "pattern": edge.pattern,
        "changes": [change_data(c) for c in edge.changes],
        "declared": [change_data(c) for c in edge.declared],
    }


def _map(diff: MapDiff) -> dict[str, Any]:
    return {
        "nodes": {
            "added": sorted(diff.nodes_added),
            "removed": sorted(diff.nodes_removed),
            "renamed": dict(sorted(diff.nodes_renamed.items())),
            "changed": sorted(diff.nodes_changed),
            "external": sorted(diff.external),
        },
        "edges": [_edge(e) for e in diff.edges],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "status": finding.status.value,
        "subject": finding.subject,
        "message": finding.message,
    }


def _findings(findings: FindingsDiff) -> dict[str, Any]:
    s = findings.score
    return {
        "score": {
            "old": s.old_value,
            "new": s.new_value,
            "old_band": s.old_band,
            "new_band": s.new_band,
            "old_gate": s.old_gate,
            "new_gate": s.new_gate,
        },
        "new": [_finding(f) for f in findings.new],
        "resolved": [_finding(f) for f in findings.resolved],
        "changed": [{"old": _finding(c.old), "new": _finding(c.new)} for c in findings.changed],
        "readiness": None if findings.readiness is None else readiness_data(findings.readiness),
    }


def comparison_as_data(comparison: Comparison) -> dict[str, Any]:
    diff = comparison.diff
    return {
        "old": {"source": comparison.old_label, "workspace": diff.old_name},
        "new": {"source": comparison.new_label, "workspace": diff.new_name},
        "summary": summary_line(comparison),
        "empty": diff.is_empty,
        "renames": {
            "contexts": diff.renames.contexts,
            "external_systems": diff.renames.external_systems,
            "teams": diff.renames.teams,
        },
        "documents": [_document(d) for d in diff.documents],
        "map": _map(diff.map),
        "findings": None if comparison.findings is None else _findings(comparison.findings),
    }
