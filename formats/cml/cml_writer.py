"""Exports a workspace as a Context Mapper CML file that imports back with every context, relationship and role.

Names become CML identifiers (accents dropped, other characters turned into underscores, keywords
escaped with ^, clashes numbered). External systems become SYSTEM contexts and teams TEAM contexts
that realize the contexts they own; Separate Ways and external systems carry a workbench note so a
re-import restores them. Everything else a canvas holds is kept as comments.
"""

from dataclasses import dataclass, field

from formats.cml import cml_messages as text
from formats.cml.cml_comments import block_comment, comment_lines, describe_model
from formats.cml.cml_lexicon import escape_identifier, to_identifier, write_string
from formats.cml.cml_markers import write_external_marker, write_separate_ways_marker
from formats.cml.cml_relationships import write_relationship
from models.api_product_canvas import ApiProductCanvas
from models.bounded_context import BoundedContextCanvas, DomainType
from models.relationship import Relationship, RelationshipPattern
from models.workspace import ExternalSystem, Team, Workspace

SUBDOMAIN_TYPES = {
    DomainType.CORE: "CORE_DOMAIN",
    DomainType.SUPPORTING: "SUPPORTING_DOMAIN",
    DomainType.GENERIC: "GENERIC_SUBDOMAIN",
}
# Fields written as CML (or as the structure around it); all other content becomes comments.
_CONTEXT_FIELDS = {"name", "purpose", "domain", "business_model", "evolution", "owner_team"}
_RELATIONSHIP_FIELDS = {
    "upstream",
    "downstream",
    "pattern",
    "upstream_roles",
    "downstream_roles",
    "name",
    "implementation_technology",
}
_WORKSPACE_FIELDS = {
    "schema_version",
    "name",
    "description",
    "teams",
    "external_systems",
    "bounded_contexts",
    "api_products",
    "relationships",
}
TAB = "\t"


class _Namespace:
    """Identifiers that must differ from each other; a clash gets _2, _3 and so on."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def allocate(self, name: str, fallback: str) -> str:
        base = to_identifier(name, fallback)
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}_{number}", number + 1
        self.taken.add(candidate)
        return escape_identifier(candidate)


@dataclass
class CmlIdentifiers:
    """The identifier written for each name of the workspace, escapes included."""

    map: str
    domain: str
    parties: dict[str, str] = field(default_factory=dict)  # bounded contexts and external systems
    teams: dict[str, str] = field(default_factory=dict)
    subdomains: dict[str, str] = field(default_factory=dict)  # by bounded context
    aggregates: dict[str, list[str]] = field(default_factory=dict)  # by bounded context, in order


def plan_cml_identifiers(workspace: Workspace) -> CmlIdentifiers:
    """Identifiers for every name: bounded contexts first, so theirs change least when names clash."""
    contexts, domain_parts, aggregates = _Namespace(), _Namespace(), _Namespace()
    names = CmlIdentifiers(map=_Namespace().allocate(workspace.name, "Workspace"), domain="")
    for canvas in workspace.bounded_contexts:
        names.parties[canvas.name] = contexts.allocate(canvas.name, "Context")
    for system in workspace.external_systems:
        names.parties[system.name] = contexts.allocate(system.name, "ExternalSystem")
    for team in workspace.teams:
        names.teams[team.name] = contexts.allocate(team.name, "Team")
    names.domain = domain_parts.allocate(workspace.name, "Domain")
    for canvas in workspace.bounded_contexts:
        if canvas.domain in SUBDOMAIN_TYPES:
            names.subdomains[canvas.name] = domain_parts.allocate(f"{canvas.name} Domain", "Subdomain")
    for api in workspace.api_products:
        declared = api.sync_api.aggregates
        names.aggregates[api.bounded_context] = [aggregates.allocate(a.name, "Aggregate") for a in declared]
    return names


def export_cml(workspace: Workspace) -> str:
    """The workspace as CML text; importing it gives back the same contexts, relationships, patterns and roles."""
    names = plan_cml_identifiers(workspace)
    apis = {api.bounded_context: api for api in workspace.api_products}
    lines = block_comment(workspace.description) if workspace.description.strip() else []
    lines += _context_map(workspace, names)
    for canvas in workspace.bounded_contexts:
        lines += ["", *_canvas(canvas, names, apis.get(canvas.name))]
    for system in workspace.external_systems:
        lines += ["", *_external_system(system, names)]
    for team in workspace.teams:
        lines += ["", *_team(team, workspace, names)]
    lines += _domain(workspace, names)
    rest = describe_model(workspace, exclude=_WORKSPACE_FIELDS)
    if rest:
        lines += ["", *comment_lines([text.EXPORT_WORKSPACE_CONTENT, *rest], "")]
    return "\n".join(lines) + "\n"


def _context_map(workspace: Workspace, names: CmlIdentifiers) -> list[str]:
    lines = [f"ContextMap {names.map} {{", *comment_lines([text.EXPORT_HEADER], TAB)]
    lines.append(f"{TAB}type = SYSTEM_LANDSCAPE")
    lines += [f"{TAB}contains {identifier}" for identifier in names.parties.values()]
    for relationship in workspace.relationships:
        lines += ["", *_relationship(relationship, names)]
    return [*lines, "}"]


def _relationship(relationship: Relationship, names: CmlIdentifiers) -> list[str]:
    upstream, downstream = names.parties[relationship.upstream], names.parties[relationship.downstream]
    identifier = to_identifier(relationship.name, "")
    name = escape_identifier(identifier) if identifier else ""
    lines = comment_lines(describe_model(relationship, exclude=_RELATIONSHIP_FIELDS), TAB)
    if relationship.pattern is RelationshipPattern.SEPARATE_WAYS:
        note = text.EXPORT_SEPARATE_WAYS.format(first=relationship.upstream, second=relationship.downstream)
        return [*lines, *comment_lines([note], TAB), f"{TAB}{write_separate_ways_marker(upstream, downstream, name)}"]
    written = write_relationship(
        upstream, downstream, relationship.pattern, relationship.upstream_roles, relationship.downstream_roles
    )
    head = f"{TAB}{written}" + (f" : {name}" if name else "")
    if not relationship.implementation_technology:
        return [*lines, head]
    technology = write_string(relationship.implementation_technology)
    return [*lines, head + " {", f"{TAB}{TAB}implementationTechnology = {technology}", f"{TAB}}}"]


def _body(head: str, lines: list[str]) -> list[str]:
    """A BoundedContext with its body, or the bare declaration when it has nothing to say."""
    return [head] if not lines else [head + " {", *lines, "}"]


def _canvas(canvas: BoundedContextCanvas, names: CmlIdentifiers, api: ApiProductCanvas | None) -> list[str]:
    head = f"BoundedContext {names.parties[canvas.name]}"
    if canvas.name in names.subdomains:
        head += f" implements {names.subdomains[canvas.name]}"
    lines = [f"{TAB}domainVisionStatement = {write_string(canvas.purpose)}"] if canvas.purpose else []
    if canvas.business_model is not None:
        lines.append(f"{TAB}businessModel = {write_string(canvas.business_model.value.upper())}")
    if canvas.evolution is not None:
        lines.append(f"{TAB}evolution = {canvas.evolution.value.upper()}")
    rest = describe_model(canvas, exclude=_CONTEXT_FIELDS)
    if rest:
        lines += comment_lines([text.EXPORT_CANVAS_CONTENT, *rest], TAB)
    if api is not None:
        lines += comment_lines([text.EXPORT_API_PRODUCT, *describe_model(api, exclude={"bounded_context"})], TAB)
        lines += [f"{TAB}Aggregate {identifier}" for identifier in names.aggregates[canvas.name]]
    return _body(head, lines)


def _external_system(system: ExternalSystem, names: CmlIdentifiers) -> list[str]:
    lines = [f"{TAB}{write_external_marker(system.kind)}", f"{TAB}type = SYSTEM"]
    if system.description:
        lines.append(f"{TAB}domainVisionStatement = {write_string(system.description)}")
    rest = describe_model(system, exclude={"name", "kind", "description"})
    if rest:
        lines += comment_lines([text.EXPORT_CANVAS_CONTENT, *rest], TAB)
    return _body(f"BoundedContext {names.parties[system.name]}", lines)


def _team(team: Team, workspace: Workspace, names: CmlIdentifiers) -> list[str]:
    owned = [names.parties[c.name] for c in workspace.bounded_contexts if c.owner_team == team.name]
    head = f"BoundedContext {names.teams[team.name]}" + (f" realizes {', '.join(owned)}" if owned else "")
    lines = [f"{TAB}type = TEAM"]
    if team.description:
        lines.append(f"{TAB}domainVisionStatement = {write_string(team.description)}")
    return _body(head, lines)


def _domain(workspace: Workspace, names: CmlIdentifiers) -> list[str]:
    """One Domain whose Subdomains carry the contexts' strategic classification (core, supporting, generic)."""
    if not names.subdomains:
        return []
    lines = ["", f"Domain {names.domain} {{"]
    for canvas in workspace.bounded_contexts:
        if canvas.name in names.subdomains and canvas.domain is not None:
            subdomain = names.subdomains[canvas.name]
            lines += [
                f"{TAB}Subdomain {subdomain} {{",
                f"{TAB}{TAB}type = {SUBDOMAIN_TYPES[canvas.domain]}",
                f"{TAB}}}",
            ]
    return [*lines, "}"]
