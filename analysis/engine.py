"""analyze_workspace: context map, metrics, every rule, accepted risks, score and gate in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import networkx as nx

from analysis.config import DEFAULT_CONFIG, AnalysisConfig
from analysis.context_map import ContextMap, build_context_map
from analysis.finding_texts import ACCEPTED_EXPIRED
from analysis.gc_pause import cyclic_gc_paused
from analysis.lever import biggest_lever
from analysis.metrics import MapMetrics, NodeMetrics, map_metrics, node_metrics
from analysis.rules.common import RuleContext
from analysis.rules.registry import RULE_FUNCTIONS, balance_findings, consistency_findings
from analysis.score import Score, compute_score
from models.finding import Finding, FindingStatus
from models.relationship import SyncMode
from models.workspace import AcceptedRisk, Workspace


@dataclass
class Analysis:
    workspace: str
    context_map: ContextMap
    findings: list[Finding]  # sorted by severity, rule, subject
    node_metrics: dict[str, NodeMetrics]
    map_metrics: MapMetrics
    score: Score


def _sync_graph(cmap: ContextMap) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(cmap.nodes)
    for x, y, data in cmap.dependencies.edges(data=True):
        if data["edge"].runtime is SyncMode.SYNC and not data["edge"].offline:
            graph.add_edge(x, y)
    return graph


def apply_accepted_risks(findings: list[Finding], risks: list[AcceptedRisk], today: dt.date) -> list[Finding]:
    """Accepted findings stay visible and weigh less; an acceptance past its date counts no more."""
    by_key = {(r.rule, r.subject): r for r in risks}
    result = []
    for f in findings:
        risk = by_key.get((f.rule, f.subject))
        if risk is None or f.status is FindingStatus.NOT_EVALUABLE:
            result.append(f)
            continue
        accepted = {
            "accepted_by": risk.accepted_by,
            "accepted_reason": risk.reason,
            "accepted_until": risk.until.isoformat(),
        }
        if risk.until >= today:
            result.append(f.model_copy(update={**accepted, "status": FindingStatus.ACCEPTED}))
        else:
            note = ACCEPTED_EXPIRED.format(who=risk.accepted_by, until=risk.until.isoformat())
            result.append(f.model_copy(update={**accepted, "message": f"{f.message} {note}"}))
    return result


def run_rules(cmap: ContextMap, metrics: dict[str, NodeMetrics], config: AnalysisConfig) -> list[Finding]:
    ctx = RuleContext(cmap, metrics, config, _sync_graph(cmap))
    findings = [f for rule in RULE_FUNCTIONS for f in rule(ctx)]
    findings += balance_findings(ctx, findings)
    findings += consistency_findings(cmap)
    return findings


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
    nodes = node_metrics(cmap, config)
    overall = map_metrics(cmap, nodes)
    findings = apply_accepted_risks(run_rules(cmap, nodes, config), workspace.accepted_risks, today)
    findings.sort(key=lambda f: f.sort_key)
    score = compute_score(findings, cmap, overall, config)

    def rerun(changed: ContextMap) -> list[Finding]:
        redone = run_rules(changed, node_metrics(changed, config), config)
        return apply_accepted_risks(redone, workspace.accepted_risks, today)

    hint = biggest_lever(cmap, findings, config, rerun) if lever else ""
    return Analysis(workspace.name, cmap, findings, nodes, overall, replace(score, lever=hint))
