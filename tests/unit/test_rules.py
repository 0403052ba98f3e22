"""Each rule AIC001..AIC020 against the specification (shared/design/coupling-rules.md §3): a map where it must
fire, with severity, subject and the key words of its message, and a close variant where it must not.

Tests marked xfail(strict=True) record where the implementation disagrees with the specification; they start
passing (and then fail as XPASS) once the code follows the specification.
"""

from typing import Any

import pytest

from analysis.engine import Analysis
from models.bounded_context import BoundedContextCanvas
from models.finding import FindingStatus, Severity
from models.relationship import Relationship
from tests.unit.analysis_scenarios import (
    DRIFT,
    EVAL,
    FULL_SLA,
    MONITORED,
    QUALITY,
    WATCHED,
    Part,
    analyse,
    arc42,
    cmd,
    ctx,
    entry,
    event,
    ext,
    model,
    of_rule,
    only,
    query,
    rel,
    subjects,
    talk,
    watching,
)

LLM = ext("LLM", ai="llm_external", availability=99.5)  # declares its SLA, so AIC017 stays quiet
# A consumer of the LLM that monitors replies, so AIC018 stays quiet.
WATCHED_CONSUMER: dict[str, Any] = {"metrics": (EVAL, DRIFT)}


def sync_call(upstream: str, downstream: str, **kwargs: Any) -> Relationship:
    """The downstream calls the upstream synchronously for an inference (no pattern unless given)."""
    return rel(upstream, downstream, sync="sync", data_use="inference", **kwargs)


# --- AIC001: core domain conforms to an external AI provider -------------------------------------------------


def test_aic001_a_core_context_conforming_to_an_llm_vendor_is_an_error() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Pricing", roles_down=["CF"], sync="async", data_use="inference"),
    )
    found = only(analysis, "AIC001")
    assert (found.severity, found.subject) == (Severity.ERROR, "LLM -> Pricing")
    assert "Core context Pricing depends on the external model LLM" in found.message
    assert found.contexts == ["LLM", "Pricing"]


def test_aic001_a_core_context_with_no_pattern_towards_the_vendor_also_conforms() -> None:
    analysis = analyse(ctx("Pricing", domain="core", **WATCHED_CONSUMER), LLM, rel("LLM", "Pricing", sync="async"))
    assert only(analysis, "AIC001").subject == "LLM -> Pricing"


def test_aic001_follows_the_path_through_a_pass_through_adapter() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core"),
        ctx("Adapter", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Adapter", roles_down=["CF"], sync="async"),
        rel("Adapter", "Pricing", sync="async"),
    )
    found = only(analysis, "AIC001")
    assert (found.severity, found.subject) == (Severity.ERROR, "LLM -> Adapter -> Pricing")


def test_aic001_does_not_fire_when_the_core_context_has_an_anticorruption_layer() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core", **WATCHED_CONSUMER), LLM, rel("LLM", "Pricing", roles_down=["ACL"], sync="async")
    )
    assert of_rule(analysis, "AIC001") == []
    assert of_rule(analysis, "AIC004") == []


def test_aic001_does_not_fire_when_an_acl_sits_anywhere_on_the_path() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core"),
        ctx("Adapter", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Adapter", roles_down=["ACL"], sync="async"),
        rel("Adapter", "Pricing", roles_down=["CF"], sync="async"),
    )
    assert of_rule(analysis, "AIC001") == []


def test_aic001_does_not_fire_behind_a_gateway_that_publishes_its_own_language() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core"),
        ctx("AI Gateway", domain="generic", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "AI Gateway", roles_down=["CF"], sync="async"),
        rel("AI Gateway", "Pricing", roles_up=["OHS", "PL"], sync="async"),
    )
    assert of_rule(analysis, "AIC001") == []


def test_aic001_leaves_a_supporting_consumer_to_aic004() -> None:
    analysis = analyse(
        ctx("Support Bot", **WATCHED_CONSUMER), LLM, rel("LLM", "Support Bot", roles_down=["CF"], sync="async")
    )
    assert of_rule(analysis, "AIC001") == []
    assert only(analysis, "AIC004").subject == "LLM -> Support Bot"


def test_aic001_on_a_path_suppresses_aic004_on_the_edges_of_that_path() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core"),
        ctx("Adapter", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Adapter", roles_down=["CF"], sync="async"),
        rel("Adapter", "Pricing", sync="async"),
    )
    assert subjects(analysis, "AIC001") == {"LLM -> Adapter -> Pricing"}
    assert of_rule(analysis, "AIC004") == []


# --- AIC002: AI context shares a kernel, database or model artifact -------------------------------------------


def test_aic002_a_shared_kernel_between_a_model_and_another_team_is_an_error() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders", domain="core"), rel("Scoring", "Orders", "SK", sync="async"))
    found = only(analysis, "AIC002")
    assert (found.severity, found.subject) == (Severity.ERROR, "Scoring <-> Orders")
    assert "share a shared kernel across team boundaries" in found.message


def test_aic002_a_shared_kernel_inside_one_team_is_only_a_warning() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"), ctx("Orders", owner="Data"), rel("Scoring", "Orders", "SK", sync="async")
    )
    found = only(analysis, "AIC002")
    assert (found.severity, found.subject) == (Severity.WARNING, "Scoring <-> Orders")
    assert "one team" in found.message


def test_aic002_a_database_shared_with_another_team_is_an_error() -> None:
    analysis = analyse(
        model("Scoring"), ctx("Orders"), rel("Orders", "Scoring", roles_down=["ACL"], sync="async", shared_db=True)
    )
    found = only(analysis, "AIC002")
    assert (found.severity, found.subject) == (Severity.ERROR, "Orders -> Scoring")
    assert "share a database" in found.message


def test_aic002_a_vendor_model_artifact_loaded_directly_is_an_error() -> None:
    analysis = analyse(
        ext("Vendor Model", ai="external_model"),
        ctx("Claims", **WATCHED_CONSUMER),
        rel("Vendor Model", "Claims", roles_down=["ACL"], sync="async", artifact=True),
    )
    found = only(analysis, "AIC002")
    assert (found.severity, found.subject) == (Severity.ERROR, "Vendor Model -> Claims")
    assert "a model artefact" in found.message


def test_aic002_does_not_fire_between_a_model_and_its_own_training_pipeline() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        ctx("Scoring Training", ai="training_pipeline", owner="Data", metrics=MONITORED),
        rel("Scoring Training", "Scoring", "SK", sync="async", artifact=True),
    )
    assert of_rule(analysis, "AIC002") == []


def test_aic002_fires_when_the_training_pipeline_belongs_to_another_team() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        ctx("Scoring Training", ai="training_pipeline", owner="Platform", metrics=MONITORED),
        rel("Scoring Training", "Scoring", "SK", sync="async", artifact=True),
    )
    assert only(analysis, "AIC002").severity is Severity.ERROR


def test_aic002_does_not_fire_through_a_feature_store_with_a_published_language() -> None:
    analysis = analyse(
        ctx("Features", ai="feature_store", metrics=MONITORED),
        model("Scoring"),
        rel("Features", "Scoring", roles_up=["OHS", "PL"], sync="sync", shared_db=True, fallback="cached"),
    )
    assert of_rule(analysis, "AIC002") == []


# --- AIC003: synchronous call chain into an AI component on a critical path without fallback -------------------


def test_aic003_a_critical_context_calling_a_model_synchronously_without_fallback_is_an_error() -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), sync_call("Fraud", "Checkout"))
    found = only(analysis, "AIC003")
    assert (found.severity, found.subject) == (Severity.ERROR, "Fraud -> Checkout")
    assert "Critical context Checkout calls the model Fraud synchronously (1 hop(s))" in found.message


@pytest.mark.parametrize(
    "caller",
    [
        ctx("Checkout", business="revenue"),
        ctx("Checkout", business="compliance"),
        ctx("Checkout", critical=True),
    ],
    ids=["revenue", "compliance", "critical_path"],
)
def test_aic003_a_revenue_compliance_or_flagged_context_is_critical_too(caller: BoundedContextCanvas) -> None:
    analysis = analyse(model("Fraud"), caller, sync_call("Fraud", "Checkout"))
    assert only(analysis, "AIC003").severity is Severity.ERROR


@pytest.mark.parametrize(
    "protection",
    [{"fallback": "approve small baskets by rule"}, {"breaker": True}],
    ids=["edge_fallback", "circuit_breaker"],
)
def test_aic003_does_not_fire_with_a_fallback_or_circuit_breaker_on_the_call(protection: dict[str, Any]) -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), sync_call("Fraud", "Checkout", **protection))
    assert of_rule(analysis, "AIC003") == []


def test_aic003_does_not_fire_when_the_model_declares_a_degraded_mode() -> None:
    analysis = analyse(
        model("Fraud", fallback="heuristic"), ctx("Checkout", domain="core"), sync_call("Fraud", "Checkout")
    )
    assert of_rule(analysis, "AIC003") == []


def test_aic003_does_not_fire_for_an_asynchronous_integration() -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), rel("Fraud", "Checkout", sync="async"))
    assert of_rule(analysis, "AIC003") == []


def test_aic003_does_not_fire_for_a_supporting_caller() -> None:
    analysis = analyse(model("Fraud"), ctx("Back Office"), sync_call("Fraud", "Back Office"))
    assert of_rule(analysis, "AIC003") == []


def test_aic003_a_protected_chain_of_three_synchronous_hops_is_a_warning() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Checkout", domain="core"),
        ctx("Risk"),
        ctx("Scoring Proxy"),
        rel("Risk", "Checkout", sync="sync", fallback="accept and review later"),
        rel("Scoring Proxy", "Risk", sync="sync"),
        rel("Fraud", "Scoring Proxy", sync="sync"),
    )
    found = only(analysis, "AIC003", "Fraud -> Scoring Proxy -> Risk -> Checkout")
    assert found.severity is Severity.WARNING
    assert "3 synchronous hops" in found.message


def test_aic003_a_protected_call_whose_availabilities_miss_the_target_is_a_warning() -> None:
    analysis = analyse(
        model("Fraud", sla={**FULL_SLA, "availability_percent": 99.5}),
        ctx("Checkout", domain="core", sla={"availability_percent": 99.9}),
        sync_call("Fraud", "Checkout", breaker=True),
    )
    found = only(analysis, "AIC003")
    assert (found.severity, found.subject) == (Severity.WARNING, "Fraud -> Checkout")


def test_aic003_a_protected_call_that_meets_the_availability_target_is_quiet() -> None:
    analysis = analyse(
        model("Fraud", sla={**FULL_SLA, "availability_percent": 99.95}),
        ctx("Checkout", domain="core", sla={"availability_percent": 99.9}),
        sync_call("Fraud", "Checkout", breaker=True),
    )
    assert of_rule(analysis, "AIC003") == []


def test_aic003_derives_synchronous_from_a_query_on_the_canvas() -> None:
    analysis = analyse(
        model("Fraud", inbound=[entry("Checkout", query("AssessBasket"))]),
        ctx("Checkout", domain="core", outbound=[entry("Fraud", query("AssessBasket"))]),
    )
    assert only(analysis, "AIC003").subject == "Fraud -> Checkout"


def test_aic003_is_not_evaluable_when_the_sync_mode_is_unknown() -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), rel("Fraud", "Checkout"))
    found = only(analysis, "AIC003")
    assert (found.status, found.subject) == (FindingStatus.NOT_EVALUABLE, "Fraud -> Checkout")
    assert "Sync or async" in found.message


def test_aic003_an_arc42_availability_target_of_three_nines_makes_the_caller_critical() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Checkout"),
        sync_call("Fraud", "Checkout"),
        arc42("Shop", contexts=["Checkout"], availability="99.95 % per month"),
    )
    assert only(analysis, "AIC003").severity is Severity.ERROR


def test_aic003_is_not_evaluable_when_the_sync_mode_of_a_later_hop_is_unknown() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Checkout", domain="core"),
        ctx("Risk"),
        rel("Risk", "Checkout", sync="sync"),
        rel("Fraud", "Risk"),
    )
    found = only(analysis, "AIC003")
    assert found.status is FindingStatus.NOT_EVALUABLE


def test_aic003_a_fallback_that_reads_none_is_no_fallback() -> None:
    analysis = analyse(model("Fraud"), ctx("Checkout", domain="core"), sync_call("Fraud", "Checkout", fallback="none"))
    assert only(analysis, "AIC003").severity is Severity.ERROR


# --- AIC004: direct dependency on an external model without an ACL (non-core consumer) -------------------------


def test_aic004_a_supporting_context_using_a_vendor_model_directly_is_a_warning() -> None:
    analysis = analyse(
        ctx("Support Bot", **WATCHED_CONSUMER), LLM, rel("LLM", "Support Bot", roles_down=["CF"], sync="async")
    )
    found = only(analysis, "AIC004")
    assert (found.severity, found.status, found.subject) == (Severity.WARNING, FindingStatus.OPEN, "LLM -> Support Bot")
    assert "Support Bot uses the external model LLM directly" in found.message


def test_aic004_a_generic_consumer_only_gets_an_info() -> None:
    analysis = analyse(
        ctx("Mail Drafts", domain="generic", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Mail Drafts", roles_down=["CF"], sync="async"),
    )
    assert only(analysis, "AIC004").severity is Severity.INFO


def test_aic004_does_not_fire_with_an_anticorruption_layer() -> None:
    analysis = analyse(
        ctx("Support Bot", **WATCHED_CONSUMER), LLM, rel("LLM", "Support Bot", roles_down=["ACL"], sync="async")
    )
    assert of_rule(analysis, "AIC004") == []


def test_aic004_does_not_fire_for_a_gateway_that_publishes_its_language_to_every_dependent() -> None:
    analysis = analyse(
        ctx("AI Gateway", roles=["gateway_interchange"], **WATCHED_CONSUMER),
        ctx("Support Bot"),
        ctx("Mail Drafts"),
        LLM,
        rel("LLM", "AI Gateway", roles_down=["CF"], sync="async"),
        rel("AI Gateway", "Support Bot", roles_up=["OHS", "PL"], sync="async"),
        rel("AI Gateway", "Mail Drafts", roles_up=["OHS", "PL"], roles_down=["ACL"], sync="async"),
    )
    assert of_rule(analysis, "AIC004") == []


def test_aic004_fires_for_a_gateway_one_of_whose_dependents_gets_no_published_language() -> None:
    analysis = analyse(
        ctx("AI Gateway", roles=["gateway_interchange"], **WATCHED_CONSUMER),
        ctx("Support Bot"),
        ctx("Mail Drafts"),
        LLM,
        rel("LLM", "AI Gateway", roles_down=["CF"], sync="async"),
        rel("AI Gateway", "Support Bot", roles_up=["OHS", "PL"], sync="async"),
        rel("AI Gateway", "Mail Drafts", sync="async"),
    )
    assert only(analysis, "AIC004").subject == "LLM -> AI Gateway"


def test_aic004_is_not_evaluable_when_the_consumer_has_no_domain() -> None:
    analysis = analyse(
        ctx("Support Bot", domain=None, **WATCHED_CONSUMER), LLM, rel("LLM", "Support Bot", sync="async")
    )
    found = only(analysis, "AIC004")
    assert (found.status, found.subject) == (FindingStatus.NOT_EVALUABLE, "LLM -> Support Bot")
    assert "Strategic Classification › Domain" in found.message


def test_aic004_does_not_fire_for_a_gateway_whose_dependents_conform_to_its_own_language() -> None:
    analysis = analyse(
        ctx("AI Gateway", roles=["gateway_interchange"], **WATCHED_CONSUMER),
        ctx("Support Bot"),
        LLM,
        rel("LLM", "AI Gateway", roles_down=["CF"], sync="async"),
        rel("AI Gateway", "Support Bot", roles_up=["OHS", "PL"], roles_down=["CF"], sync="async"),
    )
    assert of_rule(analysis, "AIC004") == []


# --- AIC005: dependency cycle through an AI component --------------------------------------------------------


def test_aic005_a_cycle_with_a_synchronous_call_through_a_model_is_an_error() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Orders", "Fraud", query("AssessOrder"), sync="sync", fallback="accept"),
        talk("Fraud", "Orders", query("GetOrderHistory"), sync="sync", fallback="score without history"),
    )
    found = only(analysis, "AIC005")
    assert (found.severity, found.subject) == (Severity.ERROR, "Fraud -> Orders -> Fraud")
    assert "Dependency cycle with a synchronous call" in found.message


def test_aic005_an_asynchronous_cycle_with_model_strength_is_a_warning() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Orders", "Fraud", event("OrderPlaced"), sync="async", via="events"),
        talk("Fraud", "Orders", event("FraudAssessed"), sync="async", via="events", contract=True),
    )
    found = only(analysis, "AIC005")
    assert (found.severity, found.subject) == (Severity.WARNING, "Fraud -> Orders -> Fraud")
    assert "model-strength coupling" in found.message


def test_aic005_does_not_fire_for_asynchronous_events_under_contract() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Orders", "Fraud", event("OrderPlaced"), sync="async", via="events", contract=True),
        talk("Fraud", "Orders", event("FraudAssessed"), sync="async", via="events", contract=True),
    )
    assert of_rule(analysis, "AIC005") == []


def test_aic005_ignores_a_cycle_closed_only_by_a_training_edge() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Orders", "Fraud", query("AssessOrder"), sync="sync", fallback="accept"),
        talk("Fraud", "Orders", cmd("ExportOrderHistory"), roles_up=["PL"], sync="async", data_use="training"),
    )
    assert of_rule(analysis, "AIC005") == []


def test_aic005_ignores_a_shared_kernel_which_is_a_two_cycle_by_definition() -> None:
    analysis = analyse(model("Fraud"), ctx("Orders"), rel("Fraud", "Orders", "SK", sync="sync"))
    assert of_rule(analysis, "AIC005") == []
    assert subjects(analysis, "AIC002") == {"Fraud <-> Orders"}


def test_aic005_ignores_a_cycle_of_nodes_without_ai() -> None:
    analysis = analyse(
        ctx("Orders"),
        ctx("Billing"),
        talk("Orders", "Billing", query("GetInvoice"), sync="sync"),
        talk("Billing", "Orders", query("GetOrder"), sync="sync"),
    )
    assert of_rule(analysis, "AIC005") == []


def test_aic005_is_not_evaluable_when_the_cycle_has_an_edge_of_unknown_sync_mode() -> None:
    analysis = analyse(
        model("Fraud"),
        ctx("Orders"),
        talk("Orders", "Fraud", event("OrderPlaced"), sync="async", via="events", contract=True),
        talk("Fraud", "Orders", upstream="Fraud"),  # Orders uses Fraud: no messages, no declared mode
    )
    assert only(analysis, "AIC005").status is FindingStatus.NOT_EVALUABLE


# --- AIC006: volatile AI component with high fan-in and a weak contract --------------------------------------


def _fan_in_map(*, consumers: int, extra_contexts: int = 0, **edge: Any) -> list[Part]:
    names = [f"Consumer {i}" for i in range(1, consumers + 1)]
    return [
        model("Scoring"),
        *(ctx(n) for n in names),
        *(ctx(f"Bystander {i}") for i in range(extra_contexts)),
        *(rel("Scoring", n, roles_down=["CF"], **edge) for n in names),
    ]


def test_aic006_three_conformist_dependents_on_a_model_are_a_warning() -> None:
    analysis = analyse(*_fan_in_map(consumers=3, sync="async"))
    found = only(analysis, "AIC006")
    assert (found.severity, found.subject) == (Severity.WARNING, "Scoring")
    assert "3 contexts depend on the model Scoring (threshold 3)" in found.message
    assert "3 dependents with model-strength or stronger coupling" in found.message


def test_aic006_becomes_an_error_when_half_the_map_calls_it_synchronously_without_fallback() -> None:
    analysis = analyse(*_fan_in_map(consumers=3, sync="sync"))
    assert analysis.node_metrics["Scoring"].outage_blast_radius == 1.0
    assert only(analysis, "AIC006").severity is Severity.ERROR


def test_aic006_stays_a_warning_when_the_synchronous_callers_have_a_fallback() -> None:
    analysis = analyse(*_fan_in_map(consumers=3, sync="sync", fallback="rules"))
    assert only(analysis, "AIC006").severity is Severity.WARNING


def test_aic006_does_not_fire_below_the_fan_in_threshold() -> None:
    analysis = analyse(*_fan_in_map(consumers=2, sync="async"))
    assert of_rule(analysis, "AIC006") == []


def test_aic006_the_fan_in_threshold_grows_with_the_map() -> None:
    # 17 internal contexts: threshold max(3, ceil(0.25 * 17)) = 5.
    analysis = analyse(*_fan_in_map(consumers=4, extra_contexts=12, sync="async"))
    assert of_rule(analysis, "AIC006") == []


def test_aic006_a_shared_ai_platform_with_contracts_sla_and_rollback_is_only_an_info() -> None:
    names = ["Consumer 1", "Consumer 2", "Consumer 3"]
    analysis = analyse(
        model("Scoring", pinned=True),
        *(ctx(n, metrics=[watching(QUALITY, "Scoring")]) for n in names),
        *(rel("Scoring", n, roles_up=["OHS", "PL"], sync="async", pinned=True) for n in names),
    )
    found = only(analysis, "AIC006")
    assert found.severity is Severity.INFO
    assert "shared AI platform" in found.message


# --- AIC007: stable context depends on a more volatile AI context --------------------------------------------


def _ledger_map(**edge: Any) -> list[Part]:
    return [
        model("Scoring"),
        ctx("Ledger"),
        ctx("Invoicing"),
        ctx("Reporting"),
        rel("Ledger", "Invoicing", sync="async"),
        rel("Ledger", "Reporting", sync="async"),
        rel("Scoring", "Ledger", sync="async", **edge),
    ]


def test_aic007_a_hard_to_change_context_depending_on_a_more_volatile_model_is_a_warning() -> None:
    analysis = analyse(*_ledger_map(roles_down=["CF"]))
    found = only(analysis, "AIC007")
    assert (found.severity, found.subject) == (Severity.WARNING, "Scoring -> Ledger")
    assert "Ledger is hard to change (2 dependents, weighted instability 0.33)" in found.message
    assert "(V2 > V1)" in found.message


def test_aic007_does_not_fire_when_the_dependency_is_contract_strength() -> None:
    analysis = analyse(*_ledger_map(roles_down=["ACL"]))
    assert of_rule(analysis, "AIC007") == []


def test_aic007_does_not_fire_when_the_dependent_is_as_volatile_as_the_model() -> None:
    parts = _ledger_map(roles_down=["CF"])
    parts[1] = ctx("Ledger", domain="core")
    analysis = analyse(*parts)
    assert of_rule(analysis, "AIC007") == []


def test_aic007_does_not_fire_for_a_context_with_a_single_dependent() -> None:
    parts = _ledger_map(roles_down=["CF"])
    del parts[5]
    analysis = analyse(*parts)
    assert of_rule(analysis, "AIC007") == []


# --- AIC008: feedback loop -----------------------------------------------------------------------------------


def _loop_map(**pricing: Any) -> list[Part]:
    """Pricing's prices shape offers; offer outcomes train Pricing again (a hidden loop through Offers)."""
    return [
        model("Pricing", owner="Pricing Science", **pricing),
        ctx("Pricing Training", ai="training_pipeline", owner="Pricing Science", metrics=MONITORED),
        ctx("Offers"),
        rel("Pricing", "Offers", sync="sync", data_use="inference", fallback="manual price"),
        rel("Offers", "Pricing Training", roles_up=["PL"], sync="async", data_use="training"),
        rel("Pricing Training", "Pricing", sync="async", data_use="operational"),
    ]


def test_aic008_an_unmitigated_hidden_feedback_loop_is_an_error() -> None:
    analysis = analyse(*_loop_map())
    found = only(analysis, "AIC008")
    assert found.severity is Severity.ERROR
    assert found.subject == "Pricing -> Offers -> Pricing Training -> Pricing"
    assert found.message.startswith("Hidden feedback loop: outputs of Pricing come back as its training data")


def test_aic008_a_mitigated_but_unwatched_hidden_loop_is_a_warning() -> None:
    analysis = analyse(*_loop_map(mitigation="3 % random holdout priced by rule"))
    found = only(analysis, "AIC008")
    assert found.severity is Severity.WARNING
    assert "no verification metric watches it" in found.message


def test_aic008_does_not_fire_for_a_mitigated_loop_watched_by_a_metric() -> None:
    analysis = analyse(*_loop_map(mitigation="3 % random holdout priced by rule", metrics=[*MONITORED, WATCHED]))
    assert of_rule(analysis, "AIC008") == []


def _direct_loop_map(**pricing: Any) -> list[Part]:
    """Pricing's own serving logs feed its retraining: Pricing -> Pricing Training -> Pricing."""
    return [
        model("Pricing", owner="Pricing Science", **pricing),
        ctx("Pricing Training", ai="training_pipeline", owner="Pricing Science", metrics=MONITORED),
        talk("Pricing", "Pricing Training", event("PriceServed"), roles_up=["PL"], sync="async", data_use="training"),
        talk("Pricing Training", "Pricing", event("ModelPromoted"), sync="async", data_use="operational"),
    ]


DIRECT_LOOP_MISSED = (
    "§3 AIC008 direct loop m -> T -> m (the model's own serving logs feed its retraining) is never detected: "
    "_training_inputs drops every training source inside the model's own training path, the model included, so "
    "the 'source == model' branch of _loops is unreachable."
)


def test_aic008_an_unmitigated_direct_loop_is_a_warning() -> None:
    analysis = analyse(*_direct_loop_map())
    found = only(analysis, "AIC008")
    assert (found.severity, found.subject) == (Severity.WARNING, "Pricing -> Pricing Training -> Pricing")
    assert found.message.startswith("Direct feedback loop")


def test_aic008_a_mitigated_direct_loop_is_an_info() -> None:
    analysis = analyse(*_direct_loop_map(mitigation="log shown-by-model flag"))
    assert only(analysis, "AIC008").severity is Severity.INFO


def test_aic008_does_not_fire_for_a_direct_loop_that_is_mitigated_and_watched() -> None:
    analysis = analyse(*_direct_loop_map(mitigation="3 % random holdout", metrics=[*MONITORED, WATCHED]))
    assert of_rule(analysis, "AIC008") == []


def test_aic008_an_unmitigated_cross_model_loop_is_an_error() -> None:
    analysis = analyse(
        model("Ranking", owner="Search"),
        model("Ads", owner="Ads"),
        talk("Ranking", "Ads", event("ResultsRanked"), roles_up=["PL"], sync="async", data_use="training"),
        talk("Ads", "Ranking", event("AdsChosen"), roles_up=["PL"], sync="async", data_use="training"),
    )
    found = [f for f in of_rule(analysis, "AIC008") if f.severity is Severity.ERROR]
    assert found, [(f.subject, f.severity, f.message) for f in of_rule(analysis, "AIC008")]


# --- AIC009: undeclared consumer of model outputs ------------------------------------------------------------


def test_aic009_a_consumer_the_model_canvas_does_not_list_is_a_warning() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Marketing", outbound=[entry("Scoring", query("GetScore"), sync="async")]),
    )
    found = only(analysis, "AIC009")
    assert (found.severity, found.subject) == (Severity.WARNING, "Scoring -> Marketing")
    assert "Marketing consumes Scoring, but Scoring's canvas does not list it" in found.message


def test_aic009_does_not_fire_when_both_canvases_declare_the_consumer() -> None:
    analysis = analyse(
        model("Scoring", inbound=[entry("Marketing", query("GetScore"), sync="async")]),
        ctx("Marketing", outbound=[entry("Scoring", query("GetScore"), sync="async")]),
    )
    assert of_rule(analysis, "AIC009") == []


def test_aic009_reading_model_outputs_from_an_unpublished_table_is_an_error() -> None:
    analysis = analyse(model("Scoring"), ctx("Marketing"), rel("Scoring", "Marketing", via="table", sync="async"))
    found = only(analysis, "AIC009")
    assert (found.severity, found.subject) == (Severity.ERROR, "Scoring -> Marketing")
    assert "through a table that Scoring does not publish" in found.message


@pytest.mark.parametrize("published", [{"contract": True}, {"roles_up": ["PL"]}], ids=["contract", "PL"])
def test_aic009_does_not_fire_for_a_table_under_contract_or_published_language(published: dict[str, Any]) -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Marketing"),
        rel("Scoring", "Marketing", via="table", sync="async", **published),
    )
    assert of_rule(analysis, "AIC009") == []


def test_aic009_does_not_fire_for_an_external_model_without_a_canvas() -> None:
    analysis = analyse(
        LLM, ctx("Support Bot", **WATCHED_CONSUMER, outbound=[entry("LLM", query("Complete"), sync="async")])
    )
    assert of_rule(analysis, "AIC009") == []


# --- AIC010: training pipeline coupled to another team's production schema ------------------------------------


def _training_map(**edge: Any) -> list[Part]:
    return [
        model("Churn", owner="Data"),
        ctx("Churn Training", ai="training_pipeline", owner="Data", metrics=MONITORED),
        ctx("Billing", owner="Billing Team"),
        rel("Churn Training", "Churn", sync="async"),
        rel("Billing", "Churn Training", data_use="training", sync="async", **edge),
    ]


@pytest.mark.parametrize("raw", [{"via": "table"}, {"shared_db": True}], ids=["table", "shared_db"])
def test_aic010_a_pipeline_reading_another_teams_production_store_is_an_error(raw: dict[str, Any]) -> None:
    analysis = analyse(*_training_map(**raw))
    found = only(analysis, "AIC010")
    assert (found.severity, found.subject) == (Severity.ERROR, "Billing -> Churn Training")
    assert "reads its production store directly" in found.message


def test_aic010_consuming_events_without_a_versioned_contract_is_a_warning() -> None:
    analysis = analyse(*_training_map(via="events", roles_up=["OHS"]))
    found = only(analysis, "AIC010")
    assert found.severity is Severity.WARNING
    assert "consumes it without a versioned contract" in found.message


@pytest.mark.parametrize(
    "published", [{"via": "events", "roles_up": ["PL"]}, {"via": "bucket", "contract": True}], ids=["PL", "snapshot"]
)
def test_aic010_does_not_fire_for_a_published_language_or_contracted_snapshot(published: dict[str, Any]) -> None:
    analysis = analyse(*_training_map(**published))
    assert of_rule(analysis, "AIC010") == []


def test_aic010_does_not_fire_for_data_of_the_pipelines_own_team() -> None:
    parts = _training_map(via="table")
    parts[2] = ctx("Billing", owner="Data")
    analysis = analyse(*parts)
    assert of_rule(analysis, "AIC010") == []


# --- AIC011: AI component next to a Big Ball of Mud without an ACL --------------------------------------------


def test_aic011_a_model_fed_by_a_big_ball_of_mud_without_acl_is_an_error() -> None:
    analysis = analyse(model("Forecast"), ctx("Legacy ERP", bbom=True), rel("Legacy ERP", "Forecast", sync="async"))
    found = only(analysis, "AIC011")
    assert (found.severity, found.subject) == (Severity.ERROR, "Legacy ERP -> Forecast")
    assert "takes its inputs from the Big Ball of Mud Legacy ERP" in found.message


def test_aic011_an_external_big_ball_of_mud_counts_too() -> None:
    analysis = analyse(model("Forecast"), ext("Mainframe", bbom=True), rel("Mainframe", "Forecast", sync="async"))
    assert only(analysis, "AIC011").severity is Severity.ERROR


def test_aic011_does_not_fire_when_the_model_has_an_acl_towards_the_mud() -> None:
    analysis = analyse(
        model("Forecast"),
        ctx("Legacy ERP", bbom=True),
        rel("Legacy ERP", "Forecast", roles_down=["ACL"], sync="async"),
    )
    assert of_rule(analysis, "AIC011") == []


def test_aic011_a_big_ball_of_mud_conforming_to_model_outputs_is_a_warning() -> None:
    analysis = analyse(
        model("Forecast"),
        ctx("Legacy ERP", bbom=True),
        rel("Forecast", "Legacy ERP", roles_down=["CF"], sync="async"),
    )
    found = only(analysis, "AIC011")
    assert (found.severity, found.subject) == (Severity.WARNING, "Forecast -> Legacy ERP")
    assert "conforms to the outputs of Forecast" in found.message


# --- AIC012: partnership between an AI context and another team ---------------------------------------------


def test_aic012_a_partnership_between_a_model_and_another_team_is_a_warning() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders"), rel("Scoring", "Orders", "P", sync="async"))
    found = only(analysis, "AIC012")
    assert (found.severity, found.subject) == (Severity.WARNING, "Scoring <-> Orders")
    assert "owned by different teams" in found.message


def test_aic012_a_partnership_inside_one_team_is_an_info_suggesting_a_merge() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"), ctx("Orders", owner="Data"), rel("Scoring", "Orders", "P", sync="async")
    )
    found = only(analysis, "AIC012")
    assert found.severity is Severity.INFO
    assert "consider merging" in found.message


def test_aic012_partnerships_of_one_model_with_two_teams_are_errors() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Orders"),
        ctx("Returns"),
        rel("Scoring", "Orders", "P", sync="async"),
        rel("Scoring", "Returns", "P", sync="async"),
    )
    assert {(f.subject, f.severity) for f in of_rule(analysis, "AIC012")} == {
        ("Scoring <-> Orders", Severity.ERROR),
        ("Scoring <-> Returns", Severity.ERROR),
    }
    assert "in partnerships with 2 other teams" in only(analysis, "AIC012", "Scoring <-> Orders").message


def test_aic012_does_not_fire_for_a_partnership_without_ai() -> None:
    analysis = analyse(ctx("Billing"), ctx("Orders"), rel("Billing", "Orders", "P", sync="async"))
    assert of_rule(analysis, "AIC012") == []


# --- AIC013: model vocabulary leaks into a consumer's ubiquitous language ------------------------------------


def test_aic013_ml_words_in_a_consumers_language_are_a_warning() -> None:
    analysis = analyse(
        ctx("Support Bot", terms=["Prompt", "Completion", "Ticket"], **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Support Bot", roles_down=["CF"], sync="async"),
    )
    found = only(analysis, "AIC013")
    assert (found.severity, found.subject) == (Severity.WARNING, "Support Bot")
    assert "uses model vocabulary from LLM: Completion, Prompt." in found.message


def test_aic013_the_provider_name_counts_as_model_vocabulary() -> None:
    analysis = analyse(
        model("Scoring", provider="Acme"),
        ctx("Lending", terms=["Acme Score"]),
        rel("Scoring", "Lending", sync="async"),
    )
    assert "Acme Score" in only(analysis, "AIC013").message


def test_aic013_a_generic_consumer_only_gets_an_info() -> None:
    analysis = analyse(
        ctx("Mail Drafts", domain="generic", terms=["Prompt"], **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Mail Drafts", roles_down=["CF"], sync="async"),
    )
    assert only(analysis, "AIC013").severity is Severity.INFO


def test_aic013_a_term_with_a_domain_definition_is_whitelisted() -> None:
    analysis = analyse(
        ctx(
            "Support Bot",
            terms=[("Inference Result", "The urgency band (low, medium, high) we assign to a ticket")],
            **WATCHED_CONSUMER,
        ),
        LLM,
        rel("LLM", "Support Bot", roles_down=["CF"], sync="async"),
    )
    assert of_rule(analysis, "AIC013") == []


def test_aic013_a_definition_in_model_words_does_not_whitelist_the_term() -> None:
    analysis = analyse(
        ctx("Support Bot", terms=[("Prompt", "The prompt we send to the LLM")], **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Support Bot", roles_down=["CF"], sync="async"),
    )
    assert only(analysis, "AIC013").subject == "Support Bot"


def test_aic013_does_not_fire_behind_an_anticorruption_layer() -> None:
    analysis = analyse(
        ctx("Support Bot", terms=["Prompt"], **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Support Bot", roles_down=["ACL"], sync="async"),
    )
    assert of_rule(analysis, "AIC013") == []


def test_aic013_the_model_contexts_domain_name_is_not_model_vocabulary() -> None:
    analysis = analyse(
        model("Pricing", provider="Pricing Science", model="gbm-2026"),
        ctx("Offers", terms=["Pricing Rule"]),
        rel("Pricing", "Offers", sync="async"),
    )
    assert of_rule(analysis, "AIC013") == []


def test_aic013_reports_a_consumer_once_even_when_it_uses_two_models() -> None:
    analysis = analyse(
        ctx("Offers", terms=["Prompt"], **WATCHED_CONSUMER),
        model("Pricing"),
        LLM,
        rel("LLM", "Offers", roles_down=["CF"], sync="async"),
        rel("Pricing", "Offers", roles_down=["CF"], sync="async"),
    )
    assert only(analysis, "AIC013").subject == "Offers"


# --- AIC014: correction cascade ------------------------------------------------------------------------------


def test_aic014_a_model_built_on_another_teams_model_is_a_warning() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Chargeback", owner="Payments"),
        rel("Fraud", "Chargeback", data_use="feature", sync="async", roles_down=["ACL"]),
    )
    found = only(analysis, "AIC014")
    assert (found.severity, found.subject) == (Severity.WARNING, "Fraud -> Chargeback")
    assert "The model Chargeback builds on the outputs of Fraud" in found.message


def test_aic014_a_same_team_hop_with_an_end_to_end_metric_is_an_info() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Chargeback", owner="Risk"),
        rel("Fraud", "Chargeback", data_use="feature", sync="async", roles_down=["ACL"]),
    )
    assert only(analysis, "AIC014").severity is Severity.INFO


def test_aic014_a_model_that_says_it_recalibrates_another_is_a_warning_even_in_one_team() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Chargeback", owner="Risk", purpose="Recalibrates fraud scores for chargeback risk."),
        rel("Fraud", "Chargeback", data_use="feature", sync="async", roles_down=["ACL"]),
    )
    assert only(analysis, "AIC014").severity is Severity.WARNING


def test_aic014_a_chain_of_three_models_is_an_error() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Chargeback", owner="Risk"),
        model("Dispute", owner="Risk"),
        rel("Fraud", "Chargeback", data_use="feature", sync="async", roles_down=["ACL"]),
        rel("Chargeback", "Dispute", data_use="inference", sync="async", roles_down=["ACL"]),
    )
    found = only(analysis, "AIC014", "Fraud -> Chargeback -> Dispute")
    assert found.severity is Severity.ERROR


def test_aic014_does_not_fire_for_operational_use_of_another_models_context() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Chargeback", owner="Payments"),
        rel("Fraud", "Chargeback", data_use="operational", sync="async", roles_down=["ACL"]),
    )
    assert of_rule(analysis, "AIC014") == []


def test_aic014_a_model_adapter_recalibrating_another_model_is_a_correction_cascade() -> None:
    analysis = analyse(
        model("Fraud", owner="Risk"),
        model("Score Calibration", ai="model_adapter", owner="Payments", purpose="Recalibrates fraud scores."),
        rel("Fraud", "Score Calibration", data_use="inference", sync="async", roles_down=["ACL"]),
    )
    assert only(analysis, "AIC014").severity is Severity.WARNING


# --- AIC015: AI component without an accountable owner -------------------------------------------------------


def test_aic015_a_model_without_owner_that_others_depend_on_is_an_error() -> None:
    analysis = analyse(model("Scoring", owner=None), ctx("Lending"), rel("Scoring", "Lending", sync="async"))
    found = only(analysis, "AIC015")
    assert (found.severity, found.subject) == (Severity.ERROR, "Scoring")
    assert "has no owner team" in found.message


def test_aic015_a_model_without_owner_and_without_dependents_is_a_warning() -> None:
    analysis = analyse(model("Scoring", owner=None))
    assert only(analysis, "AIC015").severity is Severity.WARNING


def test_aic015_does_not_fire_for_an_owned_model_or_an_ownerless_context_without_ai() -> None:
    analysis = analyse(model("Scoring"), ctx("Lending", owner=None), rel("Scoring", "Lending", sync="async"))
    assert of_rule(analysis, "AIC015") == []


# --- AIC016: team owns too many AI-coupled contexts ----------------------------------------------------------


def test_aic016_a_team_owning_four_ai_coupled_contexts_is_a_warning() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        model("Ranking", owner="Data"),
        ctx("Reports", owner="Data"),
        ctx("Exports", owner="Data"),
        rel("Scoring", "Reports", roles_down=["CF"], sync="async"),
        rel("Ranking", "Exports", roles_down=["CF"], sync="async"),
    )
    found = only(analysis, "AIC016")
    assert (found.severity, found.subject) == (Severity.WARNING, "Data")
    assert "owns 4 AI-coupled contexts" in found.message
    assert "the limit is 4" in found.message


def test_aic016_a_contract_strength_edge_does_not_make_a_context_ai_coupled() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        model("Ranking", owner="Data"),
        ctx("Reports", owner="Data"),
        ctx("Exports", owner="Data"),
        rel("Scoring", "Reports", roles_down=["CF"], sync="async"),
        rel("Ranking", "Exports", roles_down=["ACL"], sync="async"),
    )
    assert of_rule(analysis, "AIC016") == []


def test_aic016_three_are_enough_when_the_team_also_owns_a_core_context() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        model("Ranking", owner="Data"),
        ctx("Pricing", domain="core", owner="Data"),
        rel("Scoring", "Pricing", roles_down=["CF"], sync="async"),
    )
    found = only(analysis, "AIC016")
    assert "owns 3 AI-coupled contexts" in found.message
    assert "the limit is 3" in found.message


def test_aic016_three_without_a_core_context_are_fine() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        model("Ranking", owner="Data"),
        ctx("Reports", owner="Data"),
        rel("Scoring", "Reports", roles_down=["CF"], sync="async"),
    )
    assert of_rule(analysis, "AIC016") == []


# --- AIC017: AI component with dependents lacks SLA, versioned contract or rollback ---------------------------


def test_aic017_a_model_without_rollback_called_synchronously_by_a_critical_context_is_an_error() -> None:
    analysis = analyse(
        model("Fraud", rollback=False),
        ctx("Checkout", domain="core"),
        sync_call("Fraud", "Checkout", fallback="approve by rule"),
    )
    found = only(analysis, "AIC017")
    assert (found.severity, found.subject) == (Severity.ERROR, "Fraud")
    assert "1 context depends on the model Fraud, which has no rollback." in found.message


def test_aic017_a_model_without_sla_used_by_a_supporting_context_is_a_warning() -> None:
    analysis = analyse(model("Fraud", sla={}), ctx("Back Office"), sync_call("Fraud", "Back Office"))
    found = only(analysis, "AIC017")
    assert found.severity is Severity.WARNING
    assert "no availability, no p95 latency, no recovery time, no freshness" in found.message


def test_aic017_does_not_fire_for_a_model_with_sla_and_rollback_or_without_dependents() -> None:
    analysis = analyse(
        model("Fraud"),
        model("Lonely", sla={}, rollback=False),
        ctx("Checkout", domain="core"),
        sync_call("Fraud", "Checkout", fallback="approve by rule"),
    )
    assert of_rule(analysis, "AIC017") == []


# An LLM provider that declares no SLA: only what its consumers rely on can answer AIC017.
BARE_LLM = ext("LLM", ai="llm_external")


def test_aic017_an_llm_consumer_that_records_no_reliance_is_a_warning() -> None:
    analysis = analyse(
        ctx("Support Bot", metrics=(EVAL, DRIFT), assumptions=["LLM provider SLA 99.9 % and its rate limits"]),
        BARE_LLM,
        rel("LLM", "Support Bot", roles_down=["ACL"], sync="async"),
    )
    found = only(analysis, "AIC017")  # the assumption's wording counts for nothing: nothing is declared
    assert (found.severity, found.subject) == (Severity.WARNING, "LLM -> Support Bot")
    assert found.message == (
        "Support Bot depends on LLM but records neither the SLA it relies on nor the rate limits it keeps to, and "
        "LLM declares no SLA."
    )
    assert found.fix_at == "Context map › Relationships"  # where the relationship's reliance is recorded


def test_aic017_a_critical_llm_consumer_calling_synchronously_without_reliance_is_an_error() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core", metrics=(EVAL, DRIFT)),
        BARE_LLM,
        rel("LLM", "Pricing", roles_down=["ACL"], sync="sync", fallback="list price"),
    )
    assert only(analysis, "AIC017", "LLM -> Pricing").severity is Severity.ERROR


def test_aic017_does_not_fire_for_an_llm_consumer_that_records_its_reliance() -> None:
    relationship = rel("LLM", "Support Bot", roles_down=["ACL"], sync="async")
    relied = relationship.model_copy(update={"relied_sla": "99.5 %", "rate_limits": "500 requests a minute"})
    analysis = analyse(ctx("Support Bot", **WATCHED_CONSUMER), BARE_LLM, relied)
    assert of_rule(analysis, "AIC017") == []


def test_aic017_a_critical_consumer_calling_the_provider_asynchronously_is_only_a_warning() -> None:
    analysis = analyse(
        ctx("Pricing", domain="core", metrics=(EVAL, DRIFT)),
        ctx("Checkout", domain="core", metrics=(EVAL, DRIFT)),
        BARE_LLM,
        rel("LLM", "Pricing", roles_down=["ACL"], sync="async"),
        rel("LLM", "Checkout", roles_down=["ACL"], sync="sync", fallback="skip"),
    )
    assert only(analysis, "AIC017", "LLM -> Pricing").severity is Severity.WARNING


# --- AIC018: missing verification metrics or drift monitoring -------------------------------------------------


def test_aic018_a_core_model_without_drift_monitoring_is_an_error() -> None:
    analysis = analyse(model("Pricing", domain="core", metrics=[QUALITY]))
    found = only(analysis, "AIC018")
    assert (found.severity, found.subject) == (Severity.ERROR, "Pricing")
    assert found.message == "Pricing's verification metrics lack a drift or data-quality metric."


def test_aic018_a_supporting_model_without_critical_dependents_is_a_warning() -> None:
    analysis = analyse(model("Tagging", metrics=[DRIFT]), ctx("Archive"), rel("Tagging", "Archive", sync="async"))
    found = only(analysis, "AIC018")
    assert found.severity is Severity.WARNING
    assert "lack a quality metric" in found.message


def test_aic018_a_transitively_critical_dependent_makes_it_an_error() -> None:
    analysis = analyse(
        model("Tagging", metrics=[DRIFT]),
        ctx("Catalogue"),
        ctx("Checkout", domain="core"),
        rel("Tagging", "Catalogue", sync="async"),
        rel("Catalogue", "Checkout", sync="async"),
    )
    assert only(analysis, "AIC018").severity is Severity.ERROR


def test_aic018_applies_to_a_context_consuming_an_external_model() -> None:
    analysis = analyse(
        ctx("Support Bot", metrics=[DRIFT]),
        LLM,
        rel("LLM", "Support Bot", roles_down=["ACL"], sync="async"),
    )
    assert only(analysis, "AIC018").subject == "Support Bot"


def test_aic018_does_not_fire_with_a_quality_and_a_drift_metric() -> None:
    analysis = analyse(
        model("Tagging"),
        ctx("Support Bot", **WATCHED_CONSUMER),
        LLM,
        rel("LLM", "Support Bot", roles_down=["ACL"], sync="async"),
    )
    assert of_rule(analysis, "AIC018") == []


# --- AIC019: unbalanced coupling on an AI edge (global complexity) -------------------------------------------


def test_aic019_a_model_reading_a_core_table_of_another_team_is_an_error_at_pain_075() -> None:
    analysis = analyse(
        model("Scoring"), ctx("Orders", domain="core"), rel("Orders", "Scoring", via="table", sync="async")
    )
    found = only(analysis, "AIC019")
    assert (found.severity, found.subject) == (Severity.ERROR, "Orders -> Scoring")
    assert "(S4)" in found.message
    assert "(Dist3)" in found.message
    assert "(V3): pain 0.75" in found.message


def test_aic019_below_pain_075_it_is_a_warning() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Orders", evolution="custom_built"),
        rel("Orders", "Scoring", via="table", sync="async"),
    )
    found = only(analysis, "AIC019")
    assert found.severity is Severity.WARNING
    assert "pain 0.50" in found.message


def test_aic019_does_not_fire_when_the_shared_knowledge_is_stable() -> None:
    analysis = analyse(model("Scoring"), ctx("Orders"), rel("Orders", "Scoring", via="table", sync="async"))
    assert analysis_edge_balance(analysis) == "acceptable"
    assert of_rule(analysis, "AIC019") == []


def test_aic019_does_not_fire_inside_one_team() -> None:
    analysis = analyse(
        model("Scoring", owner="Data"),
        ctx("Orders", domain="core", owner="Data"),
        rel("Orders", "Scoring", via="table", sync="async"),
    )
    assert analysis_edge_balance(analysis) == "cohesive"
    assert of_rule(analysis, "AIC019") == []


def analysis_edge_balance(analysis: Analysis) -> str:
    """The balance class of the one edge of a two-context map."""
    edges = analysis.context_map.edges
    assert len(edges) == 1
    return str(edges[0].balance)


def test_aic019_is_not_suppressed_by_a_finding_that_is_not_about_the_edge() -> None:
    decision = "Classify each order's fraud risk as low, medium or high"
    analysis = analyse(
        model("Scoring", decisions=[decision]),
        ctx("Orders", domain="core", decisions=[decision]),
        rel("Orders", "Scoring", via="table", sync="async"),
    )
    assert subjects(analysis, "AIC020") == {"Orders + Scoring"}
    assert only(analysis, "AIC019").subject == "Orders -> Scoring"


def test_aic019_is_not_suppressed_by_a_finding_on_an_edge_whose_name_ends_the_same() -> None:
    analysis = analyse(
        model("Scoring"),
        ctx("Orders", domain="core"),
        ctx("Big Orders", domain="core"),
        rel("Orders", "Scoring", via="table", sync="async"),
        rel("Big Orders", "Scoring", data_use="training", via="table", sync="async"),
    )
    assert subjects(analysis, "AIC010") == {"Big Orders -> Scoring"}
    assert only(analysis, "AIC019").subject == "Orders -> Scoring"


# --- AIC020: duplicated AI-backed business decision ----------------------------------------------------------


def test_aic020_the_same_decision_in_a_model_and_another_teams_context_is_a_warning() -> None:
    analysis = analyse(
        model("Triage", decisions=["Classify ticket urgency from the customer's first message"]),
        ctx("Helpdesk", decisions=["Classify ticket urgency from the customer's first message"]),
    )
    found = only(analysis, "AIC020")
    assert (found.severity, found.subject) == (Severity.WARNING, "Helpdesk + Triage")
    assert "word overlap 100%" in found.message


def test_aic020_the_same_decision_inside_one_team_is_an_info() -> None:
    analysis = analyse(
        model("Triage", owner="Support", decisions=["Classify ticket urgency from the customer's first message"]),
        ctx("Helpdesk", owner="Support", decisions=["Classify ticket urgency from the customer's first message"]),
    )
    assert only(analysis, "AIC020").severity is Severity.INFO


def test_aic020_a_decision_naming_a_model_counts_as_ai_backed() -> None:
    analysis = analyse(
        ctx("Helpdesk", decisions=["The model classifies ticket urgency from the first message"]),
        ctx("Field Service", decisions=["The model classifies ticket urgency from the first message"]),
    )
    assert only(analysis, "AIC020").subject == "Field Service + Helpdesk"


def test_aic020_does_not_fire_for_duplicated_decisions_without_ai() -> None:
    analysis = analyse(
        ctx("Helpdesk", decisions=["Tickets are closed after seven days without reply"]),
        ctx("Field Service", decisions=["Tickets are closed after seven days without reply"]),
    )
    assert of_rule(analysis, "AIC020") == []


def test_aic020_does_not_fire_for_decisions_that_only_share_a_few_words() -> None:
    analysis = analyse(
        model("Triage", decisions=["Classify ticket urgency from the customer's first message"]),
        ctx("Helpdesk", decisions=["Route every ticket to the team that owns the product"]),
    )
    assert of_rule(analysis, "AIC020") == []
