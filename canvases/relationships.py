"""The context-map relationship editor, declared like a canvas: sides, pattern and roles, integration."""

from typing import Any

from canvases.definition import CanvasDef, FieldDef, FieldKind, SectionDef, options_of
from canvases.integration import INTEGRATION_FIELDS
from canvases.vocabulary import PATTERN_LABELS, ROLE_LABELS
from models.relationship import RelationshipPattern, Role, find_pattern_problems

F = FieldKind

SIDES = SectionDef(
    "sides",
    "Pattern and roles",
    "Who publishes and who consumes, and which DDD pattern describes the two teams' relationship? "
    "Upstream takes OHS and PL, downstream ACL or CF; Shared Kernel, Partnership and Separate Ways take no roles.",
    (
        FieldDef("upstream", "Upstream", F.CONTEXT, "The context or external system whose model flows out."),
        FieldDef("downstream", "Downstream", F.CONTEXT, "The context or external system that depends on it."),
        FieldDef(
            "pattern",
            "Pattern",
            F.CHOICE,
            "Customer/Supplier: the supplier plans for its customer. Symmetric patterns have no direction.",
            options_of(RelationshipPattern, PATTERN_LABELS),
        ),
        FieldDef(
            "upstream_roles",
            "Upstream roles",
            F.MULTI_CHOICE,
            "Open Host Service and Published Language.",
            options_of(Role, ROLE_LABELS),
        ),
        FieldDef(
            "downstream_roles",
            "Downstream roles",
            F.MULTI_CHOICE,
            "Anticorruption Layer or Conformist.",
            options_of(Role, ROLE_LABELS),
        ),
    ),
)
INTEGRATION = SectionDef(
    "integration",
    "Integration",
    "How the two are wired at runtime: this is what the coupling analysis weighs.",
    (
        FieldDef("name", "Name", F.TEXT, "A short name, e.g. 'Title look-up'."),
        FieldDef("implementation_technology", "Implementation technology", F.TEXT, "e.g. REST/JSON, Kafka topic."),
        *INTEGRATION_FIELDS,
        FieldDef("notes", "Notes", F.LONG_TEXT),
    ),
    columns=3,
)

RELATIONSHIP_EDITOR = CanvasDef(
    key="relationship",
    title="Relationship",
    collection="relationships",
    name_field="name",
    attribution="Context-map patterns after the DDD Crew's Context Mapping and Context Mapper",
    licence="CC BY 4.0 · github.com/ddd-crew/context-mapping",
    source_url="https://github.com/ddd-crew/context-mapping",
    aspect=1.0,
    sections=(SIDES, INTEGRATION),
)
ROLE_FIELDS = ("upstream_roles", "downstream_roles")


def _roles(values: list[Any]) -> list[Role]:
    known = {role.value for role in Role}
    return [Role(v) for v in values if v in known]


def role_problems(data: dict[str, Any]) -> dict[str, list[str]]:
    """The pattern rules each side's roles break, keyed by the roles field to show them under.

    The model rejects a relationship as a whole; checking one side at a time says which field to fix.
    """
    try:
        pattern = RelationshipPattern(str(data.get("pattern")))
    except ValueError:
        pattern = None
    up = (str(data.get("upstream") or "upstream"), _roles(data.get("upstream_roles") or []))
    down = (str(data.get("downstream") or "downstream"), _roles(data.get("downstream_roles") or []))
    found = {
        "upstream_roles": find_pattern_problems(pattern, up, (down[0], [])),
        "downstream_roles": find_pattern_problems(pattern, (up[0], []), down),
    }
    return {key: messages for key, messages in found.items() if messages}


def describe_relationship(data: dict[str, Any]) -> str:
    """'Upstream → Downstream · Pattern · name' for pickers and lists."""
    pattern = PATTERN_LABELS.get(str(data.get("pattern")), str(data.get("pattern")))
    arrow = "↔" if data.get("pattern") in ("partnership", "shared_kernel", "separate_ways") else "→"
    name = f" · {data['name']}" if data.get("name") else ""
    return f"{data.get('upstream') or '?'} {arrow} {data.get('downstream') or '?'} · {pattern}{name}"
