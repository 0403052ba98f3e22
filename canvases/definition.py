"""The vocabulary of a declarative canvas definition: sheet, sections, fields, table columns."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"
    CHOICE = "choice"  # one enum value or empty
    MULTI_CHOICE = "multi_choice"
    BOOL = "bool"
    NUMBER = "number"
    INTEGER = "integer"
    TEAM = "team"  # a team of the workspace
    CONTEXT = "context"  # a bounded context of the workspace
    LIST = "list"  # list of plain strings, edited as a one-column table
    TABLE = "table"  # list of records, edited as a table with `columns`
    COMMUNICATION = "communication"  # collaborators with messages (BCC swimlanes)
    OPERATIONS = "operations"  # aggregates with operations (API Product Canvas)


@dataclass(frozen=True)
class Option:
    value: str
    label: str


def options_of(enum: type[Enum], labels: dict[str, str]) -> tuple[Option, ...]:
    """Options for every member of `enum`, in declaration order; a missing label is an error."""
    return tuple(Option(str(member.value), labels[str(member.value)]) for member in enum)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    options: tuple[Option, ...] = ()
    help: str = ""
    default: str | None = None  # value of a new row
    read_only: bool = False  # filled by the workbench (e.g. who accepted, from the sign-in), never typed
    with_externals: bool = False  # a CONTEXT column that may also name an external system
    width: str = ""  # "small", "medium" or "large" in the form's table; empty: by its kind


@dataclass(frozen=True)
class FieldDef:
    """One editable value; `key` is its dotted path inside the canvas model."""

    key: str
    label: str
    kind: FieldKind
    hint: str = ""
    options: tuple[Option, ...] = ()
    columns: tuple[Column, ...] = ()
    # (key, value): the field means nothing while the field `key` of the same canvas holds `value`, e.g. a
    # model's provider on a context whose AI kind is "No AI". The form then leaves it out unless it is filled.
    moot_when: tuple[str, str] | None = None
    # For a table: what the form suggests for one row (e.g. the kind a metric's wording suggests), or None.
    row_hint: Callable[[dict[str, Any]], str | None] | None = None


@dataclass(frozen=True)
class Box:
    """Where a section sits on the printed sheet, as fractions of the sheet (origin top left)."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class SectionDef:
    key: str
    title: str
    hint: str
    fields: tuple[FieldDef, ...]
    box: Box | None = None  # None: not printed on the sheet (e.g. the AI extension panel)
    region: str = ""  # colour family of the section on the sheet
    extension: bool = False  # a workbench addition, not part of the published canvas
    columns: int = 1  # the sheet sets these fields side by side (a header strip)


@dataclass(frozen=True)
class CanvasDef:
    key: str
    title: str
    collection: str  # the Workspace attribute holding canvases of this kind
    name_field: str  # the attribute naming one canvas
    attribution: str
    licence: str
    source_url: str
    aspect: float  # sheet width / height
    sections: tuple[SectionDef, ...]
    region_colours: dict[str, str] = field(default_factory=dict)

    def fields(self) -> Iterator[tuple[SectionDef, FieldDef]]:
        for section in self.sections:
            for f in section.fields:
                yield section, f

    def label_for(self, path: str) -> str:
        """'Section › Field' for a field path such as `ai_profile.sla.freshness`."""
        best = ""
        for section, f in self.fields():
            if (path == f.key or path.startswith(f.key + ".") or path.startswith(f.key + "[")) and len(f.key) > len(
                best
            ):
                best = f.key
                label = section.title if f.label == section.title else f"{section.title} › {f.label}"
        return label if best else path
