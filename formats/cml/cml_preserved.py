"""Reads what a CML model says that no canvas field holds into the workspace's Context Mapper blocks.

The writer puts each of these back where it came from, so a model survives import and export unchanged:
a context's type, technology, responsibilities, implemented subdomains, knowledge level and refined context;
a relationship's exposed aggregates and downstream rights; the map's type and state; the domains with their
subdomains; the relationships between teams.
"""

from typing import Any

from formats.cml.cml_model import CmlContext, CmlDocument, CmlSetting, CmlSubdomain
from formats.cml.cml_relationships import ReadRelationship


def _text(settings: tuple[CmlSetting, ...], keyword: str) -> str:
    return next((s.text for s in settings if s.keyword == keyword), "")


def context_facts(context: CmlContext, business_model: str) -> dict[str, Any]:
    """The context's own Context Mapper block (all empty when it says nothing beyond the canvas fields).

    `business_model` is the model's text when no canvas option matches it ("" otherwise)."""
    responsibilities = context.setting("responsibilities")
    refined = context.referenced("refines")
    facts = {
        "type": _text(context.settings, "type"),
        "implementation_technology": _text(context.settings, "implementationTechnology"),
        "responsibilities": list(responsibilities.texts) if responsibilities else [],
        "implements": [name.text for name in context.referenced("implements")],
        "knowledge_level": _text(context.settings, "knowledgeLevel"),
        "refines": refined[0].text if refined else "",
        "realizes": [name.text for name in context.referenced("realizes")],
        "business_model": business_model,
        "aggregate_owners": {a.name.text: a.owner.text for a in context.aggregates if a.owner is not None},
    }
    return facts


def relationship_facts(read: ReadRelationship) -> dict[str, Any]:
    settings = read.written.settings
    exposed = next((s for s in settings if s.keyword == "exposedAggregates"), None)
    facts = {
        "exposed_aggregates": [name.text for name in exposed.names] if exposed else [],
        "downstream_rights": _text(settings, "downstreamRights"),
    }
    return facts


def team_relationship(read: ReadRelationship) -> dict[str, Any]:
    """Ends, pattern, roles and name of a relationship, as a team map entry (and the start of any relationship)."""
    return {
        "upstream": read.upstream.text,
        "downstream": read.downstream.text,
        "pattern": read.pattern.value,
        "upstream_roles": [role.value for role in read.upstream_roles],
        "downstream_roles": [role.value for role in read.downstream_roles],
        "name": read.written.name.text if read.written.name else "",
    }


def model_facts(document: CmlDocument, team_relationships: list[dict[str, Any]]) -> dict[str, Any]:
    """The map's type and state, the domains and the team map."""
    settings = document.maps[0].settings if document.maps else ()
    facts = {
        "map_type": _text(settings, "type"),
        "map_state": _text(settings, "state"),
        "domains": [
            {
                "name": domain.name.text,
                "vision": _text(domain.settings, "domainVisionStatement"),
                "subdomains": [_subdomain(s) for s in domain.subdomains],
            }
            for domain in document.domains
        ],
        "team_relationships": team_relationships,
    }
    return facts


def _subdomain(subdomain: CmlSubdomain) -> dict[str, Any]:
    return {
        "name": subdomain.name.text,
        "type": _text(subdomain.settings, "type"),
        "vision": _text(subdomain.settings, "domainVisionStatement"),
    }
