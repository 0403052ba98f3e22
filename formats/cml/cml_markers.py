"""The workbench's notes in CML comments, which let a re-import restore what CML has no construct for.

`// workbench: external_system` (or frontend, user_interaction) inside a BoundedContext marks an
external system that was exported as a SYSTEM context; `// workbench: separate_ways A B : Name`
records a Separate Ways relationship; `// workbench: name "Order-Service"` inside a BoundedContext or the
ContextMap gives the name that its identifier had to change. Context Mapper ignores them, as they are comments.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from formats.cml.cml_lexicon import read_string, write_string
from formats.cml.cml_model import At, CmlDocument, CmlProblem
from models.workspace import ExternalKind

# Exactly as written by the exporter: canvas content in comments is always indented or led by a
# field name, so it can never read as a note.
_MARKER = re.compile(r"// workbench: (\w+)(?: (.*))?")
_ID = r"\^?([A-Za-z_][A-Za-z0-9_]*)"
_SEPARATE_WAYS = re.compile(rf"{_ID} {_ID}(?: : {_ID})?")
SEPARATE_WAYS = "separate_ways"
NAME = "name"
AGGREGATE = "aggregate"
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_AGGREGATE = re.compile(rf'{_ID} ("(?:[^"\\]|\\.)*")')


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
    names: dict[str, str] = field(default_factory=dict)  # identifier -> the name it stands for
    aggregate_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (context id, aggregate id) -> name
    map_name: str = ""


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
        elif word == NAME and _STRING.fullmatch(rest):
            _read_name(document, comment.start, read_string(rest), markers)
        elif word == AGGREGATE and (aggregate := _AGGREGATE.fullmatch(rest)):
            context = next((c for c in document.contexts if c.start <= comment.start < c.end), None)
            if context is not None:
                markers.aggregate_names[context.name.text, aggregate.group(1)] = read_string(aggregate.group(2))
        elif word == SEPARATE_WAYS:
            pair = _SEPARATE_WAYS.fullmatch(rest)
            if pair is not None:
                first, second, name = pair.groups()
                markers.separate_ways.append(SeparateWaysNote(first, second, name or "", comment.at))
    return markers


def _read_name(document: CmlDocument, offset: int, name: str, markers: WorkbenchMarkers) -> None:
    context = next((c for c in document.contexts if c.start <= offset < c.end), None)
    if context is not None:
        markers.names[context.name.text] = name
    elif any(m.start <= offset < m.end for m in document.maps):
        markers.map_name = name


def restore_names(data: dict[str, Any], names: dict[str, str]) -> None:
    """Puts the noted names back wherever workspace data built from the file uses their identifiers."""
    if not names:
        return

    def named(value: str | None) -> str | None:
        return names.get(value, value) if value is not None else None

    for item in [*data["bounded_contexts"], *data["external_systems"], *data["teams"]]:
        item["name"] = named(item["name"])
        kept = item["context_mapper"]
        if kept:
            kept["refines"] = named(kept["refines"])
            kept["realizes"] = [named(n) for n in kept["realizes"]]
            kept["aggregate_owners"] = {a: named(t) for a, t in kept["aggregate_owners"].items()}
    for context in data["bounded_contexts"]:
        context["owner_team"] = named(context["owner_team"])
    for relationship in [*data["relationships"], *(data["context_mapper"]["team_relationships"])]:
        relationship["upstream"], relationship["downstream"] = (
            named(relationship["upstream"]),
            named(relationship["downstream"]),
        )
    for api in data["api_products"]:
        api["bounded_context"] = named(api["bounded_context"])


def restore_aggregate_names(data: dict[str, Any], names: dict[tuple[str, str], str]) -> None:
    """Puts the noted aggregate names back: in the API products, the owners kept, the aggregates exposed."""
    for api in data["api_products"]:
        for aggregate in api["sync_api"]["aggregates"]:
            aggregate["name"] = names.get((api["bounded_context"], aggregate["name"]), aggregate["name"])
    for context in data["bounded_contexts"]:
        kept = context["context_mapper"]
        if kept:
            owners = kept["aggregate_owners"]
            kept["aggregate_owners"] = {names.get((context["name"], a), a): t for a, t in owners.items()}
    for relationship in data["relationships"]:
        kept = relationship.get("context_mapper")  # absent on a Separate Ways note
        if kept:
            upstream = relationship["upstream"]
            kept["exposed_aggregates"] = [names.get((upstream, a), a) for a in kept["exposed_aggregates"]]


def write_aggregate_marker(identifier: str, name: str) -> str:
    return f"// workbench: {AGGREGATE} {identifier.removeprefix('^')} {write_string(name)}"


def write_name_marker(name: str) -> str:
    return f"// workbench: {NAME} {write_string(name)}"


def write_external_marker(kind: ExternalKind) -> str:
    return f"// workbench: {kind.value}"


def write_separate_ways_marker(first: str, second: str, name: str) -> str:
    """The note for written identifiers `first` and `second`, and `name` (an identifier or "")."""
    return f"// workbench: {SEPARATE_WAYS} {first} {second}" + (f" : {name}" if name else "")
