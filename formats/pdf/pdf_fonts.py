"""The TrueType fonts embedded in every PDF: vendored DejaVu Sans, and a CJK font when the system has one."""

import functools
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from formats.pdf import pdf_messages

FONT_FOLDER = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiZenHei"
# Debian's fonts-wqy-zenhei. fonts-noto-cjk would be the obvious choice, but reportlab cannot
# read its CFF outlines; this TrueType collection works through subfontIndex.
CJK_FONT_PATHS: tuple[Path, ...] = (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),)
CJK_PACKAGE = "fonts-wqy-zenhei"


class PdfFontWarning(UserWarning):
    """Some characters print as empty boxes because no embedded font has them."""


@functools.cache
def _register_dejavu() -> frozenset[int]:
    """Registers DejaVu Sans and Bold once per process; the code points DejaVu Sans has glyphs for."""
    regular = TTFont(REGULAR, str(FONT_FOLDER / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_FOLDER / "DejaVuSans-Bold.ttf")))
    register_family()
    return frozenset(regular.face.charToGlyph)


def register_family() -> None:
    """Lets <b> switch DejaVu Sans to its bold face.

    Call again after anything registers these font names anew (svglib does): registering a
    TrueType font maps its bold to itself.
    """
    # Without italics vendored, <i> prints upright rather than failing.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


@functools.cache
def _register_cjk(paths: tuple[Path, ...]) -> frozenset[int] | None:
    """Registers the first readable CJK font of `paths`; its code points, or None when there is none.

    Loading the 16 MB collection takes a fifth of a second, so it only happens once a text needs it.
    """
    for path in paths:
        if not path.is_file():
            continue
        try:
            font = TTFont(CJK, str(path), subfontIndex=0)
        except (TTFError, OSError):  # an unreadable font file: carry on without it
            continue
        pdfmetrics.registerFont(font)
        # The collection has no bold face: bold CJK text prints in the regular face.
        pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
        return frozenset(font.face.charToGlyph)
    return None


@dataclass
class FontChoice:
    """Picks a font per character, because reportlab has no automatic fallback between fonts.

    Remembers the characters that no embedded font can draw, so the export can warn about them.
    """

    # Read at construction, not import, so a test can take the CJK font away.
    cjk_paths: tuple[Path, ...] = field(default_factory=lambda: CJK_FONT_PATHS)
    missing: set[str] = field(default_factory=set)
    cjk_missing: bool = False

    def __post_init__(self) -> None:
        self.latin = _register_dejavu()

    def font_for(self, char: str) -> str | None:
        """None for DejaVu (the default), CJK for a character only the CJK font has."""
        code = ord(char)
        if code in self.latin or char.isspace():
            return None
        cjk = _register_cjk(self.cjk_paths)
        if cjk is None:
            self.cjk_missing = True
            self.missing.add(char)
            return None
        if code in cjk:
            return CJK
        self.missing.add(char)
        return None

    def warnings(self) -> list[str]:
        """What went wrong with fonts, worded for the person who asked for the PDF."""
        if not self.missing:
            return []
        sample = " ".join(sorted(self.missing)[:8])
        if self.cjk_missing:
            return [pdf_messages.CJK_FONT_MISSING.format(package=CJK_PACKAGE, sample=sample)]
        return [pdf_messages.NO_FONT_FOR.format(sample=sample)]


def cjk_font_available() -> bool:
    return any(path.is_file() for path in CJK_FONT_PATHS)
