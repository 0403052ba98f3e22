"""Typed text for reportlab: markup characters escaped, fonts switched per run, one style per size."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from formats.pdf.pdf_fonts import BOLD, REGULAR, FontChoice

INK = "#1f2933"
MUTED = "#6b7785"  # hints of empty sections
LEADING = 1.22  # line height as a multiple of the font size
SMALLEST_PRINT = 5.0  # points: secondary text (details, tags) shrinks with its box, but not below this


def secondary(size: float, share: float) -> float:
    """The size of text that is set smaller than the body text beside it."""
    return max(size * share, SMALLEST_PRINT)


REPLACEMENT = "\ufffd"
# Kana, CJK ideographs and their extensions, compatibility ideographs, fullwidth forms.
UNSPACED_SCRIPTS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")


def clean_text(text: str) -> str:
    """The text as typed, minus what cannot be printed: control characters become visible � marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs") else REPLACEMENT for ch in text)


@dataclass(frozen=True)
class Look:
    """How a paragraph is set, apart from its size."""

    bold: bool = False
    colour: str = INK
    align: Literal[0, 1, 2] = 0  # reportlab alignment: 0 left, 1 centre, 2 right
    indent: float = 0.0  # left indent in multiples of the size
    bullet: bool = False  # a bullet hangs out into the indent


PLAIN = Look()


@dataclass
class Typesetter:
    """Turns typed text into paragraphs; shared by everything one export draws, to collect font problems."""

    fonts: FontChoice = field(default_factory=FontChoice)
    _styles: dict[tuple[float, Look, bool], ParagraphStyle] = field(default_factory=dict)
    _runs: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)

    def runs(self, text: str) -> list[tuple[str | None, str]]:
        """(font or None for the default font, characters) runs of clean text."""
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = self._split_runs(text)
        return found

    def _split_runs(self, text: str) -> list[tuple[str | None, str]]:
        latin = self.fonts.latin
        if all(ord(ch) in latin for ch in text):  # the common case, without a call per character
            return [(None, text)] if text else []

        runs: list[tuple[str | None, list[str]]] = []
        for ch in text:
            if ch.isspace() and runs:  # spaces stay in the run they are in: fewer font switches
                runs[-1][1].append(ch)
                continue
            font = None if ord(ch) in latin else self.fonts.font_for(ch)
            if runs and runs[-1][0] == font:
                runs[-1][1].append(ch)
            else:
                runs.append((font, [ch]))
        return [(font, "".join(chars)) for font, chars in runs]

    def markup(self, text: str) -> str:
        """Paragraph markup that shows `text` exactly as typed, in the font that has each character."""
        text = clean_text(text)
        if text.isascii():
            return escape(text).replace("\n", "<br/>")
        parts = [
            escape(chars) if font is None else f'<font name="{font}">{escape(chars)}</font>'
            for font, chars in self.runs(text)
        ]
        return "".join(parts).replace("\n", "<br/>")

    def style(self, size: float, look: Look = PLAIN, cjk: bool = False) -> ParagraphStyle:
        key = (size, look, cjk)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"s{len(self._styles)}",
                fontName=BOLD if look.bold else REGULAR,
                fontSize=size,
                leading=size * LEADING,
                textColor=HexColor(look.colour),
                alignment=look.align,
                leftIndent=look.indent * size,
                firstLineIndent=-look.indent * size if look.bullet else 0,
                # CJK text has no spaces to break at; this wrap mode breaks between any characters.
                wordWrap="CJK" if cjk else None,
                splitLongWords=True,
            )
        return self._styles[key]

    def paragraph(
        self, text: str, size: float, look: Look = PLAIN, *, label: str = "", separator: str | None = ": "
    ) -> Paragraph:
        """Typed `text`, optionally led by a bold `label` and `separator` (None: the text starts a new line)."""
        body = self.markup(text)
        if label:
            between = "<br/>" if separator is None else escape(separator)
            body = f"<b>{self.markup(label)}</b>{between}{body}" if text else f"<b>{self.markup(label)}</b>"
        bullet = "•\u00a0" if look.bullet else ""
        return Paragraph(bullet + body, self.style(size, look, cjk=self.needs_cjk_wrap(label + text)))

    def raw_paragraph(self, markup: str, size: float, look: Look = PLAIN, *, cjk: bool = False) -> Paragraph:
        """A paragraph from markup this package wrote itself (typed parts already passed through `markup`)."""
        return Paragraph(markup, self.style(size, look, cjk=cjk))

    def needs_cjk_wrap(self, text: str) -> bool:
        """Chinese and Japanese have no spaces to break lines at (Korean has; long words split anyway)."""
        return not text.isascii() and UNSPACED_SCRIPTS.search(text) is not None

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Printed width of one line of typed text."""
        default = BOLD if bold else REGULAR
        return sum(stringWidth(chars, font or default, size) for font, chars in self.runs(clean_text(text)))

    def one_line(self, text: str, width: float, size: float, min_size: float, bold: bool = False) -> tuple[str, float]:
        """Text and size that fit one line: smaller type first, then an ellipsis that shows it is shortened."""
        text = " ".join(clean_text(text).split())
        while size > min_size and self.width(text, size, bold) > width:
            size = max(min_size, size - 0.5)
        if self.width(text, size, bold) <= width:
            return text, size
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits with the ellipsis
            middle = (low + high + 1) // 2
            if self.width(text[:middle] + "…", size, bold) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…", size

    def draw_line(
        self,
        canvas: Canvas,
        text: str,
        x: float,
        y: float,
        width: float,
        size: float,
        bold: bool = False,
        colour: str = INK,
        align_right: bool = False,
    ) -> None:
        """One line of typed text at baseline `y`, shrunk or shortened to `width`, in the fonts it needs."""
        text, size = self.one_line(text, width, size, max(4.5, size * 0.6), bold)
        if align_right:
            x += width - self.width(text, size, bold)
        canvas.saveState()
        canvas.setFillColor(HexColor(colour))
        for font, chars in self.runs(text):
            font = font or (BOLD if bold else REGULAR)
            canvas.setFont(font, size)
            canvas.drawString(x, y, chars)
            x += stringWidth(chars, font, size)
        canvas.restoreState()
