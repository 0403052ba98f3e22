"""Page sizes, type sizes and where a canvas definition's boxes land on the printed page."""

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4, landscape

from canvases.definition import Box, CanvasDef

PageSize = Literal["A3", "A4"]
PAGE_SIZES: tuple[PageSize, ...] = ("A3", "A4")
FRAME_STROKE = "#343a40"  # the BCC template's frame colour
PLAIN_STRIP = "#e9ecef"  # title strip of a section whose region has no colour
MIN_TITLE_BLOCK = 0.2  # of the sheet width: a narrower gap in the top row holds no title block


@dataclass(frozen=True)
class Rect:
    """A rectangle in PDF points, origin bottom left."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> "Rect":
        dy = dx if dy is None else dy
        return Rect(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)


@dataclass(frozen=True)
class Geometry:
    """One paper size: margins, bands and type sizes (points)."""

    name: PageSize
    width: float
    height: float
    margin: float
    footer: float  # band under the sheet for attribution, workspace, version, date and page
    title_band: float  # band over the sheet when the sheet has no room for a title block
    body: float  # type size of content that fits comfortably
    smallest: float  # readable minimum: below it content continues on an overflow page
    title: float  # section titles
    columns: int  # text columns on overflow pages

    @property
    def pad(self) -> float:
        return self.body * 0.6


GEOMETRIES: dict[PageSize, Geometry] = {
    "A3": Geometry("A3", *landscape(A3), margin=20, footer=20, title_band=30, body=9, smallest=6, title=11, columns=3),
    "A4": Geometry(
        "A4", *landscape(A4), margin=14, footer=15, title_band=22, body=7, smallest=5.5, title=8.5, columns=2
    ),
}


def title_block(canvas: CanvasDef) -> Box | None:
    """The widest gap in the sheet's top row, where the published sheets put their title and logo."""
    boxes = [s.box for s in canvas.sections if s.box is not None]
    top = min(b.y for b in boxes)
    row = sorted((b for b in boxes if abs(b.y - top) < 0.01), key=lambda b: b.x)
    height = min(b.h for b in row)
    edges = [min(b.x for b in boxes), *(x for b in row for x in (b.x, b.x + b.w)), max(b.x + b.w for b in boxes)]
    gaps = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    start, end = max(gaps, key=lambda gap: gap[1] - gap[0])
    if end - start < MIN_TITLE_BLOCK:
        return None
    return Box(start, top, end - start, height)


def sheet_rect(geometry: Geometry, canvas: CanvasDef) -> Rect:
    """Where the sheet's fractions map to: the page inside its margins, the footer and any title band."""
    band = 0.0 if title_block(canvas) else geometry.title_band
    m = geometry.margin
    return Rect(m, m + geometry.footer, geometry.width - 2 * m, geometry.height - 2 * m - geometry.footer - band)


def box_rect(sheet: Rect, box: Box) -> Rect:
    """A definition's box (fractions, origin top left) in points on the page (origin bottom left)."""
    return Rect(sheet.x + box.x * sheet.w, sheet.top - (box.y + box.h) * sheet.h, box.w * sheet.w, box.h * sheet.h)


def is_dark(colour: str) -> bool:
    c = HexColor(colour)
    return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue < 0.5


def strip_colours(canvas: CanvasDef, region: str) -> tuple[str, str]:
    """(fill, text colour) of a section's title strip, from its region's colour."""
    colour = canvas.region_colours.get(region, PLAIN_STRIP)
    return colour, "#ffffff" if is_dark(colour) else "#1f2933"
