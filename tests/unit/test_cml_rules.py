"""Context Mapper's rules (canvases.md §4.1) are errors at the place written; its soft rules are warnings."""

import pytest

from formats.cml.cml_reader import parse_cml_workspace
from models import messages
from tests.unit.test_cml_syntax_errors import model, problems, single

# --- relationships --------------------------------------------------------------------------------


def test_an_unknown_role_is_located_at_the_role() -> None:
    assert single(model(" A [U,XYZ]->[D] B")) == (
        3,
        7,
        "'XYZ' is not a relationship role; brackets hold U, D, S, C, OHS, PL, ACL, CF, P or SK.",
    )


def test_ohs_on_the_downstream_side_is_refused() -> None:
    assert single(model(" A [U]->[D,OHS] B")) == (
        3,
        12,
        messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS", name="B"),
    )
    assert single(model(" A [ACL] Upstream-Downstream B")) == (
        3,
        5,
        messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles="ACL", name="A"),
    )


def test_a_relationship_to_an_undeclared_context_is_refused() -> None:
    found = problems("ContextMap { contains A\n A -> Ghost\n}\nBoundedContext A\n")
    assert found == [
        (2, 7, "'Ghost' is not a BoundedContext of this file; declare it with 'BoundedContext Ghost'."),
    ]


def test_a_relationship_to_a_context_missing_from_contains_is_refused() -> None:
    found = problems("ContextMap { contains A\n A -> B\n}\nBoundedContext A\nBoundedContext B\n")
    assert found == [
        (2, 7, "'B' takes part in a relationship of the map, but the map does not contain it; add 'contains B'.")
    ]


@pytest.mark.parametrize(
    ("relationship", "column", "message"),
    [
        (" A [U,S,OHS]->[D,C] B", 13, messages.CUSTOMER_SUPPLIER_OHS.format(name="A")),
        (" A [D,C,CF]<-[U,S] B", 12, messages.CUSTOMER_SUPPLIER_CF.format(name="A")),
        (" B [OHS] Supplier-Customer A", 10, messages.CUSTOMER_SUPPLIER_OHS.format(name="B")),
        (" A [U]->[D,ACL,CF] B", 7, messages.ACL_WITH_CF.format(name="B")),
        (
            " A [SK]<->[P] B",
            4,
            "'<->' joins two peers: write [P] on both sides for a Partnership or [SK] on both "
            "sides for a Shared Kernel (found [SK] and [P]).",
        ),
        (" A [P]->[D] B", 5, "[P] marks a symmetric relationship, which is written with '<->', not '->'."),
        (
            " A [U,S]->[D] B",
            4,
            "Customer/Supplier needs S in the upstream bracket and C in the downstream bracket; "
            "this relationship has only S.",
        ),
        (
            " A [U] Upstream-Downstream B",
            5,
            "'Upstream-Downstream' already says which side is which; leave 'U' out of the bracket.",
        ),
        (" A [OHS] Partnership B", 4, "Partnership is symmetric: it takes no roles (found [OHS])."),
        (" A []->[D] B", 4, "Empty brackets mean nothing beside an arrow; leave them out or name the roles."),
        (" A [U,U]->[D] B", 7, messages.DUPLICATE_ROLE.format(role="U")),
        (" A -> A", 2, messages.SELF_RELATIONSHIP.format(name="A")),
        (" A [D]->[D] B", 5, "'D' marks the downstream side, but 'A' is upstream here ('->' points downstream)."),
    ],
)
def test_context_mapper_rules_on_relationships_are_errors(relationship: str, column: int, message: str) -> None:
    assert single(model(relationship)) == (3, column, message)


def test_exposed_aggregates_must_belong_to_the_upstream_context() -> None:
    cml = model(" A -> B { exposedAggregates = Orders, Ghost }") + "BoundedContext A2 { Aggregate Orders }\n"
    cml = cml.replace("BoundedContext A\n", "BoundedContext A { Module m { Aggregate Orders } }\n")
    assert single(cml) == (3, 39, "'Ghost' is not an aggregate of the upstream context 'A'.")


def test_a_symmetric_relationship_takes_no_downstream_rights() -> None:
    assert single(model(" A [P]<->[P] B { downstreamRights = INFLUENCER }")) == (
        3,
        18,
        "'downstreamRights' belongs to upstream/downstream relationships; Partnership has no upstream side.",
    )


def test_every_error_of_a_file_is_reported_at_once_and_in_order() -> None:
    found = problems(model(" A [U,XYZ]->[D] B\n A -> Ghost\n B [P]<->[P] B", contexts="A B"))
    assert [(line, column) for line, column, _ in found] == [(3, 7), (4, 7), (5, 2)]


# --- contexts, domains and teams ------------------------------------------------------------------


def test_a_team_on_a_system_landscape_map_is_refused() -> None:
    cml = "ContextMap { type = SYSTEM_LANDSCAPE\n contains A, T\n}\nBoundedContext A\nBoundedContext T { type TEAM }\n"
    assert single(cml) == (
        2,
        14,
        "'T' is a TEAM, and a SYSTEM_LANDSCAPE map cannot contain teams; make the map ORGANIZATIONAL or leave "
        "the team out of 'contains'.",
    )


def test_only_a_team_can_realize_another_context() -> None:
    assert single("BoundedContext A realizes B { type = FEATURE }\nBoundedContext B\n") == (
        1,
        27,
        "Only a bounded context of type TEAM can realize others; 'A' is of type FEATURE.",
    )


def test_an_aggregate_owner_must_be_a_team() -> None:
    assert single("BoundedContext A { Aggregate Orders { owner = B } }\nBoundedContext B\n") == (
        1,
        47,
        "The owner of aggregate 'Orders' must be a bounded context of type TEAM; 'B' is not of type TEAM.",
    )


@pytest.mark.parametrize(
    ("cml", "place", "message"),
    [
        ("BoundedContext A\nBoundedContext A\n", (2, 16), "Another BoundedContext is already called 'A' (line 1)."),
        ("Domain Sales\nDomain Sales\n", (2, 8), "Another Domain is already called 'Sales' (line 1)."),
        (
            "Domain Sales { Subdomain Leads Subdomain Leads }",
            (1, 42),
            "Another Subdomain is already called 'Leads' (line 1).",
        ),
        (
            "Domain Sales { Subdomain Sales }",
            (1, 26),
            "Subdomain 'Sales' has the name of its own Domain; give it a name of its own.",
        ),
        ("BoundedContext A implements Ghost\n", (1, 29), "'Ghost' is not a Domain or Subdomain of this file."),
        ("BoundedContext A { type = FEATURE type = SYSTEM }", (1, 35), "'type' is given twice here; give it once."),
        (
            "BoundedContext A { type = SERVICE }",
            (1, 27),
            "'SERVICE' is not a bounded context type; use one of FEATURE, APPLICATION, SYSTEM, TEAM, UNDEFINED.",
        ),
        (
            "BoundedContext A { evolution = ^GENESIS }",
            (1, 32),
            "'^GENESIS' is a name, not the evolution stage GENESIS; leave out the ^.",
        ),
        ("ContextMap A { }\nContextMap B { }\n", (2, 1), "A CML file holds one ContextMap; this is a second one."),
        (
            "Domain Sales { Subdomain Leads }\nBoundedContext A implements Sales, Leads\n",
            (2, 36),
            "'A' implements Domain 'Sales' already, so it cannot also implement its Subdomain 'Leads'.",
        ),
    ],
)
def test_context_mapper_rules_on_contexts_and_domains_are_errors(
    cml: str, place: tuple[int, int], message: str
) -> None:
    assert single(cml) == (*place, message)


# --- warnings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cml", "warning"),
    [
        (model(" A [U,S]->[D,C,ACL] B"), "Customer/Supplier with an Anticorruption Layer at the customer 'B'"),
        (model("", map_type="type ORGANIZATIONAL"), "This map is ORGANIZATIONAL but contains no bounded context"),
        (
            "Domain Sales { Subdomain Leads }\nDomain Billing\nBoundedContext A implements Leads, Billing\n",
            "'A' implements more than one Domain",
        ),
        ('import "other.cml"\nBoundedContext A\n', "This file imports others, which an upload cannot read"),
        (
            "BoundedContext T1 realizes A { type TEAM }\n"
            "BoundedContext T2 realizes A { type TEAM }\n"
            "BoundedContext A\n",
            "'A' is realized by T1, T2; a canvas records one owner team, so 'T1' is kept.",
        ),
    ],
)
def test_soft_rules_are_warnings_and_the_file_still_imports(cml: str, warning: str) -> None:
    result = parse_cml_workspace(cml, "model.cml")
    assert [w.message[: len(warning)] for w in result.warnings] == [warning]
    assert all(w.at.line > 0 for w in result.warnings)
