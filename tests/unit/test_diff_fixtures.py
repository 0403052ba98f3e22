"""Context Mapper's staged examples, each stage against the next: exactly the changes the files hold.

The expectations were counted by hand from the .cml files. Stages that only add tactical DDD
(entities, value objects, repositories), which the importer skips, compare as no change at all.
"""

from pathlib import Path

import pytest

from analysis.engine import analyze_workspace
from diff.diff_model import ChangeKind, Comparison, WorkspaceDiff
from diff.diff_workspaces import compare_workspaces, diff_workspaces
from services.files import read_any_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "context-mapper-examples"
DDD = FIXTURES / "ddd-sample"
INSURANCE = FIXTURES / "insurance-example"
CARGO, VOYAGE, LOCATION = "CargoBookingContext", "VoyagePlanningContext", "LocationContext"
CUSTOMER, SELF_SERVICE, PRINTING = "CustomerManagementContext", "CustomerSelfServiceContext", "PrintingContext"
POLICY, RISK, DEBT = "PolicyManagementContext", "RiskManagementContext", "DebtCollection"
INSURERS = (CUSTOMER, SELF_SERVICE, PRINTING, POLICY, RISK, DEBT)


def stages(folder: Path, prefix: str, old: int, new: int) -> Comparison:
    before = read_any_workspace(folder / f"{prefix}-Stage-{old}.cml")
    after = read_any_workspace(folder / f"{prefix}-Stage-{new}.cml")
    return compare_workspaces(before, after, old_label=f"Stage {old}", new_label=f"Stage {new}")


def edge_changes(diff: WorkspaceDiff, key: str) -> dict[str, tuple[str, str]]:
    """label -> (before, after) of one edge's map changes."""
    (edge,) = [e for e in diff.map.edges if e.key == key]
    return {c.label: (c.old_text, c.new_text) for c in edge.changes}


def declared_changes(diff: WorkspaceDiff, key: str) -> dict[str, tuple[str, str]]:
    (edge,) = [e for e in diff.map.edges if e.key == key]
    return {c.label.split(" › ", 1)[1]: (c.old_text, c.new_text) for c in edge.declared}


OHS_PL = "Open Host Service (OHS), Published Language (PL)"
UPSTREAM_ROLES, DOWNSTREAM_ROLES = "Pattern and roles › Upstream roles", "Pattern and roles › Downstream roles"
PATTERN = "Pattern and roles › Pattern"


def test_ddd_stage_1_to_2_gives_location_context_an_open_host_on_both_of_its_relationships() -> None:
    diff = stages(DDD, "DDD-Sample", 1, 2).diff
    assert diff.documents == ()
    assert diff.map.edge_keys(ChangeKind.CHANGED) == {f"{LOCATION} -> {CARGO}", f"{LOCATION} -> {VOYAGE}"}
    assert not diff.map.edge_keys(ChangeKind.ADDED) and not diff.map.edge_keys(ChangeKind.REMOVED)
    for key in diff.map.edge_keys(ChangeKind.CHANGED):
        assert edge_changes(diff, key) == {UPSTREAM_ROLES: ("", OHS_PL)}
        assert declared_changes(diff, key) == {UPSTREAM_ROLES: ("", OHS_PL)}
    assert not (diff.map.nodes_added or diff.map.nodes_removed or diff.map.nodes_renamed or diff.map.nodes_changed)


def test_ddd_stage_2_to_3_adds_an_api_product_canvas_for_each_context_from_its_aggregates() -> None:
    diff = stages(DDD, "DDD-Sample", 2, 3).diff
    assert {(d.kind, d.name, d.status) for d in diff.documents} == {
        ("api_product", name, ChangeKind.ADDED) for name in (CARGO, VOYAGE, LOCATION)
    }
    assert diff.map.nodes_changed == {CARGO, VOYAGE, LOCATION}
    # LocationContext already was OHS and PL, and Cargo <-> Voyage is a Shared Kernel: no edge changes.
    assert diff.map.edges == ()


@pytest.mark.parametrize("old", [3, 4])
def test_ddd_stages_that_only_add_tactical_design_compare_as_unchanged(old: int) -> None:
    comparison = stages(DDD, "DDD-Sample", old, old + 1)
    assert comparison.diff.is_empty
    assert comparison.findings is not None and not (comparison.findings.new or comparison.findings.resolved)


def test_insurance_stage_1_to_2_names_the_pattern_and_roles_of_six_of_its_seven_relationships() -> None:
    diff = stages(INSURANCE, "Insurance-Example", 1, 2).diff
    assert diff.documents == ()
    acl = "Anticorruption Layer (ACL)"
    expected = {
        f"{CUSTOMER} -> {SELF_SERVICE}": {PATTERN: ("Upstream/Downstream (U/D)", "Customer/Supplier (C/S)")},
        f"{PRINTING} -> {CUSTOMER}": {UPSTREAM_ROLES: ("", OHS_PL), DOWNSTREAM_ROLES: ("", acl)},
        f"{PRINTING} -> {POLICY}": {UPSTREAM_ROLES: ("", OHS_PL), DOWNSTREAM_ROLES: ("", acl)},
        f"{RISK} <-> {POLICY}": {PATTERN: ("Shared Kernel (SK)", "Partnership (P)")},
        f"{CUSTOMER} -> {POLICY}": {UPSTREAM_ROLES: ("", OHS_PL), DOWNSTREAM_ROLES: ("", "Conformist (CF)")},
        f"{PRINTING} -> {DEBT}": {UPSTREAM_ROLES: ("", OHS_PL), DOWNSTREAM_ROLES: ("", acl)},
    }
    assert {e.key: edge_changes(diff, e.key) for e in diff.map.edges} == expected
    assert {e.key: declared_changes(diff, e.key) for e in diff.map.edges} == expected
    assert f"{POLICY} <-> {DEBT}" not in {e.key for e in diff.map.edges}  # stays a Shared Kernel


def test_insurance_stage_2_to_3_describes_every_context_and_publishes_its_aggregates() -> None:
    before = read_any_workspace(INSURANCE / "Insurance-Example-Stage-2.cml")
    after = read_any_workspace(INSURANCE / "Insurance-Example-Stage-3.cml")
    diff = diff_workspaces(before, after)
    contexts = {d.name: d for d in diff.documents_of("bounded_context")}
    assert set(contexts) == set(INSURERS)
    for name, document in contexts.items():
        assert document.status is ChangeKind.CHANGED
        assert [s.key for s in document.sections] == ["purpose", "context_mapper"]
        assert "Context Mapper › type" in [c.label for c in document.sections[1].changes]
        purpose = document.sections[0].changes[0]
        assert purpose.old == "" and purpose.new == after.context(name).purpose  # type: ignore[union-attr]
    assert {(d.name, d.status) for d in diff.documents_of("api_product")} == {(n, ChangeKind.ADDED) for n in INSURERS}
    assert diff.map.nodes_changed == set(INSURERS)
    # Publishing an API gives the Customer/Supplier upstream a Published Language on the map (no OHS: the DDD
    # rules allow none in Customer/Supplier); nothing was declared.
    assert [e.key for e in diff.map.edges] == [f"{CUSTOMER} -> {SELF_SERVICE}"]
    assert edge_changes(diff, f"{CUSTOMER} -> {SELF_SERVICE}") == {UPSTREAM_ROLES: ("", "Published Language (PL)")}
    assert declared_changes(diff, f"{CUSTOMER} -> {SELF_SERVICE}") == {}


def test_insurance_stage_2_to_3_names_each_context_mapper_fact_that_was_added() -> None:
    diff = stages(INSURANCE, "Insurance-Example", 2, 3).diff
    document = diff.document("bounded_context", PRINTING)
    assert document is not None
    kept = document.section("context_mapper")
    assert kept is not None
    assert [(c.label, c.old_text, c.new_text) for c in kept.changes] == [
        ("Context Mapper › type", "", "SYSTEM"),
        ("Context Mapper › responsibilities", "", "Document Printing"),
    ]


def test_insurance_stage_3_to_4_only_adds_entities_so_nothing_changes() -> None:
    assert stages(INSURANCE, "Insurance-Example", 3, 4).diff.is_empty


def test_insurance_stage_4_to_5_adds_teams_owner_notes_and_relationship_details() -> None:
    diff = stages(INSURANCE, "Insurance-Example", 4, 5).diff
    (settings,) = diff.documents_of("workspace")
    assert [(s.key, [(c.kind, c.new_text) for c in s.changes]) for s in settings.sections] == [
        (
            "teams",
            [
                (ChangeKind.ADDED, f"{t}; context mapper: type: TEAM")
                for t in ("ContractsTeam", "ProductsTeam", "FinancesTeam", "RisksTeam")
            ],
        )
    ]
    contexts = {d.name: d for d in diff.documents_of("bounded_context")}
    owners = {name: [(c.label, c.new_text) for c in d.changes] for name, d in contexts.items() if name != CUSTOMER}
    assert owners == {  # Stage 5 names the team that owns each aggregate
        POLICY: [
            (
                "Context Mapper › aggregate owners",
                "Offers: ContractsTeam; Products: ProductsTeam; Contract: ContractsTeam",
            )
        ],
        RISK: [("Context Mapper › aggregate owners", "Risks: RisksTeam")],
        DEBT: [("Context Mapper › aggregate owners", "Debts: FinancesTeam")],
    }
    customer = contexts[CUSTOMER]  # it no longer implements a subdomain and lost its vision statement
    assert [(c.label, c.new_text) for c in customer.changes] == [
        ("Purpose", ""),
        ("Strategic Classification › Domain", ""),
        ("Context Mapper › type", ""),
        ("Context Mapper › implementation technology", ""),
        ("Context Mapper › responsibilities", ""),
        ("Context Mapper › implements", ""),
        ("Context Mapper › aggregate owners", "Customers: ContractsTeam"),
    ]
    notes = {d.name: [(c.label, c.old_text) for c in d.changes] for d in diff.documents_of("api_product")}
    assert notes == {name: [("Notes", "")] for name in (CUSTOMER, POLICY, RISK, DEBT)}
    assert diff.map.nodes_changed == {CUSTOMER, POLICY, RISK, DEBT}
    soap = {"Integration › Implementation technology": ("", "SOAP")}
    expected = {
        f"{CUSTOMER} -> {SELF_SERVICE}": {
            "Integration › Name": ("", "Customer_Frontend_Backend_Relationship"),
            "Context Mapper": ("", "exposed aggregates: Customers"),
        },
        f"{PRINTING} -> {CUSTOMER}": {
            **soap,
            "Context Mapper": ("", "exposed aggregates: Printing; downstream rights: INFLUENCER"),
        },
        f"{PRINTING} -> {POLICY}": {**soap, "Context Mapper": ("", "exposed aggregates: Printing")},
        f"{RISK} <-> {POLICY}": {"Integration › Implementation technology": ("", "RabbitMQ")},
        f"{CUSTOMER} -> {POLICY}": {
            "Integration › Implementation technology": ("", "RESTfulHTTP"),
            "Context Mapper": ("", "exposed aggregates: Customers"),
        },
        f"{PRINTING} -> {DEBT}": {**soap, "Context Mapper": ("", "exposed aggregates: Printing")},
        f"{POLICY} <-> {DEBT}": {
            "Integration › Implementation technology": ("", "Shared Java Library, Communication over RESTful HTTP")
        },
    }
    assert {e.key: declared_changes(diff, e.key) for e in diff.map.edges} == expected
    assert all(e.changes == () for e in diff.map.edges)  # the map draws them as before


def test_the_same_map_in_keyword_syntax_differs_only_in_the_map_name() -> None:
    stage = read_any_workspace(INSURANCE / "Insurance-Example-Stage-2.cml")
    twin = read_any_workspace(INSURANCE / "Insurance-Example_Alternative-Relationship-Syntax.cml")
    diff = diff_workspaces(stage, twin)
    assert diff.map.is_empty
    (settings,) = diff.documents
    assert [(c.label, c.old_text, c.new_text) for c in settings.changes] == [
        ("Overview › Workspace name", "InsuranceContextMap", "InsuranceContextMapAlternative")
    ]


@pytest.mark.parametrize(("folder", "prefix", "old"), [(DDD, "DDD-Sample", 1), (INSURANCE, "Insurance-Example", 2)])
def test_a_stage_compared_with_itself_is_empty_and_keeps_its_score(folder: Path, prefix: str, old: int) -> None:
    workspace = read_any_workspace(folder / f"{prefix}-Stage-{old}.cml")
    comparison = compare_workspaces(workspace, workspace, old_label="a", new_label="b")
    assert comparison.diff.is_empty and comparison.findings is not None
    assert comparison.findings.new == comparison.findings.resolved == () and comparison.findings.changed == ()
    score = analyze_workspace(workspace, lever=False).score.value
    assert (comparison.findings.score.old_value, comparison.findings.score.new_value) == (score, score)
