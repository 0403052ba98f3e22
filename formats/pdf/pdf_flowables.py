"""The drawn pieces of a canvas PDF: stickers, collaborator swimlanes, and marks for outline and page links."""

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable
from typing_extensions import override

LANE_FILL = "#f1f3f5"
CARD_LOOK_FILL, CARD_LOOK_STROKE = "#ffffff", "#495057"
ARROW = "#868e96"


@dataclass(frozen=True)
class OutlineEntry:
    """A PDF bookmark; `toc` is the table-of-contents text as paragraph markup, None to leave it out."""

    level: int
    title: str
    key: str
    toc: str | None = None


@dataclass(frozen=True)
class PageContext:
    """What the running header and footer say from the page this is drawn on."""

    header: str
    attribution: str


@dataclass(frozen=True)
class Marks:
    """What the document records when a flowable lands on a page."""

    outline: tuple[OutlineEntry, ...] = ()
    anchor: str | None = None  # a page other pages refer to ("continued on page N")
    context: PageContext | None = None


class MarkedFlowable(Flowable):
    marks: Marks | None = None


class Bookmark(MarkedFlowable):
    """Takes no room: marks the spot where it lands, for a page that starts with a plain paragraph."""

    def __init__(self, marks: Marks) -> None:
        super().__init__()
        self.marks = marks

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


@dataclass(frozen=True)
class StickerLook:
    fill: str
    stroke: str
    dashed: bool = False
    text_on_dark: bool = False


class StickerBox(MarkedFlowable):
    """A filled, rounded box around a paragraph: a sticky note, a heading strip or a banner."""

    def __init__(self, inner: Flowable, look: StickerLook, pad: float) -> None:
        super().__init__()
        self.inner, self.look, self.pad = inner, look, pad

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _, inner_height = self.inner.wrap(aW - 2 * self.pad, max(aH - 2 * self.pad, 0))
        self.width, self.height = aW, inner_height + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(HexColor(self.look.fill))
        canvas.setStrokeColor(HexColor(self.look.stroke))
        canvas.setLineWidth(0.6)
        if self.look.dashed:
            canvas.setDash(2, 1.5)
        canvas.roundRect(0, 0, self.width, self.height, radius=min(self.pad, 3), stroke=1, fill=1)
        canvas.restoreState()
        self.inner.drawOn(canvas, self.pad, self.pad)

    @override
    def split(self, aW: float, aH: float, /) -> list[Flowable]:
        parts = self.inner.split(aW - 2 * self.pad, aH - 2 * self.pad)
        boxes = [StickerBox(part, self.look, self.pad) for part in parts]
        if boxes:
            boxes[0].marks = self.marks  # bookmarks go where the box starts
        return list(boxes)


@dataclass(frozen=True)
class LaneParts:
    """One collaborator's swimlane: its card, its message stickers and a line of integration details."""

    card: Flowable
    stickers: list[Flowable]
    details: Flowable | None
    inbound: bool  # inbound: collaborator -> messages; outbound: messages -> collaborator
    size: float


class LaneFlowable(MarkedFlowable):
    """A swimlane drawn like the sheet: the collaborator on one side, an arrow, its messages stacked."""

    CARD_SHARE = 0.36

    def __init__(self, parts: LaneParts, splitter: Callable[[float, float], list[Flowable]]) -> None:
        super().__init__()
        self.parts, self.splitter = parts, splitter
        self.pad, self.gap = parts.size * 0.45, parts.size * 0.35

    def _columns(self, width: float) -> tuple[float, float, float]:
        card = (width - 2 * self.pad) * self.CARD_SHARE
        arrow = self.parts.size * 1.8
        return card, arrow, width - 2 * self.pad - card - arrow

    @override
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        card_width, _, message_width = self._columns(aW)
        _, self._card_height = self.parts.card.wrap(card_width, aH)
        heights = [sticker.wrap(message_width, aH)[1] for sticker in self.parts.stickers]
        self._sticker_heights = heights
        messages = sum(heights) + self.gap * max(len(heights) - 1, 0)
        self._top = max(self._card_height, messages)
        self._details = self.parts.details.wrap(aW - 2 * self.pad, aH)[1] if self.parts.details else 0.0
        extra = self.gap + self._details if self.parts.details else 0.0
        self.width, self.height = aW, self._top + extra + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        canvas, parts = self.canv, self.parts
        card_width, arrow_width, message_width = self._columns(self.width)
        canvas.saveState()
        canvas.setFillColor(HexColor(LANE_FILL))
        canvas.roundRect(0, 0, self.width, self.height, radius=3, stroke=0, fill=1)
        canvas.restoreState()
        top = self.height - self.pad
        card_x = self.pad if parts.inbound else self.width - self.pad - card_width
        message_x = self.pad + card_width + arrow_width if parts.inbound else self.pad
        parts.card.drawOn(canvas, card_x, top - self._card_height)
        self._draw_arrow(self.pad + card_width if parts.inbound else self.pad + message_width, arrow_width, top)
        y = top
        for sticker, height in zip(parts.stickers, self._sticker_heights, strict=True):
            sticker.drawOn(canvas, message_x, y - height)
            y -= height + self.gap
        if parts.details:
            parts.details.drawOn(canvas, self.pad, self.pad)

    def _draw_arrow(self, x: float, width: float, top: float) -> None:
        """A right-pointing arrow level with the card: into the context inbound, out of it outbound."""
        canvas, y = self.canv, top - min(self._card_height, self._top) / 2
        start, end, head = x + width * 0.15, x + width * 0.85, self.parts.size * 0.4
        canvas.saveState()
        canvas.setStrokeColor(HexColor(ARROW))
        canvas.setFillColor(HexColor(ARROW))
        canvas.setLineWidth(0.9)
        canvas.line(start, y, end - head, y)
        path = canvas.beginPath()
        path.moveTo(end, y)
        path.lineTo(end - head, y + head * 0.6)
        path.lineTo(end - head, y - head * 0.6)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()

    @override
    def split(self, aW: float, aH: float, /) -> list[Flowable]:
        return self.splitter(aW, aH)
