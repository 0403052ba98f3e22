"""Imports a Context Mapper CML file as a workspace: canvases, teams, external systems and relationships.

Nothing is imported from a file with errors. What a canvas has no field for is kept in the Context Mapper
blocks of the contexts, relationships and workspace (formats.cml.cml_preserved), so it exports again as written:
the context type, technology, responsibilities, implemented subdomains; exposed aggregates and downstream rights;
the map's type and state, the domains and the relationships between teams.
"""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formats.cml import cml_messages as text
from formats.cml.cml_checks import CmlReport, check_cml_document, context_type
from formats.cml.cml_imports import with_imports
from formats.cml.cml_markers import (
    SeparateWaysNote,
    WorkbenchMarkers,
    read_markers,
    restore_aggregate_names,
    restore_names,
)
from formats.cml.cml_model import At, CmlContext, CmlDocument, CmlName, CmlProblem, CmlSubdomain
from formats.cml.cml_parser import parse_cml
from formats.cml.cml_preserved import context_facts, model_facts, relationship_facts, team_relationship
from formats.cml.cml_relationships import ReadRelationship, merge_relationship, same_relationship, write_relationship
from formats.cml.cml_scan import CmlFileError, describe_place, refuse_if_far_too_large
from models.bounded_context import BusinessModel, DomainType, Evolution
from models.relationship import RelationshipPattern
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Workspace

DOMAIN_TYPES = {
    "CORE_DOMAIN": DomainType.CORE,
    "SUPPORTING_DOMAIN": DomainType.SUPPORTING,
    "GENERIC_SUBDOMAIN": DomainType.GENERIC,
}
BUSINESS_MODELS = {model.value.upper(): model for model in BusinessModel}
EVOLUTIONS = {stage.value.upper(): stage for stage in Evolution}
_NOWHERE = At(0, 0)


@dataclass(frozen=True)
class CmlImport:
    """A workspace read from CML, the warnings about it, and counts of what found no place in it."""

    workspace: Workspace
    warnings: list[CmlProblem]
    team_relationships: int
    skipped_blocks: tuple[CmlName, ...]  # use cases, user stories, stakeholders, value registers: keyword, place

    @property
    def skipped(self) -> int:
        return len(self.skipped_blocks)


def describe_skipped(result: CmlImport) -> list[str]:
    """One line per kind of block left out (use cases, stakeholders, ...), with how many and on which lines."""
    lines: dict[str, list[int]] = {}
    for block in result.skipped_blocks:
        lines.setdefault(block.text, []).append(block.at.line)
    return [
        text.SKIPPED_BLOCKS.format(
            count=len(found), kind=kind, where=("line " if len(found) == 1 else "lines ") + ", ".join(map(str, found))
        )
        for kind, found in lines.items()
    ]


def read_cml_workspace(path: Path) -> Workspace:
    """The workspace in a .cml file; CmlFileError (a WorkspaceFileError) naming every located problem."""
    return read_cml_import(path).workspace


def read_cml_import(path: Path) -> CmlImport:
    """The workspace in a .cml file with the warnings about it; CmlFileError when it cannot be imported."""
    try:
        refuse_if_far_too_large(path.stat().st_size, str(path))
        raw = path.read_bytes()
    except OSError as error:
        problem = CmlProblem(_NOWHERE, text.CANNOT_READ.format(reason=error.strerror))
        raise CmlFileError(str(path), [problem]) from None
    return _import_document(with_imports(parse_cml(raw, str(path)), path), str(path))


def parse_cml_workspace(raw: bytes | str, source: str) -> CmlImport:
    """The workspace that the CML in `raw` describes, or CmlFileError with every error and its place. Its imports
    are not followed (there is no folder to follow them from): read_cml_import does."""
    return _import_document(parse_cml(raw, source), source)


def _import_document(document: CmlDocument, source: str) -> CmlImport:
    if not (document.maps or document.contexts or document.domains or document.skipped):
        raise CmlFileError(source, [CmlProblem(At(1, 1), text.DECLARES_NOTHING)])  # the file from its start
    report = check_cml_document(document)
    if report.errors:
        raise CmlFileError(source, report.errors)
    markers = read_markers(document)
    builder = _WorkspaceBuilder(document, report, markers)
    data = builder.workspace_data(markers.map_name or _workspace_name(document, source))
    restore_aggregate_names(data, markers.aggregate_names)
    restore_names(data, markers.names)
    try:
        workspace = validate_workspace_data(data)
    except WorkspaceInvalid as error:  # a rule that the checks missed: reported, never half imported
        raise CmlFileError(source, [CmlProblem(_NOWHERE, f"{p.path}: {p.message}") for p in error.problems]) from None
    warnings = sorted([*report.warnings, *builder.warnings], key=lambda p: (p.at.line, p.at.column))
    return CmlImport(workspace, warnings, len(builder.team_map), document.skipped)


def describe_problem(problem: CmlProblem) -> str:
    place = describe_place(problem.at)
    return f"{place}: {problem.message}" if place else problem.message


def _workspace_name(document: CmlDocument, source: str) -> str:
    named = next((m.name.text for m in document.maps if m.name is not None), "")
    return named or Path(source).stem or text.DEFAULT_WORKSPACE_NAME


def _top_comment(document: CmlDocument) -> str:
    """The file's first comment when only white space precedes it, without its // or /* * */ decoration."""
    first = document.comments[0] if document.comments else None
    if first is None or first.start > document.first_token:
        return ""
    if first.text.startswith("//"):
        return first.text[2:].strip()
    lines = first.text[2:].removesuffix("*/").split("\n")
    return "\n".join(line.lstrip().removeprefix("*").removeprefix(" ").rstrip() for line in lines).strip()


def _text_of(context: CmlContext, keyword: str) -> str:
    setting = context.setting(keyword)
    return setting.text if setting else ""


class _WorkspaceBuilder:
    """Maps the checked document onto workspace data; collects warnings about what it had to fold."""

    def __init__(self, document: CmlDocument, report: CmlReport, markers: WorkbenchMarkers) -> None:
        self.document, self.report, self.markers = document, report, markers
        self.teams = {c.name.text: c for c in document.contexts if context_type(c) == "TEAM"}
        self.externals = {
            c.name.text: c
            for c in document.contexts
            if c.name.text in markers.external_kinds and c.name.text not in self.teams
        }
        self.canvases = [c for c in document.contexts if c.name.text not in {*self.teams, *self.externals}]
        self.subdomain_types = {s.name.text: _type_of(s) for d in document.domains for s in d.subdomains}
        self.warnings: list[CmlProblem] = []
        self.team_map: list[dict[str, Any]] = []
        self._lines: dict[int, int] = {}  # the line each relationship read from CML was written on, by id

    def workspace_data(self, name: str) -> dict[str, Any]:
        relationships = self._relationships()
        owners = self._owner_teams()
        return {
            "name": name,
            "description": _top_comment(self.document),
            "teams": [self._team(team) for team in self.teams.values()],
            "external_systems": [self._external(c) for c in self.externals.values()],
            "bounded_contexts": [self._canvas(c, owners.get(c.name.text)) for c in self.canvases],
            "api_products": [self._api_product(c) for c in self.canvases if c.aggregates],
            "relationships": relationships,
            "context_mapper": model_facts(self.document, self.team_map),
        }

    # Relationships, including Separate Ways from the workbench's notes, in the order written.

    def _relationships(self) -> list[dict[str, Any]]:
        written: list[ReadRelationship | SeparateWaysNote] = [*self.report.relationships, *self.markers.separate_ways]
        written.sort(key=lambda r: (r.at.line, r.at.column))
        relationships = []
        for relationship in written:
            if isinstance(relationship, SeparateWaysNote):
                relationships += self._separate_ways(relationship)
            elif relationship.upstream.text in self.teams or relationship.downstream.text in self.teams:
                self._keep_with_teams(relationship)
            elif not self._merged_into_earlier(relationship, relationships):
                relationships.append(self._relationship(relationship))
                self._lines[id(relationships[-1])] = relationship.at.line
        return relationships

    def _merged_into_earlier(self, read: ReadRelationship, earlier: list[dict[str, Any]]) -> bool:
        """A relationship written again (same contexts, pattern and roles) joins the first: a workspace holds each
        relationship once. Its exposed aggregates are added; a name, technology or rights the first lacks are
        taken. Said as a warning naming both lines."""
        new = self._relationship(read)
        for old in earlier:
            if id(old) in self._lines and same_relationship(old, new):
                merge_relationship(old, new)
                first = self._lines[id(old)]
                self.warnings.append(CmlProblem(read.at, text.REPEATED_RELATIONSHIP.format(first=first)))
                return True
        return False

    def _relationship(self, read: ReadRelationship) -> dict[str, Any]:
        technology = next((s for s in read.written.settings if s.keyword == "implementationTechnology"), None)
        return {
            **team_relationship(read),  # the same ends, pattern, roles and name as a team relationship
            "implementation_technology": technology.text if technology else "",
            "context_mapper": relationship_facts(read),
        }

    def _separate_ways(self, note: SeparateWaysNote) -> list[dict[str, Any]]:
        parties = {c.name.text for c in self.canvases} | set(self.externals)
        unknown = [name for name in (note.first, note.second) if name not in parties]
        if unknown or note.first == note.second:
            message = text.MARKER_UNKNOWN_NAME.format(name=(unknown or [note.first])[0])
            self.warnings.append(CmlProblem(note.at, message))
            return []
        pattern = RelationshipPattern.SEPARATE_WAYS.value
        return [{"upstream": note.first, "downstream": note.second, "pattern": pattern, "name": note.name}]

    def _keep_with_teams(self, read: ReadRelationship) -> None:
        """A relationship that involves a team is no relationship between contexts: it goes to the team map."""
        written = write_relationship(
            read.upstream.text, read.downstream.text, read.pattern, read.upstream_roles, read.downstream_roles
        )
        self.team_map.append(team_relationship(read))
        self.warnings.append(CmlProblem(read.at, text.TEAM_RELATIONSHIP_KEPT.format(written=written)))

    # Teams, owners, external systems, canvases and API products.

    def _owner_teams(self) -> dict[str, str]:
        canvases = {c.name.text: c for c in self.canvases}
        realized_by: dict[str, list[str]] = defaultdict(list)
        for team in self.teams.values():
            for realized in team.referenced("realizes"):
                if realized.text in canvases and team.name.text not in realized_by[realized.text]:
                    realized_by[realized.text].append(team.name.text)
        for context, teams in realized_by.items():
            if len(teams) > 1:
                message = text.REALIZED_BY_SEVERAL.format(name=context, teams=", ".join(teams), owner=teams[0])
                self.warnings.append(CmlProblem(canvases[context].name.at, message))
        return {context: teams[0] for context, teams in realized_by.items()}

    def _team(self, team: CmlContext) -> dict[str, Any]:
        vision = _text_of(team, "domainVisionStatement")
        return {"name": team.name.text, "description": vision, "context_mapper": context_facts(team, "")}

    def _external(self, context: CmlContext) -> dict[str, Any]:
        kind = self.markers.external_kinds[context.name.text]
        return {
            "name": context.name.text,
            "kind": kind.value,
            "description": _text_of(context, "domainVisionStatement"),
            "context_mapper": context_facts(context, ""),
        }

    def _canvas(self, context: CmlContext, owner: str | None) -> dict[str, Any]:
        business_model, written = _business_model(_text_of(context, "businessModel"))
        return {
            "name": context.name.text,
            "purpose": _text_of(context, "domainVisionStatement"),
            "domain": self._domain(context),
            "business_model": business_model,
            "evolution": _evolution(_text_of(context, "evolution")),
            "owner_team": owner,
            "context_mapper": context_facts(context, written),
        }

    def _domain(self, context: CmlContext) -> str | None:
        """The type of the first implemented subdomain that has one: CML's strategic classification."""
        types = [self.subdomain_types.get(part.text, "") for part in context.referenced("implements")]
        return next((DOMAIN_TYPES[t].value for t in types if t in DOMAIN_TYPES), None)

    def _api_product(self, context: CmlContext) -> dict[str, Any]:
        owners = [f"{a.name.text}: {a.owner.text}" for a in context.aggregates if a.owner is not None]
        return {
            "bounded_context": context.name.text,
            "sync_api": {"aggregates": [{"name": a.name.text} for a in context.aggregates]},
            "notes": text.AGGREGATE_OWNERS.format(owners=", ".join(owners)) if owners else "",
        }


def _type_of(subdomain: CmlSubdomain) -> str:
    setting = subdomain.setting("type")
    return setting.text if setting else ""


def _business_model(written: str) -> tuple[str | None, str]:
    """The canvas's business model for CML's free text, and the text itself when it is not one of ours."""
    key = written.strip().upper().replace(" ", "_").replace("-", "_")
    if not key:
        return None, ""
    if key == "UNDEFINED":
        return None, written
    if key in BUSINESS_MODELS:
        return BUSINESS_MODELS[key].value, ""
    return BusinessModel.OTHER.value, written


def _evolution(written: str) -> str | None:
    stage = EVOLUTIONS.get(written)
    return stage.value if stage else None
