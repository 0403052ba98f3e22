"""Imports a Context Mapper CML file as a workspace: canvases, teams, external systems and relationships.

Nothing is imported from a file with errors. What a canvas has no field for stays visible as text:
responsibilities and implementation technology in the purpose, the context type and implemented
subdomains in the classification notes, relationships that involve a team in that team's description.
"""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formats.cml import cml_messages as text
from formats.cml.cml_checks import CmlReport, check_cml_document, context_type
from formats.cml.cml_imports import with_imports
from formats.cml.cml_markers import SeparateWaysNote, WorkbenchMarkers, read_markers
from formats.cml.cml_model import At, CmlContext, CmlDocument, CmlName, CmlProblem, CmlSubdomain
from formats.cml.cml_parser import parse_cml
from formats.cml.cml_relationships import ReadRelationship, write_relationship
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
    builder = _WorkspaceBuilder(document, report, read_markers(document))
    data = builder.workspace_data(_workspace_name(document, source))
    try:
        workspace = validate_workspace_data(data)
    except WorkspaceInvalid as error:  # a rule that the checks missed: reported, never half imported
        raise CmlFileError(source, [CmlProblem(_NOWHERE, f"{p.path}: {p.message}") for p in error.problems]) from None
    warnings = sorted([*report.warnings, *builder.warnings], key=lambda p: (p.at.line, p.at.column))
    return CmlImport(workspace, warnings, builder.team_relationships, document.skipped)


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


def _join(*paragraphs: str) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _text_of(context: CmlContext, keyword: str) -> str:
    setting = context.setting(keyword)
    return setting.text if setting else ""


def _description(context: CmlContext) -> str:
    """The vision statement, then the responsibilities and the technology, which have no field."""
    responsibilities = context.setting("responsibilities")
    technology = _text_of(context, "implementationTechnology")
    return _join(
        _text_of(context, "domainVisionStatement"),
        text.RESPONSIBILITIES.format(items="; ".join(responsibilities.texts)) if responsibilities else "",
        text.TECHNOLOGY.format(technology=technology) if technology else "",
    )


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
        self.team_relationships = 0
        self.team_notes: dict[str, list[str]] = defaultdict(list)

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
            else:
                relationships.append(self._relationship(relationship))
        return relationships

    def _relationship(self, read: ReadRelationship) -> dict[str, Any]:
        settings = {setting.keyword: setting for setting in read.written.settings}
        notes = []
        if "exposedAggregates" in settings:
            exposed = ", ".join(name.text for name in settings["exposedAggregates"].names)
            notes.append(text.EXPOSED_AGGREGATES.format(names=exposed))
        if "downstreamRights" in settings:
            notes.append(text.DOWNSTREAM_RIGHTS.format(rights=settings["downstreamRights"].text))
        technology = settings.get("implementationTechnology")
        return {
            "upstream": read.upstream.text,
            "downstream": read.downstream.text,
            "pattern": read.pattern.value,
            "upstream_roles": [role.value for role in read.upstream_roles],
            "downstream_roles": [role.value for role in read.downstream_roles],
            "name": read.written.name.text if read.written.name else "",
            "implementation_technology": technology.text if technology else "",
            "notes": " ".join(notes),
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
        """A relationship that involves a team has no place among the workspace's relationships."""
        written = write_relationship(
            read.upstream.text, read.downstream.text, read.pattern, read.upstream_roles, read.downstream_roles
        )
        teams = [name.text for name in (read.upstream, read.downstream) if name.text in self.teams]
        for team in teams:
            self.team_notes[team].append(written)
        self.team_relationships += 1
        message = text.TEAM_RELATIONSHIP_KEPT.format(written=written, team=teams[0])
        self.warnings.append(CmlProblem(read.at, message))

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
        relationships = self.team_notes.get(team.name.text, [])
        kept = "\n".join([text.TEAM_RELATIONSHIPS, *(f"- {r}" for r in relationships)]) if relationships else ""
        return {"name": team.name.text, "description": _join(_description(team), self._implements(team), kept)}

    def _external(self, context: CmlContext) -> dict[str, Any]:
        kind = self.markers.external_kinds[context.name.text]
        return {"name": context.name.text, "kind": kind.value, "description": _description(context)}

    def _implements(self, context: CmlContext) -> str:
        parts = [
            f"{part.text} ({self.subdomain_types[part.text]})" if self.subdomain_types.get(part.text) else part.text
            for part in context.referenced("implements")
        ]
        return text.IMPLEMENTS.format(parts=", ".join(parts)) if parts else ""

    def _canvas(self, context: CmlContext, owner: str | None) -> dict[str, Any]:
        business_model, business_note = _business_model(_text_of(context, "businessModel"))
        kind, level = context_type(context), _text_of(context, "knowledgeLevel")
        refined = context.referenced("refines")
        notes = [
            text.CONTEXT_TYPE.format(type=kind) if kind and kind != "UNDEFINED" else "",
            self._implements(context),
            text.KNOWLEDGE_LEVEL.format(level=level) if level else "",
            text.REFINES.format(name=refined[0].text) if refined else "",
            business_note,
        ]
        return {
            "name": context.name.text,
            "purpose": _description(context),
            "domain": self._domain(context),
            "business_model": business_model,
            "evolution": _evolution(_text_of(context, "evolution")),
            "classification_notes": " ".join(note for note in notes if note),
            "owner_team": owner,
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
    """The canvas's business model for CML's free text, with a note when the text is not one of ours."""
    key = written.strip().upper().replace(" ", "_").replace("-", "_")
    if not key or key == "UNDEFINED":
        return None, ""
    if key in BUSINESS_MODELS:
        return BUSINESS_MODELS[key].value, ""
    return BusinessModel.OTHER.value, text.BUSINESS_MODEL_TEXT.format(text=written)


def _evolution(written: str) -> str | None:
    stage = EVOLUTIONS.get(written)
    return stage.value if stage else None
