"""One canvas as a PDF: its sheet page, overflow pages naming the sections they continue, and its extension page."""

import datetime as dt
import warnings
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from reportlab.platypus import Flowable, PageBreak
from typing_extensions import override

from canvases import CANVASES
from canvases.definition import CanvasDef, SectionDef
from formats.pdf import pdf_messages
from formats.pdf.pdf_document import FLOW, SHEET, TEXT, Imprint, PageRefs, build_pdf
from formats.pdf.pdf_fit import gap_for
from formats.pdf.pdf_flowables import MarkedFlowable, Marks, OutlineEntry, PageContext, StickerBox, StickerLook
from formats.pdf.pdf_fonts import PdfFontWarning
from formats.pdf.pdf_geometry import FRAME_STROKE, GEOMETRIES, Geometry, PageSize, strip_colours
from formats.pdf.pdf_items import Item, flowables_for
from formats.pdf.pdf_panel import field_panel
from formats.pdf.pdf_sheet import SectionPlan, SheetPage, plan_sheet
from formats.pdf.pdf_text import MUTED, Look, Typesetter
from models.workspace import Workspace

EXTENSION_LOOK = StickerLook("#f3e8ff", "#7048e8")


class CanvasNotFound(LookupError):
    """No canvas of that kind and name in the workspace; the message lists the ones there are."""


def find_canvas(workspace: Workspace, canvas_key: str, name: str) -> tuple[CanvasDef, BaseModel]:
    if canvas_key not in CANVASES:
        raise CanvasNotFound(pdf_messages.NOT_A_CANVAS_KIND.format(kind=canvas_key, kinds=", ".join(CANVASES)))
    canvas = CANVASES[canvas_key]
    documents: list[BaseModel] = getattr(workspace, canvas.collection)
    for document in documents:
        if getattr(document, canvas.name_field) == name:
            return canvas, document
    names = ", ".join(f"'{getattr(d, canvas.name_field)}'" for d in documents) or "none"
    raise CanvasNotFound(
        pdf_messages.NO_SUCH_CANVAS.format(title=canvas.title, name=name, workspace=workspace.name, names=names)
    )


def publisher_of(canvas: CanvasDef) -> str:
    """'DDD Crew' from 'Bounded Context Canvas V5 by the DDD Crew'."""
    return canvas.attribution.rpartition(" by ")[2].removeprefix("the ") or canvas.title


@dataclass(frozen=True)
class StoryParts:
    """What the canvas story needs from the document it goes into."""

    ts: Typesetter
    geometry: Geometry
    refs: PageRefs
    key: str  # unique per canvas in the document
    level: int  # outline level of the canvas's own bookmark
    in_toc: bool = False
    lead: tuple[OutlineEntry, ...] = ()  # bookmarks that point at this sheet too (e.g. the kind's heading)


def canvas_story(canvas: CanvasDef, data: dict[str, Any], parts: StoryParts) -> list[Flowable]:
    """The sheet page, then overflow pages, then the extension page, with bookmarks for each."""
    ts, key = parts.ts, parts.key
    plan = plan_sheet(canvas, data, parts.geometry, ts, key)
    name = str(data[canvas.name_field])
    context = PageContext(f"{canvas.title} · {name}", f"{canvas.attribution} · {canvas.licence}")
    sheet = SheetPage(plan, ts, parts.refs)
    toc = ts.markup(name) if parts.in_toc else None
    anchor = f"{key}-sheet" if plan.overflowing else None  # only overflow pages refer back to the sheet
    sheet.marks = Marks((*parts.lead, OutlineEntry(parts.level, name, f"{key}-sheet", toc)), anchor, context)
    story: list[Flowable] = [sheet]
    if plan.overflowing:
        story.append(PageBreak(FLOW))
        for section_plan in plan.overflowing:
            story.extend(_continuation(section_plan, canvas, parts))
    extensions = [s for s in canvas.sections if s.box is None]
    if extensions:
        story.append(PageBreak(TEXT))
        story.extend(_extension(canvas, extensions, data, parts))
    return story


class ContinuationHeading(MarkedFlowable):
    """'Purpose (continued from page 1)': the page is looked up when laid out, once the sheet has a page."""

    def __init__(self, title: str, canvas: CanvasDef, region: str, parts: StoryParts) -> None:
        super().__init__()
        self.title, self.canvas, self.region, self.parts = title, canvas, region, parts
        self.keepWithNext = True
        self.spaceAfter = parts.geometry.title * 0.6

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        page = self.parts.refs.page_of(f"{self.parts.key}-sheet")
        self._box = _heading(f"{self.title} (continued from page {page or '?'})", self.canvas, self.region, self.parts)
        self.width, self.height = self._box.wrap(aW, aH)
        return self.width, self.height

    def draw(self) -> None:
        self._box.drawOn(self.canv, 0, 0)


def _continuation(plan: SectionPlan, canvas: CanvasDef, parts: StoryParts) -> list[Flowable]:
    story: list[Flowable] = []
    for index, (label, items) in enumerate(plan.overflow):
        title = f"{plan.section.title} › {label}" if label else plan.section.title
        heading = ContinuationHeading(title, canvas, plan.section.region, parts)
        if index == 0:
            outline = OutlineEntry(parts.level + 1, f"{plan.section.title} (continued)", plan.continuation_key)
            heading.marks = Marks((outline,), plan.continuation_key)
        story.extend([heading, *_set(items, parts)])
    return story


def _set(items: list[Item], parts: StoryParts) -> list[Flowable]:
    size = parts.geometry.body
    return flowables_for(items, parts.ts, size, gap_for(size))


def _extension(
    canvas: CanvasDef, sections: list[SectionDef], data: dict[str, Any], parts: StoryParts
) -> list[Flowable]:
    """Sections the published sheet does not have, on a page of their own that says so."""
    ts, size = parts.ts, parts.geometry.title
    line = f"Workbench extension – not part of the {publisher_of(canvas)} canvas"
    explain = f"The {canvas.title} ends on the sheet; what follows is the Architecture Canvas Workbench's own addition."
    banner = StickerBox(
        ts.raw_paragraph(f"<b>{ts.markup(line)}</b><br/>{ts.markup(explain)}", size), EXTENSION_LOOK, size * 0.6
    )
    key = f"{parts.key}-extension"
    banner.marks = Marks((OutlineEntry(parts.level + 1, f"{line}: {', '.join(s.title for s in sections)}", key),))
    banner.spaceAfter = size
    story: list[Flowable] = [banner]
    for section in sections:
        hint = ts.paragraph(section.hint, parts.geometry.body, Look(colour=MUTED))
        hint.spaceAfter = size * 0.6
        columns = parts.geometry.columns + 1
        panel = field_panel(ts, canvas, section, data, parts.geometry.body, columns)
        panel.spaceAfter = size
        story.extend([_heading(section.title, canvas, section.region, parts), hint, panel])
    return story


def _heading(title: str, canvas: CanvasDef, region: str, parts: StoryParts) -> StickerBox:
    fill, text_colour = strip_colours(canvas, region)
    size = parts.geometry.title
    paragraph = parts.ts.paragraph(title, size, Look(bold=True, colour=text_colour))
    box = StickerBox(paragraph, StickerLook(fill, FRAME_STROKE), size * 0.4)
    box.spaceAfter = size * 0.6
    return box


def render_canvas_pdf(
    workspace: Workspace,
    canvas_key: str,
    name: str,
    *,
    page_size: PageSize = "A3",
    version_label: str | None = None,
    printed_on: dt.date | None = None,
) -> bytes:
    """The canvas laid out like its published sheet, on landscape A3 or A4; raises CanvasNotFound."""
    canvas, document = find_canvas(workspace, canvas_key, name)
    ts, geometry = Typesetter(), GEOMETRIES[page_size]
    refs = PageRefs()
    parts = StoryParts(ts, geometry, refs, key="c0", level=0)
    story: list[Flowable] = [refs, *canvas_story(canvas, document.model_dump(mode="json"), parts)]
    imprint = Imprint(workspace.name, version_label, printed_on)
    pdf = build_pdf(story, geometry, imprint, ts, first=SHEET, title=f"{canvas.title} – {name}")
    for message in ts.fonts.warnings():
        warnings.warn(message, PdfFontWarning, stacklevel=2)
    return pdf
