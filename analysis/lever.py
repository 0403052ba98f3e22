"""The biggest lever: the single remedy that lowers the score most, found by re-running the analysis."""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap, assemble_context_map
from analysis.edges import Edge
from analysis.nodes import Evidence, Node
from analysis.score import Score
from models.bounded_context import FallbackKind, MetricKind, ServiceLevel
from models.finding import Finding, FindingStatus, Severity
from models.relationship import Role

MAX_CANDIDATES = 8
MAX_CONTEXTS = 300  # above this, eight re-runs would cost more than the hint is worth


@dataclass(frozen=True)
class Remedy:
    description: str
    # Changes copies of the map's nodes and edges. It assigns new values and never changes a set or list in
    # place, because the copies are shallow: deep copies took half of the lever's time.
    apply: Callable[[dict[str, Node], list[Edge]], None]


def _protect_edge(label: str) -> Remedy:
    def apply(nodes: dict[str, Node], edges: list[Edge]) -> None:
        for edge in edges:
            if edge.label == label:
                edge.down_roles = (edge.down_roles - {Role.CONFORMIST}) | {Role.ANTICORRUPTION_LAYER}
                edge.fallback, edge.circuit_breaker = edge.fallback or "fallback", True

    return Remedy(f"add an ACL and a fallback on {label}", apply)


def _harden_model(name: str) -> Remedy:
    def apply(nodes: dict[str, Node], edges: list[Edge]) -> None:
        node = nodes[name]
        node.sla = ServiceLevel(
            availability_percent=99.9, latency_p95_ms=300, freshness="declared", recovery_time_minutes=30
        )
        node.rollback, node.version_pinned = True, True
        node.fallback = node.fallback if node.fallback is not FallbackKind.NONE else FallbackKind.HEURISTIC
        node.metrics = [
            *node.metrics,
            Evidence(MetricKind.MODEL_QUALITY, name, "accuracy"),
            Evidence(MetricKind.DRIFT, name, "feature drift"),
            Evidence(MetricKind.FEEDBACK_WATCH, name, "holdout uplift of the feedback mitigation"),
        ]

    return Remedy(
        f"complete the AI profile and verification metrics of {name} (SLA, rollback, fallback, "
        "quality, drift and feedback metrics)",
        apply,
    )


def _candidates(findings: list[Finding], cmap: ContextMap) -> list[Remedy]:
    labels = {e.label for e in cmap.edges}
    remedies: dict[str, Remedy] = {}
    for f in findings:
        if f.status is not FindingStatus.OPEN or f.severity is Severity.INFO or f.rule.startswith("CON"):
            continue
        if f.subject in labels:
            remedies.setdefault(f.subject, _protect_edge(f.subject))
        for name in f.contexts:
            if name in cmap.nodes and cmap.nodes[name].is_ai and cmap.nodes[name].internal:
                remedies.setdefault(name, _harden_model(name))
    return list(remedies.values())[:MAX_CANDIDATES]


def biggest_lever(
    cmap: ContextMap,
    findings: list[Finding],
    before: int,
    config: AnalysisConfig,
    rerun: Callable[[ContextMap], tuple[list[Finding], Score]],
) -> str:
    """'<remedy> (score a → b, removes ...)', or '' when no single remedy lowers the score `before`."""
    if len(cmap.internal) > MAX_CONTEXTS:
        return ""
    best: tuple[int, str] | None = None
    for remedy in _candidates(findings, cmap):
        nodes = {name: copy.copy(node) for name, node in cmap.nodes.items()}
        edges = [copy.copy(edge) for edge in cmap.edges]
        remedy.apply(nodes, edges)
        after_findings, after = rerun(assemble_context_map(nodes, edges, cmap.inconsistencies))
        gone = sorted({f.rule for f in findings} - {f.rule for f in after_findings})
        if after.value < before and (best is None or after.value < best[0]):
            removes = f", removes {', '.join(gone)}" if gone else ""
            best = (after.value, f"{remedy.description} (score {before} → {after.value}{removes})")
    return best[1] if best else ""
