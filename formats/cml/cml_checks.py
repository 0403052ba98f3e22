"""Context Mapper's validator rules on a parsed CML file (canvases.md §4.1): errors stop an import, warnings do not."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from formats.cml import cml_messages as text
from formats.cml.cml_lexicon import KEYWORDS
from formats.cml.cml_model import CmlContext, CmlDocument, CmlMap, CmlName, CmlProblem, CmlRelationship, CmlSetting
from formats.cml.cml_relationships import ReadRelationship, read_relationship
from models.relationship import PATTERN_LABELS, RelationshipPattern, Role

# The enumerations of the grammar: keyword of the setting -> (what it is, allowed values).
MAP_TYPES = ("SYSTEM_LANDSCAPE", "ORGANIZATIONAL", "UNDEFINED")
CONTEXT_TYPES = ("FEATURE", "APPLICATION", "SYSTEM", "TEAM", "UNDEFINED")
SUBDOMAIN_TYPES = ("CORE_DOMAIN", "SUPPORTING_DOMAIN", "GENERIC_SUBDOMAIN", "UNDEFINED")
_MAP_VALUES = {"type": ("context map type", MAP_TYPES), "state": ("context map state", ("AS_IS", "TO_BE", "UNDEFINED"))}
_CONTEXT_VALUES = {
    "type": ("bounded context type", CONTEXT_TYPES),
    "knowledgeLevel": ("knowledge level", ("META", "CONCRETE")),
    "evolution": ("evolution stage", ("GENESIS", "CUSTOM_BUILT", "PRODUCT", "COMMODITY", "UNDEFINED")),
}
_RELATIONSHIP_VALUES = {
    "downstreamRights": (
        "downstream right",
        ("INFLUENCER", "OPINION_LEADER", "VETO_RIGHT", "DECISION_MAKER", "MONOPOLIST"),
    )
}
_SUBDOMAIN_VALUES = {"type": ("subdomain type", SUBDOMAIN_TYPES)}


@dataclass
class CmlReport:
    errors: list[CmlProblem] = field(default_factory=list)
    warnings: list[CmlProblem] = field(default_factory=list)
    relationships: list[ReadRelationship] = field(default_factory=list)  # the readable ones, in file order


def context_type(context: CmlContext) -> str:
    setting = context.setting("type")
    return setting.text if setting else ""


def undeclared(document: CmlDocument) -> str:
    """How a name that no BoundedContext declares is reported: a file with unread imports may declare it there."""
    return text.UNDECLARED_MAYBE_IMPORTED if document.imports else text.UNDECLARED_CONTEXT


def check_cml_document(document: CmlDocument) -> CmlReport:
    """Every error and warning in the document, and its relationships read into patterns and roles."""
    report = CmlReport()
    report.errors += [
        *_extra_maps(document),
        *_keyword_names(document.names),
        *_settings_problems(document),
        *_duplicate_names(document),
        *_context_references(document),
    ]
    if document.imports:
        report.warnings.append(CmlProblem(document.imports[0].at, text.IMPORT_NOT_FOLLOWED))
    report.warnings += _several_domains(document)
    for context_map in document.maps[:1]:
        _check_map(document, context_map, report)
    return report


def _extra_maps(document: CmlDocument) -> Iterator[CmlProblem]:
    for extra in document.maps[1:]:
        yield CmlProblem(extra.at, text.MORE_THAN_ONE_MAP)


def _keyword_names(names: Iterable[CmlName]) -> Iterator[CmlProblem]:
    for name in names:
        if not name.escaped and name.text in KEYWORDS:
            yield CmlProblem(name.at, text.KEYWORD_FOR_NAME.format(word=name.text))


def _settings_problems(document: CmlDocument) -> Iterator[CmlProblem]:
    for context_map in document.maps:
        yield from _setting_values(context_map.settings, _MAP_VALUES)
        for relationship in context_map.relationships:
            yield from _setting_values(relationship.settings, _RELATIONSHIP_VALUES)
    for context in document.contexts:
        yield from _setting_values(context.clauses, {})
        yield from _setting_values(context.settings, _CONTEXT_VALUES)
    for domain in document.domains:
        yield from _setting_values(domain.settings, {})
        for subdomain in domain.subdomains:
            yield from _setting_values(subdomain.settings, _SUBDOMAIN_VALUES)


def _setting_values(
    settings: Iterable[CmlSetting], allowed: Mapping[str, tuple[str, tuple[str, ...]]]
) -> Iterator[CmlProblem]:
    """Each setting given once, and an enumeration value that the grammar allows, written without ^."""
    seen: set[str] = set()
    for setting in settings:
        if setting.keyword in seen:
            yield CmlProblem(setting.at, text.GIVEN_TWICE.format(keyword=setting.keyword))
        seen.add(setting.keyword)
        if setting.keyword not in allowed or not setting.names:
            continue
        what, values = allowed[setting.keyword]
        value = setting.names[0]
        if value.escaped:
            yield CmlProblem(value.at, text.ESCAPED_VALUE.format(value=value.text, what=what))
        elif value.text not in values:
            message = text.UNKNOWN_VALUE.format(value=value.text, what=what, allowed=", ".join(values))
            yield CmlProblem(value.at, message)


def _first_of_each(names: Iterable[CmlName]) -> tuple[dict[str, CmlName], list[tuple[CmlName, CmlName]]]:
    """Names by text (the first occurrence) and each later occurrence paired with the first."""
    first: dict[str, CmlName] = {}
    repeats = []
    for name in names:
        if name.text in first:
            repeats.append((name, first[name.text]))
        else:
            first[name.text] = name
    return first, repeats


def _duplicate_names(document: CmlDocument) -> Iterator[CmlProblem]:
    kinds = (
        ([c.name for c in document.contexts], text.DUPLICATE_CONTEXT),
        ([d.name for d in document.domains], text.DUPLICATE_DOMAIN),
        ([s.name for d in document.domains for s in d.subdomains], text.DUPLICATE_SUBDOMAIN),
    )
    for names, message in kinds:
        for repeat, first in _first_of_each(names)[1]:
            where = f"{first.at.file}, line {first.at.line}" if first.at.file else f"line {first.at.line}"
            yield CmlProblem(repeat.at, message.format(name=repeat.text, where=where))
    for domain in document.domains:
        for subdomain in domain.subdomains:
            if subdomain.name.text == domain.name.text:
                yield CmlProblem(subdomain.name.at, text.SUBDOMAIN_NAMED_LIKE_DOMAIN.format(name=subdomain.name.text))


def _kind_of(context: CmlContext | None) -> str:
    kind = context_type(context) if context else ""
    return text.OF_TYPE.format(type=kind) if kind else text.NO_TYPE


def _context_references(document: CmlDocument) -> Iterator[CmlProblem]:
    contexts = {c.name.text: c for c in document.contexts}
    parts = {d.name.text for d in document.domains} | {s.name.text for d in document.domains for s in d.subdomains}
    for context in document.contexts:
        for part in context.referenced("implements"):
            if part.text not in parts:
                yield CmlProblem(part.at, text.UNDECLARED_DOMAIN_PART.format(name=part.text))
        for other in [*context.referenced("realizes"), *context.referenced("refines")]:
            if other.text not in contexts:
                yield CmlProblem(other.at, undeclared(document).format(name=other.text))
        realizes = context.referenced("realizes")
        if realizes and context_type(context) != "TEAM":
            message = text.REALIZES_WITHOUT_TEAM.format(name=context.name.text, kind=_kind_of(context))
            yield CmlProblem(realizes[0].at, message)
        for aggregate in context.aggregates:
            owner = aggregate.owner
            if owner is not None and owner.text not in contexts:
                yield CmlProblem(owner.at, undeclared(document).format(name=owner.text))
            elif owner is not None and context_type(contexts[owner.text]) != "TEAM":
                kind = _kind_of(contexts[owner.text])
                message = text.OWNER_NOT_TEAM.format(aggregate=aggregate.name.text, name=owner.text, kind=kind)
                yield CmlProblem(owner.at, message)
    yield from _implemented_domains(document)


def _implemented_domains(document: CmlDocument) -> Iterator[CmlProblem]:
    """A context may not implement a Domain and one of that Domain's Subdomains."""
    parent = {s.name.text: d.name.text for d in document.domains for s in d.subdomains}
    for context in document.contexts:
        implemented = {part.text for part in context.referenced("implements")}
        for part in context.referenced("implements"):
            domain = parent.get(part.text)
            if domain is not None and domain in implemented:
                message = text.IMPLEMENTS_DOMAIN_AND_SUBDOMAIN.format(
                    context=context.name.text, domain=domain, subdomain=part.text
                )
                yield CmlProblem(part.at, message)


def _several_domains(document: CmlDocument) -> list[CmlProblem]:
    parent = {s.name.text: d.name.text for d in document.domains for s in d.subdomains}
    parent.update({d.name.text: d.name.text for d in document.domains})
    warnings = []
    for context in document.contexts:
        domains = sorted({parent[p.text] for p in context.referenced("implements") if p.text in parent})
        if len(domains) > 1:
            message = text.SEVERAL_DOMAINS.format(name=context.name.text, domains=", ".join(domains))
            warnings.append(CmlProblem(context.name.at, message))
    return warnings


def _check_map(document: CmlDocument, context_map: CmlMap, report: CmlReport) -> None:
    contexts = {c.name.text: c for c in document.contexts}
    for name in context_map.contains:
        if name.text not in contexts:
            report.errors.append(CmlProblem(name.at, undeclared(document).format(name=name.text)))
    map_type = next((s.text for s in context_map.settings if s.keyword == "type"), "")
    teams = [n for n in context_map.contains if n.text in contexts and context_type(contexts[n.text]) == "TEAM"]
    if map_type == "SYSTEM_LANDSCAPE":
        report.errors += [CmlProblem(team.at, text.TEAM_ON_LANDSCAPE.format(name=team.text)) for team in teams]
    if map_type == "ORGANIZATIONAL" and not teams:
        report.warnings.append(CmlProblem(context_map.at, text.ORGANIZATIONAL_WITHOUT_TEAM))
    contained = {name.text for name in context_map.contains}
    for written in context_map.relationships:
        read, problems = read_relationship(written)
        problems += _participant_problems(written, contexts, contained, undeclared(document))
        if read is not None:
            problems += _attribute_problems(read, contexts)
            report.warnings += _soft_rule_warnings(read)
        report.errors += problems
        if read is not None and not problems:
            report.relationships.append(read)


def _participant_problems(
    written: CmlRelationship, contexts: dict[str, CmlContext], contained: set[str], undeclared_message: str
) -> list[CmlProblem]:
    problems = []
    for participant in (written.first, written.second):
        if participant.text not in contexts:
            problems.append(CmlProblem(participant.at, undeclared_message.format(name=participant.text)))
        elif participant.text not in contained:
            problems.append(CmlProblem(participant.at, text.NOT_ON_MAP.format(name=participant.text)))
    return problems


def _attribute_problems(read: ReadRelationship, contexts: dict[str, CmlContext]) -> list[CmlProblem]:
    problems = []
    for setting in read.written.settings:
        if read.is_symmetric and setting.keyword in ("exposedAggregates", "downstreamRights"):
            message = text.ATTRIBUTE_NOT_SYMMETRIC.format(keyword=setting.keyword, pattern=PATTERN_LABELS[read.pattern])
            problems.append(CmlProblem(setting.at, message))
        elif setting.keyword == "exposedAggregates" and read.upstream.text in contexts:
            upstream = contexts[read.upstream.text]
            aggregates = {aggregate.name.text for aggregate in upstream.aggregates}
            problems += [
                CmlProblem(name.at, text.EXPOSED_NOT_UPSTREAM.format(aggregate=name.text, context=upstream.name.text))
                for name in setting.names
                if name.text not in aggregates
            ]
    return problems


def _soft_rule_warnings(read: ReadRelationship) -> list[CmlProblem]:
    if read.pattern is RelationshipPattern.CUSTOMER_SUPPLIER and Role.ANTICORRUPTION_LAYER in read.downstream_roles:
        return [CmlProblem(read.written.connector_at, text.CUSTOMER_SUPPLIER_ACL.format(name=read.downstream.text))]
    return []
