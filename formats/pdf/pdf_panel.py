"""A section off the sheet (a workbench extension) as a panel: its fields in a grid of labelled cells."""

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from canvases.definition import CanvasDef, FieldDef, SectionDef
from canvases.paths import get_path
from formats.pdf.pdf_content import field_items
from formats.pdf.pdf_fit import gap_for
from formats.pdf.pdf_fonts import REGULAR
from formats.pdf.pdf_items import flowables_for
from formats.pdf.pdf_text import MUTED, Look, Typesetter, secondary

RULE = "#ced4da"


def _cell(ts: Typesetter, canvas: CanvasDef, field: FieldDef, data: dict[str, Any], size: float) -> list[Flowable]:
    items = field_items(canvas, field, get_path(data, field.key), show_label=False, emphasis=False)
    body = flowables_for(items, ts, size, gap_for(size)) or [ts.paragraph("—", size, Look(colour=MUTED))]
    heading = ts.paragraph(field.label, secondary(size, 0.8), Look(bold=True, colour=MUTED))
    heading.spaceAfter = size * 0.25
    return [heading, *body]


def field_panel(
    ts: Typesetter, canvas: CanvasDef, section: SectionDef, data: dict[str, Any], size: float, columns: int
) -> Flowable:
    """Every field of the section, empty ones too (as a dash), `columns` to a row; rows may split across pages."""
    cells = [_cell(ts, canvas, f, data, size) for f in section.fields]
    cells += [[] for _ in range(-len(cells) % columns)]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    style = TableStyle(
        [
            ("BOX", (0, 0), (-1, -1), 0.7, HexColor(RULE)),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, HexColor(RULE)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), REGULAR, size),  # else a table selects Helvetica, not embedded
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.6),
            ("LEFTPADDING", (0, 0), (-1, -1), size * 0.6),
            ("RIGHTPADDING", (0, 0), (-1, -1), size * 0.6),
        ]
    )
    return Table(rows, colWidths=[f"{100 / columns:.2f}%"] * columns, style=style, splitInRow=1)
