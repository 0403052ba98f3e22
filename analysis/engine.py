"""analyze_workspace: context map, metrics, every rule, accepted risks, score and gate in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from analysis.acceptances import acceptance_findings, apply_accepted_risks
from analysis.config import DEFAULT_CONFIG, AnalysisConfig
from analysis.context_map import ContextMap, build_context_map
from analysis.gc_pause import cyclic_gc_paused
from analysis.lever import biggest_lever
from analysis.metrics import MapMetrics, NodeMetrics, map_metrics, node_metrics
from analysis.readiness import ReadinessReport, assess_readiness
from analysis.rules.common import RuleContext
from analysis.rules.registry import RULE_FUNCTIONS, balance_findings, consistency_findings
from analysis.score import Score, compute_score
from analysis.sync_chains import sync_chains
from models.finding import Finding
from models.workspace import AcceptedRisk, Workspace


@dataclass
class Analysis:
    workspace: str
    context_map: ContextMap
    findings: list[Finding]  # sorted by severity, rule, subject
    node_metrics: dict[str, NodeMetrics]
    map_metrics: MapMetrics
    score: Score
    readiness: ReadinessReport
    judged_on: dt.date  # the day acceptances were checked against (an expired one counts in full)


def run_rules(ctx: RuleContext) -> list[Finding]:
    findings = [f for rule in RULE_FUNCTIONS for f in rule(ctx)]
    findings += balance_findings(ctx, findings)
    findings += consistency_findings(ctx.cmap)
    return findings


@dataclass(frozen=True)
class _Evaluation:
    findings: list[Finding]
    node_metrics: dict[str, NodeMetrics]
    map_metrics: MapMetrics
    score: Score


def _evaluate(cmap: ContextMap, risks: list[AcceptedRisk], today: dt.date, config: AnalysisConfig) -> _Evaluation:
    nodes = node_metrics(cmap, config)
    ctx = RuleContext(cmap, nodes, config, sync_chains(cmap))
    overall = map_metrics(cmap, nodes, ctx.chains)
    findings = apply_accepted_risks(run_rules(ctx), risks, today)
    findings.sort(key=lambda f: f.sort_key)
    return _Evaluation(findings, nodes, overall, compute_score(findings, cmap, overall, config))


def analyze_workspace(
    workspace: Workspace,
    *,
    today: dt.date | None = None,
    config: AnalysisConfig = DEFAULT_CONFIG,
    lever: bool = True,
) -> Analysis:
    """The whole analysis; `lever=False` skips the biggest lever, which re-runs the rules up to eight times."""
    with cyclic_gc_paused():
        return _analysis(workspace, today or dt.date.today(), config, lever)


def _analysis(workspace: Workspace, today: dt.date, config: AnalysisConfig, lever: bool) -> Analysis:
    cmap = build_context_map(workspace, config)
    risks = workspace.accepted_risks
    done = _evaluate(cmap, risks, today, config)

    def rerun(changed: ContextMap) -> tuple[list[Finding], Score]:
        again = _evaluate(changed, risks, today, config)
        return again.findings, again.score

    hint = biggest_lever(cmap, done.findings, done.score.value, config, rerun) if lever else ""
    score = replace(done.score, lever=hint)
    # Reported once, not in the lever's reruns: acceptances neither score nor change with the map.
    findings = sorted([*done.findings, *acceptance_findings(done.findings, risks, today)], key=lambda f: f.sort_key)
    readiness = assess_readiness(workspace, findings, today)
    return Analysis(workspace.name, cmap, findings, done.node_metrics, done.map_metrics, score, readiness, today)
