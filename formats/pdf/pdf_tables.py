"""Tables of typed text for the report: a header row repeated on every page, rows that may split."""

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from formats.pdf.pdf_fonts import REGULAR
from formats.pdf.pdf_text import PLAIN, Look, Typesetter

HEADER_FILL = "#e9ecef"
RULE = "#ced4da"


def record_table(
    ts: Typesetter,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    size: float,
    row_fills: Sequence[str | None] = (),
) -> Table:
    """Typed text in columns sized by `shares` of the width; `row_fills` tints whole rows (e.g. by severity)."""
    body = [[ts.paragraph(cell, size, PLAIN) for cell in row] for row in rows]
    return flowable_table(ts, headers, body, shares, size, row_fills)


def flowable_table(
    ts: Typesetter,
    headers: Sequence[str],
    rows: Sequence[Sequence[Flowable]],
    shares: Sequence[float],
    size: float,
    row_fills: Sequence[str | None] = (),
) -> Table:
    """Cells that are already flowables (e.g. marked-up paragraphs), styled like every table of the reports."""
    header = [ts.paragraph(text, size, Look(bold=True)) for text in headers]
    total = sum(shares)
    widths = [f"{100 * share / total:.2f}%" for share in shares]
    commands: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), REGULAR, size),  # else a table selects Helvetica, not embedded
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.4),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), HexColor(f)) for i, f in enumerate(row_fills, start=1) if f]
    # splitInRow: a row taller than a page (a very long description) continues on the next page.
    body = [list(row) for row in rows]
    return Table([header, *body], colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle(commands))
