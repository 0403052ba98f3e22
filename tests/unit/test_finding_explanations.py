"""Every finding explains itself: the declared facts that made it fire ("Where › Field: value") and the smallest
change that would silence it. One map per rule; applying the named change silences the finding."""

import datetime as dt
import json

import pytest

from analysis.engine import analyze_workspace
from analysis.finding_texts import RULES
from formats.analysis_report.analysis_report import analysis_as_data, analysis_as_text
from models.finding import Finding
from tests.unit.analysis_scenarios import (
    DRIFT,
    QUALITY,
    TODAY,
    Part,
    accept,
    analyse,
    ctx,
    entry,
    event,
    ext,
    model,
    of_rule,
    query,
    rel,
    workspace,
)

LLM = ext("LLM", ai="llm_external")


def _loop(**pricing: object) -> list[Part]:
    return [
        model("Pricing", owner="Science", **pricing),
        ctx("Pricing Training", ai="training_pipeline", owner="Science", metrics=[QUALITY, DRIFT]),
        ctx("Offers"),
        rel("Pricing", "Offers", sync="sync", data_use="inference", fallback="manual price"),
        rel("Offers", "Pricing Training", roles_up=["PL"], sync="async", data_use="training"),
        rel("Pricing Training", "Pricing", sync="async", data_use="operational"),
    ]


# rule: (the map, a fact its finding must name, words of the change that would silence it)
CASES: dict[str, tuple[list[Part], str, str]] = {
    "AIC001": (
        [ctx("Pricing", domain="core"), LLM, rel("LLM", "Pricing", roles_down=["CF"], sync="async")],
        "LLM -> Pricing › Downstream roles: Conformist (CF)",
        "Pricing took the Anticorruption Layer role towards LLM",
    ),
    "AIC002": (
        [model("Scoring"), ctx("Orders", domain="core"), rel("Scoring", "Orders", "SK", sync="async")],
        "Scoring <-> Orders › Pattern: Shared Kernel (SK)",
        "the two stopped sharing a shared kernel",
    ),
    "AIC003": (
        [model("Fraud"), ctx("Checkout", domain="core"), rel("Fraud", "Checkout", sync="sync", data_use="inference")],
        "Fraud -> Checkout › Fallback: none; circuit breaker: no",
        "declared a fallback or a circuit breaker",
    ),
    "AIC004": (
        [ctx("Support Bot", domain="supporting"), LLM, rel("LLM", "Support Bot", sync="async")],
        "LLM -> Support Bot › Downstream roles: none",
        "Support Bot took the Anticorruption Layer role towards LLM",
    ),
    "AIC005": (
        [model("Scoring"), ctx("Orders"), rel("Scoring", "Orders", sync="sync"), rel("Orders", "Scoring", sync="sync")],
        "› Sync or async: Synchronous",
        "one relationship of the cycle were removed or turned around",
    ),
    "AIC006": (
        [model("Scoring", rollback=False), *(ctx(n) for n in "ABC"), *(rel("Scoring", n, sync="async") for n in "ABC")],
        "Scoring › Dependents: 3 (threshold 3)",
        "Scoring could be rolled back",
    ),
    "AIC007": (
        [
            model("Scoring"),
            ctx("Ledger"),
            ctx("Invoicing"),
            ctx("Reporting"),
            rel("Ledger", "Invoicing", sync="async"),
            rel("Ledger", "Reporting", sync="async"),
            rel("Scoring", "Ledger", sync="async"),
        ],
        "Ledger › Dependents: 2",
        "Ledger depended on Scoring by contract",
    ),
    "AIC008": (_loop(), "Pricing › Feedback loop mitigation: none", "Pricing declared a feedback loop mitigation"),
    "AIC009": (
        [model("Scoring"), ctx("Marketing"), rel("Scoring", "Marketing", via="table", sync="async")],
        "Scoring -> Marketing › Data contract: no",
        "Scoring published it (the Published Language role)",
    ),
    "AIC010": (
        [
            model("Churn", owner="Data"),
            ctx("Churn Training", ai="training_pipeline", owner="Data", metrics=[QUALITY, DRIFT]),
            ctx("Billing", owner="Billing Team"),
            rel("Churn Training", "Churn", sync="async"),
            rel("Billing", "Churn Training", data_use="training", sync="async", via="table"),
        ],
        "Billing › Owner team: Billing Team",
        "the training data came through a data contract",
    ),
    "AIC011": (
        [ctx("Legacy", bbom=True), model("Scoring"), rel("Legacy", "Scoring", sync="async")],
        "Legacy › Big Ball of Mud: yes",
        "Scoring took the Anticorruption Layer role towards Legacy",
    ),
    "AIC012": (
        [model("Scoring"), ctx("Orders"), rel("Scoring", "Orders", "P", sync="async")],
        "Scoring <-> Orders › Pattern: Partnership (P)",
        "the partnership became Customer/Supplier",
    ),
    "AIC013": (
        [ctx("Support Bot", terms=["Prompt"]), LLM, rel("LLM", "Support Bot", roles_down=["CF"], sync="async")],
        "Support Bot › Ubiquitous Language: 'Prompt'",
        "free of model vocabulary",
    ),
    "AIC014": (
        [
            model("Fraud", owner="Risk"),
            model("Chargeback", owner="Payments"),
            rel("Fraud", "Chargeback", data_use="feature", sync="async", roles_down=["ACL"]),
        ],
        "Fraud › Owner team: Risk",
        "Chargeback learnt from Fraud's inputs instead of its outputs",
    ),
    "AIC015": (
        [model("Scoring", owner=None), ctx("Orders"), rel("Scoring", "Orders", sync="async")],
        "Scoring › Owner team: none",
        "Scoring named its owner team",
    ),
    "AIC016": (
        [
            model("Scoring", owner="Data"),
            model("Ranking", owner="Data"),
            ctx("Reports", owner="Data"),
            ctx("Exports", owner="Data"),
            rel("Scoring", "Reports", roles_down=["CF"], sync="async"),
            rel("Ranking", "Exports", roles_down=["CF"], sync="async"),
        ],
        "Reports › Owner team: Data",
        "Data owned fewer than 4 AI-coupled contexts",
    ),
    "AIC017": (
        [model("Fraud", rollback=False), ctx("Back Office"), rel("Fraud", "Back Office", sync="async")],
        "Fraud › Rollback: no",
        "Fraud declared rollback",
    ),
    "AIC018": (
        [model("Pricing", metrics=[QUALITY])],
        "Pricing › Verification Metrics of kind Drift or data quality: none",
        "a drift or data-quality metric among its Verification Metrics",
    ),
    "AIC019": (
        [model("Scoring"), ctx("Orders", domain="core"), rel("Orders", "Scoring", via="table", sync="async")],
        "Orders -> Scoring › Coupling: S4 × Dist3 × V3",
        "the relationship were contract-strength",
    ),
    "AIC020": (
        [
            ctx("A", decisions=["Approve the loan by model score"]),
            ctx("B", decisions=["Approve the loan by model score"]),
        ],
        "B › Business Decisions: 'Approve the loan by model score'",
        "one of A and B made the decision and the other asked it",
    ),
    "CON001": (
        [model("Scoring"), ctx("Marketing", outbound=[entry("Scoring", query("GetScore"), sync="async")])],
        "Marketing",
        "both canvases described the relationship the same way",
    ),
    "CON002": (
        [
            model("Scoring", outbound=[entry("Orders", event("Scored"), side="upstream", sync="async")]),
            ctx("Orders", inbound=[entry("Scoring", event("Scored"), side="upstream", sync="async")]),
        ],
        "both canvases say their context is upstream",
        "both canvases described the relationship the same way",
    ),
}


def _only(rule: str, parts: list[Part], **kwargs: object) -> Finding:
    found = of_rule(analyse(*parts, **kwargs), rule)  # type: ignore[arg-type]
    assert len(found) == 1, f"{rule}: {[(f.subject, f.message) for f in found]}"
    return found[0]


def test_every_rule_has_an_explained_case() -> None:
    assert set(CASES) | {"ACC001", "ACC002"} == set(RULES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_the_finding_names_its_facts_and_what_would_silence_it(rule: str) -> None:
    parts, fact, change = CASES[rule]
    found = _only(rule, parts)
    assert any(fact in f for f in found.facts), found.facts
    assert all(" › " in f for f in found.facts)  # each fact says where it is declared
    assert found.unless.startswith(f"{rule} would not fire if ") and change in found.unless, found.unless


def test_an_acceptance_finding_names_the_acceptance() -> None:
    stale = _only("ACC001", [ctx("Orders")], risks=[accept("AIC004", "LLM->Orders")])
    assert "Context map › Accepted risks › Subject: LLM->Orders" in stale.facts
    assert "the acceptance were removed" in stale.unless
    ending = (TODAY + dt.timedelta(days=3)).isoformat()
    parts = CASES["AIC004"][0]
    soon = _only("ACC002", parts, risks=[accept("AIC004", "LLM -> Support Bot", until=ending)])
    assert f"Context map › Accepted risks › Until: {ending}" in soon.facts
    assert (TODAY + dt.timedelta(days=14)).isoformat() in soon.unless


def test_doing_what_the_explanation_says_silences_the_finding() -> None:
    # AIC004's change: the consumer takes the ACL role; AIC018's: a drift metric is declared.
    assert (
        of_rule(
            analyse(
                ctx("Support Bot", domain="supporting"),
                LLM,
                rel("LLM", "Support Bot", roles_down=["ACL"], sync="async"),
            ),
            "AIC004",
        )
        == []
    )
    assert of_rule(analyse(model("Pricing", metrics=[QUALITY, DRIFT])), "AIC018") == []


def test_a_not_evaluable_finding_names_the_empty_field() -> None:
    found = _only("AIC004", [ctx("Support Bot", domain=None), LLM, rel("LLM", "Support Bot", sync="async")])
    assert found.facts == ["Support Bot › Strategic Classification › Domain: empty"]
    assert found.unless == "AIC004 can judge this once Strategic Classification › Domain is filled."


def test_the_json_and_text_reports_carry_the_explanation() -> None:
    analysis = analyze_workspace(workspace(*CASES["AIC004"][0]), today=TODAY)
    (data,) = [f for f in json.loads(json.dumps(analysis_as_data(analysis)))["findings"] if f["rule"] == "AIC004"]
    assert "LLM -> Support Bot › Downstream roles: none" in data["facts"]
    assert data["unless"].startswith("AIC004 would not fire if Support Bot took the Anticorruption Layer role")
    text = analysis_as_text(analysis)
    assert "        Because: Support Bot › Domain: Supporting; " in text
    assert "        AIC004 would not fire if Support Bot took" in text
