"""A version comparison in words: the one-line summary and the plain-text review for the command line."""

from collections.abc import Iterator, Sequence

from canvases import CANVASES
from canvases.vocabulary import PATTERN_LABELS
from diff.diff_model import (
    Change,
    ChangeKind,
    Comparison,
    DocumentDiff,
    EdgeDiff,
    FindingChange,
    FindingsDiff,
    MapDiff,
    WordOp,
    WorkspaceDiff,
)
from diff.diff_values import SEPARATOR
from formats.review.review_readiness import readiness_lines, readiness_summary
from models.finding import Finding, FindingStatus, Severity

NODE_KINDS = (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.RENAMED, ChangeKind.CHANGED)
EDGE_KINDS = (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED)
MARKS = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.RENAMED: "~", ChangeKind.CHANGED: "*"}
EMPTY = "(empty)"
INDENT = "  "


def counted(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def node_names(diff: MapDiff, kind: ChangeKind) -> set[str]:
    """The map's nodes of one kind of change; renamed nodes by their new names."""
    found = {
        ChangeKind.ADDED: diff.nodes_added,
        ChangeKind.REMOVED: diff.nodes_removed,
        ChangeKind.RENAMED: frozenset(diff.nodes_renamed.values()),
        ChangeKind.CHANGED: diff.nodes_changed,
    }
    return set(found[kind])


def _structure_parts(diff: WorkspaceDiff) -> Iterator[str]:
    for kind in NODE_KINDS:
        names = node_names(diff.map, kind)
        if names - diff.map.external:
            yield f"{counted(len(names - diff.map.external), 'context')} {kind.value}"
        if names & diff.map.external:
            yield f"{counted(len(names & diff.map.external), 'external system')} {kind.value}"
    title = CANVASES["architecture_communication"].title
    for kind in NODE_KINDS:
        canvases = [d for d in diff.documents_of("architecture_communication") if d.status is kind]
        if canvases:
            yield f"{counted(len(canvases), title, title + 'es')} {kind.value}"
    for kind in EDGE_KINDS:
        edges = diff.map.edge_keys(kind)
        if edges:
            yield f"{counted(len(edges), 'relationship')} {kind.value}"
    settings = diff.documents_of("workspace")
    if any(s.key != "external_systems" for d in settings for s in d.sections):
        yield "workspace settings changed"


def score_text(findings: FindingsDiff) -> str:
    s = findings.score
    if s.old_value == s.new_value and s.old_band == s.new_band:
        text = f"AI coupling score {s.new_value} unchanged ({s.new_band})"
    elif s.old_band == s.new_band:
        text = f"AI coupling score {s.old_value} → {s.new_value} ({s.new_band})"
    else:
        text = f"AI coupling score {s.old_value} → {s.new_value} ({s.old_band} → {s.new_band})"
    return text if s.old_gate == s.new_gate else f"{text}, gate {s.old_gate.upper()} → {s.new_gate.upper()}"


def _finding_parts(findings: FindingsDiff) -> Iterator[str]:
    yield score_text(findings)
    for severity in Severity:
        resolved = findings.count("resolved", severity)
        if resolved:
            yield f"{counted(resolved, severity.value)} resolved"
    for severity in Severity:
        new = findings.count("new", severity)
        if new:
            yield f"{new} new {severity.value if new == 1 else severity.value + 's'}"
    moved = sum(1 for c in findings.changed if c.severity_changed)
    if moved:
        yield f"{counted(moved, 'finding')} changed severity"
    accepted = sum(1 for c in findings.changed if c.new.status is FindingStatus.ACCEPTED and not c.severity_changed)
    if accepted:
        yield f"{counted(accepted, 'risk')} newly accepted"
    if readiness := readiness_summary(findings.readiness):
        yield readiness


def summary_line(comparison: Comparison) -> str:
    """E.g. "3 contexts changed, 2 relationships added, AI coupling score 41 → 18 (elevated → loosely coupled),
    2 errors resolved, 1 new warning"."""
    parts = list(_structure_parts(comparison.diff)) or ["No changes to canvases or the context map"]
    if comparison.findings is not None:
        parts += _finding_parts(comparison.findings)
    return ", ".join(parts)


def shown(text: str) -> str:
    return text if text else EMPTY


def word_diff(words: Sequence[WordOp]) -> str:
    """Word-level changes inline, as git's word diff marks them: [-deleted-]{+inserted+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[w.op].format(w.text) for w in words)


def change_line(change: Change, label: str | None = None) -> str:
    """One change on one line (long texts continue on following lines), led by its mark."""
    label = change.label if label is None else label
    mark = MARKS[change.kind]
    if change.kind is ChangeKind.ADDED:
        return f"{mark} {label}: {shown(change.new_text)}"
    if change.kind is ChangeKind.REMOVED:
        return f"{mark} {label}: {shown(change.old_text)}"
    if change.kind is ChangeKind.RENAMED:
        return f"{mark} {label}: renamed {change.old_text} → {change.new_text}"
    if change.words:
        return f"{mark} {label}: {word_diff(change.words)}"
    return f"{mark} {label}: {shown(change.old_text)} → {shown(change.new_text)}"


def declared_label(edge: EdgeDiff, change: Change) -> str:
    """A declared change's label without the relationship's own name, which the edge already shows."""
    return change.label.split(SEPARATOR, 1)[1] if SEPARATOR in change.label else change.label


def extra_declared(edge: EdgeDiff) -> list[Change]:
    """Declared changes the map's own changes do not already say (name, notes, technology, ...)."""
    drawn = {(c.label, c.old_text, c.new_text) for c in edge.changes}
    return [c for c in edge.declared if (declared_label(edge, c), c.old_text, c.new_text) not in drawn]


def edge_heading(edge: EdgeDiff) -> str:
    pattern = f" ({PATTERN_LABELS.get(edge.pattern, edge.pattern)})" if edge.pattern else ""
    was = f" (was {edge.old_key})" if edge.old_key else ""
    return f"{MARKS[edge.kind]} {edge.kind.value:<8} {edge.key}{pattern}{was}"


def document_heading(document: DocumentDiff) -> str:
    if document.old_name:
        return f"{document.title} '{document.name}' — renamed from '{document.old_name}'"
    return f"{document.title} '{document.name}' — {document.status.value}"


def moved(old: str, new: str) -> str:
    """'warning → error', or the one value when it did not change."""
    return new if old == new else f"{old} → {new}"


def finding_change_text(change: FindingChange) -> str:
    was, now = change.old, change.new
    severity, status = moved(was.severity.value, now.severity.value), moved(was.status.value, now.status.value)
    return f"severity {severity}, status {status}".replace("_", " ")


def finding_line(finding: Finding) -> str:
    status = "" if finding.status is FindingStatus.OPEN else f" [{finding.status.value.replace('_', ' ')}]"
    return f"{finding.severity.value.upper():7} {finding.rule}{status}  {finding.subject}"


def _indented(text: str, depth: int) -> list[str]:
    pad = INDENT * depth
    first, *rest = text.split("\n")
    return [pad + first, *(pad + INDENT + line for line in rest)]


def _map_lines(diff: WorkspaceDiff) -> list[str]:
    lines = ["Context map"]
    renamed = {new: old for old, new in diff.map.nodes_renamed.items()}
    for kind in NODE_KINDS:
        for name in sorted(node_names(diff.map, kind)):
            what = "external system" if name in diff.map.external else "context"
            text = f"{renamed[name]} → {name}" if kind is ChangeKind.RENAMED else name
            lines.append(f"{INDENT}{MARKS[kind]} {kind.value:<8} {what} {text}")
    for edge in diff.map.edges:
        lines.append(INDENT + edge_heading(edge))
        lines += [line for c in edge.changes for line in _indented(change_line(c), 3)]
        extra = extra_declared(edge) if edge.kind is ChangeKind.CHANGED else []
        lines += [line for c in extra for line in _indented(change_line(c, declared_label(edge, c)), 3)]
    return lines if len(lines) > 1 else [*lines, f"{INDENT}No changes."]


def _findings_lines(findings: FindingsDiff) -> list[str]:
    lines = ["Score and findings", INDENT + score_text(findings)]
    for title, found in (("New", findings.new), ("Resolved", findings.resolved)):
        for f in found:
            lines += [f"{INDENT}{title + ':':<10}{finding_line(f)}", f"{INDENT * 6}{f.message}"]
    for c in findings.changed:
        lines.append(f"{INDENT}{'Changed:':<10}{c.new.rule}  {c.new.subject}: {finding_change_text(c)}")
    if findings.readiness is not None and not findings.readiness.is_empty:
        lines += ["", "Readiness", *(INDENT + line for line in readiness_lines(findings.readiness))]
    return lines


def _document_lines(document: DocumentDiff) -> list[str]:
    lines = [INDENT + document_heading(document)]
    for section in document.sections:
        lines.append(INDENT * 2 + section.title)
        lines += [line for c in section.changes for line in _indented(change_line(c), 3)]
    return lines


def render_review_text(comparison: Comparison) -> str:
    """The whole comparison as plain text: summary, score and findings, context map, then every canvas."""
    diff = comparison.diff
    names = diff.new_name if diff.old_name == diff.new_name else f"{diff.old_name} → {diff.new_name}"
    # A stored version's label already starts with the workspace's name.
    named = "" if comparison.new_label.startswith(f"{names}@") else f" ({names})"
    lines = [f"Comparing {comparison.old_label} → {comparison.new_label}{named}", summary_line(comparison), ""]
    if comparison.findings is not None:
        lines += [*_findings_lines(comparison.findings), ""]
    lines += [*_map_lines(diff), "", "Canvases"]
    lines += [line for d in diff.documents for line in _document_lines(d)] or [f"{INDENT}No changes."]
    return "\n".join(lines) + "\n"
