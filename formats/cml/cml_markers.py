"""The workbench's notes in CML comments, which let a re-import restore what CML has no construct for.

`// workbench: external_system` (or frontend, user_interaction) inside a BoundedContext marks an
external system that was exported as a SYSTEM context; `// workbench: separate_ways A B : Name`
records a Separate Ways relationship. Context Mapper ignores both, as they are comments.
"""

import re
from dataclasses import dataclass, field

from formats.cml.cml_model import At, CmlDocument, CmlProblem
from models.workspace import ExternalKind

# Exactly as written by the exporter: canvas content in comments is always indented or led by a
# field name, so it can never read as a note.
_MARKER = re.compile(r"// workbench: (\w+)(?: (.*))?")
_ID = r"\^?([A-Za-z_][A-Za-z0-9_]*)"
_SEPARATE_WAYS = re.compile(rf"{_ID} {_ID}(?: : {_ID})?")
SEPARATE_WAYS = "separate_ways"


@dataclass(frozen=True)
class SeparateWaysNote:
    first: str
    second: str
    name: str
    at: At


@dataclass
class WorkbenchMarkers:
    external_kinds: dict[str, ExternalKind] = field(default_factory=dict)  # context name -> kind
    separate_ways: list[SeparateWaysNote] = field(default_factory=list)
    warnings: list[CmlProblem] = field(default_factory=list)


def read_markers(document: CmlDocument) -> WorkbenchMarkers:
    """The workbench notes among the file's comments; a note that cannot be placed is ignored."""
    markers = WorkbenchMarkers()
    kinds = {kind.value: kind for kind in ExternalKind}
    for comment in document.comments:
        match = _MARKER.fullmatch(comment.text)
        if match is None:
            continue
        word, rest = match.group(1), match.group(2) or ""
        if word in kinds:
            context = next((c for c in document.contexts if c.start <= comment.start < c.end), None)
            if context is not None:
                markers.external_kinds[context.name.text] = kinds[word]
        elif word == SEPARATE_WAYS:
            pair = _SEPARATE_WAYS.fullmatch(rest)
            if pair is not None:
                first, second, name = pair.groups()
                markers.separate_ways.append(SeparateWaysNote(first, second, name or "", comment.at))
    return markers


def write_external_marker(kind: ExternalKind) -> str:
    return f"// workbench: {kind.value}"


def write_separate_ways_marker(first: str, second: str, name: str) -> str:
    """The note for written identifiers `first` and `second`, and `name` (an identifier or "")."""
    return f"// workbench: {SEPARATE_WAYS} {first} {second}" + (f" : {name}" if name else "")
