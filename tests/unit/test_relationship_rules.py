"""DDD context-map rules (design/canvases.md §4) on Relationship and on a BCC CommunicationEntry."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from models import messages
from models.bounded_context import CommunicationEntry
from models.relationship import (
    PATTERN_LABELS,
    SYMMETRIC_PATTERNS,
    Relationship,
    RelationshipPattern,
    Role,
    Side,
)

OHS, PL, ACL, CF = Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE, Role.ANTICORRUPTION_LAYER, Role.CONFORMIST
UP, DOWN = "Valuation", "Portal"
THIS = "this context"  # how a CommunicationEntry names its own context in messages
OTHER = "Pricing"

P = RelationshipPattern
SYMMETRIC = sorted(SYMMETRIC_PATTERNS)


def relationship_errors(**fields: object) -> list[str]:
    """The messages with which Relationship(**fields) is rejected."""
    fields = {"upstream": UP, "downstream": DOWN, **fields}
    with pytest.raises(ValidationError) as caught:
        Relationship(**fields)
    return [str(error["ctx"]["error"]) for error in caught.value.errors()]


def entry_errors(**fields: object) -> list[str]:
    fields = {"collaborator": OTHER, **fields}
    with pytest.raises(ValidationError) as caught:
        CommunicationEntry(**fields)
    return [str(error["ctx"]["error"]) for error in caught.value.errors()]


# --- Relationship: roles on the wrong side ------------------------------------------------------


@pytest.mark.parametrize("role", [OHS, PL])
def test_an_upstream_role_on_the_downstream_side_is_rejected(role: Role) -> None:
    assert relationship_errors(downstream_roles=[role]) == [
        messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles=role.value, name=DOWN)
    ]


def test_open_host_service_on_the_downstream_side_is_rejected() -> None:
    assert relationship_errors(downstream_roles=[OHS]) == [
        messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS", name=DOWN)
    ]


def test_open_host_service_and_published_language_on_the_downstream_side_are_named_together() -> None:
    assert relationship_errors(downstream_roles=[OHS, PL]) == [
        messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS, PL", name=DOWN)
    ]


@pytest.mark.parametrize("role", [ACL, CF])
def test_a_downstream_role_on_the_upstream_side_is_rejected(role: Role) -> None:
    assert relationship_errors(upstream_roles=[role]) == [
        messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles=role.value, name=UP)
    ]


@pytest.mark.parametrize("pattern", [P.UPSTREAM_DOWNSTREAM, P.CUSTOMER_SUPPLIER])
def test_misplaced_roles_are_rejected_in_every_asymmetric_pattern(pattern: RelationshipPattern) -> None:
    assert relationship_errors(pattern=pattern, upstream_roles=[ACL], downstream_roles=[PL]) == [
        " ".join(
            [
                messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="PL", name=DOWN),
                messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="ACL", name=UP),
            ]
        )
    ]


# --- Relationship: symmetric patterns take no roles ---------------------------------------------


@pytest.mark.parametrize("pattern", SYMMETRIC)
@pytest.mark.parametrize(
    ("upstream_roles", "downstream_roles"),
    [([OHS], []), ([], [ACL]), ([PL], [CF]), ([ACL], [OHS])],
    ids=["upstream-OHS", "downstream-ACL", "PL-and-CF", "swapped-ACL-and-OHS"],
)
def test_roles_on_a_symmetric_pattern_are_rejected(
    pattern: RelationshipPattern, upstream_roles: list[Role], downstream_roles: list[Role]
) -> None:
    found = ", ".join(role.value for role in [*upstream_roles, *downstream_roles])
    assert relationship_errors(pattern=pattern, upstream_roles=upstream_roles, downstream_roles=downstream_roles) == [
        messages.SYMMETRIC_WITH_ROLES.format(pattern=PATTERN_LABELS[pattern], roles=found)
    ]


# --- Relationship: Customer/Supplier, ACL+CF, self, duplicates, blanks --------------------------


def test_open_host_service_upstream_in_customer_supplier_is_rejected() -> None:
    assert relationship_errors(pattern=P.CUSTOMER_SUPPLIER, upstream_roles=[OHS]) == [
        messages.CUSTOMER_SUPPLIER_OHS.format(name=UP)
    ]


def test_conformist_downstream_in_customer_supplier_is_rejected() -> None:
    assert relationship_errors(pattern=P.CUSTOMER_SUPPLIER, downstream_roles=[CF]) == [
        messages.CUSTOMER_SUPPLIER_CF.format(name=DOWN)
    ]


def test_customer_supplier_with_open_host_service_and_conformist_reports_both() -> None:
    assert relationship_errors(pattern=P.CUSTOMER_SUPPLIER, upstream_roles=[OHS, PL], downstream_roles=[CF]) == [
        " ".join([messages.CUSTOMER_SUPPLIER_OHS.format(name=UP), messages.CUSTOMER_SUPPLIER_CF.format(name=DOWN)])
    ]


@pytest.mark.parametrize("roles", [[ACL, CF], [CF, ACL]])
def test_anticorruption_layer_together_with_conformist_is_rejected(roles: list[Role]) -> None:
    assert relationship_errors(downstream_roles=roles) == [messages.ACL_WITH_CF.format(name=DOWN)]


def test_every_broken_rule_of_a_relationship_is_reported_at_once() -> None:
    assert relationship_errors(upstream_roles=[CF], downstream_roles=[PL, ACL, CF]) == [
        " ".join(
            [
                messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="PL", name=DOWN),
                messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="CF", name=UP),
                messages.ACL_WITH_CF.format(name=DOWN),
            ]
        )
    ]


@pytest.mark.parametrize("pattern", list(RelationshipPattern))
def test_a_context_related_to_itself_is_rejected(pattern: RelationshipPattern) -> None:
    assert relationship_errors(upstream=UP, downstream=UP, pattern=pattern) == [
        messages.SELF_RELATIONSHIP.format(name=UP)
    ]


@pytest.mark.parametrize("field", ["upstream_roles", "downstream_roles"])
@pytest.mark.parametrize("role", list(Role))
def test_a_role_listed_twice_is_rejected(field: str, role: Role) -> None:
    with pytest.raises(ValidationError) as caught:
        Relationship(upstream=UP, downstream=DOWN, **{field: [role, role]})
    (error,) = caught.value.errors()
    assert error["loc"] == (field,)
    assert str(error["ctx"]["error"]) == messages.DUPLICATE_ROLE.format(role=role.value)


@pytest.mark.parametrize(("upstream", "downstream"), [("", DOWN), (UP, "  "), ("\u3000", "\u00a0")])
def test_a_relationship_side_without_a_name_is_rejected(upstream: str, downstream: str) -> None:
    assert relationship_errors(upstream=upstream, downstream=downstream) == [
        messages.EMPTY_NAME.format(what="Each side of a relationship")
    ]


def test_roles_assigned_after_creation_are_checked_too() -> None:
    relationship = Relationship(upstream=UP, downstream=DOWN, pattern=P.CUSTOMER_SUPPLIER)
    with pytest.raises(ValidationError) as caught:
        relationship.downstream_roles = [CF]
    assert messages.CUSTOMER_SUPPLIER_CF.format(name=DOWN) in str(caught.value)


# --- Relationship: close valid variants -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "upstream_roles", "downstream_roles"),
    [
        (P.CUSTOMER_SUPPLIER, [PL], [ACL]),  # ACL in C/S is only a Context Mapper warning
        (P.CUSTOMER_SUPPLIER, [PL], []),
        (P.CUSTOMER_SUPPLIER, [], [ACL]),
        (P.CUSTOMER_SUPPLIER, [], []),
        (P.UPSTREAM_DOWNSTREAM, [OHS, PL], [CF]),
        (P.UPSTREAM_DOWNSTREAM, [PL, OHS], [ACL]),
        (P.UPSTREAM_DOWNSTREAM, [OHS], []),
        (P.UPSTREAM_DOWNSTREAM, [], [CF]),
        (P.UPSTREAM_DOWNSTREAM, [], []),
        (P.PARTNERSHIP, [], []),
        (P.SHARED_KERNEL, [], []),
        (P.SEPARATE_WAYS, [], []),
    ],
)
def test_a_valid_pattern_and_role_combination_is_accepted(
    pattern: RelationshipPattern, upstream_roles: list[Role], downstream_roles: list[Role]
) -> None:
    relationship = Relationship(
        upstream=UP,
        downstream=DOWN,
        pattern=pattern,
        upstream_roles=upstream_roles,
        downstream_roles=downstream_roles,
    )
    assert (relationship.upstream, relationship.downstream) == (UP, DOWN)
    assert relationship.pattern is pattern
    assert relationship.upstream_roles == upstream_roles
    assert relationship.downstream_roles == downstream_roles
    assert relationship.is_symmetric == (pattern in SYMMETRIC_PATTERNS)


def test_a_relationship_without_a_pattern_is_upstream_downstream_and_accepts_its_roles() -> None:
    relationship = Relationship(upstream=UP, downstream=DOWN, upstream_roles=["OHS", "PL"], downstream_roles=["CF"])
    assert relationship.pattern is P.UPSTREAM_DOWNSTREAM
    assert relationship.upstream_roles == [OHS, PL]
    assert relationship.downstream_roles == [CF]
    assert not relationship.is_symmetric


# --- CommunicationEntry: side + roles + collaborator_roles ----------------------------------------


def test_a_collaborator_entry_with_roles_but_no_side_asks_to_choose_a_side() -> None:
    assert entry_errors(roles=[OHS]) == [
        messages.SIDE_NEEDED.format(name=OTHER, pattern=PATTERN_LABELS[P.UPSTREAM_DOWNSTREAM])
    ]


@pytest.mark.parametrize("pattern", [None, P.UPSTREAM_DOWNSTREAM, P.CUSTOMER_SUPPLIER])
@pytest.mark.parametrize(("roles", "collaborator_roles"), [([ACL], []), ([], [OHS]), ([PL], [CF])])
def test_roles_without_a_side_are_rejected_in_every_asymmetric_pattern(
    pattern: RelationshipPattern | None, roles: list[Role], collaborator_roles: list[Role]
) -> None:
    label = PATTERN_LABELS[pattern or P.UPSTREAM_DOWNSTREAM]
    assert entry_errors(pattern=pattern, roles=roles, collaborator_roles=collaborator_roles) == [
        messages.SIDE_NEEDED.format(name=OTHER, pattern=label)
    ]


@pytest.mark.parametrize("pattern", SYMMETRIC)
@pytest.mark.parametrize("side", list(Side))
def test_a_side_on_a_symmetric_pattern_is_rejected(pattern: RelationshipPattern, side: Side) -> None:
    assert entry_errors(pattern=pattern, side=side) == [
        messages.SIDE_ON_SYMMETRIC.format(pattern=PATTERN_LABELS[pattern], side=side.value)
    ]


@pytest.mark.parametrize("pattern", SYMMETRIC)
def test_roles_on_a_symmetric_collaborator_entry_are_rejected(pattern: RelationshipPattern) -> None:
    assert entry_errors(pattern=pattern, roles=[ACL], collaborator_roles=[OHS, PL]) == [
        messages.SYMMETRIC_WITH_ROLES.format(pattern=PATTERN_LABELS[pattern], roles="ACL, OHS, PL")
    ]


@pytest.mark.parametrize(
    ("side", "fields", "expected"),
    [
        # this context is upstream: its own roles must be upstream roles
        (Side.UPSTREAM, {"roles": [ACL]}, messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="ACL", name=THIS)),
        (Side.UPSTREAM, {"roles": [CF]}, messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="CF", name=THIS)),
        (
            Side.UPSTREAM,
            {"collaborator_roles": [OHS]},
            messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS", name=OTHER),
        ),
        (Side.UPSTREAM, {"collaborator_roles": [PL]}, messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="PL", name=OTHER)),
        # this context is downstream: the collaborator publishes
        (Side.DOWNSTREAM, {"roles": [OHS]}, messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS", name=THIS)),
        (Side.DOWNSTREAM, {"roles": [PL]}, messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="PL", name=THIS)),
        (
            Side.DOWNSTREAM,
            {"collaborator_roles": [ACL]},
            messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="ACL", name=OTHER),
        ),
        (
            Side.DOWNSTREAM,
            {"collaborator_roles": [CF]},
            messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="CF", name=OTHER),
        ),
    ],
    ids=lambda value: value.value if isinstance(value, Side) else None,
)
def test_a_role_on_the_wrong_side_of_a_collaborator_entry_is_rejected(
    side: Side, fields: dict[str, list[Role]], expected: str
) -> None:
    assert entry_errors(side=side, **fields) == [expected]


def test_open_host_service_on_this_supplier_in_customer_supplier_is_rejected() -> None:
    assert entry_errors(pattern=P.CUSTOMER_SUPPLIER, side=Side.UPSTREAM, roles=[OHS]) == [
        messages.CUSTOMER_SUPPLIER_OHS.format(name=THIS)
    ]


def test_open_host_service_on_the_collaborating_supplier_in_customer_supplier_is_rejected() -> None:
    assert entry_errors(pattern=P.CUSTOMER_SUPPLIER, side=Side.DOWNSTREAM, collaborator_roles=[OHS]) == [
        messages.CUSTOMER_SUPPLIER_OHS.format(name=OTHER)
    ]


def test_conformist_on_this_customer_in_customer_supplier_is_rejected() -> None:
    assert entry_errors(pattern=P.CUSTOMER_SUPPLIER, side=Side.DOWNSTREAM, roles=[CF]) == [
        messages.CUSTOMER_SUPPLIER_CF.format(name=THIS)
    ]


def test_conformist_on_the_collaborating_customer_in_customer_supplier_is_rejected() -> None:
    assert entry_errors(pattern=P.CUSTOMER_SUPPLIER, side=Side.UPSTREAM, collaborator_roles=[CF]) == [
        messages.CUSTOMER_SUPPLIER_CF.format(name=OTHER)
    ]


@pytest.mark.parametrize(
    ("side", "fields", "name"),
    [(Side.DOWNSTREAM, {"roles": [ACL, CF]}, THIS), (Side.UPSTREAM, {"collaborator_roles": [CF, ACL]}, OTHER)],
)
def test_anticorruption_layer_together_with_conformist_in_a_collaborator_entry_is_rejected(
    side: Side, fields: dict[str, list[Role]], name: str
) -> None:
    assert entry_errors(side=side, **fields) == [messages.ACL_WITH_CF.format(name=name)]


@pytest.mark.parametrize("field", ["roles", "collaborator_roles"])
def test_a_role_listed_twice_in_a_collaborator_entry_is_rejected(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CommunicationEntry(collaborator=OTHER, side=Side.UPSTREAM, **{field: [PL, PL]})
    (error,) = caught.value.errors()
    assert error["loc"] == (field,)
    assert str(error["ctx"]["error"]) == messages.DUPLICATE_ROLE.format(role="PL")


@pytest.mark.parametrize("collaborator", ["", " ", "\u3000"])
def test_a_collaborator_entry_without_a_collaborator_name_is_rejected(collaborator: str) -> None:
    assert entry_errors(collaborator=collaborator) == [messages.EMPTY_NAME.format(what="A collaborator")]


@pytest.mark.parametrize(
    "fields",
    [
        {"side": Side.DOWNSTREAM, "roles": [ACL], "collaborator_roles": [OHS, PL]},
        {"side": Side.DOWNSTREAM, "roles": [CF], "collaborator_roles": [OHS]},
        {"side": Side.UPSTREAM, "roles": [OHS, PL], "collaborator_roles": [CF]},
        {"pattern": P.CUSTOMER_SUPPLIER, "side": Side.DOWNSTREAM, "roles": [ACL], "collaborator_roles": [PL]},
        {"pattern": P.CUSTOMER_SUPPLIER, "side": Side.UPSTREAM, "roles": [PL], "collaborator_roles": [ACL]},
        {"pattern": P.CUSTOMER_SUPPLIER, "side": Side.UPSTREAM},
        {"pattern": P.UPSTREAM_DOWNSTREAM, "side": Side.DOWNSTREAM, "roles": [CF]},
        {"side": Side.UPSTREAM},
        {},
        {"pattern": P.PARTNERSHIP},
        {"pattern": P.SHARED_KERNEL},
        {"pattern": P.SEPARATE_WAYS},
    ],
    ids=repr,
)
def test_a_valid_collaborator_entry_is_accepted(fields: dict[str, object]) -> None:
    entry = CommunicationEntry(collaborator=OTHER, **fields)
    assert entry.collaborator == OTHER
    assert entry.pattern == fields.get("pattern")
    assert entry.side == fields.get("side")
    assert entry.roles == fields.get("roles", [])
    assert entry.collaborator_roles == fields.get("collaborator_roles", [])


unique_roles = st.lists(st.sampled_from(list(Role)), unique=True)


@given(
    pattern=st.sampled_from(list(RelationshipPattern)),
    side=st.sampled_from(list(Side)),
    roles=unique_roles,
    collaborator_roles=unique_roles,
)
def test_a_collaborator_entry_follows_the_same_rules_as_the_equivalent_relationship(
    pattern: RelationshipPattern, side: Side, roles: list[Role], collaborator_roles: list[Role]
) -> None:
    own, other = (THIS, roles), (OTHER, collaborator_roles)
    (up, up_roles), (down, down_roles) = (own, other) if side is Side.UPSTREAM else (other, own)
    try:
        Relationship(
            upstream=up, downstream=down, pattern=pattern, upstream_roles=up_roles, downstream_roles=down_roles
        )
        relationship_problems: list[str] = []
    except ValidationError as error:
        relationship_problems = [str(e["ctx"]["error"]) for e in error.errors()]
    entry_side = None if pattern in SYMMETRIC_PATTERNS else side
    try:
        CommunicationEntry(
            collaborator=OTHER, pattern=pattern, side=entry_side, roles=roles, collaborator_roles=collaborator_roles
        )
        entry_problems: list[str] = []
    except ValidationError as error:
        entry_problems = [str(e["ctx"]["error"]) for e in error.errors()]
    if pattern in SYMMETRIC_PATTERNS and (roles or collaborator_roles):
        # A symmetric entry lists its own roles first, whichever side the relationship put them on.
        assert len(entry_problems) == len(relationship_problems) == 1
        found = ", ".join(role.value for role in [*roles, *collaborator_roles])
        assert entry_problems == [messages.SYMMETRIC_WITH_ROLES.format(pattern=PATTERN_LABELS[pattern], roles=found)]
    else:
        assert entry_problems == relationship_problems
