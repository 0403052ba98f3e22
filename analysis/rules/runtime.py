"""Runtime and structural coupling: AIC003 (sync chain), AIC005 (cycles), AIC006 (fan-in), AIC007 (SDP)."""

import itertools
from collections.abc import Iterator

import networkx as nx

from analysis.metrics import cyclic_graph
from analysis.rules.common import RuleContext, finding, not_evaluable
from models.bounded_context import FallbackKind
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
    backwards = ctx.sync_graph.reverse(copy=False)
    for model in sorted(n for n, node in ctx.cmap.nodes.items() if node.serving_ai):
        # One backward search per model gives every caller's next hop towards it; a chain is protected
        # when its first edge, the next context, or the rest of the chain has a fallback.
        towards: dict[str, str] = {}
        protected = {model: False}
        for caller, hop in nx.bfs_predecessors(backwards, model):
            towards[caller] = hop
            edge = ctx.edge(caller, hop)
            degraded = ctx.node(hop).fallback is not FallbackKind.NONE
            protected[caller] = edge.has_fallback or degraded or protected[hop]
        for name in sorted(towards):
            node = ctx.node(name)
            if node.internal and node.critical:
                yield from _check_chain(ctx, _route(name, towards), protected[name])
    for name, node in sorted(ctx.cmap.nodes.items()):
        if node.internal and node.critical:
            yield from _unknown_runtime(ctx, name)


def _route(start: str, towards: dict[str, str]) -> list[str]:
    path = [start]
    while path[-1] in towards:
        path.append(towards[path[-1]])
    return path


def _check_chain(ctx: RuleContext, path: list[str], protected: bool) -> Iterator[Finding]:
    name, model = path[0], path[-1]
    subject = " -> ".join(reversed(path))
    if not protected:
        yield finding(
            "AIC003",
            Severity.ERROR,
            subject,
            f"Critical context {name} calls the model {model} synchronously ({len(path) - 1} hop(s)) with no "
            f"fallback, circuit breaker or degraded mode on the way.",
            path,
            f"{name} › Outbound Communication",
        )
    elif len(path) - 1 >= ctx.config.sync_hops_warning or _availability_shortfall(ctx, path):
        yield finding(
            "AIC003",
            Severity.WARNING,
            subject,
            f"{name} reaches {model} through {len(path) - 1} synchronous hops; latency and availability stack "
            f"up along the chain.",
            path,
            f"{name} › Outbound Communication",
        )


def _unknown_runtime(ctx: RuleContext, name: str) -> Iterator[Finding]:
    for target in sorted(ctx.cmap.dependencies.successors(name)):
        edge = ctx.edge(name, target)
        if edge.runtime is None and not edge.offline and ctx.node(target).serving_ai:
            yield not_evaluable(
                "AIC003", edge.label, "Sync or async (and the messages)", edge.fix_at or name, [name, target]
            )


def _canonical(cycle: list[str]) -> list[str]:
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def aic005_cycle_through_ai(ctx: RuleContext) -> Iterator[Finding]:
    graph = cyclic_graph(ctx.cmap)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2 or not any(ctx.node(n).is_ai for n in component):
            continue
        sub = graph.subgraph(component)
        cycles = nx.simple_cycles(sub, length_bound=ctx.config.cycle_length_bound)
        for cycle in sorted(_canonical(c) for c in itertools.islice(cycles, MAX_CYCLES)):
            if not any(ctx.node(n).is_ai for n in cycle):
                continue
            edges = [ctx.edge(x, y) for x, y in itertools.pairwise([*cycle, cycle[0]])]
            subject = " -> ".join([*cycle, cycle[0]])
            if any(e.runtime is SyncMode.SYNC for e in edges):
                yield finding(
                    "AIC005",
                    Severity.ERROR,
                    subject,
                    f"Dependency cycle with a synchronous call: "
                    f"{subject}. None of them can be deployed or recovered alone.",
                    cycle,
                )
            elif any(e.strength >= 2 for e in edges):
                yield finding(
                    "AIC005",
                    Severity.WARNING,
                    subject,
                    f"Asynchronous dependency cycle with "
                    f"model-strength coupling: {subject}. The models must co-evolve.",
                    cycle,
                )


def aic006_volatile_model_with_high_fan_in(ctx: RuleContext) -> Iterator[Finding]:
    threshold = ctx.config.fan_in_threshold(ctx.internal_count)
    for name, node in sorted(ctx.cmap.nodes.items()):
        metrics = ctx.metrics[name]
        if not node.serving_ai or metrics.fan_in < threshold:
            continue
        weak = [x for x in ctx.cmap.dependencies.predecessors(name) if ctx.edge(x, name).strength >= 2]
        gaps = [f"{len(weak)} dependents with model-strength or stronger coupling"] if weak else []
        if node.internal:
            sla = node.sla
            if sla.availability_percent is None or sla.latency_p95_ms is None:
                gaps.append("no SLA")
            if not node.rollback:
                gaps.append("no rollback")
        if not gaps:
            yield finding(
                "AIC006",
                Severity.INFO,
                name,
                f"{name} is a shared AI platform for {metrics.fan_in} "
                f"contexts with contracts, SLA and rollback: watch it.",
                [name],
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
        )


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
            )
