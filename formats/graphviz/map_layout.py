"""What part of the context map to draw and how: focus views, clusters, and the layout plan by size."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from analysis.context_map import ContextMap

Direction = Literal["LR", "TB"]
Focus = Literal["all", "ai_neighbourhood", "context"]
Clusters = Literal["none", "team", "domain"]
Detail = Literal["auto", "full", "standard", "compact"]
DrawnDetail = Literal["full", "standard", "compact"]

# Measured on this machine (benchmarks/bench_map_layout.py): `dot` lays out 30 contexts in 0.3-0.6 s but
# 100 contexts with 4 relationships each in 160-200 s; `sfdp` with straight edges does that map in
# 0.4 s and 300 contexts in 0.2-0.3 s. Curved edges (splines=true) alone make sfdp 14 times slower.
DOT_NODE_LIMIT = 40
# Above this, edge-end labels and the kind markers under names cost more than they help a reader
# who cannot make them out anyway: smaller type, roles only in the tooltip.
SIMPLE_NODE_LIMIT = 120


@dataclass(frozen=True)
class MapOptions:
    """How the map is drawn; `focus_context` names the context of the "context" focus."""

    direction: Direction = "TB"
    focus: Focus = "all"
    focus_context: str = ""
    clusters: Clusters = "none"
    detail: Detail = "auto"
    legend: bool = True


@dataclass(frozen=True)
class LayoutPlan:
    engine: Literal["dot", "sfdp"]
    detail: DrawnDetail
    end_labels: bool  # U/D and role labels at the edge ends
    splines: str
    node_font: float
    edge_font: float
    legend_inside: bool  # sample nodes and edges in a legend cluster (only `dot` keeps clusters together)


def plan_layout(node_count: int, detail: Detail = "auto") -> LayoutPlan:
    """The engine, detail and label sizes for a map of `node_count` nodes."""
    if node_count <= DOT_NODE_LIMIT:
        return LayoutPlan("dot", "standard" if detail == "auto" else detail, True, "true", 11, 9, True)
    if node_count <= SIMPLE_NODE_LIMIT:
        return LayoutPlan("sfdp", "standard" if detail == "auto" else detail, True, "false", 10, 8, False)
    return LayoutPlan("sfdp", "compact" if detail == "auto" else detail, False, "false", 9, 7, False)


def _neighbours(cmap: ContextMap, names: Iterable[str]) -> set[str]:
    """`names` and every node one relationship away from them, in either direction."""
    chosen = set(names)
    graph = cmap.declared
    found = set(chosen)
    for name in chosen:
        if name in graph:
            found |= set(graph.successors(name)) | set(graph.predecessors(name))
    return found


def focus_nodes(cmap: ContextMap, options: MapOptions) -> set[str]:
    """The nodes the chosen view shows: all, AI components with their neighbours, or one context with its."""
    if options.focus == "ai_neighbourhood":
        return _neighbours(cmap, (name for name, node in cmap.nodes.items() if node.is_ai))
    if options.focus == "context":
        if options.focus_context not in cmap.nodes:
            return set(cmap.nodes)
        return _neighbours(cmap, [options.focus_context])
    return set(cmap.nodes)


UNCLASSIFIED = "unclassified"


def cluster_of(cmap: ContextMap, name: str, clusters: Clusters) -> str | None:
    """The group a node is drawn in: its owner team or its domain type; None to draw it outside any group."""
    node = cmap.nodes[name]
    if clusters == "team":
        return node.owner or None
    if clusters == "domain" and node.internal:
        return node.domain.value if node.domain is not None else UNCLASSIFIED
    return None
