"""Workspace-wide names and references, reported by validate_workspace_data with their field paths."""

from typing import Any

import pytest

from models import messages
from models.validation import WorkspaceInvalid, format_path, validate_workspace_data
from models.workspace import Problem, Workspace


def workspace(**sections: Any) -> dict[str, Any]:
    return {"schema_version": 1, "name": "Home valuation", **sections}


def problems_of(data: object) -> list[Problem]:
    with pytest.raises(WorkspaceInvalid) as caught:
        validate_workspace_data(data)
    return caught.value.problems


CONTEXTS = [{"name": "Valuation"}, {"name": "Portal"}]


def test_a_workspace_whose_references_all_resolve_is_accepted() -> None:
    ws = validate_workspace_data(
        workspace(
            teams=[{"name": "Pricing team"}],
            external_systems=[{"name": "Land registry"}],
            bounded_contexts=[
                {"name": "Valuation", "owner_team": "Pricing team", "outbound": [{"collaborator": "Land registry"}]},
                {"name": "Portal", "inbound": [{"collaborator": "Valuation"}]},
            ],
            relationships=[{"upstream": "Land registry", "downstream": "Valuation"}],
            api_products=[{"bounded_context": "Valuation"}],
            architecture_canvases=[{"name": "ACC", "components": [{"name": "API", "bounded_context": "Valuation"}]}],
        )
    )
    assert isinstance(ws, Workspace)
    valuation = ws.context("Valuation")
    assert valuation is not None
    assert valuation.owner_team == "Pricing team"
    assert ws.relationships[0].upstream == "Land registry"
    assert ws.context("Nope") is None


@pytest.mark.parametrize("side", ["upstream", "downstream"])
def test_a_relationship_to_an_unknown_context_is_reported_at_its_side(side: str) -> None:
    relationship = {"upstream": "Valuation", "downstream": "Portal", side: "Ghost"}
    assert problems_of(workspace(bounded_contexts=CONTEXTS, relationships=[relationship])) == [
        Problem(f"relationships[0].{side}", messages.UNKNOWN_CONTEXT.format(name="Ghost"))
    ]


def test_a_relationship_may_name_an_external_system() -> None:
    ws = validate_workspace_data(
        workspace(
            bounded_contexts=CONTEXTS,
            external_systems=[{"name": "Land registry"}],
            relationships=[{"upstream": "Land registry", "downstream": "Portal", "downstream_roles": ["ACL"]}],
        )
    )
    assert ws.relationships[0].downstream_roles == ["ACL"]


def test_a_broken_relationship_rule_is_reported_at_the_relationship() -> None:
    data = workspace(
        bounded_contexts=CONTEXTS,
        relationships=[
            {"upstream": "Valuation", "downstream": "Portal"},
            {
                "upstream": "Valuation",
                "downstream": "Portal",
                "pattern": "customer_supplier",
                "downstream_roles": ["CF"],
            },
        ],
    )
    assert problems_of(data) == [Problem("relationships[1]", messages.CUSTOMER_SUPPLIER_CF.format(name="Portal"))]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (lambda n: workspace(name=n), "name"),
        (lambda n: workspace(bounded_contexts=[{"name": n}]), "bounded_contexts[0].name"),
        (lambda n: workspace(teams=[{"name": n}]), "teams[0].name"),
        (lambda n: workspace(external_systems=[{"name": n}]), "external_systems[0].name"),
        (lambda n: workspace(relationships=[{"upstream": n, "downstream": "A"}]), "relationships[0].upstream"),
    ],
)
@pytest.mark.parametrize(
    ("name", "code", "position"),
    [("Pricing\x00", "U+0000", 8), ("\x1b[31mRed", "U+001B", 1), ("Two\nlines", "U+000A", 4), ("C1 \x85", "U+0085", 4)],
)
def test_a_control_character_in_a_name_is_refused_naming_the_field_and_the_character(
    data: Any, path: str, name: str, code: str, position: int
) -> None:
    found = [p for p in problems_of(data(name)) if p.path == path]
    assert found == [Problem(path, messages.CONTROL_CHARACTER.format(code=code, position=position))]


def test_a_long_text_keeps_its_control_characters() -> None:
    text = "line 1\nline 2\ttabbed \x1b[0m"
    assert validate_workspace_data(workspace(description=text)).description == text


def test_a_repeated_relationship_is_reported_naming_the_first() -> None:
    contexts = [{"name": n} for n in ("A", "B", "C")]
    relationships = [
        {"upstream": "A", "downstream": "B", "pattern": "customer_supplier"},
        {"upstream": "B", "downstream": "A", "pattern": "customer_supplier"},  # the other way round: another one
        {"upstream": "A", "downstream": "B", "pattern": "upstream_downstream"},  # another pattern: another one
        {"upstream": "B", "downstream": "C", "pattern": "partnership"},
        {"upstream": "A", "downstream": "B", "pattern": "customer_supplier"},
        {"upstream": "C", "downstream": "B", "pattern": "partnership"},  # symmetric: either order is the same
    ]
    found = problems_of(workspace(bounded_contexts=contexts, relationships=relationships))
    assert found == [
        Problem(
            "relationships[4]",
            messages.DUPLICATE_RELATIONSHIP.format(first=1, upstream="A", downstream="B", pattern="customer_supplier"),
        ),
        Problem(
            "relationships[5]",
            messages.DUPLICATE_RELATIONSHIP.format(first=4, upstream="B", downstream="C", pattern="partnership"),
        ),
    ]


@pytest.mark.parametrize("direction", ["inbound", "outbound"])
def test_an_unknown_collaborator_is_reported_at_its_entry(direction: str) -> None:
    contexts = [
        {"name": "Valuation"},
        {"name": "Portal", direction: [{"collaborator": "Valuation"}, {"collaborator": "Ghost"}]},
    ]
    assert problems_of(workspace(bounded_contexts=contexts)) == [
        Problem(f"bounded_contexts[1].{direction}[1].collaborator", messages.UNKNOWN_CONTEXT.format(name="Ghost"))
    ]


@pytest.mark.parametrize("direction", ["inbound", "outbound"])
def test_a_context_listing_itself_as_collaborator_is_reported(direction: str) -> None:
    contexts = [{"name": "Valuation", direction: [{"collaborator": "Valuation"}]}]
    assert problems_of(workspace(bounded_contexts=contexts)) == [
        Problem(
            f"bounded_contexts[0].{direction}[0].collaborator", messages.COLLABORATOR_IS_SELF.format(name="Valuation")
        )
    ]


def test_a_broken_collaborator_rule_is_reported_at_the_entry() -> None:
    contexts = [{"name": "Valuation", "outbound": [{"collaborator": "Portal", "roles": ["OHS"]}]}, {"name": "Portal"}]
    assert problems_of(workspace(bounded_contexts=contexts)) == [
        Problem(
            "bounded_contexts[0].outbound[0]",
            messages.SIDE_NEEDED.format(name="Portal", pattern="Upstream/Downstream"),
        )
    ]


def test_a_duplicate_context_name_is_reported_at_every_context_with_that_name() -> None:
    contexts = [{"name": "Valuation"}, {"name": "Portal"}, {"name": "Valuation"}]
    message = messages.DUPLICATE_CONTEXT.format(name="Valuation")
    assert problems_of(workspace(bounded_contexts=contexts)) == [
        Problem("bounded_contexts[0].name", message),
        Problem("bounded_contexts[2].name", message),
    ]


def test_context_names_that_differ_in_case_or_spacing_are_distinct() -> None:
    ws = validate_workspace_data(
        workspace(bounded_contexts=[{"name": "Valuation"}, {"name": "valuation"}, {"name": "Valuation "}])
    )
    assert [c.name for c in ws.bounded_contexts] == ["Valuation", "valuation", "Valuation "]


def test_an_external_system_named_like_a_context_is_reported() -> None:
    data = workspace(bounded_contexts=CONTEXTS, external_systems=[{"name": "Land registry"}, {"name": "Portal"}])
    assert problems_of(data) == [
        Problem("external_systems[1].name", messages.EXTERNAL_CLASHES_WITH_CONTEXT.format(name="Portal"))
    ]


def test_a_duplicate_external_system_is_reported_at_every_occurrence() -> None:
    data = workspace(external_systems=[{"name": "Land registry"}, {"name": "Land registry", "kind": "frontend"}])
    message = messages.DUPLICATE_EXTERNAL.format(name="Land registry")
    assert problems_of(data) == [
        Problem("external_systems[0].name", message),
        Problem("external_systems[1].name", message),
    ]


def test_a_duplicate_team_is_reported_at_every_team_with_that_name() -> None:
    data = workspace(teams=[{"name": "Pricing"}, {"name": "Growth"}, {"name": "Pricing", "description": "again"}])
    message = messages.DUPLICATE_TEAM.format(name="Pricing")
    assert problems_of(data) == [Problem("teams[0].name", message), Problem("teams[2].name", message)]


def test_an_unknown_owner_team_is_reported_at_the_context() -> None:
    data = workspace(teams=[{"name": "Pricing"}], bounded_contexts=[{"name": "Valuation", "owner_team": "Growth"}])
    assert problems_of(data) == [Problem("bounded_contexts[0].owner_team", messages.UNKNOWN_TEAM.format(name="Growth"))]


def test_an_api_product_for_an_unknown_context_is_reported() -> None:
    data = workspace(bounded_contexts=CONTEXTS, api_products=[{"bounded_context": "Ghost"}])
    assert problems_of(data) == [
        Problem("api_products[0].bounded_context", messages.UNKNOWN_BOUNDED_CONTEXT.format(name="Ghost"))
    ]


def test_an_api_product_cannot_belong_to_an_external_system() -> None:
    data = workspace(external_systems=[{"name": "Land registry"}], api_products=[{"bounded_context": "Land registry"}])
    assert problems_of(data) == [
        Problem("api_products[0].bounded_context", messages.UNKNOWN_BOUNDED_CONTEXT.format(name="Land registry"))
    ]


def test_a_second_api_product_for_one_context_is_reported() -> None:
    data = workspace(
        bounded_contexts=CONTEXTS,
        api_products=[{"bounded_context": "Portal"}, {"bounded_context": "Valuation"}, {"bounded_context": "Portal"}],
    )
    assert problems_of(data) == [
        Problem("api_products[2].bounded_context", messages.DUPLICATE_API_PRODUCT.format(name="Portal"))
    ]


def test_an_architecture_component_linked_to_an_unknown_context_is_reported() -> None:
    canvas = {"name": "ACC", "components": [{"name": "Web"}, {"name": "Scorer", "bounded_context": "Ghost"}]}
    data = workspace(bounded_contexts=CONTEXTS, architecture_canvases=[{"name": "Other"}, canvas])
    assert problems_of(data) == [
        Problem(
            "architecture_canvases[1].components[1].bounded_context",
            messages.UNKNOWN_BOUNDED_CONTEXT.format(name="Ghost"),
        )
    ]


def test_every_reference_problem_is_reported_at_once() -> None:
    data = workspace(
        teams=[{"name": "T"}, {"name": "T"}],
        bounded_contexts=[{"name": "A", "owner_team": "U", "inbound": [{"collaborator": "Z"}]}],
        relationships=[{"upstream": "A", "downstream": "Y"}],
        api_products=[{"bounded_context": "X"}],
    )
    problems = problems_of(data)
    assert set(problems) == {
        Problem("teams[0].name", messages.DUPLICATE_TEAM.format(name="T")),
        Problem("teams[1].name", messages.DUPLICATE_TEAM.format(name="T")),
        Problem("bounded_contexts[0].owner_team", messages.UNKNOWN_TEAM.format(name="U")),
        Problem("bounded_contexts[0].inbound[0].collaborator", messages.UNKNOWN_CONTEXT.format(name="Z")),
        Problem("relationships[0].downstream", messages.UNKNOWN_CONTEXT.format(name="Y")),
        Problem("api_products[0].bounded_context", messages.UNKNOWN_BOUNDED_CONTEXT.format(name="X")),
    }
    assert len(problems) == 6


def test_the_invalid_error_lists_every_problem_with_its_path() -> None:
    with pytest.raises(WorkspaceInvalid) as caught:
        validate_workspace_data(workspace(bounded_contexts=[{"name": "A", "owner_team": "U"}]))
    assert str(caught.value) == f"bounded_contexts[0].owner_team: {messages.UNKNOWN_TEAM.format(name='U')}"


# --- empty names ----------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", " ", "\u3000 ", "\u00a0\u2003"])  # tab or newline: a control character
@pytest.mark.parametrize(
    ("data", "path", "what"),
    [
        (lambda b: workspace(name=b), "name", "A workspace"),
        (
            lambda b: workspace(bounded_contexts=[{"name": "A"}, {"name": b}]),
            "bounded_contexts[1].name",
            "A bounded context",
        ),
        (
            lambda b: workspace(architecture_canvases=[{"name": b}]),
            "architecture_canvases[0].name",
            "An Architecture Communication Canvas",
        ),
        (lambda b: workspace(teams=[{"name": b}]), "teams[0].name", "A team"),
        (lambda b: workspace(external_systems=[{"name": b}]), "external_systems[0].name", "An external system"),
        (
            lambda b: workspace(bounded_contexts=[{"name": "A", "inbound": [{"collaborator": b}]}]),
            "bounded_contexts[0].inbound[0]",
            "A collaborator",
        ),
        (
            lambda b: workspace(relationships=[{"upstream": b, "downstream": "A"}]),
            "relationships[0]",
            "Each side of a relationship",
        ),
    ],
    ids=["workspace", "context", "acc", "team", "external", "collaborator", "relationship"],
)
def test_a_blank_name_is_rejected(blank: str, data: Any, path: str, what: str) -> None:
    assert problems_of(data(blank)) == [Problem(path, messages.EMPTY_NAME.format(what=what))]


@pytest.mark.parametrize("blank", ["", "  ", "\n"])
@pytest.mark.parametrize(
    ("data", "path"),
    [
        (
            lambda b: workspace(
                bounded_contexts=[
                    {"name": "A", "outbound": [{"collaborator": "B", "messages": [{"kind": "event", "name": b}]}]},
                    {"name": "B"},
                ]
            ),
            "bounded_contexts[0].outbound[0].messages[0].name",
        ),
        (
            lambda b: workspace(
                bounded_contexts=[{"name": "A", "ubiquitous_language": [{"term": "Valuation"}, {"term": b}]}]
            ),
            "bounded_contexts[0].ubiquitous_language[1].term",
        ),
        (
            lambda b: workspace(bounded_contexts=[{"name": "A", "verification_metrics": [{"metric": b}]}]),
            "bounded_contexts[0].verification_metrics[0].metric",
        ),
        (
            lambda b: workspace(architecture_canvases=[{"name": "ACC", "quality_requirements": [{"quality": b}]}]),
            "architecture_canvases[0].quality_requirements[0].quality",
        ),
        (
            lambda b: workspace(architecture_canvases=[{"name": "ACC", "business_context": [{"name": b}]}]),
            "architecture_canvases[0].business_context[0].name",
        ),
        (
            lambda b: workspace(architecture_canvases=[{"name": "ACC", "core_decisions": [{"decision": b}]}]),
            "architecture_canvases[0].core_decisions[0].decision",
        ),
        (
            lambda b: workspace(architecture_canvases=[{"name": "ACC", "components": [{"name": b}]}]),
            "architecture_canvases[0].components[0].name",
        ),
        (
            lambda b: workspace(
                bounded_contexts=[{"name": "A"}],
                api_products=[{"bounded_context": "A", "sync_api": {"aggregates": [{"name": b}]}}],
            ),
            "api_products[0].sync_api.aggregates[0].name",
        ),
        (
            lambda b: workspace(
                bounded_contexts=[{"name": "A"}],
                api_products=[
                    {"bounded_context": "A", "sync_api": {"aggregates": [{"name": "V", "operations": [{"name": b}]}]}}
                ],
            ),
            "api_products[0].sync_api.aggregates[0].operations[0].name",
        ),
        (
            lambda b: workspace(
                bounded_contexts=[{"name": "A"}],
                api_products=[{"bounded_context": "A", "async_api": {"events_sent": [{"name": b}]}}],
            ),
            "api_products[0].async_api.events_sent[0].name",
        ),
        (
            lambda b: workspace(
                bounded_contexts=[{"name": "A"}],
                api_products=[{"bounded_context": "A", "async_api": {"events_received": [{"name": b}]}}],
            ),
            "api_products[0].async_api.events_received[0].name",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_list_entry_without_its_identifying_text_is_rejected(blank: str, data: Any, path: str) -> None:
    assert problems_of(data(blank)) == [Problem(path, messages.REQUIRED_TEXT)]


# --- unknown keys and wrong types -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (workspace(colour="red"), "colour"),
        (workspace(teams=[{"name": "T", "lead": "Ann"}]), "teams[0].lead"),
        (
            workspace(bounded_contexts=[{"name": "A", "ai_profile": {"sla": {"uptime": 99}}}]),
            "bounded_contexts[0].ai_profile.sla.uptime",
        ),
        (
            workspace(bounded_contexts=[{"name": "A", "outbound": [{"collaborator": "A", "mesages": []}]}]),
            "bounded_contexts[0].outbound[0].mesages",
        ),
        (
            workspace(
                api_products=[
                    {
                        "bounded_context": "A",
                        "sync_api": {"aggregates": [{"name": "X", "operations": [{"name": "GET", "verb": "GET"}]}]},
                    }
                ]
            ),
            "api_products[0].sync_api.aggregates[0].operations[0].verb",
        ),
        (
            workspace(relationships=[{"upstream": "A", "downstream": "B", "Pattern": "partnership"}]),
            "relationships[0].Pattern",
        ),
    ],
)
def test_an_unknown_key_is_rejected_with_a_path_naming_it(data: dict[str, Any], path: str) -> None:
    problems = problems_of(data)
    assert path in [p.path for p in problems]
    (problem,) = [p for p in problems if p.path == path]
    assert problem.message == "Extra inputs are not permitted"


def test_a_wrong_enum_value_is_reported_at_its_field() -> None:
    data = workspace(bounded_contexts=[{"name": "A", "domain_roles": ["draft", "wizard"]}])
    (problem,) = problems_of(data)
    assert problem.path == "bounded_contexts[0].domain_roles[1]"
    assert "'draft'" in problem.message and "'engagement'" in problem.message


def test_an_availability_outside_0_to_100_is_reported_at_its_field() -> None:
    data = workspace(bounded_contexts=[{"name": "A", "ai_profile": {"sla": {"availability_percent": 100.5}}}])
    assert problems_of(data) == [
        Problem(
            "bounded_contexts[0].ai_profile.sla.availability_percent", messages.AVAILABILITY_RANGE.format(value=100.5)
        )
    ]


@pytest.mark.parametrize("data", [[], "workspace", 1, None])
def test_data_that_is_not_an_object_is_reported_at_the_workspace(data: object) -> None:
    (problem,) = problems_of(data)
    assert problem.path == ""
    assert "dictionary" in problem.message


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        ((), ""),
        (("name",), "name"),
        (("bounded_contexts", 2, "inbound", 0, "collaborator"), "bounded_contexts[2].inbound[0].collaborator"),
        (("teams", 0), "teams[0]"),
    ],
)
def test_a_pydantic_location_becomes_a_dotted_path(loc: tuple[int | str, ...], path: str) -> None:
    assert format_path(loc) == path
