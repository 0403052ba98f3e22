"""The sheet page of one canvas: every section with a box in its place, filled, shrunk or marked as continued."""

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from typing_extensions import override

from canvases.definition import CanvasDef, SectionDef
from canvases.paths import get_path
from formats.pdf.pdf_content import field_items, printed_items
from formats.pdf.pdf_document import PageRefs
from formats.pdf.pdf_fit import Fitted, fit_items, gap_for
from formats.pdf.pdf_flowables import MarkedFlowable
from formats.pdf.pdf_geometry import (
    FRAME_STROKE,
    Geometry,
    Rect,
    box_rect,
    is_dark,
    sheet_rect,
    strip_colours,
    title_block,
)
from formats.pdf.pdf_items import Item
from formats.pdf.pdf_text import INK, MUTED, Typesetter


@dataclass(frozen=True)
class Cell:
    """A fitted area of a box: the whole box, or one field of a header strip."""

    rect: Rect  # where the content goes
    fitted: Fitted
    label: str = ""  # a header strip's field label, drawn above its content
    frame: Rect | None = None  # the header strip field's own frame


@dataclass(frozen=True)
class SectionPlan:
    section: SectionDef
    rect: Rect
    cells: list[Cell]
    continuation_key: str

    @property
    def overflow(self) -> list[tuple[str, list[Item]]]:
        return [(cell.label, cell.fitted.overflow) for cell in self.cells if cell.fitted.overflow]


@dataclass(frozen=True)
class SheetPlan:
    canvas: CanvasDef
    geometry: Geometry
    sections: list[SectionPlan]
    key: str  # prefix of every link target of this canvas in the document

    @property
    def overflowing(self) -> list[SectionPlan]:
        return [plan for plan in self.sections if plan.overflow]


def _band(geometry: Geometry, height: float) -> tuple[float, float]:
    """Title strip height and padding of a box: a low box (a header field, the BCC's name) gets a slimmer
    strip and less padding, which leaves room for its value."""
    if height < geometry.title * 6:
        return geometry.title * 1.05, geometry.pad * 0.35
    return geometry.title * 1.55, geometry.pad


def plan_sheet(canvas: CanvasDef, data: dict[str, Any], geometry: Geometry, ts: Typesetter, key: str) -> SheetPlan:
    """Fits every boxed section's content into its box; what does not fit is kept for overflow pages."""
    sheet = sheet_rect(geometry, canvas)
    plans = []
    for section in canvas.sections:
        if section.box is None:
            continue
        rect = box_rect(sheet, section.box)
        if section.columns > 1:
            cells = _strip_cells(canvas, section, data, rect, geometry, ts)
        else:
            items = printed_items(canvas, section, data)
            strip, pad = _band(geometry, rect.h)
            area = Rect(rect.x, rect.y, rect.w, rect.h - strip).inset(pad)
            cells = [Cell(area, fit_items(items, ts, area.w, area.h, geometry.body, geometry.smallest))]
        plans.append(SectionPlan(section, rect, cells, f"{key}-{section.key}"))
    return SheetPlan(canvas, geometry, plans, key)


def _strip_cells(
    canvas: CanvasDef, section: SectionDef, data: dict[str, Any], rect: Rect, geometry: Geometry, ts: Typesetter
) -> list[Cell]:
    """A header strip: one small framed field per definition field, side by side, as the sheets print them."""
    gap, count = geometry.pad, len(section.fields)
    width = (rect.w - gap * (count - 1)) / count
    cells = []
    for i, f in enumerate(section.fields):
        frame = Rect(rect.x + i * (width + gap), rect.y, width, rect.h)
        strip, pad = _band(geometry, frame.h)
        area = Rect(frame.x, frame.y, frame.w, frame.h - strip).inset(pad)
        items = field_items(canvas, f, get_path(data, f.key), show_label=False, emphasis=False)
        fitted = fit_items(items, ts, area.w, area.h, geometry.body, geometry.smallest)
        cells.append(Cell(area, fitted, f.label, frame))
    return cells


class SheetPage(MarkedFlowable):
    """Draws a planned sheet on a page of its own; `refs` knows the pages its overflow continues on."""

    def __init__(self, plan: SheetPlan, ts: Typesetter, refs: PageRefs) -> None:
        super().__init__()
        self.plan, self.ts, self.refs = plan, ts, refs

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, aH
        return aW, aH

    def draw(self) -> None:
        if self.refs.sketching:  # the sheet fills its page whatever is on it
            return
        self._draw_title()
        for section in self.plan.sections:
            if section.section.columns > 1:
                self._draw_strip(section)
            else:
                self._draw_section(section)

    def _draw_title(self) -> None:
        """The canvas title and attribution, in the sheet's own title block or in a band above the sheet."""
        canvas, geometry, definition = self.canv, self.plan.geometry, self.plan.canvas
        block = title_block(definition)
        colour, _ = strip_colours(definition, "header")
        text_colour = colour if is_dark(colour) else INK  # a dark heading colour, or a light badge fill
        if block is None:
            self._draw_title_band(text_colour)
            return
        area = box_rect(sheet_rect(geometry, definition), block)
        if not is_dark(colour):
            canvas.setFillColor(HexColor(colour))
            canvas.rect(area.x, area.y, area.w, area.h, stroke=0, fill=1)
        inner = area.inset(geometry.pad)
        title_size = min(geometry.title * 1.6, inner.h * 0.5)
        self.ts.draw_line(
            canvas, definition.title, inner.x, inner.top - title_size, inner.w, title_size, True, text_colour
        )
        small = min(geometry.body, inner.h * 0.22)
        for i, line in enumerate((definition.attribution, definition.licence)):
            y = inner.top - title_size - (i + 1) * small * 1.35 - small * 0.3
            self.ts.draw_line(canvas, line, inner.x, y, inner.w, small, colour=MUTED)

    def _draw_title_band(self, colour: str) -> None:
        """Title on the left and attribution on the right of a band over a sheet that fills its top row."""
        canvas, geometry, definition = self.canv, self.plan.geometry, self.plan.canvas
        m, band = geometry.margin, geometry.title_band
        baseline = geometry.height - m - band * 0.62
        title_size = geometry.title * 1.6
        title_width = self.ts.width(definition.title, title_size, bold=True)
        self.ts.draw_line(canvas, definition.title, m, baseline, title_width + 1, title_size, True, colour)
        rest = geometry.width - 2 * m - title_width - geometry.body * 3
        line = f"{definition.attribution} · {definition.licence}"
        self.ts.draw_line(
            canvas, line, geometry.width - m - rest, baseline, rest, geometry.body, colour=MUTED, align_right=True
        )

    def _draw_frame(self, rect: Rect, title: str, region: str, strip: float, note_key: str | None) -> None:
        """A section's frame and title strip; with `note_key`, the page its content continues on, as a link."""
        canvas, geometry = self.canv, self.plan.geometry
        fill, text_colour = strip_colours(self.plan.canvas, region)
        canvas.saveState()
        canvas.setFillColor(HexColor("#ffffff"))
        canvas.setStrokeColor(HexColor(FRAME_STROKE))
        canvas.setLineWidth(0.7)
        canvas.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
        canvas.setFillColor(HexColor(fill))
        canvas.rect(rect.x, rect.top - strip, rect.w, strip, stroke=1, fill=1)
        canvas.restoreState()
        size = strip / 1.55
        baseline = rect.top - strip + (strip - size) / 2 + size * 0.18
        room = rect.w - 2 * geometry.pad
        if note_key:
            page = self.refs.page_of(note_key) or "?"
            note_size = size * 0.85
            note = f"continued on page {page} ▸"
            width = self.ts.width(note, note_size, bold=True)
            if width + self.ts.width(title, size, bold=True) + geometry.pad > room:  # a narrow header field
                note = f"p. {page} ▸"
                width = self.ts.width(note, note_size, bold=True)
            x = rect.x + rect.w - geometry.pad - width
            self.ts.draw_line(canvas, note, x, baseline, width + 1, note_size, True, text_colour)
            canvas.linkRect("", note_key, (x, rect.top - strip, x + width, rect.top), relative=1, thickness=0)
            room -= width + geometry.pad
        self.ts.draw_line(canvas, title, rect.x + geometry.pad, baseline, room, size, True, text_colour)

    def _draw_section(self, plan: SectionPlan) -> None:
        strip, _ = _band(self.plan.geometry, plan.rect.h)
        note = plan.continuation_key if plan.overflow else None
        self._draw_frame(plan.rect, plan.section.title, plan.section.region, strip, note)
        self._draw_cell(plan.cells[0])

    def _draw_strip(self, plan: SectionPlan) -> None:
        for cell in plan.cells:
            assert cell.frame is not None
            note = plan.continuation_key if cell.fitted.overflow else None
            strip, _ = _band(self.plan.geometry, cell.frame.h)
            self._draw_frame(cell.frame, cell.label, plan.section.region, strip, note)
            self._draw_cell(cell)

    def _draw_cell(self, cell: Cell) -> None:
        fitted, canvas = cell.fitted, self.canv
        y = cell.rect.top
        for flowable, height in fitted.flowables:
            flowable.drawOn(canvas, cell.rect.x, y - height)
            y -= height + gap_for(fitted.size)
