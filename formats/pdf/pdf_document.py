"""The PDF document: page templates, running header and footer, bookmarks, links and page references."""

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable
from typing_extensions import override

from formats.pdf.pdf_flowables import MarkedFlowable, PageContext
from formats.pdf.pdf_fonts import REGULAR
from formats.pdf.pdf_geometry import Geometry
from formats.pdf.pdf_text import MUTED, Typesetter

SHEET, FLOW, TEXT = "sheet", "flow", "text"
PRODUCER = "Architecture Canvas Workbench"


@dataclass(frozen=True)
class Imprint:
    """Which workspace, version and day every page's footer names."""

    workspace: str
    version_label: str | None = None
    printed_on: dt.date | None = None

    @property
    def day(self) -> str:
        return (self.printed_on or dt.date.today()).isoformat()

    def footer(self, page: int) -> str:
        parts = [self.workspace, self.version_label or "", self.day, f"page {page}"]
        return " · ".join(part for part in parts if part)


def body_area(geometry: Geometry) -> tuple[float, float, float, float]:
    """x, y, width, height of the text area of flow and text pages, between running header and footer."""
    g = geometry
    top_band = g.title * 2.2
    return g.margin, g.margin + g.footer, g.width - 2 * g.margin, g.height - 2 * g.margin - g.footer - top_band


FRAME_PADDING = 6  # reportlab's default padding inside a frame, on every side


class PageRefs(IndexingFlowable):
    """Pages of the anchors seen in the last pass, so a sheet can say where its sections continue."""

    def __init__(self, *, sketch_first_pass: bool = False) -> None:
        """`sketch_first_pass`: the caller knows a second pass follows (a table of contents needs one)."""
        super().__init__()
        self._pages: dict[str, int] = {}
        self._last: dict[str, int] = {}
        self.passes = 0
        self.sketch_first_pass = sketch_first_pass

    @property
    def sketching(self) -> bool:
        """In a pass whose drawing is thrown away: only where things land matters."""
        return self.sketch_first_pass and self.passes == 1

    @override
    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "PageRef":
            key, page = stuff
            self._pages[key] = page

    @override
    def beforeBuild(self) -> None:
        self._last, self._pages = self._pages, {}
        self.passes += 1

    @override
    def isSatisfied(self) -> bool:
        return self._pages == self._last

    def page_of(self, key: str) -> int | None:
        return self._pages.get(key, self._last.get(key))

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ExportDocument(BaseDocTemplate):
    """Sheet pages (one full-page frame), flow pages (text columns) and text pages (one frame)."""

    def __init__(
        self, buffer: io.BytesIO, geometry: Geometry, imprint: Imprint, ts: Typesetter, *, first: str, title: str
    ) -> None:
        super().__init__(
            buffer,
            pagesize=(geometry.width, geometry.height),
            title=title,
            author=PRODUCER,
            creator=PRODUCER,
            subject=imprint.workspace,
            # Every page starts by selecting this font; the default, Helvetica, would be a font not embedded.
            initialFontName=REGULAR,
        )
        self.geometry, self.imprint, self.ts = geometry, imprint, ts
        self.context = PageContext("", "")
        templates = {SHEET: self._sheet_template(), FLOW: self._flow_template(), TEXT: self._text_template()}
        self.addPageTemplates([templates[first], *(t for name, t in templates.items() if name != first)])

    def _sheet_template(self) -> PageTemplate:
        g = self.geometry
        frame = Frame(0, 0, g.width, g.height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="sheet")
        return PageTemplate(SHEET, [frame], onPageEnd=self._decorate_sheet)

    def _body(self) -> tuple[float, float, float, float]:
        return body_area(self.geometry)

    def _flow_template(self) -> PageTemplate:
        x, y, w, h = self._body()
        gap = self.geometry.body * 2
        width = (w - gap * (self.geometry.columns - 1)) / self.geometry.columns
        frames = [Frame(x + i * (width + gap), y, width, h, id=f"column{i}") for i in range(self.geometry.columns)]
        return PageTemplate(FLOW, frames, onPageEnd=self._decorate)

    def _text_template(self) -> PageTemplate:
        x, y, w, h = self._body()
        return PageTemplate(TEXT, [Frame(x, y, w, h, id="text")], onPageEnd=self._decorate)

    @override
    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmarks, table-of-contents entries, page references and the running header of marked flowables."""
        marks = flowable.marks if isinstance(flowable, MarkedFlowable) else None
        if marks is None:
            return
        if marks.context is not None:
            self.context = marks.context
        if marks.anchor:
            self.canv.bookmarkPage(marks.anchor)
            self.notify("PageRef", (marks.anchor, self.page))
        for entry in marks.outline:
            self.canv.bookmarkPage(entry.key)
            self.canv.addOutlineEntry(entry.title, entry.key, level=entry.level, closed=entry.level > 0)
            if entry.toc is not None:
                self.notify("TOCEntry", (entry.level, entry.toc, self.page, entry.key))

    def _decorate_sheet(self, canvas: Canvas, doc: Any) -> None:
        self._footer(canvas)

    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        g = self.geometry
        width = g.width - 2 * g.margin
        self.ts.draw_line(canvas, self.context.header, g.margin, g.height - g.margin - g.title, width, g.title, True)
        self._footer(canvas)

    def _footer(self, canvas: Canvas) -> None:
        g = self.geometry
        size, y = g.body * 0.85, g.margin + g.footer * 0.25
        half = (g.width - 2 * g.margin) / 2
        self.ts.draw_line(canvas, self.context.attribution, g.margin, y, half - g.body, size, colour=MUTED)
        right = self.imprint.footer(canvas.getPageNumber())
        self.ts.draw_line(canvas, right, g.margin + half, y, half, size, colour=MUTED, align_right=True)


def build_pdf(
    story: list[Flowable],
    geometry: Geometry,
    imprint: Imprint,
    ts: Typesetter,
    *,
    first: str,
    title: str,
    on_progress: Callable[[str, int], None] | None = None,
) -> bytes:
    """Lays the story out, in as many passes as page references and the table of contents need."""
    buffer = io.BytesIO()
    document = ExportDocument(buffer, geometry, imprint, ts, first=first, title=title)
    if on_progress is not None:
        document.setProgressCallBack(on_progress)
    document.multiBuild(story)
    return buffer.getvalue()
