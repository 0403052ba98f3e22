"""A workspace exports as valid CML that imports back with its contexts, relationships, patterns and roles."""

import os
from pathlib import Path

from formats.cml.cml_reader import parse_cml_workspace
from formats.cml.cml_writer import export_cml, plan_cml_identifiers
from formats.workspace_json.workspace_file import read_workspace_file
from models.api_product_canvas import Aggregate, ApiProductCanvas, SyncApi
from models.bounded_context import BoundedContextCanvas, BusinessModel, DomainType, Evolution, Term
from models.relationship import Relationship, RelationshipPattern, Role
from models.workspace import ExternalKind, ExternalSystem, Team, Workspace
from tests.unit.test_cml_fixtures import map_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "assets" / "examples" / "home-valuation.json"
GOLDEN = ROOT / "tests" / "golden" / "home-valuation.cml"
REGENERATE = "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_cml_export.py"


def test_the_example_workspace_exports_as_the_golden_cml_file() -> None:
    exported = export_cml(read_workspace_file(EXAMPLE))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(exported, encoding="utf-8")
    assert exported == GOLDEN.read_text(encoding="utf-8"), f"review the change, then regenerate: {REGENERATE}"


def test_the_golden_file_imports_without_warnings_and_keeps_the_whole_map() -> None:
    example = read_workspace_file(EXAMPLE)
    result = parse_cml_workspace(GOLDEN.read_bytes(), GOLDEN.name)
    assert result.warnings == []
    workspace = result.workspace
    assert map_of(workspace) == map_of(example)  # names as they were, not as their CML identifiers
    assert workspace.relationships[-1].pattern is RelationshipPattern.SEPARATE_WAYS
    assert [c.purpose for c in workspace.bounded_contexts] == [c.purpose for c in example.bounded_contexts]
    assert workspace.description == example.description


def test_the_golden_file_keeps_canvas_content_without_a_cml_field_as_comments() -> None:
    golden = GOLDEN.read_text(encoding="utf-8")
    assert "\t//   - term: Offer Request\n" in golden
    assert "\t// ai_kind: llm_external\n" in golden
    assert "// accepted_risks:\n//   - rule: AIC004\n" in golden
    assert (
        "\t// workbench: separate_ways Home_Valuation Seller_Conversation : No_valuations_in_the_assistant\n" in golden
    )


def workspace_with_awkward_names() -> Workspace:
    names = ["Offers & Transactions", "type", "Entity", "U", "42 Wallaby Way", "Ärger", "😀", "A b", "A-b"]
    return Workspace(
        name="Map: ünïcode ✓",
        teams=[Team(name="type"), Team(name="Idle team", description='Says "hi" \\ {braces}')],
        bounded_contexts=[BoundedContextCanvas(name=n, owner_team="type" if n == "U" else None) for n in names],
        external_systems=[ExternalSystem(name="Offers & Transactions!", kind=ExternalKind.FRONTEND)],
        relationships=[
            Relationship(
                upstream="type", downstream="Entity", name="contains", upstream_roles=[Role.OPEN_HOST_SERVICE]
            ),
            Relationship(upstream="A b", downstream="A-b", pattern=RelationshipPattern.PARTNERSHIP, name="😀"),
            Relationship(upstream="😀", downstream="Offers & Transactions!", pattern=RelationshipPattern.SEPARATE_WAYS),
        ],
    )


def test_names_become_unique_identifiers_with_keywords_escaped() -> None:
    ids = plan_cml_identifiers(workspace_with_awkward_names())
    assert ids.map == "Map_unicode"
    assert list(ids.parties.values()) == [
        "Offers_Transactions",
        "^type",
        "^Entity",
        "^U",
        "_42_Wallaby_Way",
        "Arger",
        "Context",
        "A_b",
        "A_b_2",
        "Offers_Transactions_2",
    ]
    assert ids.teams == {"type": "type_2", "Idle team": "Idle_team"}


def test_a_workspace_with_awkward_names_exports_and_imports_back() -> None:
    awkward = workspace_with_awkward_names()
    cml = export_cml(awkward)
    assert "\t^type [U,OHS]->[D] ^Entity : ^contains\n" in cml
    assert "BoundedContext type_2 realizes ^U {" in cml
    assert 'BoundedContext _42_Wallaby_Way {\n\t// workbench: name "42 Wallaby Way"' in cml
    result = parse_cml_workspace(cml, "awkward.cml")
    assert result.warnings == []
    assert map_of(result.workspace) == map_of(awkward)  # every name back as it was, not as its identifier
    assert result.workspace.teams[1].description == 'Says "hi" \\ {braces}'
    assert [r.name for r in result.workspace.relationships] == ["contains", "", ""]


def test_every_character_of_a_purpose_survives_the_string_escapes() -> None:
    purpose = "Line 1\nLine 2\r\n\ttab \"quoted\" 'single' \\back\\ {x} \x00\x07\x1b\x7f\x85 \u2028 😀 שלום */ //"
    workspace = Workspace(name="W", bounded_contexts=[BoundedContextCanvas(name="A", purpose=purpose)])
    cml = export_cml(workspace)
    assert "\\u0000\\u0007\\u001b\\u007f\\u0085" in cml
    assert parse_cml_workspace(cml, "w.cml").workspace.bounded_contexts[0].purpose == purpose


def test_the_classification_travels_through_a_subdomain_business_model_and_evolution() -> None:
    canvas = BoundedContextCanvas(
        name="Pricing",
        domain=DomainType.CORE,
        business_model=BusinessModel.COST_REDUCTION,
        evolution=Evolution.GENESIS,
    )
    cml = export_cml(Workspace(name="W", bounded_contexts=[canvas]))
    assert "BoundedContext Pricing implements Pricing_Domain {" in cml
    assert '\tbusinessModel = "COST_REDUCTION"\n\tevolution = GENESIS\n' in cml
    assert "\tSubdomain Pricing_Domain {\n\t\ttype = CORE_DOMAIN\n\t}\n" in cml
    again = parse_cml_workspace(cml, "w.cml").workspace.bounded_contexts[0]
    assert (again.domain, again.business_model, again.evolution) == (
        DomainType.CORE,
        BusinessModel.COST_REDUCTION,
        Evolution.GENESIS,
    )


def test_api_aggregates_become_cml_aggregates_and_the_rest_a_comment() -> None:
    workspace = Workspace(
        name="W",
        bounded_contexts=[BoundedContextCanvas(name="Offers", ubiquitous_language=[Term(term="Offer */ end")])],
        api_products=[
            ApiProductCanvas(
                bounded_context="Offers",
                version="2.1",
                sync_api=SyncApi(aggregates=[Aggregate(name="Offer"), Aggregate(name="owner")]),
            )
        ],
    )
    cml = export_cml(workspace)
    assert "\t// version: 2.1\n" in cml and "\t//   - term: Offer */ end\n" in cml
    assert "\tAggregate Offer\n\tAggregate ^owner\n" in cml
    api = parse_cml_workspace(cml, "w.cml").workspace.api_products[0]
    assert [a.name for a in api.sync_api.aggregates] == ["Offer", "owner"]


def test_a_description_holding_a_comment_end_stays_one_comment() -> None:
    cml = export_cml(Workspace(name="W", description="First */ BoundedContext Oops\nsecond line"))
    assert cml.startswith("/*\n * First * / BoundedContext Oops\n * second line\n */\nContextMap W {\n")
    workspace = parse_cml_workspace(cml, "w.cml").workspace
    assert workspace.bounded_contexts == []
    assert workspace.description == "First * / BoundedContext Oops\nsecond line"


def test_a_note_that_only_looks_like_a_workbench_marker_marks_nothing() -> None:
    # The second line is written as "//   workbench: frontend", indented under its field.
    canvas = BoundedContextCanvas(name="A", classification_notes="x\nworkbench: frontend")
    result = parse_cml_workspace(export_cml(Workspace(name="W", bounded_contexts=[canvas])), "w.cml")
    assert [c.name for c in result.workspace.bounded_contexts] == ["A"]
    assert result.workspace.external_systems == []
