"""Exports a workspace as a Context Mapper CML file that imports back with every context, relationship and role.

Names become CML identifiers (accents dropped, other characters turned into underscores, keywords
escaped with ^, clashes numbered). External systems become SYSTEM contexts and teams TEAM contexts
that realize the contexts they own; Separate Ways and external systems carry a workbench note so a
re-import restores them. What an imported model said beyond the canvases (its Context Mapper blocks) is
written back as it was. Everything else a canvas holds is kept as comments.
"""

from dataclasses import dataclass, field

from formats.cml import cml_messages as text
from formats.cml.cml_comments import block_comment, comment_lines, describe_model
from formats.cml.cml_domains import SUBDOMAIN_TYPES, TAB, kept_domain_names, kept_implements, write_domains
from formats.cml.cml_lexicon import escape_identifier, to_identifier, write_string
from formats.cml.cml_markers import (
    write_aggregate_marker,
    write_external_marker,
    write_name_marker,
    write_separate_ways_marker,
)
from formats.cml.cml_relationships import write_relationship
from models.api_product_canvas import ApiProductCanvas
from models.bounded_context import BoundedContextCanvas, BusinessModel
from models.context_mapper import ContextMapperContext, ContextMapperTeamRelationship
from models.relationship import Relationship, RelationshipPattern
from models.workspace import ExternalSystem, Team, Workspace

# Fields written as CML (or as the structure around it); all other content becomes comments.
_CONTEXT_FIELDS = {"name", "purpose", "domain", "business_model", "evolution", "owner_team", "context_mapper"}
_RELATIONSHIP_FIELDS = {
    "upstream",
    "downstream",
    "pattern",
    "upstream_roles",
    "downstream_roles",
    "name",
    "implementation_technology",
    "context_mapper",
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
    "context_mapper",
}


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
    subdomains: dict[str, str] = field(default_factory=dict)  # invented, by bounded context
    implements: dict[str, list[str]] = field(default_factory=dict)  # kept from the import, by bounded context
    aggregates: dict[str, list[str]] = field(default_factory=dict)  # by bounded context, in order
    aggregate_ids: dict[str, dict[str, str]] = field(default_factory=dict)  # by context: aggregate name -> id
    refinable: set[str] = field(default_factory=set)  # the bounded contexts (not systems) a context may refine
    domain_parts: set[str] = field(default_factory=set)  # the kept domains' and subdomains' names


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
    names.domain_parts = set(kept_domain_names(workspace))
    names.refinable = {c.name for c in workspace.bounded_contexts}
    domain_parts.taken |= names.domain_parts
    names.domain = domain_parts.allocate(workspace.name, "Domain")
    for canvas in workspace.bounded_contexts:
        kept = kept_implements(canvas, workspace)
        if kept is not None:
            names.implements[canvas.name] = [escape_identifier(part) for part in kept]
        elif canvas.domain in SUBDOMAIN_TYPES:
            names.subdomains[canvas.name] = domain_parts.allocate(f"{canvas.name} Domain", "Subdomain")
    for api in workspace.api_products:
        declared = api.sync_api.aggregates
        names.aggregates[api.bounded_context] = [aggregates.allocate(a.name, "Aggregate") for a in declared]
        names.aggregate_ids[api.bounded_context] = dict(
            zip([a.name for a in declared], names.aggregates[api.bounded_context], strict=True)
        )
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
    lines += write_domains(workspace, names.domain, names.subdomains)
    rest = describe_model(workspace, exclude=_WORKSPACE_FIELDS)
    if rest:
        lines += ["", *comment_lines([text.EXPORT_WORKSPACE_CONTENT, *rest], "")]
    return "\n".join(lines) + "\n"


def _context_map(workspace: Workspace, names: CmlIdentifiers) -> list[str]:
    kept = workspace.context_mapper
    lines = [f"ContextMap {names.map} {{", *comment_lines([text.EXPORT_HEADER], TAB)]
    lines += _name_marker(workspace.name, names.map)
    lines += [f"{TAB}type = {kept.map_type}"] if kept.map_type else []  # as imported; CML's default otherwise
    lines += [f"{TAB}state = {kept.map_state}"] if kept.map_state else []
    lines += [f"{TAB}contains {identifier}" for identifier in names.parties.values()]
    if kept.map_type == "ORGANIZATIONAL":  # only an organisational map may hold the teams
        lines += [f"{TAB}contains {identifier}" for identifier in names.teams.values()]
    for relationship in workspace.relationships:
        lines += ["", *_relationship(relationship, names)]
    ends = {**names.parties, **names.teams}
    for team_relationship in kept.team_relationships if kept.map_type == "ORGANIZATIONAL" else []:
        if _writable_team_relationship(team_relationship, ends, names):
            lines += ["", f"{TAB}{_team_relationship(team_relationship, names)}"]
    return [*lines, "}"]


def _writable_team_relationship(
    relationship: ContextMapperTeamRelationship, ends: dict[str, str], names: CmlIdentifiers
) -> bool:
    """Two different known ends, one of them a team: anything else would not come back as a team relationship."""
    pair = {relationship.upstream, relationship.downstream}
    return len(pair) == 2 and pair <= set(ends) and bool(pair & set(names.teams))


def _team_relationship(relationship: ContextMapperTeamRelationship, names: CmlIdentifiers) -> str:
    ends = {**names.parties, **names.teams}
    upstream, downstream = ends[relationship.upstream], ends[relationship.downstream]
    roles = (relationship.upstream_roles, relationship.downstream_roles)
    written = write_relationship(upstream, downstream, relationship.pattern, *roles)
    return written + (f" : {escape_identifier(relationship.name)}" if relationship.name else "")


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
    settings = _relationship_settings(relationship, names)
    return [*lines, head] if not settings else [*lines, head + " {", *settings, f"{TAB}}}"]


def _relationship_settings(relationship: Relationship, names: CmlIdentifiers) -> list[str]:
    kept = relationship.context_mapper
    settings = []
    if relationship.implementation_technology:
        settings.append(f"implementationTechnology = {write_string(relationship.implementation_technology)}")
    # Written only where Context Mapper allows them: aggregates the upstream declares, rights on a direction.
    written = names.aggregate_ids.get(relationship.upstream, {})
    exposed = [written[a] for a in kept.exposed_aggregates if a in written]
    if exposed and not relationship.is_symmetric:
        settings.append(f"exposedAggregates = {', '.join(exposed)}")
    if kept.downstream_rights and not relationship.is_symmetric:
        settings.append(f"downstreamRights = {kept.downstream_rights}")
    return [f"{TAB}{TAB}{setting}" for setting in settings]


def declared_parts(implements: list[str], declared: set[str]) -> list[str]:
    """The implemented domains and subdomains that the export declares, as identifiers (an unknown one is left out:
    Context Mapper refuses a reference to nothing)."""
    return [escape_identifier(part) for part in dict.fromkeys(implements) if part in declared]


def _name_marker(name: str, identifier: str) -> list[str]:
    """The workbench note that restores a name its identifier had to change ("Order-Service", "Préavis")."""
    return [] if identifier.removeprefix("^") == name else [f"{TAB}{write_name_marker(name)}"]


def _body(head: str, lines: list[str]) -> list[str]:
    """A BoundedContext with its body, or the bare declaration when it has nothing to say."""
    return [head] if not lines else [head + " {", *lines, "}"]


def _canvas(canvas: BoundedContextCanvas, names: CmlIdentifiers, api: ApiProductCanvas | None) -> list[str]:
    parts = names.implements.get(canvas.name) or (
        [names.subdomains[canvas.name]] if canvas.name in names.subdomains else []
    )
    head = f"BoundedContext {names.parties[canvas.name]}" + _clauses(parts, [], canvas.context_mapper, names)
    kept = canvas.context_mapper
    lines = _name_marker(canvas.name, names.parties[canvas.name])
    lines += [f"{TAB}type = {kept.type}"] if kept.type and kept.type != "TEAM" else []  # TEAM: a team's only
    lines += [f"{TAB}domainVisionStatement = {write_string(canvas.purpose)}"] if canvas.purpose else []
    business = _business_model(canvas, kept)
    lines += [f"{TAB}businessModel = {write_string(business)}"] if business else []
    if canvas.evolution is not None:
        lines.append(f"{TAB}evolution = {canvas.evolution.value.upper()}")
    lines += _kept_settings(kept)
    rest = describe_model(canvas, exclude=_CONTEXT_FIELDS)
    if rest:
        lines += comment_lines([text.EXPORT_CANVAS_CONTENT, *rest], TAB)
    if api is not None:
        lines += comment_lines([text.EXPORT_API_PRODUCT, *describe_model(api, exclude={"bounded_context"})], TAB)
        lines += _aggregates(api, names, canvas.context_mapper)
    return _body(head, lines)


def _aggregates(api: ApiProductCanvas, names: CmlIdentifiers, kept: ContextMapperContext) -> list[str]:
    """An Aggregate per aggregate of the API product, with the owner team the imported model gave it."""
    lines = []
    for aggregate, identifier in zip(api.sync_api.aggregates, names.aggregates[api.bounded_context], strict=True):
        if identifier.removeprefix("^") != aggregate.name:
            lines.append(f"{TAB}{write_aggregate_marker(identifier, aggregate.name)}")
        owner = kept.aggregate_owners.get(aggregate.name)
        if owner not in names.teams:
            lines.append(f"{TAB}Aggregate {identifier}")
        else:
            team = names.teams[owner]
            lines += [f"{TAB}Aggregate {identifier} {{", f"{TAB}{TAB}owner = {team}", f"{TAB}}}"]
    return lines


def _owned_before(name: str, team: Team, workspace: Workspace) -> bool:
    """A context this team realizes without owning it, whose owner comes first: a re-import keeps that owner."""
    canvas = workspace.context(name)
    teams = [t.name for t in workspace.teams]
    owner = canvas.owner_team if canvas is not None else None
    return owner is not None and teams.index(owner) < teams.index(team.name)


def _business_model(canvas: BoundedContextCanvas, kept: ContextMapperContext) -> str:
    """The model's own text when the canvas still says what it was imported as, else the canvas's option."""
    if kept.business_model and canvas.business_model in (None, BusinessModel.OTHER):
        imported_as = None if kept.business_model.strip().upper() == "UNDEFINED" else BusinessModel.OTHER
        if canvas.business_model is imported_as:
            return kept.business_model
    return canvas.business_model.value.upper() if canvas.business_model is not None else ""


def _clauses(implements: list[str], realizes: list[str], kept: ContextMapperContext, names: CmlIdentifiers) -> str:
    clauses = f" implements {', '.join(implements)}" if implements else ""
    clauses += f" realizes {', '.join(realizes)}" if realizes else ""
    if kept.refines in names.refinable:
        clauses += f" refines {names.parties[kept.refines]}"
    return clauses


def _kept_settings(kept: ContextMapperContext) -> list[str]:
    """The settings an imported context had that no canvas field holds, as they were written."""
    lines = []
    if kept.implementation_technology:
        lines.append(f"implementationTechnology = {write_string(kept.implementation_technology)}")
    if kept.responsibilities:
        lines.append(f"responsibilities = {', '.join(write_string(r) for r in kept.responsibilities)}")
    if kept.knowledge_level:
        lines.append(f"knowledgeLevel = {kept.knowledge_level}")
    return [f"{TAB}{line}" for line in lines]


def _external_system(system: ExternalSystem, names: CmlIdentifiers) -> list[str]:
    kept = system.context_mapper
    head = f"BoundedContext {names.parties[system.name]}" + _clauses(
        declared_parts(kept.implements, names.domain_parts), [], kept, names
    )
    lines = [f"{TAB}{write_external_marker(system.kind)}", *_name_marker(system.name, names.parties[system.name])]
    lines.append(f"{TAB}type = {kept.type if kept.type and kept.type != 'TEAM' else 'SYSTEM'}")
    if system.description:
        lines.append(f"{TAB}domainVisionStatement = {write_string(system.description)}")
    lines += _kept_settings(kept)
    rest = describe_model(system, exclude={"name", "kind", "description", "context_mapper"})
    if rest:
        lines += comment_lines([text.EXPORT_CANVAS_CONTENT, *rest], TAB)
    return _body(head, lines)


def _team(team: Team, workspace: Workspace, names: CmlIdentifiers) -> list[str]:
    kept = team.context_mapper
    owned = [c.name for c in workspace.bounded_contexts if c.owner_team == team.name]
    owned += [n for n in kept.realizes if n not in owned and _owned_before(n, team, workspace)]
    head = f"BoundedContext {names.teams[team.name]}" + _clauses(
        declared_parts(kept.implements, names.domain_parts), [names.parties[n] for n in owned], kept, names
    )
    lines = [*_name_marker(team.name, names.teams[team.name]), f"{TAB}type = TEAM"]
    if team.description:
        lines.append(f"{TAB}domainVisionStatement = {write_string(team.description)}")
    lines += _kept_settings(kept)
    return _body(head, lines)
