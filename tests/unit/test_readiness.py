"""Delivery-phase readiness: each rule fires on the gap it names and stays quiet once it is answered; the phase
figures and gates; the example's state; the command line's exit codes; readiness in comparisons and the report."""

import copy
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import cli
from analysis.engine import analyze_workspace
from analysis.readiness import RULE_TABLE, ReadinessReport
from diff.diff_workspaces import compare_workspaces
from formats.review.review_text import render_review_text
from models.validation import validate_workspace_data
from models.workspace import DeliveryPhase
from services import downloads, files
from services.configuration import EXAMPLE_WORKSPACE

TODAY = dt.date(2026, 12, 7)
Data = dict[str, Any]


def complete() -> Data:
    """A workspace that answers every concern of every phase: one AI context, well kept, and a full readiness."""
    ranker = {
        "name": "Ranker",
        "purpose": "ranks offers",
        "owner_team": "Search",
        "verification_metrics": [
            {"metric": "NDCG@10", "source": "ci_cd"},
            {"metric": "drift", "source": "live_system"},
        ],
        "ai_profile": {
            "kind": "own_model",
            "model": "ranker-v3",
            "version_pinned": True,
            "fallback": "heuristic",
            "rollback": True,
            "sla": {"availability_percent": 99.9, "latency_p95_ms": 200, "recovery_time_minutes": 30},
        },
    }
    shop = {"name": "Shop", "purpose": "sells", "ubiquitous_language": [{"term": "Customer email"}]}
    return {
        "name": "Complete",
        "phase": "scaled",
        "teams": [{"name": "Search"}],
        "bounded_contexts": [ranker, shop],
        "readiness": {
            "concept": "Rank offers for shoppers.",
            "hypotheses": [
                {
                    "claim": "Ranking lifts sales",
                    "proven_when": "+2 % conversion",
                    "measured_by": "A/B test",
                    "result": "proven",
                }
            ],
            "budget": [{"item": k, "kind": k, "amount": 1000.0} for k in ("initial", "operational", "update")],
            "kpis": [
                {
                    "name": "Conversion",
                    "quality": "buyers find offers",
                    "target": "3 %",
                    "measured_by": "shop",
                    "current": "3.1 %",
                }
            ],
            "service_objectives": [{"context": "Ranker", "when_down": "the shop sorts by price"}],
            "data_quality": [{"data": "clicks", "check": "no bot traffic", "threshold": "< 1 %"}],
            "compliance": {
                "personal_data": "yes",
                "data_classes": ["contact"],
                "ai_act_category": "minimal",
                "dpia_done": True,
            },
            "risks": [
                {"risk": "Model leaks queries", "kind": "security", "mitigation": "no logging", "owner": "Search"},
                {
                    "risk": "Ranking hurts margin",
                    "kind": "business",
                    "impact": "high",
                    "mitigation": "floor price",
                    "owner": "Search",
                    "accepted_by": "Ana",
                    "accepted_on": "2026-11-01",
                },
            ],
            "evolution": {"update_cadence": "weekly", "evaluation_suite": "offline set", "drift_monitoring": "PSI"},
            "governance": {"model_owner": "Search", "approval_path": "architecture board"},
            "disaster_recovery": {"plan": "restore from backup", "restore_tested_on": "2026-06-01"},
            "cost_optimization": "spot instances for training",
            "training_plan": "onboarding for support",
        },
    }


def judged(data: Data) -> ReadinessReport:
    return analyze_workspace(validate_workspace_data(data), today=TODAY, lever=False).readiness


def gaps_of(report: ReadinessReport, rule: str) -> tuple[str, ...]:
    return next(i for p in report.phases for i in p.items if i.rule == rule).gaps


def test_a_complete_workspace_answers_every_concern_of_every_phase() -> None:
    report = judged(complete())
    open_items = {i.rule: i.gaps for p in report.phases for i in p.items if not i.answered}
    assert open_items == {}
    assert [(p.phase.value, p.answered, len(p.items), p.ready) for p in report.phases] == [
        ("poc", 3, 3, True),
        ("mvp", 10, 10, True),
        ("product", 12, 12, True),
        ("scaled", 16, 16, True),
    ]


def _set(path: str, value: object) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[last] = value

    return change


def without_an_answer_when_down(data: Data) -> None:
    """Neither the readiness row nor the AI profile (its fallback) says what happens when the model is down."""
    data["readiness"]["service_objectives"][0]["when_down"] = ""
    data["bounded_contexts"][0]["ai_profile"]["fallback"] = "none"


def conforming_to_a_vendor(data: Data) -> None:
    """A core context conforms to an external LLM: an error finding of the coupling analysis (AIC001)."""
    data["external_systems"] = [{"name": "LLM API", "ai_kind": "llm_external"}]
    data["relationships"] = [{"upstream": "LLM API", "downstream": "Shop", "downstream_roles": ["CF"]}]
    data["bounded_contexts"][1]["domain"] = "core"


GAPS: list[tuple[str, Callable[[Data], None], str]] = [
    ("RDY001", _set("readiness.concept", " "), "no answer for the concept"),
    ("RDY002", _set("readiness.hypotheses.0.measured_by", ""), "'Ranking lifts sales' lacks 'Measured by'"),
    ("RDY003", _set("readiness.hypotheses", []), "no hypothesis is listed"),
    ("RDY004", _set("readiness.hypotheses.0.result", "open"), "'Ranking lifts sales' is still open"),
    ("RDY005", _set("readiness.budget.2.amount", None), "no update budget line with an amount"),
    ("RDY006", _set("readiness.kpis.0.target", ""), "KPI 'Conversion' lacks a target"),
    ("RDY007", _set("readiness.kpis.0.current", ""), "KPI 'Conversion' has no current value"),
    ("RDY008", without_an_answer_when_down, "AI context 'Ranker' lacks what happens when it does not work"),
    ("RDY008", _set("bounded_contexts.0.ai_profile.sla.recovery_time_minutes", None), "'Ranker' lacks a recovery time"),
    ("RDY009", conforming_to_a_vendor, "AIC001 on LLM API -> Shop is open"),
    ("RDY010", _set("readiness.data_quality.0.threshold", ""), "check of 'clicks' lacks a threshold"),
    ("RDY011", _set("readiness.compliance.ai_act_category", "unclassified"), "the EU AI Act category is not set"),
    ("RDY011", _set("readiness.compliance.dpia_done", False), "the data-protection impact assessment is not done"),
    ("RDY012", _set("readiness.compliance.personal_data", "no"), "context 'Shop' names personal data (Customer email)"),
    ("RDY013", _set("readiness.risks.1.accepted_on", ""), "high-impact risk 'Ranking hurts margin' is not accepted"),
    ("RDY013", _set("readiness.risks.0.kind", "data_theft"), "no security risk is listed"),
    ("RDY014", _set("readiness.evolution.drift_monitoring", ""), "no answer for the drift monitoring"),
    ("RDY015", _set("readiness.governance.approval_path", ""), "no answer for the approval path"),
    ("RDY016", _set("readiness.disaster_recovery.restore_tested_on", "2025-11-30"), "(2025-11-30) is more than a year"),
    ("RDY017", _set("readiness.cost_optimization", ""), "no answer for the cost optimization"),
    ("RDY018", _set("readiness.training_plan", ""), "no answer for the training plan"),
]


@pytest.mark.parametrize(("rule", "change", "gap"), GAPS, ids=[f"{r}-{g[:30]}" for r, _, g in GAPS])
def test_each_rule_names_the_gap_it_finds_and_no_other_rule_moves(
    rule: str, change: Callable[[Data], None], gap: str
) -> None:
    data = copy.deepcopy(complete())
    change(data)
    report = judged(data)
    assert any(gap in found for found in gaps_of(report, rule)), gaps_of(report, rule)
    others = {i.rule for p in report.phases for i in p.items if not i.answered} - {rule}
    assert others == set()


def test_every_rule_is_exercised_above() -> None:
    assert {r for r, _, _ in GAPS} == {r.rule for r in RULE_TABLE}


def test_a_coupling_error_accepted_as_a_risk_no_longer_holds_the_architecture_back() -> None:
    data = complete()
    conforming_to_a_vendor(data)
    assert gaps_of(judged(data), "RDY009")
    until = {"reason": "gateway next quarter", "accepted_by": "Ana", "until": "2027-06-30"}
    data["accepted_risks"] = [
        {"rule": "AIC001", "subject": "LLM API -> Shop", **until},
        {"rule": "AIC018", "subject": "Shop", **until},
    ]
    assert gaps_of(judged(data), "RDY009") == ()


def test_only_blocking_rules_hold_a_phase_back() -> None:
    data = complete()
    data["readiness"]["hypotheses"] = []  # RDY003, advice only
    report = judged(data)
    assert (report.phase(DeliveryPhase.POC).answered, report.phase(DeliveryPhase.POC).ready) == (2, True)
    data["readiness"]["concept"] = ""  # RDY001 blocks every phase
    assert [p.ready for p in judged(data).phases] == [False, False, False, False]


def test_the_example_is_ready_for_mvp_but_not_for_product_and_says_what_is_missing() -> None:
    report = analyze_workspace(files.read_workspace(EXAMPLE_WORKSPACE), today=TODAY).readiness
    assert (report.current, report.next_phase) == (DeliveryPhase.MVP, DeliveryPhase.PRODUCT)
    assert [(p.phase.value, p.answered, len(p.items), p.ready) for p in report.phases] == [
        ("poc", 3, 3, True),
        ("mvp", 10, 10, True),
        ("product", 10, 12, False),
        ("scaled", 10, 16, False),
    ]
    product = report.phase(DeliveryPhase.PRODUCT)
    assert [(i.rule, i.gaps) for i in product.blocking_gaps] == [
        ("RDY007", ("KPI 'Offer acceptance' has no current value",)),
        ("RDY014", ("no answer for the drift monitoring",)),
    ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_exits_0_when_ready_1_when_not_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = str(EXAMPLE_WORKSPACE)
    code, out, _ = run(capsys, "readiness", example)
    assert code == 1 and "Product: not ready" in out and "KPI 'Offer acceptance' has no current value" in out
    code, out, _ = run(capsys, "readiness", example, "--phase", "mvp", "--format", "json")
    data = json.loads(out)
    assert (code, data["phase"], data["ready"], data["current_phase"]) == (0, "mvp", True, "mvp")
    assert [(p["phase"], p["answered"], p["required"]) for p in data["phases"]][2] == ("product", 10, 12)
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "name": "x", "readiness": {"budget": [{"item": "a", "amount": -1}]}}')
    code, out, err = run(capsys, "readiness", str(broken))
    assert code == 2 and out == "" and "readiness.budget[0].amount" in err


def test_a_comparison_says_which_gate_turned_and_which_concern_is_newly_answered() -> None:
    old = files.read_workspace(EXAMPLE_WORKSPACE)
    data = old.model_dump(mode="json")
    data["readiness"]["kpis"][1]["current"] = "38 %"
    data["readiness"]["evolution"]["drift_monitoring"] = "Weekly PSI on the features"
    new = validate_workspace_data(data)
    comparison = compare_workspaces(old, new, old_label="v1", new_label="v2", today=TODAY)
    change = comparison.findings.readiness if comparison.findings else None
    assert change is not None and [r for r, _ in change.newly_answered] == ["RDY007", "RDY014"]
    text = render_review_text(comparison)
    assert "ready for Product" in text.splitlines()[1]  # the summary line
    assert "Product: 10 → 12 of 12 answered, not ready → ready" in text
    assert "Success and KPIs" in text and "Evolution" in text  # the fields that changed, by their sections


def test_the_workspace_report_has_a_readiness_part_read_back_from_the_pdf() -> None:
    _, pdf = downloads.export_workspace_report(files.read_workspace(EXAMPLE_WORKSPACE), printed_on=TODAY)
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Delivery readiness" in text
    assert "Current phase: MVP. Product: not ready; 10 of 12 concerns answered." in text
    assert "RDY007" in text and "KPI 'Offer acceptance' has no current value" in text
