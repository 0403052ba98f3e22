"""Per-node and per-map coupling metrics on the dependency view (Martin, Khononov, propagation cost)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap
from analysis.edges import Edge
from analysis.sync_chains import SyncChains
from models.relationship import SyncMode

BROKER_LIMIT = 300


@dataclass(frozen=True)
class NodeMetrics:
    fan_in: int
    fan_out: int
    fan_in_weighted: int
    fan_out_weighted: int
    instability: float | None
    instability_weighted: float | None
    change_blast_radius: float
    outage_blast_radius: float
    volatility: int
    pain: float
    in_cycle: bool


@dataclass(frozen=True)
class MapMetrics:
    contexts: int
    relationships: int
    ai_edge_share: float
    contract_ratio: float
    max_ai_pain: float
    mean_ai_pain: float
    ai_propagation_cost: float
    ai_cycle_ratio: float
    max_outage_blast_radius: float
    sync_depth_to_ai: int


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def carries_outage(edge: Edge) -> bool:
    """Synchronous, online and without a fallback: an outage of the callee travels along it."""
    return edge.runtime is SyncMode.SYNC and not edge.offline and not edge.has_fallback


def counts_for_cycles(edge: Edge) -> bool:
    """Symmetric patterns are 2-cycles by definition, and offline training edges do not bind at runtime."""
    return not edge.symmetric and not edge.offline


def cyclic_graph(cmap: ContextMap) -> nx.DiGraph[str]:
    return nx.DiGraph((x, y) for x, y, d in cmap.dependencies.edges(data=True) if counts_for_cycles(d["edge"]))


def ancestor_masks(graph: nx.DiGraph[str]) -> tuple[dict[str, int], dict[str, int]]:
    """A bit per node, and per node the bitset of its ancestors in `graph`.

    One pass over the strongly connected components in topological order, with integer bitsets, instead of a
    search per node (quadratic searches made 1,000-context maps take seconds). The components are linked in
    plain lists: building networkx's condensation graph three times was a twentieth of an analysis.
    """
    bit = {name: 1 << i for i, name in enumerate(graph)}
    components = list(nx.strongly_connected_components(graph))
    home = {name: i for i, members in enumerate(components) for name in members}
    children: list[set[int]] = [set() for _ in components]
    for x, y in graph.edges():
        if home[x] != home[y]:
            children[home[x]].add(home[y])
    waiting = [0] * len(components)  # parents not yet passed on
    for below in children:
        for child in below:
            waiting[child] += 1
    inside = [sum(bit[n] for n in members) for members in components]
    # Within a cycle every member reaches every other.
    above = [inside[i] if len(members) > 1 else 0 for i, members in enumerate(components)]
    ready = [i for i, count in enumerate(waiting) if count == 0]
    while ready:
        component = ready.pop()
        carried = above[component] | inside[component]
        for child in children[component]:
            above[child] |= carried
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return bit, {name: above[home[name]] & ~bit[name] for name in graph}


def mask_of(bit: dict[str, int], names: set[str]) -> int:
    return sum(bit[n] for n in names if n in bit)


def reach_shares(graph: nx.DiGraph[str], names: list[str], internal: set[str]) -> dict[str, float]:
    """For every node, the share of the other internal contexts among its ancestors in `graph`."""
    bit, ancestors = ancestor_masks(graph)
    internal_mask = mask_of(bit, internal)
    shares = {}
    for name in names:
        others = len(internal) - (1 if name in internal else 0)
        hit = ancestors.get(name, 0) & internal_mask
        shares[name] = hit.bit_count() / max(1, others)
    return shares


def broker_scores(cmap: ContextMap) -> dict[str, float]:
    """Normalised betweenness per context; empty beyond BROKER_LIMIT contexts.

    Only the metrics table and the JSON report show it, no rule uses it, and it costs O(V·E): apart from
    the rest so that a large map's findings do not wait for it (about 0.5 s at 300 contexts).
    """
    deps = cmap.dependencies
    return nx.betweenness_centrality(deps, normalized=True) if len(deps) <= BROKER_LIMIT else {}


def node_metrics(cmap: ContextMap, config: AnalysisConfig) -> dict[str, NodeMetrics]:
    names, internal = list(cmap.nodes), cmap.internal
    # One pass over the dependencies in plain dicts: graph views per node were a tenth of a large analysis.
    ca, ce, ca_w, ce_w = (dict.fromkeys(names, 0) for _ in range(4))
    strong, outage, cyclic = [], [], []
    for x, y, data in cmap.dependencies.edges(data=True):
        edge = data["edge"]
        ce[x], ca[y], ce_w[x], ca_w[y] = ce[x] + 1, ca[y] + 1, ce_w[x] + edge.strength, ca_w[y] + edge.strength
        if edge.strength >= 2:
            strong.append((x, y))
        if carries_outage(edge):
            outage.append((x, y))
        if counts_for_cycles(edge):
            cyclic.append((x, y))
    in_cycle = {n for c in nx.strongly_connected_components(nx.DiGraph(cyclic)) if len(c) > 1 for n in c}
    change = reach_shares(nx.DiGraph(strong), names, internal)
    down = reach_shares(nx.DiGraph(outage), names, internal)
    pains: dict[str, float] = {}
    for edge in cmap.edges:
        for name in (edge.upstream, edge.downstream):
            pains[name] = max(pains.get(name, 0.0), edge.pain)
    return {
        name: NodeMetrics(
            ca[name],
            ce[name],
            ca_w[name],
            ce_w[name],
            _ratio(ce[name], ca[name] + ce[name]),
            _ratio(ce_w[name], ca_w[name] + ce_w[name]),
            change[name],
            down[name],
            cmap.volatility[name],
            pains.get(name, 0.0),
            name in in_cycle,
        )
        for name in names
    }


def map_metrics(cmap: ContextMap, nodes: dict[str, NodeMetrics], chains: SyncChains) -> MapMetrics:
    # In map order, not a set's: summing floats in an order that depends on string hashing made the
    # propagation cost differ in its last digit between runs.
    ai = dict.fromkeys(n for n, node in cmap.nodes.items() if node.is_ai)
    linked = [e for e in cmap.edges if e.strength > 0]
    ai_edges = [e for e in linked if e.upstream in ai or e.downstream in ai]
    pains = [e.pain for e in ai_edges]
    return MapMetrics(
        contexts=len(cmap.internal),
        relationships=len(cmap.edges),
        ai_edge_share=len(ai_edges) / len(linked) if linked else 0.0,
        contract_ratio=sum(e.strength <= 1 for e in ai_edges) / len(ai_edges) if ai_edges else 1.0,
        max_ai_pain=max(pains, default=0.0),
        mean_ai_pain=sum(pains) / len(pains) if pains else 0.0,
        ai_propagation_cost=sum(nodes[n].change_blast_radius for n in ai) / len(ai) if ai else 0.0,
        ai_cycle_ratio=sum(nodes[n].in_cycle for n in ai) / len(ai) if ai else 0.0,
        max_outage_blast_radius=max((nodes[n].outage_blast_radius for n in ai), default=0.0),
        sync_depth_to_ai=chains.longest_from({n for n, node in cmap.nodes.items() if node.critical}),
    )
