"""The report's own pages: cover, workspace overview, context map drawing, and score with findings."""

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.platypus import Flowable, Spacer
from svglib import fonts as svg_fonts
from svglib.svglib import svg2rlg

from canvases import CANVASES
from canvases.definition import FieldDef
from canvases.tables import rows_for
from canvases.vocabulary import DATA_USE_LABELS, MEDIUM_LABELS, PATTERN_LABELS, PHASE_LABELS, SYNC_LABELS
from canvases.workspace_settings import WORKSPACE_SETTINGS
from formats.pdf.pdf_content import format_value
from formats.pdf.pdf_flowables import Marks, OutlineEntry, StickerBox, StickerLook
from formats.pdf.pdf_fonts import BOLD, FONT_FOLDER, REGULAR, register_family
from formats.pdf.pdf_tables import record_table
from formats.pdf.pdf_text import MUTED, PLAIN, Look, Typesetter
from models.workspace import Workspace

HEADING_LOOK = StickerLook("#2f5b7c", "#2f5b7c")
SEVERITY_FILLS = {"error": "#ffe3e3", "warning": "#fff3bf", "info": "#e7f5ff"}


@dataclass(frozen=True)
class FindingRow:
    """One finding as the analysis words it."""

    rule: str
    severity: str  # error, warning or info; tints the row
    subject: str
    message: str
    remediation: str = ""
    status: str = ""  # e.g. open, accepted


@dataclass(frozen=True)
class ReportSection:
    """The score and the findings, computed and worded elsewhere; the report only lays them out."""

    score_text: str
    rows: Sequence[FindingRow] = ()
    title: str = "Score and findings"


def heading(ts: Typesetter, text: str, size: float, key: str, *, level: int = 0) -> StickerBox:
    """A report heading on a dark strip, bookmarked and listed in the table of contents."""
    box = StickerBox(ts.paragraph(text, size, Look(bold=True, colour="#ffffff")), HEADING_LOOK, size * 0.45)
    box.marks = Marks((OutlineEntry(level, text, key, ts.markup(text)),))
    box.spaceAfter = size
    return box


def cover(ts: Typesetter, workspace: Workspace, facts: Sequence[tuple[str, str]], size: float) -> list[Flowable]:
    """Title, the workspace's description, facts about this print, and the canvases' attributions."""
    story: list[Flowable] = [
        ts.paragraph("Workspace report", size * 1.4, Look(colour=MUTED)),
        Spacer(0, size),
        ts.paragraph(workspace.name, size * 3, Look(bold=True)),
        Spacer(0, size * 1.5),
    ]
    if workspace.description:
        story += [ts.paragraph(workspace.description, size * 1.25, PLAIN), Spacer(0, size * 1.5)]
    story += [ts.paragraph(value, size * 1.1, PLAIN, label=label) for label, value in facts]
    story.append(Spacer(0, size * 2))
    story.append(ts.paragraph("The canvases follow their published sheets, drawn anew for this report:", size, PLAIN))
    story += [
        ts.paragraph(
            f"{c.title}: {c.attribution} · {c.licence}", size * 0.9, Look(colour=MUTED, indent=0.9, bullet=True)
        )
        for c in CANVASES.values()
    ]
    return story


def _settings_table(ts: Typesetter, field: FieldDef, value: list[Any], size: float) -> Flowable:
    rows = [[format_value(c.kind, c.options, row.get(c.key)) for c in field.columns] for row in rows_for(field, value)]
    shares = [3.0 if "LONG" in c.kind.name else 1.2 for c in field.columns]
    return record_table(ts, [c.label for c in field.columns], rows, shares, size)


def _relationship_rows(workspace: Workspace) -> list[list[str]]:
    rows = []
    for r in workspace.relationships:
        upstream = (
            f"{r.upstream} [{', '.join(role.value for role in r.upstream_roles)}]" if r.upstream_roles else r.upstream
        )
        downstream = (
            f"{r.downstream} [{', '.join(role.value for role in r.downstream_roles)}]"
            if r.downstream_roles
            else r.downstream
        )
        wiring = [
            SYNC_LABELS.get(r.sync.value, "") if r.sync else "",
            MEDIUM_LABELS.get(r.medium.value, "") if r.medium else "",
            DATA_USE_LABELS.get(r.data_use.value, "") if r.data_use else "",
            "versioned data contract" if r.data_contract else "",
            "shared database" if r.shared_database else "",
            "shared model artifact" if r.shared_model_artifact else "",
            "model version pinned" if r.model_version_pinned else "",
            "circuit breaker" if r.circuit_breaker else "",
            f"timeout {r.timeout_ms} ms" if r.timeout_ms is not None else "",
            f"fallback: {r.fallback}" if r.fallback else "",
        ]
        about = [r.name, r.implementation_technology, r.notes]
        pattern = PATTERN_LABELS.get(r.pattern.value, r.pattern.value)
        rows.append(
            [upstream, downstream, pattern, " · ".join(w for w in wiring if w), " · ".join(a for a in about if a)]
        )
    return rows


def overview(ts: Typesetter, workspace: Workspace, size: float) -> list[Flowable]:
    """The workspace's own settings: phase, teams, external systems, explicit relationships, accepted risks."""
    sections = {s.key: s for s in WORKSPACE_SETTINGS.sections}
    story: list[Flowable] = [
        ts.paragraph(
            PHASE_LABELS.get(workspace.phase.value, workspace.phase.value), size, PLAIN, label="Delivery phase"
        ),
        Spacer(0, size),
    ]
    data = workspace.model_dump(mode="json")
    for key in ("teams", "external_systems"):
        (field,) = sections[key].fields
        story += _subheading(ts, sections[key].title, size)
        story.append(_settings_table(ts, field, data[key], size) if data[key] else _none(ts, size))
    story += _subheading(ts, "Explicit relationships", size)
    headers = ["Upstream [roles]", "Downstream [roles]", "Pattern", "Integration", "Name and notes"]
    rows = _relationship_rows(workspace)
    story.append(record_table(ts, headers, rows, [1.3, 1.3, 1.2, 2.2, 2.2], size) if rows else _none(ts, size))
    story += _subheading(ts, "Accepted risks", size)
    risks = [[r.rule, r.subject, r.reason, r.accepted_by, r.until.isoformat()] for r in workspace.accepted_risks]
    headers = ["Rule", "Subject", "Reason", "Accepted by", "Until"]
    story.append(record_table(ts, headers, risks, [0.8, 1.6, 3.0, 1.2, 0.8], size) if risks else _none(ts, size))
    return story


def _subheading(ts: Typesetter, text: str, size: float) -> list[Flowable]:
    paragraph = ts.paragraph(text, size * 1.25, Look(bold=True))
    paragraph.keepWithNext = True
    return [Spacer(0, size * 1.2), paragraph, Spacer(0, size * 0.4)]


def _none(ts: Typesetter, size: float) -> Flowable:
    return ts.paragraph("None in this workspace.", size, Look(colour=MUTED))


def findings(ts: Typesetter, section: ReportSection, size: float) -> list[Flowable]:
    story: list[Flowable] = [ts.paragraph(section.score_text, size * 1.15, PLAIN), Spacer(0, size)]
    if not section.rows:
        return [*story, _none(ts, size)]
    headers = ["Rule", "Severity", "Status", "Subject", "Message", "Remediation"]
    rows = [[r.rule, r.severity, r.status, r.subject, r.message, r.remediation] for r in section.rows]
    fills = [SEVERITY_FILLS.get(r.severity.strip().lower()) for r in section.rows]
    return [*story, record_table(ts, headers, rows, [0.8, 0.8, 0.8, 1.8, 3.2, 3.0], size, fills)]


@functools.cache
def _map_svg_fonts() -> None:
    """Graphviz SVG asks for 'DejaVu Sans': point svglib at the vendored files, sparing a fontconfig search."""
    for weight, name, file in (("normal", REGULAR, "DejaVuSans.ttf"), ("bold", BOLD, "DejaVuSans-Bold.ttf")):
        svg_fonts.register_font("DejaVu Sans", str(FONT_FOLDER / file), weight, "normal", rlgFontName=name)
    register_family()


def map_drawing(ts: Typesetter, svg: bytes, width: float, height: float) -> Drawing | None:
    """The context map's SVG as vector graphics scaled into width x height, or None when it is not an SVG."""
    _map_svg_fonts()
    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        return None
    _embed_fonts(ts, drawing)
    scale = min(width / drawing.width, height / drawing.height, 2.0)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.hAlign = "CENTER"
    return drawing


def _embed_fonts(ts: Typesetter, node: Any) -> None:
    """Labels in the embedded fonts (a label with CJK in the CJK font), not in Latin-1-only built-ins."""
    if isinstance(node, String):
        bold = "bold" in str(node.fontName).lower()
        fallback = next((font for font, _ in ts.runs(node.text) if font), None)
        node.fontName = fallback or (BOLD if bold else REGULAR)
    elif isinstance(node, Group | Drawing):
        for child in node.contents:
            _embed_fonts(ts, child)
