"""Runtime and structural coupling: AIC003 (sync chain), AIC005 (cycles), AIC006 (fan-in), AIC007 (SDP)."""

import itertools
from collections.abc import Iterator

import networkx as nx

from analysis.cycles import cycles_through
from analysis.finding_texts import possessive
from analysis.metrics import cyclic_graph
from analysis.nodes import Node
from analysis.rules import declared
from analysis.rules.common import RuleContext, finding, not_evaluable
from models.finding import Finding, Severity
from models.relationship import SyncMode

MAX_CYCLES = 500  # cycles reported per component; SCC membership still covers longer or further ones


def _availability_shortfall(ctx: RuleContext, path: list[str]) -> bool:
    target = ctx.node(path[0]).sla.availability_percent
    values = [ctx.node(n).sla.availability_percent for n in path[1:]]
    if target is None or any(v is None for v in values):
        return False
    product = 1.0
    for value in values:
        product *= (value or 0) / 100
    return product * 100 < target


def aic003_sync_chain_without_fallback(ctx: RuleContext) -> Iterator[Finding]:
    for chains in ctx.chains.into.values():
        for name in sorted(ctx.critical.intersection(chains.towards)):
            yield from _check_chain(ctx, chains.route(name), chains.protected[name])
    yield from _unknown_runtime(ctx)


def _check_chain(ctx: RuleContext, path: list[str], protected: bool) -> Iterator[Finding]:
    name, model = path[0], path[-1]
    subject = " -> ".join(reversed(path))
    hops = [ctx.edge(x, y) for x, y in itertools.pairwise(path)]
    facts = [declared.critical(name, ctx.node(name)), declared.ai_kind(model, ctx.node(model))]
    facts += [f for e in hops for f in (declared.runtime(e), declared.protection(e))]
    if not protected:
        yield finding(
            "AIC003",
            Severity.ERROR,
            subject,
            f"Critical context {name} calls the model {model} synchronously ({len(path) - 1} hop(s)) with no "
            f"fallback, circuit breaker or degraded mode on the way.",
            path,
            f"{name} › Outbound Communication",
            facts=facts,
            unless=f"{hops[0].label} (or another hop) declared a fallback or a circuit breaker, or the call "
            "became asynchronous.",
        )
    elif len(path) - 1 >= ctx.config.sync_hops_warning or _availability_shortfall(ctx, path):
        availability = [declared.fact(n, "SLA availability", ctx.node(n).sla.availability_percent) for n in path]
        yield finding(
            "AIC003",
            Severity.WARNING,
            subject,
            f"{name} reaches {model} through {len(path) - 1} synchronous hops; latency and availability stack "
            f"up along the chain.",
            path,
            f"{name} › Outbound Communication",
            facts=[*facts, *availability],
            unless=f"the chain had fewer than {ctx.config.sync_hops_warning} synchronous hops and the "
            f"availabilities along it multiplied to {possessive(name)} own.",
        )


def _unknown_runtime(ctx: RuleContext) -> Iterator[Finding]:
    """Edges of unknown sync mode between a critical context and a model: AIC003 cannot judge the chain."""
    deps = ctx.cmap.dependencies
    critical = {n for n, node in ctx.cmap.nodes.items() if node.internal and node.critical}
    models = {n for n, node in ctx.cmap.nodes.items() if node.serving_ai}
    # One search from all sources at once: a search per critical context or model took seconds on big maps.
    reached = _reachable(deps, critical)
    feeding = _reachable(deps.reverse(copy=False), models)
    for x, y in sorted(deps.edges()):
        edge = ctx.edge(x, y)
        if x in reached and y in feeding and edge.runtime is None and not edge.offline and not edge.symmetric:
            yield not_evaluable("AIC003", edge.label, "Sync or async (and the messages)", edge.fix_at or x, [x, y])


def _reachable(graph: "nx.DiGraph[str]", sources: set[str]) -> set[str]:
    """`sources` and everything reachable from any of them."""
    seen = set(sources)
    stack = list(sources)
    while stack:
        for y in graph.successors(stack.pop()):
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return seen


def _canonical(cycle: list[str]) -> list[str]:
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def aic005_cycle_through_ai(ctx: RuleContext) -> Iterator[Finding]:
    graph = cyclic_graph(ctx.cmap)
    for component in nx.strongly_connected_components(graph):
        ai = [n for n in component if ctx.node(n).is_ai]
        if len(component) < 2 or not ai:
            continue
        cycles = cycles_through(graph.subgraph(component), ai, ctx.config.cycle_length_bound, MAX_CYCLES)
        for cycle in sorted(_canonical(c) for c in cycles):
            edges = [ctx.edge(x, y) for x, y in itertools.pairwise([*cycle, cycle[0]])]
            subject = " -> ".join([*cycle, cycle[0]])
            facts = [f for e in edges for f in (declared.runtime(e), declared.measures(e))]
            unknown = [e for e in edges if e.runtime is None]
            if unknown and not any(e.runtime is SyncMode.SYNC for e in edges):
                yield not_evaluable("AIC005", subject, "Sync or async", unknown[0].fix_at or unknown[0].label, cycle)
            elif any(e.runtime is SyncMode.SYNC for e in edges):
                yield finding(
                    "AIC005",
                    Severity.ERROR,
                    subject,
                    f"Dependency cycle with a synchronous call: "
                    f"{subject}. None of them can be deployed or recovered alone.",
                    cycle,
                    facts=facts,
                    unless="one relationship of the cycle were removed or turned around (the model subscribing to "
                    "events instead of calling back); with every call asynchronous it would be a warning only.",
                )
            elif any(e.strength >= 2 for e in edges):
                yield finding(
                    "AIC005",
                    Severity.WARNING,
                    subject,
                    f"Asynchronous dependency cycle with "
                    f"model-strength coupling: {subject}. The models must co-evolve.",
                    cycle,
                    facts=facts,
                    unless="every relationship of the cycle were contract-strength (S1: an Anticorruption Layer, "
                    "or a published language or data contract) or the cycle were broken.",
                )


def aic006_volatile_model_with_high_fan_in(ctx: RuleContext) -> Iterator[Finding]:
    threshold = ctx.config.fan_in_threshold(ctx.internal_count)
    for name, node in sorted(ctx.cmap.nodes.items()):
        metrics = ctx.metrics[name]
        if not node.serving_ai or metrics.fan_in < threshold:
            continue
        weak = [x for x in ctx.cmap.dependencies.predecessors(name) if ctx.edge(x, name).strength >= 2]
        gaps = _platform_gaps(node, weak)
        facts = [
            declared.fact(name, "Dependents", f"{metrics.fan_in} (threshold {threshold})"),
            *(declared.measures(ctx.edge(x, name)) for x in weak),
        ]
        if node.internal:
            facts += [declared.sla(name, node), declared.fact(name, "Rollback", declared.yes_no(node.rollback))]
        fewer = f"{name} had fewer than {threshold} dependents"
        if not gaps:
            yield finding(
                "AIC006",
                Severity.INFO,
                name,
                f"{name} is a shared AI platform for {metrics.fan_in} "
                f"contexts with contracts, SLA and rollback: watch it.",
                [name],
                facts=facts,
                unless=f"{fewer}: it is reported as a well-run shared platform to watch.",
            )
            continue
        severity = Severity.ERROR if metrics.outage_blast_radius >= ctx.config.blast_radius_error else Severity.WARNING
        yield finding(
            "AIC006",
            severity,
            name,
            f"{metrics.fan_in} contexts depend on the model {name} "
            f"(threshold {threshold}) and it has {', '.join(gaps)}.",
            [name, *weak],
            f"{name} › AI profile",
            facts=facts,
            unless=f"{fewer}; it would only be an info if {_platform_fix(name, node, weak)}.",
        )


def _platform_gaps(node: Node, weak: list[str]) -> list[str]:
    gaps = [f"{len(weak)} dependents with model-strength or stronger coupling"] if weak else []
    if node.internal:
        if node.sla.availability_percent is None or node.sla.latency_p95_ms is None:
            gaps.append("no SLA")
        if not node.rollback:
            gaps.append("no rollback")
    return gaps


def _platform_fix(name: str, node: Node, weak: list[str]) -> str:
    fixes = []
    if weak:
        fixes.append(
            f"{', '.join(weak)} depended on it by contract (an Anticorruption Layer, or its pinned version with a "
            f"quality metric or evaluation suite that watches {name})"
        )
    if node.internal and (node.sla.availability_percent is None or node.sla.latency_p95_ms is None):
        fixes.append(f"{name} declared its availability and p95 latency")
    if node.internal and not node.rollback:
        fixes.append(f"{name} could be rolled back")
    return " and ".join(fixes)


def aic007_stable_depends_on_volatile_model(ctx: RuleContext) -> Iterator[Finding]:
    config = ctx.config
    for consumer, model in sorted(ctx.cmap.dependencies.edges()):
        edge, metrics = ctx.edge(consumer, model), ctx.metrics[consumer]
        if (
            not ctx.node(consumer).internal
            or not ctx.node(model).serving_ai
            or edge.strength < 2
            or metrics.fan_in < config.hard_to_change_fan_in
        ):
            continue
        stable = (
            metrics.instability_weighted is not None
            and metrics.instability_weighted <= config.hard_to_change_instability
        )
        model_volatility = ctx.cmap.volatility[model] if ctx.node(model).internal else edge.volatility
        if stable and model_volatility > ctx.cmap.volatility[consumer]:
            yield finding(
                "AIC007",
                Severity.WARNING,
                edge.label,
                f"{consumer} is hard to change ({metrics.fan_in} dependents, weighted instability "
                f"{metrics.instability_weighted:.2f}) but depends on {model}, which is more volatile "
                f"(V{model_volatility} > V{ctx.cmap.volatility[consumer]}).",
                [consumer, model],
                edge.fix_at,
                facts=[
                    declared.fact(consumer, "Dependents", metrics.fan_in),
                    declared.fact(consumer, "Volatility", f"V{ctx.cmap.volatility[consumer]}"),
                    declared.fact(model, "Volatility", f"V{model_volatility}"),
                    declared.measures(edge),
                ],
                unless=f"{consumer} depended on {model} by contract (S1: an Anticorruption Layer, or its pinned "
                f"version with a quality metric or evaluation suite that watches {model}).",
            )
