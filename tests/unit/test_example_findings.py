"""The shipped example (assets/examples/home-valuation.json) analysed on 2026-11-27: the exact findings, why the
example's content justifies each of them, why the rules that stay quiet do so, and the expiry of its accepted risk.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from analysis.engine import Analysis, analyze_workspace
from models.finding import Finding, FindingStatus, Severity
from models.relationship import DataUse, Role
from models.validation import validate_workspace_data
from models.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "examples" / "home-valuation.json"
TODAY = dt.date(2026, 11, 27)
EXPIRY = dt.date(2027, 6, 30)

EXPECTED = {
    ("AIC004", "warning", "accepted", "LLM Provider -> Seller Conversation"),
    ("AIC006", "warning", "open", "Home Valuation"),
    (
        "AIC008",
        "warning",
        "open",
        "Home Valuation -> Offer Management -> Valuation Training Pipeline -> Home Valuation",
    ),
    ("AIC017", "warning", "open", "Seller Conversation"),
}


def load_example() -> Workspace:
    text = EXAMPLE.read_text(encoding="utf-8")
    return validate_workspace_data(json.loads(text), json_text=text)


@pytest.fixture(scope="module")
def example() -> Workspace:
    return load_example()


@pytest.fixture(scope="module")
def analysis(example: Workspace) -> Analysis:
    return analyze_workspace(example, today=TODAY)


def finding(analysis: Analysis, rule: str) -> Finding:
    """The one finding of `rule`."""
    (found,) = [f for f in analysis.findings if f.rule == rule]
    return found


def test_the_example_gives_exactly_four_warnings_and_passes_the_gate(analysis: Analysis) -> None:
    assert {(f.rule, f.severity.value, f.status.value, f.subject) for f in analysis.findings} == EXPECTED
    assert len(analysis.findings) == len(EXPECTED)
    assert analysis.score.gate == "pass"
    assert analysis.score.gate_reason == "no unaccepted error"


def test_aic004_seller_conversation_conforms_to_the_llm_provider_under_an_accepted_risk(
    example: Workspace, analysis: Analysis
) -> None:
    # The example: the assistant uses the provider's message format and 'latest' alias directly (CF, no ACL) and is
    # a supporting context, so AIC004 (not AIC001) applies, as a warning. The workspace accepts it until 2027-06-30.
    provider = next(s for s in example.external_systems if s.name == "LLM Provider")
    assert provider.ai_kind.value == "llm_external"
    conversation = example.context("Seller Conversation")
    assert conversation is not None and conversation.domain is not None
    assert conversation.domain.value == "supporting"
    reply = next(r for r in example.relationships if r.upstream == "LLM Provider")
    assert reply.downstream_roles == [Role.CONFORMIST]
    found = finding(analysis, "AIC004")
    assert found.status is FindingStatus.ACCEPTED
    assert found.accepted_by == "Jörg Müller, head of architecture"
    assert found.accepted_until == "2027-06-30"
    assert "AI gateway is planned for 2027" in found.accepted_reason
    assert "Seller Conversation uses the external model LLM Provider directly" in found.message


def test_aic006_home_valuation_has_three_dependents_coupled_at_model_strength_or_more(analysis: Analysis) -> None:
    # Offer Management conforms to the valuation API (S2), the back-office Acquisitions Desk queries it with no
    # pattern (S2), and the training pipeline shares the model artifact with it (S4). 8 internal contexts give the
    # threshold max(3, ceil(0.25 * 8)) = 3. Only Offer Management calls synchronously without a fallback, so the
    # outage blast radius is 1 of 7 and the finding stays a warning.
    deps = analysis.context_map.dependencies
    assert sorted(deps.predecessors("Home Valuation")) == [
        "Acquisitions Desk",
        "Offer Management",
        "Valuation Training Pipeline",
    ]
    strengths = {x: deps[x]["Home Valuation"]["edge"].strength for x in deps.predecessors("Home Valuation")}
    assert strengths == {"Acquisitions Desk": 2, "Offer Management": 2, "Valuation Training Pipeline": 4}
    metrics = analysis.node_metrics["Home Valuation"]
    assert metrics.fan_in == 3
    assert metrics.outage_blast_radius == pytest.approx(1 / 7)
    found = finding(analysis, "AIC006")
    assert found.severity is Severity.WARNING
    assert "3 contexts depend on the model Home Valuation (threshold 3)" in found.message
    assert "3 dependents with model-strength or stronger coupling" in found.message


def test_aic008_offer_outcomes_train_the_valuation_model_and_nothing_watches_the_mitigation(
    example: Workspace, analysis: Analysis
) -> None:
    # Valuations drive offers; offer outcomes are training data for the pipeline, which shares the model with Home
    # Valuation: a hidden loop. A mitigation is declared (model-version flag, 3 % appraiser holdout) but none of
    # Home Valuation's verification metrics measures it, so the loop is a warning rather than an error.
    valuation = example.context("Home Valuation")
    assert valuation is not None
    assert "independent appraiser" in valuation.ai_profile.feedback_loop_mitigation
    metrics = " ".join(m.metric for m in valuation.verification_metrics).casefold()
    assert not any(word in metrics for word in ("holdout", "appraiser", "counterfactual", "influenced"))
    outcomes = next(r for r in example.relationships if r.name == "Offer outcomes as training data")
    assert (outcomes.upstream, outcomes.downstream) == ("Offer Management", "Valuation Training Pipeline")
    assert outcomes.data_use is DataUse.TRAINING
    found = finding(analysis, "AIC008")
    assert found.severity is Severity.WARNING
    assert found.message.startswith("Hidden feedback loop: outputs of Home Valuation come back as its training data")
    assert "Its mitigation is declared but no verification metric watches it." in found.message


def test_aic017_seller_conversation_cannot_roll_back_the_providers_model(
    example: Workspace, analysis: Analysis
) -> None:
    # The assistant follows the provider's 'latest' alias: no pinned version and no rollback. Its only dependent is
    # the Seller Web App (a frontend), not a critical context, so it is a warning.
    conversation = example.context("Seller Conversation")
    assert conversation is not None
    assert (conversation.ai_profile.rollback, conversation.ai_profile.version_pinned) == (False, False)
    assert list(analysis.context_map.dependencies.predecessors("Seller Conversation")) == ["Seller Web App"]
    found = finding(analysis, "AIC017")
    assert found.severity is Severity.WARNING
    assert found.message == "1 context depends on the model Seller Conversation, which has no rollback."


def test_the_quiet_rules_are_quiet_for_reasons_in_the_example(example: Workspace, analysis: Analysis) -> None:
    # AIC002: the shared model artifact joins Home Valuation and its own training pipeline, both Pricing Science.
    pipeline, valuation = example.context("Valuation Training Pipeline"), example.context("Home Valuation")
    assert pipeline is not None and valuation is not None
    assert pipeline.owner_team == valuation.owner_team == "Pricing Science"
    # AIC003: Offer Management calls Home Valuation synchronously without a fallback of its own, but the model
    # declares a heuristic degraded mode, which §3 AIC003 accepts on the path.
    assert valuation.ai_profile.fallback.value == "heuristic"
    # AIC010: every training feed from another team publishes a language or a contract.
    for r in example.relationships:
        if r.data_use is DataUse.TRAINING:
            assert Role.PUBLISHED_LANGUAGE in r.upstream_roles or r.data_contract
    # AIC018: every AI context watches quality and drift, e.g. the assistant's eval suite and drift signal.
    rules = {f.rule for f in analysis.findings}
    assert rules.isdisjoint({"AIC001", "AIC002", "AIC003", "AIC005", "AIC010", "AIC018", "AIC019"})


def test_the_score_weighs_the_accepted_risk_at_a_quarter(analysis: Analysis) -> None:
    a_part = analysis.score.parts[0]
    assert "AIC004 warning (accepted) = 1.0" in a_part.detail
    assert abs(sum(p.value for p in analysis.score.parts) - analysis.score.value) <= 0.5


def test_the_acceptance_still_holds_on_its_last_day(example: Workspace) -> None:
    analysis = analyze_workspace(example, today=EXPIRY)
    assert finding(analysis, "AIC004").status is FindingStatus.ACCEPTED


def test_after_2027_06_30_the_aic004_acceptance_has_expired(example: Workspace, analysis: Analysis) -> None:
    later = analyze_workspace(example, today=EXPIRY + dt.timedelta(days=1))
    found = finding(later, "AIC004")
    assert found.status is FindingStatus.OPEN
    assert "Risk acceptance by Jörg Müller, head of architecture expired on 2027-06-30" in found.message
    assert later.score.parts[0].value == pytest.approx(analysis.score.parts[0].value + 3.0)  # 4.0 instead of 1.0
    assert later.score.gate == "pass"  # a warning never fails the gate
    others = {(f.rule, f.subject, f.status) for f in later.findings if f.rule != "AIC004"}
    assert others == {(f.rule, f.subject, f.status) for f in analysis.findings if f.rule != "AIC004"}
