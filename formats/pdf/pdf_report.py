"""The workspace report PDF: cover, linked contents, overview, optional map and findings, then every canvas."""

import datetime as dt
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel
from reportlab.lib.styles import PropertySet
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.tableofcontents import TableOfContents

from canvases import CANVASES
from formats.pdf import pdf_messages
from formats.pdf.pdf_canvas import StoryParts, canvas_story
from formats.pdf.pdf_document import FRAME_PADDING, SHEET, TEXT, Imprint, PageRefs, body_area, build_pdf
from formats.pdf.pdf_flowables import (
    Bookmark,
    MarkedFlowable,
    Marks,
    OutlineEntry,
    PageContext,
    StickerBox,
    StickerLook,
)
from formats.pdf.pdf_fonts import PdfFontWarning
from formats.pdf.pdf_geometry import GEOMETRIES, Geometry, PageSize
from formats.pdf.pdf_readiness import ReadinessSection, readiness_story
from formats.pdf.pdf_report_sections import FindingRow, ReportSection, cover, findings, heading, map_drawing, overview
from formats.pdf.pdf_text import MUTED, Look, Typesetter
from models.workspace import Workspace

__all__ = ["FindingRow", "MapWarning", "ReportSection", "render_workspace_report"]

ProgressCallback = Callable[[float, str], None]
REPORT_ATTRIBUTION = "Architecture Canvas Workbench · workspace report"


class MapWarning(UserWarning):
    """The context map was given but could not be drawn."""


@dataclass
class _Progress:
    """Turns reportlab's per-flowable callbacks into a fraction for a progress bar, at most once a percent."""

    report: ProgressCallback
    passes: int = 2
    _pass: int = 1
    _total: int = 1
    _last: float = -1.0
    notes: list[str] = field(default_factory=list)

    def __call__(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self._pass = value
        elif kind == "SIZE_EST":
            self._total = max(value, 1)
        elif kind == "PROGRESS":
            done = (min(self._pass, self.passes) - 1 + value / self._total) / self.passes
            fraction = 0.2 + 0.79 * done  # the first fifth is fitting the canvases
            if fraction - self._last >= 0.01:
                self._last = fraction
                self.report(fraction, f"Laying out pages (pass {self._pass})")


def _canvas_stories(
    workspace: Workspace, ts: Typesetter, refs: PageRefs, page_size: PageSize, tell: ProgressCallback
) -> list[Flowable]:
    """Every canvas, grouped by kind; the first sheet of a kind also carries the kind's bookmark."""
    geometry = GEOMETRIES[page_size]
    documents = [(canvas, d) for canvas in CANVASES.values() for d in getattr(workspace, canvas.collection)]
    story: list[Flowable] = []
    seen: set[str] = set()
    for index, (canvas, document) in enumerate(documents):
        tell(0.2 * index / max(len(documents), 1), f"Fitting {canvas.title} {index + 1} of {len(documents)}")
        lead: tuple[OutlineEntry, ...] = ()
        if canvas.key not in seen:
            seen.add(canvas.key)
            title = f"{canvas.title}es" if canvas.title.endswith("s") else f"{canvas.title}s"
            lead = (OutlineEntry(0, title, f"kind-{canvas.key}", ts.markup(title)),)
        parts = StoryParts(ts, geometry, refs, key=f"c{index}", level=1, in_toc=True, lead=lead)
        story += [PageBreak(SHEET), *canvas_story(canvas, _data(document), parts)]
    return story


def _data(document: BaseModel) -> dict[str, object]:
    return document.model_dump(mode="json")


def _summary(workspace: Workspace) -> str:
    counts = [(len(getattr(workspace, c.collection)), c.title) for c in CANVASES.values()]
    return ", ".join(f"{n} × {title}" for n, title in counts)


def _map(ts: Typesetter, svg: bytes, geometry: Geometry, size: float) -> list[Flowable]:
    """The context map on a page of its own, as vector graphics as large as the page allows."""
    title = heading(ts, "Context map", size * 1.3, "map")
    _, _, width, height = body_area(geometry)
    room = height - 2 * FRAME_PADDING - title.wrap(width, height)[1] - title.spaceAfter - 1
    drawing = map_drawing(ts, svg, width - 2 * FRAME_PADDING, room)
    if drawing is None:
        warnings.warn(pdf_messages.MAP_NOT_DRAWN, MapWarning, stacklevel=3)
        return [title, ts.paragraph(pdf_messages.MAP_NOT_DRAWN, size, Look(colour=MUTED))]
    return [title, drawing]


def _contents(ts: Typesetter, size: float) -> tuple[TableOfContents, list[Flowable]]:
    styles: list[PropertySet] = [ts.style(size * 1.1, Look(bold=True)), ts.style(size, Look(indent=2))]
    toc = TableOfContents(levelStyles=styles, dotsMinLevel=0)
    title = StickerBox(
        ts.paragraph("Contents", size * 1.3, Look(bold=True, colour="#ffffff")),
        StickerLook("#2f5b7c", "#2f5b7c"),
        size * 0.5,
    )
    title.marks = Marks((OutlineEntry(0, "Contents", "contents"),))
    title.spaceAfter = size
    return toc, [title, toc]


def _seed(toc: TableOfContents, story: list[Flowable]) -> None:
    """Every entry, pages not known yet: the first pass then lays out a contents of its final length,
    so the page numbers it finds already hold and two passes do."""
    for flowable in story:
        if isinstance(flowable, MarkedFlowable) and flowable.marks:
            for entry in flowable.marks.outline:
                if entry.toc is not None:
                    toc.addEntry(entry.level, entry.toc, 0, entry.key)


def _front(
    ts: Typesetter, workspace: Workspace, imprint: Imprint, size: float
) -> tuple[TableOfContents, list[Flowable]]:
    """Cover, contents and the workspace overview."""
    facts = [
        ("Version", imprint.version_label or "not given"),
        ("Printed on", imprint.day),
        ("Contents", _summary(workspace)),
    ]
    start = Bookmark(
        Marks((OutlineEntry(0, "Cover", "cover"),), context=PageContext(workspace.name, REPORT_ATTRIBUTION))
    )
    toc, contents = _contents(ts, size)
    story: list[Flowable] = [start, *cover(ts, workspace, facts, size), PageBreak(TEXT), *contents, PageBreak(TEXT)]
    return toc, [*story, heading(ts, "Workspace overview", size * 1.3, "overview"), *overview(ts, workspace, size)]


def render_workspace_report(
    workspace: Workspace,
    *,
    page_size: PageSize = "A3",
    version_label: str | None = None,
    printed_on: dt.date | None = None,
    map_svg: bytes | None = None,
    findings_section: ReportSection | None = None,
    readiness: ReadinessSection | None = None,
    on_progress: ProgressCallback | None = None,
) -> bytes:
    """The whole workspace as one PDF; the map (graphviz SVG) and the findings are optional parts."""
    tell = on_progress or (lambda fraction, message: None)
    # The table of contents always takes a second pass, so the first need not draw the sheets.
    ts, geometry, refs = Typesetter(), GEOMETRIES[page_size], PageRefs(sketch_first_pass=True)
    size = geometry.body * 1.1
    imprint = Imprint(workspace.name, version_label, printed_on)
    toc, front = _front(ts, workspace, imprint, size)
    story: list[Flowable] = [refs, *front]
    if map_svg is not None:
        story += [PageBreak(TEXT), *_map(ts, map_svg, geometry, size)]
    if findings_section is not None:
        title = heading(ts, findings_section.title, size * 1.3, "findings")
        story += [PageBreak(TEXT), title, *findings(ts, findings_section, size)]
    if readiness is not None:
        title = heading(ts, readiness.title, size * 1.3, "readiness")
        story += [PageBreak(TEXT), title, *readiness_story(ts, readiness, size)]
    story += _canvas_stories(workspace, ts, refs, page_size, tell)
    _seed(toc, story)
    pdf = build_pdf(
        story,
        geometry,
        imprint,
        ts,
        first=TEXT,
        title=f"{workspace.name} – workspace report",
        on_progress=_Progress(tell),
    )
    tell(1.0, "Report ready")
    for message in ts.fonts.warnings():
        warnings.warn(message, PdfFontWarning, stacklevel=2)
    return pdf
