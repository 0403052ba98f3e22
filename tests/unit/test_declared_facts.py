"""Findings rest on declared facts (metric kinds, what a metric watches, what a consumer relies on), never on the
words an author happened to use; wording only suggests a kind, and upgrades workspaces of schema 1."""

import json
from pathlib import Path
from typing import Any

import pytest

import cli
from analysis.engine import Analysis, analyze_workspace
from canvases.metric_kinds import suggest_kind
from canvases.wording_inference import awaiting_confirmation, confirm_inferred, upgrade_workspace
from formats.workspace_json.workspace_file import parse_workspace_json
from models.bounded_context import MetricKind, VerificationMetric
from tests.unit.analysis_scenarios import (
    MONITORED,
    Part,
    analyse,
    ctx,
    edge,
    model,
    of_rule,
    rel,
    watching,
    workspace,
)

REGRESSION = "relevance regression suite pass rate per pinned embedding version"
CONTROL_GROUP = "chargeback rate in the random control group vs model-approved orders"


def typed(text: str, kind: MetricKind) -> VerificationMetric:
    return VerificationMetric(metric=text, kind=kind)


def _search(*metrics: VerificationMetric) -> Analysis:
    """Search consumes the pinned Embedding model through its published language."""
    return analyse(
        model("Embedding", pinned=True),
        ctx("Search", metrics=metrics),
        rel("Embedding", "Search", roles_up=["OHS", "PL"], sync="async", pinned=True),
    )


def test_an_evaluation_suite_watching_the_upstream_contracts_its_api_whatever_it_is_called() -> None:
    for text in (REGRESSION, "Weekly check #7"):  # the wording plays no part
        analysis = _search(watching(typed(text, MetricKind.EVALUATION_SUITE), "Embedding"))
        assert edge(analysis, "Embedding", "Search").strength == 1
        assert of_rule(analysis, "AIC006") == []


def test_the_same_words_without_a_declared_kind_count_for_nothing() -> None:
    untyped = _search(VerificationMetric(metric=REGRESSION))
    assert edge(untyped, "Embedding", "Search").strength == 2
    unwatched = _search(typed(REGRESSION, MetricKind.EVALUATION_SUITE))  # checks Search itself, not Embedding
    assert edge(unwatched, "Embedding", "Search").strength == 2
    business = _search(watching(typed(REGRESSION, MetricKind.BUSINESS_KPI), "Embedding"))
    assert edge(business, "Embedding", "Search").strength == 2


def _loop(*watch: VerificationMetric) -> list[Part]:
    """Fraud's approvals shape orders whose chargebacks train Fraud again; its mitigation is declared."""
    return [
        model("Fraud", owner="Risk", mitigation="2 % of orders approved at random", metrics=[*MONITORED, *watch]),
        ctx("Fraud Training", ai="training_pipeline", owner="Risk", metrics=MONITORED),
        ctx("Orders"),
        rel("Fraud", "Orders", sync="sync", data_use="inference", fallback="manual review"),
        rel("Orders", "Fraud Training", roles_up=["PL"], sync="async", data_use="training"),
        rel("Fraud Training", "Fraud", sync="async", data_use="operational"),
    ]


def test_a_feedback_watch_metric_answers_aic008_whatever_it_is_called() -> None:
    assert of_rule(analyse(*_loop(typed(CONTROL_GROUP, MetricKind.FEEDBACK_WATCH))), "AIC008") == []
    assert of_rule(analyse(*_loop(typed("Loop check", MetricKind.FEEDBACK_WATCH))), "AIC008") == []
    unwatched = of_rule(analyse(*_loop(VerificationMetric(metric=CONTROL_GROUP))), "AIC008")
    assert [f.severity for f in unwatched] == ["warning"]  # mitigated, but nothing declared watches it


def test_a_feedback_watch_of_another_model_does_not_watch_this_loop() -> None:
    analysis = analyse(*_loop(watching(typed(CONTROL_GROUP, MetricKind.FEEDBACK_WATCH), "Orders")))
    assert len(of_rule(analysis, "AIC008")) == 1


def test_the_wording_suggests_the_kinds_of_the_three_phrasings() -> None:
    assert suggest_kind(REGRESSION) is MetricKind.EVALUATION_SUITE
    assert suggest_kind(CONTROL_GROUP) is MetricKind.FEEDBACK_WATCH
    assert suggest_kind("PSI of the input features") is MetricKind.DRIFT
    assert suggest_kind("Median time from visit to request") is None


def _search_file(schema_version: int) -> str:
    """The Search map as a file of `schema_version` whose metrics carry only their text, as schema 1 wrote them."""
    search = workspace(
        model("Embedding", pinned=True),
        ctx("Search", metrics=[REGRESSION, "Median time from visit to request"]),
        rel("Embedding", "Search", roles_up=["OHS", "PL"], sync="async", pinned=True),
    )
    data = {**json.loads(search.model_dump_json()), "schema_version": schema_version}
    for context in data["bounded_contexts"]:
        context["verification_metrics"] = [{"metric": m["metric"]} for m in context["verification_metrics"]]
    return json.dumps(data)


def test_a_schema_1_file_gets_its_metric_kinds_inferred_and_marked_for_confirmation() -> None:
    upgraded = parse_workspace_json(_search_file(1), "old.json")
    assert upgraded.schema_version == 2
    search = upgraded.context("Search")
    assert search is not None
    regression, median = search.verification_metrics
    # The regression suite names the model it checks; the other metric suggests no kind.
    assert (regression.kind, regression.watches, regression.kind_inferred) == (
        MetricKind.EVALUATION_SUITE,
        "Embedding",
        True,
    )
    assert (median.kind, median.watches, median.kind_inferred) == (MetricKind.OTHER, None, True)
    data = upgraded.model_dump(mode="json")
    listed = [i.describe() for i in awaiting_confirmation(data)]
    assert (
        listed[-2]
        == f"Search › Verification Metrics: '{REGRESSION}' → Regression or evaluation suite, watches Embedding"
    )
    assert edge(analyze_workspace(upgraded), "Embedding", "Search").strength == 1  # the contract it had before
    confirm_inferred(data)
    assert awaiting_confirmation(data) == []


def test_a_schema_2_file_is_read_as_written() -> None:
    search = parse_workspace_json(_search_file(2), "new.json").context("Search")
    assert search is not None
    assert [m.kind for m in search.verification_metrics] == [None, None]  # untyped, and nothing is made up


def test_the_upgrade_takes_the_providers_terms_from_assumptions_into_the_relationship() -> None:
    data: dict[str, Any] = {
        "schema_version": 1,
        "name": "Vendor",
        "bounded_contexts": [{"name": "Pricing", "assumptions": ["provider SLA 99.9 %", "provider rate limits"]}],
        "external_systems": [{"name": "LLM API", "ai_kind": "llm_external"}],
        "relationships": [{"upstream": "LLM API", "downstream": "Pricing"}],
    }
    upgraded = parse_workspace_json(json.dumps(data), "old.json")
    relationship = upgraded.relationships[0]
    assert (relationship.relied_sla, relationship.rate_limits) == ("provider SLA 99.9 %", "provider rate limits")
    assert relationship.reliance_inferred
    assert of_rule(analyze_workspace(upgraded), "AIC017") == []
    as_written = parse_workspace_json(json.dumps({**data, "schema_version": 2}), "new.json")
    assert as_written.relationships[0].relied_sla == ""  # a current workspace's words stay words
    assert len(of_rule(analyze_workspace(as_written), "AIC017")) == 1


def test_the_upgrade_leaves_a_current_workspace_alone() -> None:
    current = parse_workspace_json(_search_file(2), "new.json")
    assert upgrade_workspace(current) == (current, [])


def test_the_command_line_names_the_inferred_facts_of_a_schema_1_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.json"
    path.write_text(_search_file(1), encoding="utf-8")
    assert cli.main(["analyze", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: note: 4 facts were inferred from wording and are marked to confirm: ")
    assert f"Search › Verification Metrics: '{REGRESSION}' → Regression or evaluation suite, watches Embedding" in err
    current = tmp_path / "current.json"
    current.write_text(_search_file(2), encoding="utf-8")
    cli.main(["analyze", str(current)])
    assert capsys.readouterr().err == ""
