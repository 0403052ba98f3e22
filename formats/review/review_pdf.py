"""The review report PDF: what changed between two versions, with findings, map and every canvas side by side."""

import datetime as dt
import warnings

from reportlab.platypus import Flowable, PageBreak, Spacer

from canvases.vocabulary import PATTERN_LABELS
from diff.diff_model import ChangeKind, Comparison, DocumentDiff, FindingsDiff, WorkspaceDiff
from formats.pdf.pdf_document import TEXT, Imprint, build_pdf
from formats.pdf.pdf_flowables import Bookmark, Marks, OutlineEntry, PageContext
from formats.pdf.pdf_fonts import PdfFontWarning
from formats.pdf.pdf_geometry import GEOMETRIES, PageSize
from formats.pdf.pdf_report_sections import SEVERITY_FILLS, heading
from formats.pdf.pdf_tables import flowable_table
from formats.pdf.pdf_text import MUTED, PLAIN, Look, Typesetter
from formats.review.review_pdf_cells import KIND_FILLS, KIND_WORDS, before_after, text_cell
from formats.review.review_readiness import readiness_lines
from formats.review.review_text import (
    NODE_KINDS,
    declared_label,
    document_heading,
    extra_declared,
    moved,
    node_names,
    score_text,
    summary_line,
)
from models.finding import Finding

REVIEW_ATTRIBUTION = "Architecture Canvas Workbench · version comparison"


def _cover(ts: Typesetter, comparison: Comparison, imprint: Imprint, size: float) -> list[Flowable]:
    diff = comparison.diff
    facts = [
        ("Old version", f"{comparison.old_label} ({diff.old_name})"),
        ("New version", f"{comparison.new_label} ({diff.new_name})"),
        ("Printed on", imprint.day),
    ]
    return [
        ts.paragraph("Version comparison", size * 1.4, Look(colour=MUTED)),
        Spacer(0, size),
        ts.paragraph(diff.new_name, size * 2.6, Look(bold=True)),
        Spacer(0, size * 1.2),
        *(ts.paragraph(value, size * 1.1, PLAIN, label=label) for label, value in facts),
        Spacer(0, size * 1.2),
        ts.paragraph(summary_line(comparison), size * 1.25, PLAIN, label="In short"),
    ]


def _finding_row(
    ts: Typesetter, change: str, f: Finding, severity: str, size: float, status: str = ""
) -> list[Flowable]:
    cells = [change, severity, (status or f.status.value).replace("_", " "), f.rule, f.subject, f.message]
    return [text_cell(ts, c, size) for c in cells]


def _readiness(ts: Typesetter, findings: FindingsDiff, size: float) -> list[Flowable]:
    if findings.readiness is None or findings.readiness.is_empty:
        return []
    story: list[Flowable] = [Spacer(0, size), ts.paragraph("Readiness", size * 1.15, Look(bold=True))]
    return [*story, *(ts.paragraph(line, size, PLAIN) for line in readiness_lines(findings.readiness))]


def _findings(ts: Typesetter, findings: FindingsDiff, size: float) -> list[Flowable]:
    story: list[Flowable] = [heading(ts, "Score and findings", size * 1.3, "findings")]
    story += [ts.paragraph(score_text(findings), size * 1.15, PLAIN), Spacer(0, size)]
    rows = [_finding_row(ts, "New", f, f.severity.value, size) for f in findings.new]
    rows += [_finding_row(ts, "Resolved", f, f.severity.value, size) for f in findings.resolved]
    rows += [
        _finding_row(
            ts,
            "Changed",
            c.new,
            moved(c.old.severity.value, c.new.severity.value),
            size,
            moved(c.old.status.value, c.new.status.value),
        )
        for c in findings.changed
    ]
    severities = [*(f.severity for f in findings.new), *(f.severity for f in findings.resolved)]
    severities += [c.new.severity for c in findings.changed]
    if not rows:
        return [*story, ts.paragraph("No findings changed.", size, Look(colour=MUTED))]
    headers = ["Change", "Severity", "Status", "Rule", "Subject", "Message"]
    fills = [SEVERITY_FILLS.get(s.value) for s in severities]
    return [*story, flowable_table(ts, headers, rows, [0.8, 0.9, 0.9, 0.7, 2.0, 4.0], size, fills)]


def _nodes(ts: Typesetter, diff: WorkspaceDiff, size: float) -> list[Flowable]:
    renamed = {new: old for old, new in diff.map.nodes_renamed.items()}
    rows: list[list[Flowable]] = []
    fills: list[str | None] = []
    for kind in NODE_KINDS:
        for name in sorted(node_names(diff.map, kind)):
            what = "External system" if name in diff.map.external else "Context"
            text = f"{renamed[name]} → {name}" if kind is ChangeKind.RENAMED else name
            rows.append([text_cell(ts, KIND_WORDS[kind], size), text_cell(ts, what, size), text_cell(ts, text, size)])
            fills.append(KIND_FILLS[kind])
    if not rows:
        return []
    return [flowable_table(ts, ["Change", "Kind", "Name"], rows, [1, 1, 5], size, fills), Spacer(0, size)]


def _edges(ts: Typesetter, diff: WorkspaceDiff, size: float) -> list[Flowable]:
    rows: list[list[Flowable]] = []
    fills: list[str | None] = []
    for edge in diff.map.edges:
        pattern = PATTERN_LABELS.get(edge.pattern, edge.pattern) if edge.pattern else ""
        name = f"{edge.key} (was {edge.old_key})" if edge.old_key else edge.key
        extra = extra_declared(edge) if edge.kind is ChangeKind.CHANGED else []
        labelled = [(c.label, c) for c in edge.changes] + [(declared_label(edge, c), c) for c in extra]
        lead = [text_cell(ts, KIND_WORDS[edge.kind], size), text_cell(ts, name, size), text_cell(ts, pattern, size)]
        if not labelled:
            rows.append([*lead, text_cell(ts, "", size), text_cell(ts, "", size), text_cell(ts, "", size)])
            fills.append(KIND_FILLS[edge.kind])
        for index, (label, change) in enumerate(labelled):
            first = lead if index == 0 else [text_cell(ts, "", size) for _ in lead]
            rows.append([*first, text_cell(ts, label, size), *before_after(ts, change, size)])
            fills.append(KIND_FILLS[edge.kind])
    if not rows:
        return []
    headers = ["Change", "Relationship", "Pattern", "Field", "Before", "After"]
    return [flowable_table(ts, headers, rows, [0.9, 2.2, 1.3, 1.6, 1.6, 1.6], size, fills)]


def _map(ts: Typesetter, diff: WorkspaceDiff, size: float) -> list[Flowable]:
    story: list[Flowable] = [Spacer(0, size), heading(ts, "Context map", size * 1.3, "map")]
    found = [*_nodes(ts, diff, size), *_edges(ts, diff, size)]
    return story + (found or [ts.paragraph("No changes to the context map.", size, Look(colour=MUTED))])


def _document(ts: Typesetter, document: DocumentDiff, index: int, size: float) -> list[Flowable]:
    title = heading(ts, document_heading(document), size * 1.1, f"doc{index}", level=1)
    rows: list[list[Flowable]] = []
    fills: list[str | None] = []
    for section in document.sections:
        for change in section.changes:
            cells = [text_cell(ts, KIND_WORDS[change.kind], size), text_cell(ts, change.label, size)]
            rows.append([*cells, *before_after(ts, change, size)])
            fills.append(KIND_FILLS[change.kind])
    if not rows:
        what = "Everything in it is new." if document.status is ChangeKind.ADDED else "It is no longer there."
        return [title, ts.paragraph(what, size, Look(colour=MUTED)), Spacer(0, size)]
    table = flowable_table(ts, ["Change", "Field", "Before", "After"], rows, [0.9, 2.2, 3.0, 3.0], size, fills)
    return [title, table, Spacer(0, size)]


def render_review_pdf(
    comparison: Comparison, *, page_size: PageSize = "A4", printed_on: dt.date | None = None
) -> bytes:
    """The comparison as a printable review: cover with the summary, findings, map changes, then every canvas."""
    ts, geometry = Typesetter(), GEOMETRIES[page_size]
    size = geometry.body * 1.1
    diff = comparison.diff
    imprint = Imprint(diff.new_name, f"{comparison.old_label} → {comparison.new_label}", printed_on)
    context = PageContext(f"{diff.new_name} – version comparison", REVIEW_ATTRIBUTION)
    story: list[Flowable] = [Bookmark(Marks((OutlineEntry(0, "Cover", "cover"),), context=context))]
    story += _cover(ts, comparison, imprint, size)
    if comparison.findings is not None:
        story += [
            PageBreak(TEXT),
            *_findings(ts, comparison.findings, size),
            *_readiness(ts, comparison.findings, size),
        ]
    story += _map(ts, diff, size)
    story += [PageBreak(TEXT), heading(ts, "Canvases", size * 1.3, "canvases")]
    for index, document in enumerate(diff.documents):
        story += _document(ts, document, index, size)
    if not diff.documents:
        story.append(ts.paragraph("No canvas changed.", size, Look(colour=MUTED)))
    pdf = build_pdf(story, geometry, imprint, ts, first=TEXT, title=f"{diff.new_name} – version comparison")
    for message in ts.fonts.warnings():
        warnings.warn(message, PdfFontWarning, stacklevel=2)
    return pdf
