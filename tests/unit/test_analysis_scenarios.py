"""End-to-end scenarios of the AI coupling analysis against the specification (shared/design/coupling-rules.md):
well-designed maps, suppressions, not-evaluable rules, accepted risks, score and gate, determinism, canvas
consistency, the canvas-entry path and Khononov's measures on the reference edges of §2.4.

Tests marked xfail(strict=True) record where the implementation disagrees with the specification.
"""

import datetime as dt
import random
from typing import Any

import pytest

from analysis.engine import Analysis, analyze_workspace
from analysis.score import band_of
from models.finding import FindingStatus, Severity
from models.relationship import Role, SyncMode
from models.workspace import Workspace
from tests.unit.analysis_scenarios import (
    DRIFT,
    EVAL,
    MONITORED,
    QUALITY,
    TODAY,
    WATCHED,
    Part,
    RoleCode,
    accept,
    analyse,
    api_product,
    cmd,
    ctx,
    edge,
    entry,
    event,
    ext,
    keys,
    model,
    of_rule,
    only,
    query,
    rel,
    severities,
    subjects,
    talk,
    watching,
    workspace,
)

LLM = ext("LLM", ai="llm_external", availability=99.5)  # declares its SLA, so AIC017 stays quiet


def part(analysis: Analysis, name: str) -> float:
    """The value of one score part: 'A', 'B' or 'C'."""
    return next(p.value for p in analysis.score.parts if p.name.startswith(name))


# --- Well-designed maps: zero errors and zero warnings -------------------------------------------------------


def _pricing_with_vendor(roles_down: list[RoleCode]) -> list[Part]:
    return [
        ctx("Pricing", domain="core", metrics=[EVAL, DRIFT]),
        LLM,
        rel("LLM", "Pricing", roles_down=roles_down, sync="sync", data_use="inference", fallback="list price"),
    ]


def test_an_anticorruption_layer_makes_a_core_dependency_on_a_vendor_model_acceptable() -> None:
    analysis = analyse(*_pricing_with_vendor(["ACL"]))
    assert severities(analysis) <= {"info"}
    assert analysis.score.gate == "pass"
    vendor_edge = edge(analysis, "LLM", "Pricing")
    assert (vendor_edge.strength, vendor_edge.balance, vendor_edge.pain) == (1, "loose", 0.25)


def test_the_same_core_dependency_without_the_acl_is_an_error_that_fails_the_gate() -> None:
    analysis = analyse(*_pricing_with_vendor(["CF"]))
    assert keys(analysis) == [("AIC001", "error", "open", "LLM -> Pricing")]
    assert analysis.score.gate == "fail"
    assert analysis.score.gate_reason == "1 unaccepted error"


def test_an_asynchronous_event_choreography_through_a_model_is_acceptable() -> None:
    # Orders publishes OrderPlaced, Fraud publishes FraudAssessed: the example of §3 AIC005 "does not fire".
    analysis = analyse(
        model("Fraud"),
        ctx("Orders", domain="core"),
        talk("Orders", "Fraud", event("OrderPlaced"), roles_up=["PL"], sync="async", via="events", contract=True),
        talk("Fraud", "Orders", event("FraudAssessed"), roles_up=["PL"], sync="async", via="events", contract=True),
    )
    assert severities(analysis) <= {"info"}
    assert of_rule(analysis, "AIC005") == []
    # The cycle is still a cycle: it counts in score part C (8 x AI cycle ratio), it is just not a finding.
    assert analysis.node_metrics["Fraud"].in_cycle
    assert part(analysis, "C") == pytest.approx(8.0)


def _loop(**pricing: Any) -> list[Part]:
    return [
        model("Pricing", owner="Pricing Science", **pricing),
        ctx("Pricing Training", ai="training_pipeline", owner="Pricing Science", metrics=MONITORED),
        ctx("Offers", business="revenue"),
        rel("Pricing", "Offers", roles_up=["OHS", "PL"], sync="sync", data_use="inference", fallback="manual price"),
        rel("Offers", "Pricing Training", roles_up=["PL"], sync="async", data_use="training", via="events"),
        rel("Pricing Training", "Pricing", sync="async", data_use="operational", via="events", contract=True),
    ]


def test_a_feedback_loop_that_is_mitigated_and_watched_is_acceptable() -> None:
    analysis = analyse(*_loop(mitigation="3 % of requests priced by rule (holdout)", metrics=[*MONITORED, WATCHED]))
    assert severities(analysis) <= {"info"}
    assert of_rule(analysis, "AIC008") == []


def test_the_same_loop_without_mitigation_is_a_hidden_feedback_loop_error() -> None:
    analysis = analyse(*_loop())
    assert keys(analysis) == [
        ("AIC008", "error", "open", "Pricing -> Offers -> Pricing Training -> Pricing"),
    ]


def test_a_shared_model_platform_with_contracts_sla_rollback_and_fallbacks_is_quiet() -> None:
    consumers = ["Checkout", "Returns", "Payouts"]
    analysis = analyse(
        model("Fraud", pinned=True, fallback="heuristic"),
        *(ctx(c, domain="core", metrics=[watching(QUALITY, "Fraud")]) for c in consumers),
        *(rel("Fraud", c, roles_up=["OHS", "PL"], sync="sync", pinned=True, breaker=True) for c in consumers),
    )
    assert keys(analysis) == [("AIC006", "info", "open", "Fraud")]
    assert analysis.score.gate == "pass"
    assert analysis.score.band == "loosely coupled"


# --- Suppressions (§3.0) -------------------------------------------------------------------------------------


def test_aic001_suppresses_aic004_on_the_same_edge() -> None:
    analysis = analyse(*_pricing_with_vendor(["CF"]))
    assert subjects(analysis, "AIC001") == {"LLM -> Pricing"}
    assert of_rule(analysis, "AIC004") == []


def test_a_specific_rule_on_an_edge_suppresses_aic019_there() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders", domain="core"), rel("Scoring", "Orders", "SK", sync="async"))
    kernel = edge(analysis, "Scoring", "Orders")
    assert (kernel.strength, kernel.distance, kernel.volatility, kernel.balance) == (3, 3, 3, "global_complexity")
    assert subjects(analysis, "AIC002") == {"Scoring <-> Orders"}
    assert of_rule(analysis, "AIC019") == []


def test_aic019_fires_on_the_same_kind_of_edge_when_no_specific_rule_explains_it() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders", domain="core"), rel("Orders", "Scoring", via="log"))
    assert edge(analysis, "Orders", "Scoring").balance == "global_complexity"
    assert subjects(analysis, "AIC019") == {"Orders -> Scoring"}


def test_aic011_suppresses_aic010_when_the_training_data_comes_from_a_big_ball_of_mud() -> None:
    analysis = analyse(
        model("Churn", owner="Data"),
        ctx("Churn Training", ai="training_pipeline", owner="Data", metrics=MONITORED),
        ctx("Legacy CRM", owner="Sales", bbom=True),
        rel("Churn Training", "Churn", sync="async"),
        rel("Legacy CRM", "Churn Training", via="table", data_use="training", sync="async"),
    )
    assert only(analysis, "AIC011").subject == "Legacy CRM -> Churn Training"
    assert of_rule(analysis, "AIC010") == []


def test_aic010_fires_for_the_same_read_when_the_source_is_not_mud() -> None:
    analysis = analyse(
        model("Churn", owner="Data"),
        ctx("Churn Training", ai="training_pipeline", owner="Data", metrics=MONITORED),
        ctx("CRM", owner="Sales"),
        rel("Churn Training", "Churn", sync="async"),
        rel("CRM", "Churn Training", via="table", data_use="training", sync="async"),
    )
    assert only(analysis, "AIC010").severity is Severity.ERROR
    assert of_rule(analysis, "AIC011") == []


# --- Not evaluable (§3.0): never passes silently ---------------------------------------------------------------


def test_aic003_reports_not_evaluable_naming_the_sync_field_when_the_mode_is_unknown() -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), rel("Fraud", "Checkout"))
    found = only(analysis, "AIC003")
    assert found.status is FindingStatus.NOT_EVALUABLE
    assert found.message.startswith("Cannot be checked: Sync or async (and the messages) is empty")
    assert analysis.score.gate == "pass"


def test_aic004_reports_not_evaluable_naming_the_domain_when_the_consumer_has_none() -> None:
    analysis = analyse(
        ctx("Support Bot", domain=None, metrics=[EVAL, DRIFT]),
        LLM,
        rel("LLM", "Support Bot", sync="async"),
    )
    found = only(analysis, "AIC004")
    assert (found.status, found.subject) == (FindingStatus.NOT_EVALUABLE, "LLM -> Support Bot")
    assert found.message == "Cannot be checked: Strategic Classification › Domain is empty on Support Bot."


def test_a_not_evaluable_finding_adds_nothing_to_the_score() -> None:
    unknown = analyse(model("Fraud"), ctx("Checkout", domain="core"), rel("Fraud", "Checkout"))
    assert [f.status for f in unknown.findings] == [FindingStatus.NOT_EVALUABLE]
    assert part(unknown, "A") == 0.0


# --- Accepted and expired risks (§3.0) -----------------------------------------------------------------------


def test_an_accepted_error_stays_visible_weighs_a_quarter_and_does_not_fail_the_gate() -> None:
    open_analysis = analyse(*_pricing_with_vendor(["CF"]))
    accepted = analyse(*_pricing_with_vendor(["CF"]), risks=[accept("AIC001", "LLM -> Pricing", by="Dana")])
    found = only(accepted, "AIC001")
    assert (found.status, found.severity, found.accepted_by) == (FindingStatus.ACCEPTED, Severity.ERROR, "Dana")
    assert found.accepted_until == "2030-01-01"
    assert part(open_analysis, "A") == 15.0  # error 10 x 1.5 (core)
    assert part(accepted, "A") == 3.75  # x 0.25 while accepted
    assert (open_analysis.score.gate, accepted.score.gate) == ("fail", "pass")
    assert "(accepted)" in accepted.score.parts[0].detail


def test_an_acceptance_holds_on_its_last_day() -> None:
    risk = accept("AIC001", "LLM -> Pricing", until="2026-11-27")
    analysis = analyse(*_pricing_with_vendor(["CF"]), risks=[risk], today=dt.date(2026, 11, 27))
    assert only(analysis, "AIC001").status is FindingStatus.ACCEPTED


def test_an_expired_acceptance_reverts_to_open_and_says_so() -> None:
    risk = accept("AIC001", "LLM -> Pricing", until="2026-11-26", by="Dana")
    analysis = analyse(*_pricing_with_vendor(["CF"]), risks=[risk], today=dt.date(2026, 11, 27))
    found = only(analysis, "AIC001")
    assert found.status is FindingStatus.OPEN
    assert "Risk acceptance by Dana expired on 2026-11-26" in found.message
    assert part(analysis, "A") == 15.0
    assert analysis.score.gate == "fail"


def test_an_acceptance_for_another_subject_does_not_apply() -> None:
    analysis = analyse(*_pricing_with_vendor(["CF"]), risks=[accept("AIC001", "LLM -> Billing")])
    assert only(analysis, "AIC001").status is FindingStatus.OPEN


# --- Score and gate (§5) -------------------------------------------------------------------------------------

SCORED_MAPS: dict[str, list[Part]] = {
    "vendor_acl": _pricing_with_vendor(["ACL"]),
    "vendor_conformist": _pricing_with_vendor(["CF"]),
    "unmitigated_loop": _loop(),
    "many_findings": [
        model("Scoring", owner=None, metrics=[], sla={}, rollback=False),
        *(ctx(f"Consumer {i}", domain="core") for i in range(4)),
        *(rel("Scoring", f"Consumer {i}", "SK", sync="sync") for i in range(4)),
    ],
}


@pytest.mark.parametrize("parts", SCORED_MAPS.values(), ids=SCORED_MAPS.keys())
def test_the_explanation_parts_add_up_to_the_score(parts: list[Part]) -> None:
    analysis = analyse(*parts)
    score = analysis.score
    assert abs(sum(p.value for p in score.parts) - score.value) <= 0.5
    assert [p.maximum for p in score.parts] == [50, 30, 20]
    assert all(0 <= p.value <= p.maximum for p in score.parts)
    first = score.explanation().splitlines()[0]
    assert first.startswith(f"AI coupling score {score.value} ({score.band}) — gate: {score.gate.upper()}")


def test_findings_part_a_is_capped_at_50() -> None:
    analysis = analyse(*SCORED_MAPS["many_findings"])
    assert len([f for f in analysis.findings if f.severity is Severity.ERROR]) >= 6
    assert part(analysis, "A") == 50.0


def test_structural_pain_part_b_is_half_max_and_half_mean_ai_pain() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core", metrics=[EVAL, DRIFT]),
        ctx("Support Bot", metrics=[EVAL, DRIFT]),
        LLM,
        rel("LLM", "Pricing", roles_down=["ACL"], sync="async"),  # pain 0.25
        rel("LLM", "Support Bot", roles_down=["CF"], sync="async"),  # pain 0.50
    )
    assert part(analysis, "B") == pytest.approx(30 * (0.5 * 0.5 + 0.5 * 0.375))


def test_propagation_part_c_is_twelve_times_the_outage_blast_radius() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Checkout"),
        ctx("Returns"),
        ctx("Archive"),
        rel("Fraud", "Checkout", sync="sync"),
        rel("Fraud", "Returns", sync="sync", fallback="manual review"),
    )
    # Only Checkout reaches Fraud synchronously without fallback: 1 of the 3 other internal contexts.
    assert analysis.map_metrics.max_outage_blast_radius == pytest.approx(1 / 3)
    assert part(analysis, "C") == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "loosely coupled"),
        (19, "loosely coupled"),
        (20, "moderate"),
        (39, "moderate"),
        (40, "elevated"),
        (59, "elevated"),
        (60, "high"),
        (79, "high"),
        (80, "critical"),
        (100, "critical"),
    ],
)
def test_bands_change_at_20_40_60_and_80(value: int, band: str) -> None:
    assert band_of(value) == band


def test_the_critical_multiplier_ignores_transitive_dependents() -> None:
    # §6 open point 2: m_f looks at the subject and its direct neighbours only. Shop (core) is two hops away.
    analysis = analyse(
        model("Recommender", rollback=False),
        ctx("Catalogue"),
        ctx("Shop", domain="core"),
        rel("Recommender", "Catalogue", roles_down=["ACL"], sync="async", via="events", contract=True),
        rel("Catalogue", "Shop", sync="async", via="events", contract=True),
    )
    assert keys(analysis) == [("AIC017", "warning", "open", "Recommender")]
    assert part(analysis, "A") == 4.0


def test_the_critical_multiplier_applies_when_a_direct_neighbour_is_critical() -> None:
    analysis = analyse(
        model("Recommender", rollback=False),
        ctx("Shop", domain="core"),
        rel("Recommender", "Shop", roles_down=["ACL"], sync="async", via="events", contract=True),
    )
    assert keys(analysis) == [("AIC017", "warning", "open", "Recommender")]
    assert part(analysis, "A") == 6.0


def test_the_gate_ignores_warnings_infos_and_consistency_findings() -> None:
    analysis = analyse(
        ctx("Support Bot", metrics=[EVAL, DRIFT]),
        ctx("Helpdesk", outbound=[entry("Support Bot", query("Suggest"), sync="async")]),
        LLM,
        rel("LLM", "Support Bot", roles_down=["CF"], sync="async"),
    )
    assert {f.rule for f in analysis.findings} == {"AIC004", "CON001"}
    assert analysis.score.gate == "pass"
    assert analysis.score.gate_reason == "no unaccepted error"


def test_the_biggest_lever_is_a_counterfactual_that_can_be_checked() -> None:
    # §5: the single remedy that lowers the score most; here it must match the map with the ACL actually added.
    conformist = analyse(*_pricing_with_vendor(["CF"]))
    with_acl = analyse(*_pricing_with_vendor(["ACL"]))
    assert conformist.score.explanation().splitlines()[-1].startswith("  Biggest lever: ")
    assert "an ACL" in conformist.score.lever
    assert "LLM -> Pricing" in conformist.score.lever
    assert f"score {conformist.score.value} → {with_acl.score.value}" in conformist.score.lever
    assert "removes AIC001" in conformist.score.lever


def test_trying_the_lever_leaves_the_analysed_map_as_it_was() -> None:
    # The candidates are tried on shallow copies: a remedy that changed a shared edge or node would leak here.
    with_lever = analyse(*BUSY_MAP)
    without = analyze_workspace(workspace(*BUSY_MAP), today=TODAY, lever=False)
    assert with_lever.score.lever
    assert with_lever.context_map.edges == without.context_map.edges
    assert with_lever.context_map.nodes == without.context_map.nodes
    assert with_lever.findings == without.findings


# --- Determinism ---------------------------------------------------------------------------------------------

BUSY_MAP: list[Part] = [
    model("Fraud", owner="Risk", rollback=False),
    model("Pricing", domain="core", owner="Pricing", metrics=[QUALITY]),
    ctx("Pricing Training", ai="training_pipeline", owner="Pricing", metrics=MONITORED),
    ctx("Checkout", domain="core", owner="Shop"),
    ctx("Offers", business="revenue", owner="Shop", terms=["Prompt"]),
    ctx("Support Bot", owner="Care", metrics=[EVAL]),
    ctx("Legacy ERP", owner=None, bbom=True),
    LLM,
    rel("Fraud", "Checkout", sync="sync"),
    rel("Pricing", "Offers", roles_down=["CF"], sync="sync"),
    rel("Offers", "Pricing Training", sync="async", data_use="training", via="events"),
    rel("Pricing Training", "Pricing", "SK", sync="async", artifact=True),
    rel("LLM", "Support Bot", sync="sync", data_use="inference"),
    rel("LLM", "Offers", roles_down=["CF"], sync="async"),
    rel("Legacy ERP", "Fraud", via="table", sync="async"),
    rel("Fraud", "Support Bot", "P", sync="async"),
]


def _shuffled(ws: Workspace, seed: int) -> Workspace:
    rng = random.Random(seed)
    update = {}
    for name in ("bounded_contexts", "relationships", "external_systems", "teams"):
        items = list(getattr(ws, name))
        rng.shuffle(items)
        update[name] = items
    return ws.model_copy(update=update)


def _full(analysis: Analysis) -> list[tuple[str, ...]]:
    return [(f.rule, f.severity.value, f.status.value, f.subject, f.message) for f in analysis.findings]


def test_the_same_input_gives_identical_findings_and_score() -> None:
    first, second = analyse(*BUSY_MAP), analyse(*BUSY_MAP)
    assert len(first.findings) >= 10
    assert _full(first) == _full(second)
    assert first.score == second.score


def test_findings_are_sorted_by_severity_then_rule_then_subject() -> None:
    analysis = analyse(*BUSY_MAP)
    order = {"error": 0, "warning": 1, "info": 2}
    sort_keys = [(order[f.severity.value], f.rule, f.subject) for f in analysis.findings]
    assert sort_keys == sorted(sort_keys)
    assert analysis.findings[0].severity is Severity.ERROR
    assert {"error", "warning"} <= severities(analysis)


@pytest.mark.parametrize("seed", range(8))
def test_shuffling_contexts_and_relationships_gives_the_same_findings(seed: int) -> None:
    ws = workspace(*BUSY_MAP)
    reference = analyze_workspace(ws, today=dt.date(2026, 11, 27))
    shuffled = analyze_workspace(_shuffled(ws, seed), today=dt.date(2026, 11, 27))
    assert _full(shuffled) == _full(reference)
    assert shuffled.score == reference.score


TIED_PATHS: list[Part] = [
    model("Fraud"),
    ctx("Checkout", domain="core"),
    ctx("Risk A"),
    ctx("Risk B"),
    rel("Risk A", "Checkout", sync="sync"),
    rel("Risk B", "Checkout", sync="sync"),
    rel("Fraud", "Risk A", sync="sync", fallback="rules"),
    rel("Fraud", "Risk B", sync="sync"),
]


def _tied_in_order(order: tuple[int, ...]) -> list[Part]:
    return [*TIED_PATHS[:4], *(TIED_PATHS[4 + i] for i in order)]


@pytest.mark.parametrize("order", [(1, 0, 3, 2), (3, 2, 1, 0), (0, 1, 3, 2), (2, 3, 0, 1)])
def test_equally_short_call_paths_give_the_same_result_in_any_order(order: tuple[int, ...]) -> None:
    assert keys(analyse(*_tied_in_order(order))) == keys(analyse(*TIED_PATHS))


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0)])
def test_an_unprotected_call_path_is_reported_even_when_an_equally_short_one_is_protected(
    order: tuple[int, ...],
) -> None:
    found = only(analyse(*_tied_in_order(order)), "AIC003")
    assert (found.severity, found.subject) == (Severity.ERROR, "Fraud -> Risk B -> Checkout")


def _contradicting(first: str) -> list[Part]:
    scoring = model("Scoring", outbound=[entry("Orders", event("Scored"), pattern="SK", sync="async")])
    orders = ctx("Orders", inbound=[entry("Scoring", event("Scored"), pattern="P", sync="async")])
    return [scoring, orders] if first == "Scoring" else [orders, scoring]


def test_contradicting_canvases_give_the_same_findings_in_any_order() -> None:
    assert keys(analyse(*_contradicting("Scoring"))) == keys(analyse(*_contradicting("Orders")))


# --- Consistency of the two canvases -------------------------------------------------------------------------


def test_con001_a_collaboration_on_one_canvas_only_is_reported_where_it_is_missing() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Lending", metrics=[QUALITY], outbound=[entry("Scoring", query("GetScore"), sync="async")]),
    )
    found = only(analysis, "CON001")
    assert (found.severity, found.subject) == (Severity.INFO, "Scoring -> Lending")
    assert found.message == (
        "Lending lists Scoring under outbound communication, but Scoring does not list Lending under inbound."
    )
    assert found.fix_at == "Scoring › Inbound Communication"


def test_con001_is_silent_when_both_canvases_declare_the_collaboration() -> None:
    analysis = analyse(model("Scoring"), ctx("Lending"), talk("Lending", "Scoring", query("GetScore"), sync="async"))
    assert of_rule(analysis, "CON001") == []


def test_con002_contradicting_patterns_on_the_two_canvases_are_a_warning() -> None:
    analysis = analyse(*_contradicting("Scoring"))
    found = only(analysis, "CON002")
    assert (found.severity, found.subject) == (Severity.WARNING, "Orders <-> Scoring")
    assert "pattern partnership on Orders' canvas, shared_kernel on Scoring's" in found.message


def test_con002_both_canvases_claiming_the_upstream_side_is_a_warning() -> None:
    analysis = analyse(
        model("Scoring", outbound=[entry("Orders", event("Scored"), side="upstream", sync="async")]),
        ctx("Orders", inbound=[entry("Scoring", event("Scored"), side="upstream", sync="async")]),
    )
    assert "both canvases say their context is upstream" in only(analysis, "CON002").message


# --- How canvas entries become edges ----------------------------------------------------------------------


def test_the_context_asking_a_query_is_downstream_and_the_call_is_synchronous() -> None:
    analysis = analyse(model("Scoring"), ctx("Lending"), talk("Lending", "Scoring", query("GetScore")))
    only_edge = edge(analysis, "Scoring", "Lending")
    assert (only_edge.upstream, only_edge.downstream, only_edge.runtime) == ("Scoring", "Lending", SyncMode.SYNC)
    assert only_edge.declared_by == {"upstream", "downstream"}


def test_the_context_sending_a_command_is_downstream_and_commands_also_flow_back() -> None:
    analysis = analyse(model("Scoring"), ctx("Lending"), talk("Lending", "Scoring", cmd("Rescore")))
    assert edge(analysis, "Scoring", "Lending").upstream == "Scoring"
    assert analysis.context_map.data_flow.has_edge("Lending", "Scoring")
    assert analysis.context_map.data_flow.has_edge("Scoring", "Lending")


def test_the_publisher_of_events_is_upstream_and_the_integration_asynchronous() -> None:
    analysis = analyse(model("Scoring"), ctx("Lending"), talk("Scoring", "Lending", event("ScoreChanged")))
    only_edge = edge(analysis, "Scoring", "Lending")
    assert (only_edge.upstream, only_edge.runtime) == ("Scoring", SyncMode.ASYNC)
    assert analysis.context_map.dependencies.has_edge("Lending", "Scoring")


def test_an_explicit_side_on_the_canvas_wins_over_the_messages() -> None:
    analysis = analyse(
        model("Scoring"), ctx("Lending"), talk("Scoring", "Lending", event("LoanGranted"), upstream="Lending")
    )
    assert edge(analysis, "Scoring", "Lending").upstream == "Lending"


def test_an_explicit_relationship_overrides_what_the_canvases_say() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Lending"),
        talk("Scoring", "Lending", event("ScoreChanged"), sync="async"),
        rel("Scoring", "Lending", roles_down=["ACL"], sync="sync"),
    )
    only_edge = edge(analysis, "Scoring", "Lending")
    assert (only_edge.runtime, only_edge.down_roles, only_edge.strength) == (SyncMode.SYNC, {Role("ACL")}, 1)
    assert only_edge.declared_by == {"upstream", "downstream", "relationship"}


def test_an_api_product_makes_its_context_an_open_host_with_a_published_language() -> None:
    analysis = analyse(ctx("Orders"), ctx("Invoicing"), api_product("Orders"), rel("Orders", "Invoicing"))
    assert edge(analysis, "Orders", "Invoicing").up_roles == {Role("OHS"), Role("PL")}


def test_relationships_in_opposite_directions_are_both_kept() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        rel("Fraud", "Orders", sync="sync", fallback="accept"),
        rel("Orders", "Fraud", sync="sync", fallback="no history"),
    )
    deps = analysis.context_map.dependencies
    assert deps.has_edge("Orders", "Fraud")
    assert deps.has_edge("Fraud", "Orders")
    assert only(analysis, "AIC005").severity is Severity.ERROR


def test_a_relationship_completes_the_canvas_edge_of_its_own_direction() -> None:
    # Canvases declare both directions; the relationship only adds an ACL to Fraud -> Orders.
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Fraud", "Orders", query("GetOrderHistory"), sync="sync"),
        talk("Orders", "Fraud", query("AssessOrder"), sync="sync"),
        rel("Fraud", "Orders", roles_down=["ACL"], sync="sync"),
    )
    deps = analysis.context_map.dependencies
    assert deps.has_edge("Orders", "Fraud")
    assert deps.has_edge("Fraud", "Orders")
    assert only(analysis, "AIC005").severity is Severity.ERROR


# --- Khononov's measures on the reference edges of §2.4 -------------------------------------------------------


def _measures(analysis: Analysis, upstream: str, downstream: str) -> tuple[int, int, int, float, str]:
    e = edge(analysis, upstream, downstream)
    return (e.strength, e.distance, e.volatility, round(e.pain, 2), e.balance)


def test_reference_edge_acl_to_an_external_llm() -> None:
    analysis = analyse(ctx("Support Bot"), LLM, rel("LLM", "Support Bot", roles_down=["ACL"]))
    assert _measures(analysis, "LLM", "Support Bot") == (1, 4, 3, 0.25, "loose")


def test_reference_edge_ohs_pl_to_an_in_house_model_of_another_team() -> None:
    # The AI caveat of §2.1: the PL counts only with a pinned version and a consumer that checks behaviour.
    analysis = analyse(
        model("Scoring"),
        ctx("Lending", metrics=[watching(QUALITY, "Scoring")]),
        rel("Scoring", "Lending", roles_up=["OHS", "PL"], pinned=True),
    )
    assert _measures(analysis, "Scoring", "Lending") == (1, 3, 2, 0.12, "loose")


def test_a_quality_metric_of_the_consumer_itself_does_not_contract_a_published_model_api() -> None:
    # Checking its own outputs is not checking the upstream's behaviour: the metric must watch Scoring.
    analysis = analyse(
        model("Scoring"),
        ctx("Lending", metrics=[QUALITY, watching(DRIFT, "Scoring")]),
        rel("Scoring", "Lending", roles_up=["OHS", "PL"], pinned=True),
    )
    assert edge(analysis, "Scoring", "Lending").strength == 2


def test_an_unpinned_published_model_api_is_still_model_strength() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Lending", metrics=[watching(QUALITY, "Scoring")]),
        rel("Scoring", "Lending", roles_up=["OHS", "PL"]),
    )
    assert edge(analysis, "Scoring", "Lending").strength == 2


def test_reference_edge_core_context_conforming_to_an_external_llm() -> None:
    analysis = analyse(ctx("Pricing", domain="core"), LLM, rel("LLM", "Pricing", roles_down=["CF"]))
    assert _measures(analysis, "LLM", "Pricing") == (2, 4, 3, 0.5, "volatile_model_coupling")


def test_reference_edge_shared_kernel_with_an_ai_context_of_another_team_in_the_core() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders", domain="core"), rel("Scoring", "Orders", "SK"))
    assert _measures(analysis, "Scoring", "Orders") == (3, 3, 3, 0.56, "global_complexity")


def test_reference_edge_shared_production_db_read_by_another_teams_training_pipeline() -> None:
    analysis = analyse(
        ctx("Orders", domain="core"),
        ctx("Churn Training", ai="training_pipeline"),
        rel("Orders", "Churn Training", shared_db=True, data_use="training"),
    )
    assert _measures(analysis, "Orders", "Churn Training") == (4, 3, 3, 0.75, "global_complexity")


def test_reference_edge_shared_model_artifact_with_a_vendor_tuned_model() -> None:
    analysis = analyse(
        ctx("Claims"), ext("Vendor Model", ai="external_model"), rel("Vendor Model", "Claims", artifact=True)
    )
    assert _measures(analysis, "Vendor Model", "Claims") == (4, 4, 3, 1.0, "global_complexity")


def test_an_acl_does_not_cancel_a_shared_database() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders"), rel("Orders", "Scoring", roles_down=["ACL"], shared_db=True))
    assert edge(analysis, "Orders", "Scoring").strength == 4


def test_pinning_the_vendor_model_version_lowers_the_edge_volatility() -> None:
    analysis = analyse(ctx("Support Bot"), LLM, rel("LLM", "Support Bot", roles_down=["ACL"], pinned=True))
    assert edge(analysis, "LLM", "Support Bot").volatility == 2


def test_a_published_language_of_a_non_ai_upstream_lowers_volatility_by_one() -> None:
    analysis = analyse(
        ctx("Orders", domain="core"), model("Scoring"), rel("Orders", "Scoring", roles_up=["PL"], roles_down=["CF"])
    )
    assert (edge(analysis, "Orders", "Scoring").strength, edge(analysis, "Orders", "Scoring").volatility) == (2, 2)


@pytest.mark.parametrize(
    ("owners", "distance"),
    [(("Data", "Data"), 2), (("Data", "Shop"), 3), (("Data", None), 3)],
    ids=["same_team", "other_team", "owner_unknown"],
)
def test_distance_is_two_inside_a_team_and_three_across_teams_or_with_an_unknown_owner(
    owners: tuple[str | None, str | None], distance: int
) -> None:
    analysis = analyse(model("Scoring", owner=owners[0]), ctx("Orders", owner=owners[1]), rel("Scoring", "Orders"))
    assert edge(analysis, "Scoring", "Orders").distance == distance


def test_separate_ways_has_no_strength_and_no_dependency() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders"), rel("Scoring", "Orders", "SW"))
    assert edge(analysis, "Scoring", "Orders").strength == 0
    assert analysis.context_map.dependencies.number_of_edges() == 0
    assert analysis.map_metrics.ai_edge_share == 0.0


@pytest.mark.parametrize(
    ("settings", "volatility"),
    [
        ({"domain": "core"}, 3),
        ({"domain": "supporting"}, 1),
        ({"domain": "generic"}, 1),
        ({"domain": "supporting", "evolution": "genesis"}, 3),
        ({"domain": "supporting", "evolution": "custom_built"}, 2),
        ({"domain": "core", "volatility": 1}, 1),
    ],
    ids=["core", "supporting", "generic", "genesis", "custom_built", "override"],
)
def test_node_volatility_follows_domain_evolution_and_override(settings: dict[str, Any], volatility: int) -> None:
    analysis = analyse(ctx("Orders", **settings))
    assert analysis.context_map.volatility["Orders"] == volatility


def test_a_serving_model_is_at_least_volatility_two_and_its_pipeline_inherits_it() -> None:
    analysis = analyse(
        model("Scoring", domain="core"),
        ctx("Scoring Training", ai="training_pipeline"),
        ctx("Tagging", ai="own_model"),
        rel("Scoring Training", "Scoring"),
    )
    volatility = analysis.context_map.volatility
    assert (volatility["Tagging"], volatility["Scoring"], volatility["Scoring Training"]) == (2, 3, 3)


def test_fan_in_and_weighted_instability_follow_martin() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Lending"),
        ctx("Collections"),
        ctx("Reports"),
        rel("Scoring", "Lending", roles_down=["CF"]),  # S2
        rel("Scoring", "Collections", roles_down=["ACL"]),  # S1
        rel("Lending", "Reports", roles_down=["ACL"]),  # S1
    )
    lending = analysis.node_metrics["Lending"]
    assert (lending.fan_in, lending.fan_out, lending.fan_in_weighted, lending.fan_out_weighted) == (1, 1, 1, 2)
    assert lending.instability == 0.5
    assert lending.instability_weighted == pytest.approx(2 / 3)
    assert analysis.node_metrics["Scoring"].fan_in == 2


@pytest.mark.parametrize(
    ("pattern", "derived"),
    [
        ("upstream_downstream", {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE}),
        # The DDD rules allow no OHS in Customer/Supplier: the supplier's published API is its PL alone.
        ("customer_supplier", {Role.PUBLISHED_LANGUAGE}),
    ],
)
def test_a_published_api_product_gives_its_context_the_roles_its_pattern_allows(
    pattern: str, derived: set[Role]
) -> None:
    workspace = Workspace.model_validate(
        {
            "name": "API",
            "bounded_contexts": [{"name": "Catalogue"}, {"name": "Shop"}],
            "api_products": [{"bounded_context": "Catalogue"}],
            "relationships": [{"upstream": "Catalogue", "downstream": "Shop", "pattern": pattern}],
        }
    )
    [edge] = analyze_workspace(workspace, lever=False).context_map.edges
    assert edge.up_roles == derived
