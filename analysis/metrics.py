"""Per-node and per-map coupling metrics on the dependency view (Martin, Khononov, propagation cost)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap
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


def outage_graph(cmap: ContextMap) -> nx.DiGraph[str]:
    """Dependencies that are synchronous, online and without a fallback: an outage travels along them."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for x, y, data in cmap.dependencies.edges(data=True):
        edge = data["edge"]
        if edge.runtime is SyncMode.SYNC and not edge.offline and not edge.has_fallback:
            graph.add_edge(x, y)
    return graph


def cyclic_graph(cmap: ContextMap) -> nx.DiGraph[str]:
    """Dependencies without symmetric patterns (2-cycles by definition) and offline training edges."""
    return nx.DiGraph(
        (x, y) for x, y, d in cmap.dependencies.edges(data=True) if not d["edge"].symmetric and not d["edge"].offline
    )


def ancestor_masks(graph: nx.DiGraph[str]) -> tuple[dict[str, int], dict[str, int]]:
    """A bit per node, and per node the bitset of its ancestors in `graph`.

    One pass over the condensation with integer bitsets instead of a search per node: quadratic
    searches made 1,000-context maps take seconds.
    """
    bit = {name: 1 << i for i, name in enumerate(graph)}
    if not bit:
        return bit, {}
    dag = nx.condensation(graph)
    inside = {c: sum(bit[n] for n in dag.nodes[c]["members"]) for c in dag}
    above: dict[int, int] = {}
    for component in nx.topological_sort(dag):
        reached = 0
        for parent in dag.predecessors(component):
            reached |= above[parent] | inside[parent]
        # Within a cycle every member reaches every other.
        above[component] = reached | (inside[component] if len(dag.nodes[component]["members"]) > 1 else 0)
    mapping = dag.graph["mapping"]
    return bit, {name: above[mapping[name]] & ~bit[name] for name in graph}


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
    deps, internal = cmap.dependencies, cmap.internal
    strong = nx.DiGraph((x, y) for x, y, d in deps.edges(data=True) if d["edge"].strength >= 2)
    outage = outage_graph(cmap)
    cyclic = {n for c in nx.strongly_connected_components(cyclic_graph(cmap)) if len(c) > 1 for n in c}
    names = list(cmap.nodes)
    change, down = reach_shares(strong, names, internal), reach_shares(outage, names, internal)
    pains: dict[str, float] = {}
    for edge in cmap.edges:
        for name in (edge.upstream, edge.downstream):
            pains[name] = max(pains.get(name, 0.0), edge.pain)
    result = {}
    for name in cmap.nodes:
        ca, ce = deps.in_degree(name), deps.out_degree(name)
        ca_w = sum(d["edge"].strength for _, _, d in deps.in_edges(name, data=True))
        ce_w = sum(d["edge"].strength for _, _, d in deps.out_edges(name, data=True))
        result[name] = NodeMetrics(
            ca,
            ce,
            ca_w,
            ce_w,
            _ratio(ce, ca + ce),
            _ratio(ce_w, ca_w + ce_w),
            change[name],
            down[name],
            cmap.volatility[name],
            pains.get(name, 0.0),
            name in cyclic,
        )
    return result


def _sync_depth(cmap: ContextMap) -> int:
    """Longest shortest synchronous path from a critical context to a serving model (searched from the models)."""
    sync = nx.DiGraph(
        (x, y)
        for x, y, d in cmap.dependencies.edges(data=True)
        if d["edge"].runtime is SyncMode.SYNC and not d["edge"].offline
    )
    backwards = sync.reverse(copy=False)
    depth = 0
    for name, node in cmap.nodes.items():
        if node.serving_ai and name in sync:
            lengths = nx.single_source_shortest_path_length(backwards, name)
            depth = max([depth, *(n for source, n in lengths.items() if cmap.nodes[source].critical)])
    return depth


def map_metrics(cmap: ContextMap, nodes: dict[str, NodeMetrics]) -> MapMetrics:
    ai = {n for n, node in cmap.nodes.items() if node.is_ai}
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
        sync_depth_to_ai=_sync_depth(cmap),
    )
