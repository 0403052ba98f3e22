"""Per-node and per-map coupling metrics on the dependency view (Martin, Khononov, propagation cost)."""

from dataclasses import dataclass

import networkx as nx

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap
from models.relationship import SyncMode


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
    broker: float
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


def outage_graph(cmap: ContextMap) -> nx.DiGraph:
    """Dependencies that are synchronous, online and without a fallback: an outage travels along them."""
    graph = nx.DiGraph()
    for x, y, data in cmap.dependencies.edges(data=True):
        edge = data["edge"]
        if edge.runtime is SyncMode.SYNC and not edge.offline and not edge.has_fallback:
            graph.add_edge(x, y)
    return graph


def cyclic_graph(cmap: ContextMap) -> nx.DiGraph:
    """Dependencies without symmetric patterns (2-cycles by definition) and offline training edges."""
    return nx.DiGraph(
        (x, y) for x, y, d in cmap.dependencies.edges(data=True) if not d["edge"].symmetric and not d["edge"].offline
    )


def _reach(graph: nx.DiGraph, node: str, internal: set[str]) -> float:
    if node not in graph:
        return 0.0
    others = len(internal) - (1 if node in internal else 0)
    return len(nx.ancestors(graph, node) & internal) / max(1, others)


def node_metrics(cmap: ContextMap, config: AnalysisConfig) -> dict[str, NodeMetrics]:
    deps, internal = cmap.dependencies, cmap.internal
    strong = nx.DiGraph((x, y) for x, y, d in deps.edges(data=True) if d["edge"].strength >= 2)
    outage = outage_graph(cmap)
    cyclic = {n for c in nx.strongly_connected_components(cyclic_graph(cmap)) if len(c) > 1 for n in c}
    # Betweenness is quadratic or worse; on large maps it is sampled, which keeps it an estimate.
    k = None if deps.number_of_nodes() <= 400 else 200
    broker = nx.betweenness_centrality(deps, k=k, normalized=True, seed=7)
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
            _reach(strong, name, internal),
            _reach(outage, name, internal),
            broker.get(name, 0.0),
            cmap.volatility[name],
            pains.get(name, 0.0),
            name in cyclic,
        )
    return result


def _sync_depth(cmap: ContextMap) -> int:
    sync = nx.DiGraph(
        (x, y)
        for x, y, d in cmap.dependencies.edges(data=True)
        if d["edge"].runtime is SyncMode.SYNC and not d["edge"].offline
    )
    depth = 0
    for name, node in cmap.nodes.items():
        if node.critical and name in sync:
            lengths = nx.single_source_shortest_path_length(sync, name)
            depth = max([depth, *(n for target, n in lengths.items() if cmap.nodes[target].serving_ai)])
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
