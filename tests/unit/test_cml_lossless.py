"""Context Mapper models in and out without loss: every real model of the fixtures imports, exports and imports
back to the same workspace, and what the canvases have no field for comes back as the CML it was."""

from pathlib import Path

import pytest

from formats.cml.cml_reader import parse_cml_workspace, read_cml_import
from formats.cml.cml_writer import export_cml
from models.bounded_context import BoundedContextCanvas, DomainType
from models.relationship import Relationship, RelationshipPattern
from models.workspace import Team, Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Every Context Mapper model the suite holds: the public examples and a choice of Context Mapper's own test models.
MODELS = sorted(
    p
    for folder in ("context-mapper-examples", "context-mapper-models", "cml-imports")
    for p in (FIXTURES / folder).rglob("*.cml")
    if p.stat().st_size > 0  # imports/empty.cml is only there to be imported
)
TEAM_MAP = FIXTURES / "context-mapper-examples" / "insurance-example" / "Insurance-Example_Team-Map.cml"
STAGE_5 = FIXTURES / "context-mapper-examples" / "insurance-example" / "Insurance-Example-Stage-5.cml"


def test_the_suite_holds_the_real_models_it_claims() -> None:
    assert len(MODELS) >= 90


@pytest.mark.parametrize("path", MODELS, ids=[str(p.relative_to(FIXTURES)) for p in MODELS])
def test_import_export_import_gives_the_same_workspace(path: Path) -> None:
    imported = read_cml_import(path).workspace
    exported = export_cml(imported)
    again = parse_cml_workspace(exported, "exported.cml").workspace
    assert again == imported
    assert export_cml(again) == exported


def _context(workspace: Workspace, name: str) -> BoundedContextCanvas:
    found = workspace.context(name)
    assert found is not None
    return found


def test_a_team_map_keeps_its_type_state_teams_and_team_relationships() -> None:
    imported = read_cml_import(TEAM_MAP).workspace
    kept = imported.context_mapper
    assert kept is not None
    assert (kept.map_type, kept.map_state) == ("ORGANIZATIONAL", "TO_BE")
    assert [(r.upstream, r.downstream) for r in kept.team_relationships] == [
        ("CustomersBackofficeTeam", "CustomersFrontofficeTeam"),
        ("CustomersBackofficeTeam", "ContractsTeam"),
    ]
    exported = export_cml(imported)
    assert "\ttype = ORGANIZATIONAL\n\tstate = TO_BE\n" in exported
    assert "\tCustomersBackofficeTeam [U,S]->[D,C] CustomersFrontofficeTeam\n" in exported
    assert "BoundedContext ContractsTeam implements PolicyManagementDomain, RiskManagementDomain realizes" in exported


def test_a_context_keeps_its_type_technology_responsibilities_and_shared_subdomain() -> None:
    imported = read_cml_import(TEAM_MAP).workspace
    customers = _context(imported, "CustomerManagementContext")
    assert customers.purpose.startswith("The customer management context is responsible")  # the vision alone
    assert customers.context_mapper is not None
    assert (customers.context_mapper.type, customers.context_mapper.implementation_technology) == (
        "FEATURE",
        "Java, JEE Application",
    )
    assert customers.context_mapper.responsibilities == ["Customers, Addresses"]
    exported = export_cml(imported)
    assert 'responsibilities = "Customers, Addresses"' in exported
    # One subdomain, implemented by the context and by the team that realizes it: declared once, shared.
    assert exported.count("Subdomain CustomerManagementDomain") == 1
    assert "BoundedContext CustomerManagementContext implements CustomerManagementDomain {" in exported
    assert "BoundedContext CustomersBackofficeTeam implements CustomerManagementDomain realizes" in exported
    assert "_Domain" not in exported  # no invented subdomains


def test_a_relationship_keeps_its_exposed_aggregates_and_downstream_rights() -> None:
    imported = read_cml_import(STAGE_5).workspace
    printing = next(
        r
        for r in imported.relationships
        if (r.upstream, r.downstream) == ("PrintingContext", "CustomerManagementContext")
    )
    assert printing.context_mapper is not None
    assert (printing.context_mapper.exposed_aggregates, printing.context_mapper.downstream_rights) == (
        ["Printing"],
        "INFLUENCER",
    )
    assert printing.notes == ""  # kept as facts, not folded into the notes
    exported = export_cml(imported)
    assert "\t\texposedAggregates = Printing\n\t\tdownstreamRights = INFLUENCER\n" in exported


def test_a_relationship_written_twice_is_merged_into_the_first_with_a_warning() -> None:
    path = FIXTURES / "context-mapper-models" / "dsl-tests" / "integ-test-files" / "mdsl" / "mdsl-enum-support.cml"
    result = read_cml_import(path)
    ends = [(r.upstream, r.downstream) for r in result.workspace.relationships]
    assert ends == [
        ("CustomerManagementContext", "ContractManagementContext"),
        ("CustomerManagementContext", "JustAnotherContext"),
    ]
    merged = result.workspace.relationships[0]
    assert (merged.implementation_technology, merged.context_mapper.exposed_aggregates) == (
        "RESTful HTTP",
        ["Customers"],
    )
    (warning,) = result.warnings
    assert (warning.at.line, warning.message.split(";")[0]) == (
        13,
        "This relationship repeats the one on line 4 (same contexts, pattern and roles)",
    )


def test_a_separate_ways_note_beside_a_partnership_of_the_same_pair_is_no_repeat() -> None:
    workspace = Workspace(
        name="Pair",
        bounded_contexts=[BoundedContextCanvas(name="A"), BoundedContextCanvas(name="B")],
        relationships=[
            Relationship(upstream="A", downstream="B", pattern=RelationshipPattern.SEPARATE_WAYS),
            Relationship(upstream="A", downstream="B", pattern=RelationshipPattern.PARTNERSHIP),
        ],
    )
    again = parse_cml_workspace(export_cml(workspace), "exported.cml")
    assert [r.pattern for r in again.workspace.relationships] == [r.pattern for r in workspace.relationships]
    assert again.warnings == []


def test_names_a_cml_identifier_cannot_hold_come_back_exactly() -> None:
    workspace = Workspace(
        name="Shop-Floor 2",
        teams=[Team(name="Team Ω")],
        bounded_contexts=[
            BoundedContextCanvas(name="Order-Service", owner_team="Team Ω"),
            BoundedContextCanvas(name="Préavis"),
        ],
        relationships=[Relationship(upstream="Préavis", downstream="Order-Service")],
    )
    exported = export_cml(workspace)
    assert 'BoundedContext Order_Service {\n\t// workbench: name "Order-Service"' in exported
    again = parse_cml_workspace(exported, "exported.cml").workspace
    assert again.name == "Shop-Floor 2"
    assert [c.name for c in again.bounded_contexts] == ["Order-Service", "Préavis"]
    assert [(t.name, _context(again, "Order-Service").owner_team) for t in again.teams] == [("Team Ω", "Team Ω")]
    assert [(r.upstream, r.downstream) for r in again.relationships] == [("Préavis", "Order-Service")]


def test_a_classification_changed_after_the_import_wins_over_the_kept_subdomain() -> None:
    imported = read_cml_import(TEAM_MAP).workspace
    customers = _context(imported, "CustomerManagementContext")
    assert customers.domain is DomainType.CORE
    changed = imported.model_copy(
        update={
            "bounded_contexts": [
                c.model_copy(update={"domain": DomainType.GENERIC}) if c.name == customers.name else c
                for c in imported.bounded_contexts
            ]
        }
    )
    again = parse_cml_workspace(export_cml(changed), "exported.cml").workspace
    assert _context(again, "CustomerManagementContext").domain is DomainType.GENERIC
    assert _context(again, "PolicyManagementContext").domain is _context(imported, "PolicyManagementContext").domain
