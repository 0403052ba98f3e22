"""Pieces of section content that can be set at any type size and split where a box or page ends."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from reportlab.platypus import Flowable, Table, TableStyle

from canvases.vocabulary import MESSAGE_KIND_COLOURS, MESSAGE_KIND_LABELS
from formats.pdf.pdf_flowables import CARD_LOOK_FILL, CARD_LOOK_STROKE, LaneFlowable, LaneParts, StickerBox, StickerLook
from formats.pdf.pdf_fonts import REGULAR
from formats.pdf.pdf_text import MUTED, PLAIN, Look, Typesetter, secondary

# A lane taller than this is set as plain stickers, one after another, so a page can always take it.
LANE_MAX_HEIGHT = 400.0
BULLET_INDENT = 0.9  # em: the bullet and its space


class Item(Protocol):
    @property
    def keep_with_next(self) -> bool:
        """A label that must not stay behind at the foot of a box without what it labels."""
        ...

    def flowable(self, ts: Typesetter, size: float) -> Flowable: ...

    def split(self, ts: Typesetter, size: float, width: float, height: float) -> "tuple[Item, Item] | None":
        """The part that fits in `height` and the rest, or None when no useful part fits."""
        ...


def height_of(flowable: Flowable, width: float) -> float:
    return flowable.wrap(width, 1e9)[1]


def _longest_fit(count: int, fits: Callable[[int], bool]) -> int:
    """The largest k in 1..count-1 with fits(k), or 0; fits must be monotone.

    Gallops up from 1 before bisecting, so a huge text is only ever set a little beyond what fits.
    """
    if count < 2 or not fits(1):
        return 0
    low, step = 1, 1
    while low < count - 1:
        probe = min(low + step, count - 1)
        if not fits(probe):
            high = probe - 1
            break
        low, step = probe, step * 2
    else:
        return low
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class TextItem:
    """A paragraph of typed text with an optional bold label, bullet or sticky-note look."""

    text: str
    label: str = ""
    look: Look = PLAIN
    sticker: StickerLook | None = None
    scale: float = 1.0
    separator: str | None = ": "  # between label and text; None puts the text under the label
    keep_with_next: bool = False

    def flowable(self, ts: Typesetter, size: float) -> Flowable:
        size *= self.scale
        paragraph = ts.paragraph(self.text, size, self.look, label=self.label, separator=self.separator)
        if self.sticker is None:
            return paragraph
        return StickerBox(paragraph, self.sticker, size * 0.45)

    def split(self, ts: Typesetter, size: float, width: float, height: float) -> "tuple[Item, Item] | None":
        # Words first; characters when a single word (or CJK text without spaces) is too long.
        for units in (re.findall(r"\S+\s*|\s+", self.text), list(self.text)):
            if len(units) < 2:
                continue
            head = replace(self, keep_with_next=False)

            def fits(k: int, units: list[str] = units, head: TextItem = head) -> bool:
                part = replace(head, text="".join(units[:k]).rstrip())
                return height_of(part.flowable(ts, size), width) <= height

            k = _longest_fit(len(units), fits)
            if k:
                rest_look = replace(self.look, bullet=False)
                label = f"{self.label} (continued)" if self.label else ""  # the rest says what it belongs to
                rest = replace(self, text="".join(units[k:]).lstrip(), label=label, look=rest_look)
                return replace(head, text="".join(units[:k]).rstrip()), rest
        return None


@dataclass(frozen=True)
class ChoiceColumnsItem:
    """Choice fields side by side, every option listed and the chosen one ticked, as on the BCC sheet."""

    columns: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]  # (field label, ((option, chosen), ...))
    keep_with_next: bool = False

    def flowable(self, ts: Typesetter, size: float) -> Flowable:
        cells = []
        for label, options in self.columns:
            lines = [ts.paragraph("", size, Look(bold=True), label=label)]
            for option, chosen in options:
                mark = "☑" if chosen else "☐"
                look = Look(bold=chosen, colour="#1f2933" if chosen else MUTED)
                lines.append(ts.paragraph(f"{mark} {option}", secondary(size, 0.92), look))
            cells.append(lines)
        share = f"{100 / len(cells):.2f}%"
        style = TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("FONT", (0, 0), (-1, -1), REGULAR, size),  # else a table selects Helvetica, not embedded
            ]
        )
        return Table([cells], colWidths=[share] * len(cells), style=style)

    def split(self, ts: Typesetter, size: float, width: float, height: float) -> "tuple[Item, Item] | None":
        return None


@dataclass(frozen=True)
class LaneItem:
    """One collaborator with its messages, drawn as a swimlane; splits between messages."""

    collaborator: str
    details: str
    messages: tuple[tuple[str, str], ...]  # (kind, name)
    inbound: bool
    continued: bool = False
    keep_with_next: bool = False

    def _parts(self, ts: Typesetter, size: float) -> LaneParts:
        name = self.collaborator + (" (continued)" if self.continued else "")
        card = StickerBox(
            ts.paragraph(name, size, Look(bold=True)), StickerLook(CARD_LOOK_FILL, CARD_LOOK_STROKE), size * 0.45
        )
        stickers: list[Flowable] = [self._sticker(ts, size, kind, text) for kind, text in self.messages]
        details = ts.paragraph(self.details, secondary(size, 0.82), Look(colour=MUTED)) if self.details else None
        return LaneParts(card, stickers, details, self.inbound, size)

    @staticmethod
    def _sticker(ts: Typesetter, size: float, kind: str, name: str) -> Flowable:
        fill, stroke = MESSAGE_KIND_COLOURS.get(kind, ("#e9ecef", "#868e96"))
        tag = MESSAGE_KIND_LABELS.get(kind, kind).upper()
        markup = f'<font size="{secondary(size, 0.7):.2f}" color="#495057">{ts.markup(tag)}</font> {ts.markup(name)}'
        paragraph = ts.raw_paragraph(markup, size, cjk=ts.needs_cjk_wrap(name))
        return StickerBox(paragraph, StickerLook(fill, stroke), size * 0.4)

    def flowable(self, ts: Typesetter, size: float) -> Flowable:
        return LaneFlowable(self._parts(ts, size), lambda w, h: self._split_flowables(ts, size, w, h))

    def split(self, ts: Typesetter, size: float, width: float, height: float) -> "tuple[Item, Item] | None":
        count = len(self.messages)
        if count < 2:
            return None

        def fits(k: int) -> bool:
            return height_of(replace(self, messages=self.messages[:k]).flowable(ts, size), width) <= height

        k = _longest_fit(count, fits)
        if not k:
            return None
        rest = replace(self, messages=self.messages[k:], details="", continued=True)
        return replace(self, messages=self.messages[:k], keep_with_next=False), rest

    def _split_flowables(self, ts: Typesetter, size: float, width: float, height: float) -> list[Flowable]:
        """Where a column or page ends: between messages; else whole on the next one; a giant lane piecewise."""
        parts = self.split(ts, size, width, height)
        if parts:
            return [part.flowable(ts, size) for part in parts]
        first = replace(self, messages=self.messages[:1])
        if height_of(first.flowable(ts, size), width) <= LANE_MAX_HEIGHT:
            return []  # the next column takes at least the card and a message
        lane = self._parts(ts, size)
        card = lane.card if lane.card.wrap(width, height)[1] <= height else None
        head = [card] if card else lane.card.split(width, height)
        if not head:
            return []
        return [*head, *lane.stickers, *([lane.details] if lane.details else [])]


@dataclass(frozen=True)
class LaneHeadingItem:
    """Column headings over the swimlanes, and a key to the sticker colours."""

    inbound: bool
    keep_with_next: bool = True

    def flowable(self, ts: Typesetter, size: float) -> Flowable:
        columns = "Collaborator  →  Messages" if self.inbound else "Messages  →  Collaborator"
        key = " &nbsp; ".join(
            f'<font color="{stroke}">■</font> {MESSAGE_KIND_LABELS[kind]}'
            for kind, (_, stroke) in MESSAGE_KIND_COLOURS.items()
        )
        return ts.raw_paragraph(f"<b>{columns}</b> &nbsp; &nbsp; {key}", secondary(size, 0.85), Look(colour=MUTED))

    def split(self, ts: Typesetter, size: float, width: float, height: float) -> "tuple[Item, Item] | None":
        return None


def flowables_for(items: Sequence[Item], ts: Typesetter, size: float, gap: float) -> list[Flowable]:
    flowables = []
    for item in items:
        flowable = item.flowable(ts, size)
        flowable.spaceAfter = gap
        if item.keep_with_next:
            flowable.keepWithNext = True
        flowables.append(flowable)
    return flowables
