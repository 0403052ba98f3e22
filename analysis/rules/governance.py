"""Ownership and operability: AIC015 (owner), AIC016 (team load), AIC017 (SLA and rollback),
AIC018 (quality and drift metrics)."""

from collections import defaultdict
from collections.abc import Iterator

from analysis.finding_texts import possessive
from analysis.nodes import Node
from analysis.rules import declared
from analysis.rules.common import RuleContext, finding
from models.bounded_context import QUALITY_KINDS, MetricKind
from models.finding import Finding, Severity
from models.relationship import SyncMode

DRIFT = frozenset({MetricKind.DRIFT})


def aic015_ai_without_owner(ctx: RuleContext) -> Iterator[Finding]:
    for name, node in sorted(ctx.cmap.nodes.items()):
        if node.internal and node.is_ai and not node.owner:
            severity = Severity.ERROR if ctx.metrics[name].fan_in >= 1 else Severity.WARNING
            yield finding(
                "AIC015",
                severity,
                name,
                f"The AI component {name} has no owner team.",
                [name],
                f"{name} › Name",
                facts=[declared.ai_kind(name, node), declared.owner(name, node)],
                unless=f"{name} named its owner team.",
            )


def _ai_coupled(ctx: RuleContext, name: str, node: Node) -> bool:
    if node.is_ai:
        return True
    deps = ctx.cmap.dependencies
    neighbours = [*deps.successors(name), *deps.predecessors(name)]
    return any(ctx.node(n).is_ai and max(_strengths(ctx, name, n)) >= 2 for n in neighbours)


def _strengths(ctx: RuleContext, a: str, b: str) -> list[int]:
    deps = ctx.cmap.dependencies
    return [deps[x][y]["edge"].strength for x, y in ((a, b), (b, a)) if deps.has_edge(x, y)]


def aic016_team_owns_too_many_ai_contexts(ctx: RuleContext) -> Iterator[Finding]:
    owned: dict[str, list[str]] = defaultdict(list)
    core: set[str] = set()
    for name, node in sorted(ctx.cmap.nodes.items()):
        if node.internal and node.owner:
            core |= {node.owner} if node.core else set()
            if _ai_coupled(ctx, name, node):
                owned[node.owner].append(name)
    for team, names in sorted(owned.items()):
        limit = ctx.config.team_load_with_core if team in core else ctx.config.team_load
        if len(names) >= limit:
            yield finding(
                "AIC016",
                Severity.WARNING,
                team,
                f"Team {team} owns {len(names)} AI-coupled contexts ({', '.join(names)}); the limit is {limit}.",
                names,
                facts=[declared.fact(n, "Owner team", team) for n in names],
                unless=f"{team} owned fewer than {limit} AI-coupled contexts (another team took one over).",
            )


def _sla_gaps(node: Node) -> list[str]:
    sla, gaps = node.sla, []
    for label, value in (
        ("availability", sla.availability_percent),
        ("p95 latency", sla.latency_p95_ms),
        ("recovery time", sla.recovery_time_minutes),
    ):
        if value is None:
            gaps.append(f"no {label}")
    if not sla.freshness.strip():
        gaps.append("no freshness")
    if not node.rollback:
        gaps.append("no rollback")
    return gaps


def _critical_sync_reach(ctx: RuleContext, model: str) -> bool:
    """Some critical internal context calls the model through online synchronous calls."""
    return any(c != model and c in ctx.critical for c in ctx.chains.into[model].distance)


def aic017_model_without_sla_or_rollback(ctx: RuleContext) -> Iterator[Finding]:
    for name, node in sorted(ctx.cmap.nodes.items()):
        if node.internal and node.serving_ai and ctx.metrics[name].fan_in >= 1 and (gaps := _sla_gaps(node)):
            severity = Severity.ERROR if _critical_sync_reach(ctx, name) else Severity.WARNING
            count = ctx.metrics[name].fan_in
            yield finding(
                "AIC017",
                severity,
                name,
                f"{count} context{'s' if count != 1 else ''} depend"
                f"{'' if count != 1 else 's'} on the model {name}, which has {', '.join(gaps)}.",
                [name],
                f"{name} › AI profile",
                facts=[declared.sla(name, node), declared.fact(name, "Rollback", declared.yes_no(node.rollback))],
                unless=f"{name} declared {declared.listing([g.removeprefix('no ') for g in gaps])}.",
            )
    for consumer, provider in sorted(ctx.cmap.dependencies.edges()):
        node = ctx.node(consumer)
        if not (node.internal and not node.is_ai and ctx.node(provider).external_ai):
            continue
        edge = ctx.edge(consumer, provider)
        if (
            ctx.node(provider).sla.availability_percent is not None
            or edge.relied_sla.strip()
            or edge.rate_limits.strip()
        ):
            continue  # declared: the provider's SLA on the external system, or what the consumer relies on
        calls_sync = edge.runtime is SyncMode.SYNC and not edge.offline
        severity = Severity.ERROR if node.critical and calls_sync else Severity.WARNING
        yield finding(
            "AIC017",
            severity,
            edge.label,
            f"{consumer} depends on {provider} but records neither the SLA it relies on nor the rate limits it keeps "
            f"to, and {provider} declares no SLA.",
            [consumer, provider],
            edge.fix_at,
            facts=[
                declared.fact(provider, "SLA availability", declared.NONE),
                declared.fact(edge.label, "SLA relied on", declared.NONE),
                declared.fact(edge.label, "Rate limits kept to", declared.NONE),
            ],
            unless=f"the relationship recorded the SLA {consumer} relies on or the rate limits it keeps to, or "
            f"{provider} declared its SLA.",
        )


def _is_ai_consumer(ctx: RuleContext, name: str, node: Node) -> bool:
    """An internal, non-AI context that depends directly on an external model takes on its verification."""
    return (
        node.internal
        and not node.is_ai
        and any(ctx.node(p).external_ai for p in ctx.cmap.dependencies.successors(name))
    )


def aic018_missing_quality_or_drift_metric(ctx: RuleContext) -> Iterator[Finding]:
    for name, node in sorted(ctx.cmap.nodes.items()):
        if not (node.internal and (node.is_ai or _is_ai_consumer(ctx, name, node))):
            continue
        missing = [] if node.evidence(QUALITY_KINDS) else ["a quality metric"]
        if not node.evidence(DRIFT):
            missing.append("a drift or data-quality metric")
        if not missing:
            continue
        severe = node.core or name in ctx.critical_dependents
        yield finding(
            "AIC018",
            Severity.ERROR if severe else Severity.WARNING,
            name,
            f"{possessive(name)} verification metrics lack {' and '.join(missing)}.",
            [name],
            f"{name} › Verification Metrics",
            facts=[declared.evidence(name, node, QUALITY_KINDS), declared.evidence(name, node, DRIFT)],
            unless=f"{name} had {' and '.join(missing)} among its Verification Metrics (their Kind column).",
        )
