"""A canvas as its sections read, for read-only views: the definition's titles and labels, values as shown."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canvases.definition import CanvasDef
from diff.diff_documents import get_value
from diff.diff_values import LIST_KINDS, value_text


@dataclass(frozen=True)
class FieldReading:
    label: str  # empty when the field is the whole section
    lines: tuple[str, ...]  # one per row of a list or table; line breaks stay inside a line
    rows: bool


@dataclass(frozen=True)
class SectionReading:
    title: str
    fields: tuple[FieldReading, ...]


def canvas_reading(canvas: CanvasDef, document: Mapping[str, Any]) -> list[SectionReading]:
    """The sections with something filled in, in the canvas's order; empty sections and fields are left out."""
    readings = []
    for section in canvas.sections:
        fields = []
        for f in section.fields:
            value = get_value(document, f.key)
            if text := value_text(f, value):
                rows = f.kind in LIST_KINDS and isinstance(value, list)
                # A row's own lists (a collaborator's messages) stay inside its line, as line breaks.
                lines = tuple(value_text(f, [row]) for row in value) if rows else (text,)
                label = "" if f.label == section.title else f.label
                fields.append(FieldReading(label, lines, rows))
        if fields:
            readings.append(SectionReading(section.title, tuple(fields)))
    return readings
