"""Every Context Mapper example imports with the contexts, relationships, patterns and roles it declares.

The expectations below were counted by reading each file (tests/fixtures/context-mapper-examples),
not taken from the importer. A relationship is written `Upstream[roles] PATTERN Downstream[roles]`;
for the symmetric patterns (P, SK) the first participant as written comes first.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from formats.cml.cml_reader import CmlImport, parse_cml_workspace
from formats.cml.cml_writer import export_cml
from models.bounded_context import BoundedContextCanvas
from models.relationship import Relationship, RelationshipPattern, Role
from models.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "context-mapper-examples"
SHORT = {
    RelationshipPattern.PARTNERSHIP: "P",
    RelationshipPattern.SHARED_KERNEL: "SK",
    RelationshipPattern.CUSTOMER_SUPPLIER: "C/S",
    RelationshipPattern.UPSTREAM_DOWNSTREAM: "U/D",
    RelationshipPattern.SEPARATE_WAYS: "SW",
}


def written(relationship: Relationship) -> str:
    def side(name: str, roles: list[Role]) -> str:
        return name + (f"[{','.join(r.value for r in roles)}]" if roles else "")

    up = side(relationship.upstream, relationship.upstream_roles)
    down = side(relationship.downstream, relationship.downstream_roles)
    return f"{up} {SHORT[relationship.pattern]} {down}"


def map_of(workspace: Workspace) -> dict[str, object]:
    """What a context map consists of: contexts, external systems, teams and owners, relationships."""
    return {
        "contexts": [c.name for c in workspace.bounded_contexts],
        "external_systems": [(s.name, s.kind.value) for s in workspace.external_systems],
        "teams": [t.name for t in workspace.teams],
        "owners": {c.name: c.owner_team for c in workspace.bounded_contexts if c.owner_team},
        "relationships": [written(r) for r in workspace.relationships],
    }


def canvas(workspace: Workspace, name: str) -> BoundedContextCanvas:
    found = workspace.context(name)
    assert found is not None, name
    return found


def import_fixture(path: str) -> CmlImport:
    file = FIXTURES / path
    return parse_cml_workspace(file.read_bytes(), file.name)


@dataclass(frozen=True)
class Expected:
    contexts: list[str]
    relationships: list[str]
    teams: list[str] = field(default_factory=list)
    team_relationships: int = 0
    api_products: int = 0


DDD = ["CargoBookingContext", "VoyagePlanningContext", "LocationContext"]
DDD_BARE_ARROWS = [
    "CargoBookingContext SK VoyagePlanningContext",
    "LocationContext U/D CargoBookingContext",
    "LocationContext U/D VoyagePlanningContext",
]
DDD_WITH_ROLES = [
    "CargoBookingContext SK VoyagePlanningContext",
    "LocationContext[OHS,PL] U/D CargoBookingContext",
    "LocationContext[OHS,PL] U/D VoyagePlanningContext",
]
INSURANCE = [
    "CustomerManagementContext",
    "CustomerSelfServiceContext",
    "PrintingContext",
    "PolicyManagementContext",
    "RiskManagementContext",
    "DebtCollection",
]
INSURANCE_BARE_ARROWS = [
    "CustomerManagementContext U/D CustomerSelfServiceContext",
    "PrintingContext U/D CustomerManagementContext",
    "PrintingContext U/D PolicyManagementContext",
    "RiskManagementContext SK PolicyManagementContext",
    "CustomerManagementContext U/D PolicyManagementContext",
    "PrintingContext U/D DebtCollection",
    "PolicyManagementContext SK DebtCollection",
]
INSURANCE_WITH_ROLES = [
    "CustomerManagementContext C/S CustomerSelfServiceContext",
    "PrintingContext[OHS,PL] U/D CustomerManagementContext[ACL]",
    "PrintingContext[OHS,PL] U/D PolicyManagementContext[ACL]",
    "RiskManagementContext P PolicyManagementContext",
    "CustomerManagementContext[OHS,PL] U/D PolicyManagementContext[CF]",
    "PrintingContext[OHS,PL] U/D DebtCollection[ACL]",
    "PolicyManagementContext SK DebtCollection",
]
TEAM_MAP = Expected(
    contexts=[
        "CustomerManagementContext",
        "CustomerSelfServiceContext",
        "PolicyManagementContext",
        "RiskManagementContext",
    ],
    relationships=[
        "CustomerManagementContext C/S CustomerSelfServiceContext",
        "CustomerManagementContext[OHS,PL] U/D PolicyManagementContext[CF]",
        "PolicyManagementContext P RiskManagementContext",
    ],
    teams=["CustomersBackofficeTeam", "CustomersFrontofficeTeam", "ContractsTeam"],
    team_relationships=2,  # Backoffice [U,S]->[D,C] Frontoffice and Backoffice [U]->[D] Contracts
    api_products=4,
)
LAKESIDE = Expected(
    contexts=["ClaimsManagement", "PolicyManagement", "CustomerManagement", "CustomerSelfService", "CustomerCore"],
    relationships=[
        "CustomerCore[OHS,PL] U/D CustomerManagement",
        "CustomerCore[OHS,PL] U/D CustomerSelfService[CF]",
        "CustomerCore[OHS,PL] U/D PolicyManagement[ACL]",
        "PolicyManagement U/D CustomerSelfService",
        "CustomerCore[OHS,PL] U/D ClaimsManagement",
        "PolicyManagement U/D ClaimsManagement",
        "ClaimsManagement U/D CustomerSelfService",
    ],
    api_products=5,
)
EXPECTED = {
    "bounded-context-canvas-example/Bounded-Context-Canvas-Example-Stage-1.cml": Expected(
        ["CustomerManagementContext"], []
    ),
    "ddd-sample/DDD-Sample-Stage-1.cml": Expected(DDD, DDD_BARE_ARROWS),
    "ddd-sample/DDD-Sample-Stage-2.cml": Expected(DDD, DDD_WITH_ROLES),
    "ddd-sample/DDD-Sample-Stage-3.cml": Expected(DDD, DDD_WITH_ROLES, api_products=3),  # aggregates in modules
    "ddd-sample/DDD-Sample-Stage-4.cml": Expected(DDD, DDD_WITH_ROLES, api_products=3),
    "ddd-sample/DDD-Sample-Stage-5.cml": Expected(DDD, DDD_WITH_ROLES, api_products=3),
    "ddd-sample/DDD-Sample_Alternative-Relationship-Syntax.cml": Expected(DDD, DDD_WITH_ROLES),
    "insurance-example/Insurance-Example-Stage-1.cml": Expected(INSURANCE, INSURANCE_BARE_ARROWS),
    "insurance-example/Insurance-Example-Stage-2.cml": Expected(INSURANCE, INSURANCE_WITH_ROLES),
    "insurance-example/Insurance-Example-Stage-3.cml": Expected(INSURANCE, INSURANCE_WITH_ROLES, api_products=6),
    "insurance-example/Insurance-Example-Stage-4.cml": Expected(INSURANCE, INSURANCE_WITH_ROLES, api_products=6),
    "insurance-example/Insurance-Example-Stage-5.cml": Expected(
        INSURANCE,
        INSURANCE_WITH_ROLES,
        teams=["ContractsTeam", "ProductsTeam", "FinancesTeam", "RisksTeam"],  # TEAM contexts off the map
        api_products=6,
    ),
    "insurance-example/Insurance-Example_Alternative-Relationship-Syntax.cml": Expected(
        INSURANCE, INSURANCE_WITH_ROLES
    ),
    "insurance-example/Insurance-Example_Team-Map.cml": TEAM_MAP,
    "lakeside-mutual/LakesideMutual.cml": LAKESIDE,
}


def test_the_expectations_cover_every_cml_file_in_the_fixtures_folder() -> None:
    found = sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.cml"))
    assert found == sorted(EXPECTED), "a fixture was added or removed: count its contexts and relationships"


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_each_fixture_imports_with_the_contexts_relationships_patterns_and_roles_it_declares(path: str) -> None:
    expected = EXPECTED[path]
    result = import_fixture(path)
    workspace = result.workspace
    assert [c.name for c in workspace.bounded_contexts] == expected.contexts
    assert [written(r) for r in workspace.relationships] == expected.relationships
    assert [t.name for t in workspace.teams] == expected.teams
    assert result.team_relationships == expected.team_relationships
    assert len(workspace.api_products) == expected.api_products
    assert workspace.external_systems == []


@pytest.mark.parametrize(
    ("alternative", "counterpart"),
    [
        # The alternative DDD file has the roles of Stage 2 ([OHS,PL]), not the bare arrows of Stage 1.
        ("ddd-sample/DDD-Sample_Alternative-Relationship-Syntax.cml", "ddd-sample/DDD-Sample-Stage-2.cml"),
        (
            "insurance-example/Insurance-Example_Alternative-Relationship-Syntax.cml",
            "insurance-example/Insurance-Example-Stage-2.cml",
        ),
    ],
)
def test_the_keyword_syntax_gives_the_same_map_as_the_arrow_syntax(alternative: str, counterpart: str) -> None:
    assert map_of(import_fixture(alternative).workspace) == map_of(import_fixture(counterpart).workspace)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_exporting_an_imported_fixture_and_importing_it_again_gives_the_same_map(path: str) -> None:
    first = import_fixture(path).workspace
    again = parse_cml_workspace(export_cml(first), "exported.cml").workspace
    assert map_of(again) == map_of(first)
    for before, after in zip(first.bounded_contexts, again.bounded_contexts, strict=True):
        assert (after.purpose, after.domain, after.business_model, after.evolution) == (
            before.purpose,
            before.domain,
            before.business_model,
            before.evolution,
        )
    assert [(r.name, r.implementation_technology) for r in again.relationships] == [
        (r.name, r.implementation_technology) for r in first.relationships
    ]
    assert [t.description for t in again.teams] == [t.description for t in first.teams]
    aggregates = {a.bounded_context: [g.name for g in a.sync_api.aggregates] for a in first.api_products}
    assert {a.bounded_context: [g.name for g in a.sync_api.aggregates] for a in again.api_products} == aggregates


def test_subdomain_types_become_the_strategic_domain_classification() -> None:
    workspace = import_fixture("insurance-example/Insurance-Example-Stage-2.cml").workspace
    domains = {c.name: c.domain.value if c.domain else None for c in workspace.bounded_contexts}
    assert domains == {
        "CustomerManagementContext": "core",
        "CustomerSelfServiceContext": "core",
        "PrintingContext": "supporting",
        "PolicyManagementContext": "core",
        "RiskManagementContext": "generic",
        "DebtCollection": "generic",
    }
    printing = canvas(workspace, "PrintingContext")
    assert (printing.classification_notes, printing.context_mapper.implements) == ("", ["PrintingDomain"])


def test_business_model_and_evolution_fill_the_canvas_classification() -> None:
    workspace = import_fixture("bounded-context-canvas-example/Bounded-Context-Canvas-Example-Stage-1.cml").workspace
    context = canvas(workspace, "CustomerManagementContext")
    assert (context.domain, context.business_model, context.evolution) == ("core", "engagement", "custom_built")
    assert workspace.name == "InsuranceContextMap"
    assert workspace.description == "Example Context Map written using a Bounded Context Canvas."


def test_teams_that_realize_contexts_own_them_and_keep_their_relationships_in_the_team_map() -> None:
    result = import_fixture("insurance-example/Insurance-Example_Team-Map.cml")
    workspace = result.workspace
    assert map_of(workspace)["owners"] == {
        "CustomerManagementContext": "CustomersBackofficeTeam",
        "CustomerSelfServiceContext": "CustomersFrontofficeTeam",
        "PolicyManagementContext": "ContractsTeam",
        "RiskManagementContext": "ContractsTeam",
    }
    backoffice = workspace.teams[0]
    assert backoffice.description == (
        "This team is responsible for implementing the customers module in the back-office system."
    )
    assert backoffice.context_mapper.implements == ["CustomerManagementDomain"]
    team_map = [(r.upstream, r.pattern.value, r.downstream) for r in workspace.context_mapper.team_relationships]
    assert team_map == [
        ("CustomersBackofficeTeam", "customer_supplier", "CustomersFrontofficeTeam"),
        ("CustomersBackofficeTeam", "upstream_downstream", "ContractsTeam"),
    ]
    assert [w.at.line for w in result.warnings] == [22, 24]
    assert all("kept in the workspace's team map" in w.message for w in result.warnings)


def test_responsibilities_type_and_technology_are_kept_beside_the_purpose() -> None:
    policy = canvas(
        import_fixture("insurance-example/Insurance-Example-Stage-3.cml").workspace, "PolicyManagementContext"
    )
    assert policy.purpose == "This bounded context manages the contracts and policies of the customers."
    kept = policy.context_mapper
    assert (kept.type, kept.implementation_technology, kept.implements) == (
        "FEATURE",
        "Java, Spring App",
        ["PolicyManagementDomain"],
    )
    assert kept.responsibilities == ["Offers, Contracts, Policies"]


def test_aggregates_become_an_api_product_canvas_with_their_owners_in_the_notes() -> None:
    workspace = import_fixture("insurance-example/Insurance-Example-Stage-5.cml").workspace
    policy = next(a for a in workspace.api_products if a.bounded_context == "PolicyManagementContext")
    assert [a.name for a in policy.sync_api.aggregates] == ["Offers", "Products", "Contract"]
    assert policy.notes == "Aggregate owners: Offers: ContractsTeam, Products: ProductsTeam, Contract: ContractsTeam."


def test_relationship_attributes_become_name_technology_and_kept_facts() -> None:
    workspace = import_fixture("insurance-example/Insurance-Example-Stage-5.cml").workspace
    first, second = workspace.relationships[:2]
    assert (first.name, first.context_mapper.exposed_aggregates) == (
        "Customer_Frontend_Backend_Relationship",
        ["Customers"],
    )
    assert second.implementation_technology == "SOAP"
    kept = second.context_mapper
    assert (kept.exposed_aggregates, kept.downstream_rights) == (["Printing"], "INFLUENCER")


def test_aggregates_inside_modules_are_found() -> None:
    workspace = import_fixture("ddd-sample/DDD-Sample-Stage-5.cml").workspace
    booking = next(a for a in workspace.api_products if a.bounded_context == "CargoBookingContext")
    assert [a.name for a in booking.sync_api.aggregates] == ["CargoItineraryLegDeliveryRouteSpecification", "Handling"]
