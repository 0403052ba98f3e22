"""Builds the context map from the canvases: nodes, reconciled edges and the graphs G, D and F."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from analysis.config import AnalysisConfig
from analysis.coupling import measure_edges
from analysis.edges import Edge
from analysis.finding_texts import possessive
from analysis.nodes import Node, nodes_of
from models.bounded_context import BoundedContextCanvas, CommunicationEntry, MessageKind
from models.relationship import (
    SYMMETRIC_PATTERNS,
    DataUse,
    IntegrationAttributes,
    Relationship,
    RelationshipPattern,
    Role,
    Side,
    SyncMode,
)
from models.workspace import Workspace


@dataclass(frozen=True)
class Inconsistency:
    kind: str  # "missing_counterpart" or "contradiction"
    subject: str
    detail: str
    fix_at: str


@dataclass
class ContextMap:
    nodes: dict[str, Node]
    edges: list[Edge]
    inconsistencies: list[Inconsistency]
    volatility: dict[str, int]  # V(n)
    dependencies: nx.DiGraph[str]  # D: x -> y when x depends on y; parallel edges keep the strongest
    data_flow: nx.DiGraph[str]  # F: a -> b when information produced by a reaches b

    @property
    def internal(self) -> set[str]:
        return {name for name, node in self.nodes.items() if node.internal}

    @cached_property
    def declared(self) -> nx.MultiDiGraph[str]:
        """G: every relationship, upstream -> downstream. Built on first use: no rule needs it, only drawings."""
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.add_nodes_from(self.nodes)
        graph.add_edges_from((e.upstream, e.downstream, {"edge": e}) for e in self.edges)
        return graph


def _orientation(owner: str, direction: str, entry: CommunicationEntry) -> tuple[str, str] | None:
    """(upstream, downstream) that one canvas entry implies; None for symmetric patterns."""
    if entry.pattern in SYMMETRIC_PATTERNS:
        return None
    other = entry.collaborator
    if entry.side is not None:
        return (owner, other) if entry.side is Side.UPSTREAM else (other, owner)
    kinds = {m.kind for m in entry.messages}
    asks = bool(kinds & {MessageKind.COMMAND, MessageKind.QUERY})
    sender_is_owner = direction == "outbound"
    # Who asks depends on who answers; who publishes events is upstream of who listens.
    sender, receiver = (owner, other) if sender_is_owner else (other, owner)
    if asks or not kinds:
        return receiver, sender
    return sender, receiver


def _roles(owner: str, entry: CommunicationEntry, upstream: str) -> tuple[set[Role], set[Role]]:
    own, theirs = set(entry.roles), set(entry.collaborator_roles)
    return (own, theirs) if owner == upstream else (theirs, own)


FLAGS = ("data_contract", "shared_database", "shared_model_artifact", "model_version_pinned", "circuit_breaker")


def _merge_flags(edge: Edge, source: IntegrationAttributes) -> None:
    """A flag any declaration sets holds for the relationship."""
    for flag in FLAGS:
        setattr(edge, flag, getattr(edge, flag) or getattr(source, flag))


def _absorb(edge: Edge, owner: str, direction: str, entry: CommunicationEntry) -> None:
    up, down = _roles(owner, entry, edge.upstream)
    edge.up_roles |= up
    edge.down_roles |= down
    edge.pattern = edge.pattern or entry.pattern
    edge.message_kinds |= {m.kind for m in entry.messages}
    # Several interactions between one pair make one relationship: the strongest runtime coupling and
    # an operational use win over training, so an inference call is never hidden as offline.
    edge.sync = SyncMode.SYNC if SyncMode.SYNC in (edge.sync, entry.sync) else edge.sync or entry.sync
    edge.medium = edge.medium or entry.medium
    if edge.data_use is None or edge.data_use is DataUse.TRAINING:
        edge.data_use = entry.data_use or edge.data_use
    _merge_flags(edge, entry)
    edge.fallback = edge.fallback or entry.fallback
    edge.relied_sla, edge.rate_limits = edge.relied_sla or entry.relied_sla, edge.rate_limits or entry.rate_limits
    edge.declared_by.add("upstream" if owner == edge.upstream else "downstream")
    edge.fix_at = edge.fix_at or f"{owner} › {direction.capitalize()} Communication"


class EdgeIndex:
    """The map's edges with a lookup by pair, so building a large map stays linear."""

    def __init__(self) -> None:
        self.edges: list[Edge] = []
        self._by_pair: dict[frozenset[str], list[Edge]] = {}

    def between(self, up: str, down: str, *, symmetric: bool, create: bool = True) -> Edge | None:
        """The edge for this pair and direction (any direction when symmetric), created on first use."""
        candidates = self._by_pair.get(frozenset((up, down)), [])
        for edge in candidates:
            if (edge.upstream, edge.downstream) == (up, down) or (symmetric and edge.symmetric):
                return edge
        if not create:
            return candidates[0] if candidates else None
        edge = Edge(up, down)
        self.edges.append(edge)
        self._by_pair.setdefault(frozenset((up, down)), []).append(edge)
        return edge


def _counterpart(
    canvases: dict[str, BoundedContextCanvas], owner: str, direction: str, collaborator: str
) -> CommunicationEntry | None:
    other = canvases.get(collaborator)
    if other is None:
        return None
    mirrored = "inbound" if direction == "outbound" else "outbound"
    return next((e for e in getattr(other, mirrored) if e.collaborator == owner), None)


def _contradictions(owner: str, entry: CommunicationEntry, other: str, mirror: CommunicationEntry) -> list[str]:
    found = []
    if entry.pattern and mirror.pattern and entry.pattern is not mirror.pattern:
        mine, theirs = entry.pattern.value, mirror.pattern.value
        found.append(f"pattern {mine} on {possessive(owner)} canvas, {theirs} on {possessive(other)}")
    if entry.side and mirror.side and entry.side is mirror.side:
        found.append(f"both canvases say their context is {entry.side.value}")
    if mirror.collaborator_roles and entry.roles and set(mirror.collaborator_roles) != set(entry.roles):
        theirs = ", ".join(sorted(r.value for r in mirror.collaborator_roles))
        mine = ", ".join(sorted(r.value for r in entry.roles))
        found.append(f"{possessive(owner)} roles are {mine} on its canvas but {theirs} on {possessive(other)}")
    return found


def _canvases_by_name(workspace: Workspace) -> dict[str, BoundedContextCanvas]:
    """Indexed once: looking each collaborator up in the list made large workspaces quadratic."""
    canvases: dict[str, BoundedContextCanvas] = {}
    for c in workspace.bounded_contexts:
        canvases.setdefault(c.name, c)  # the first of a duplicated name, as Workspace.context finds it
    return canvases


def _entry_edges(workspace: Workspace) -> tuple[EdgeIndex, list[Inconsistency]]:
    edges = EdgeIndex()
    problems: list[Inconsistency] = []
    done: set[tuple[str, str, str]] = set()
    canvases = _canvases_by_name(workspace)
    # Name order, not file order: where two canvases contradict, the result must not depend on order.
    for canvas in sorted(workspace.bounded_contexts, key=lambda c: c.name):
        for direction in ("outbound", "inbound"):
            for entry in getattr(canvas, direction):
                if (canvas.name, direction, entry.collaborator) in done:
                    continue
                where = f"{canvas.name} › {direction.capitalize()} Communication"
                mirror = _counterpart(canvases, canvas.name, direction, entry.collaborator)
                orientation = _orientation(canvas.name, direction, entry)
                if orientation is None and mirror is not None and mirror.pattern not in SYMMETRIC_PATTERNS:
                    orientation = _orientation(entry.collaborator, _mirror(direction), mirror)
                up, down = orientation or tuple(sorted((canvas.name, entry.collaborator)))
                edge = edges.between(up, down, symmetric=orientation is None)
                assert edge is not None
                _absorb(edge, canvas.name, direction, entry)
                if mirror is not None:
                    done.add((entry.collaborator, _mirror(direction), canvas.name))
                    _absorb(edge, entry.collaborator, _mirror(direction), mirror)
                    for detail in _contradictions(canvas.name, entry, entry.collaborator, mirror):
                        problems.append(Inconsistency("contradiction", edge.label, detail, where))
                elif entry.collaborator in canvases:
                    detail = (
                        f"{canvas.name} lists {entry.collaborator} under {direction} communication, but "
                        f"{entry.collaborator} does not list {canvas.name} under {_mirror(direction)}"
                    )
                    problems.append(
                        Inconsistency(
                            "missing_counterpart",
                            edge.label,
                            detail,
                            f"{entry.collaborator} › {_mirror(direction).capitalize()} Communication",
                        )
                    )
    return edges, problems


def _mirror(direction: str) -> str:
    return "inbound" if direction == "outbound" else "outbound"


def _apply_relationship(edges: EdgeIndex, relationship: Relationship) -> None:
    """An explicit relationship completes or overrides what the canvases say about the same pair."""
    up, down = relationship.upstream, relationship.downstream
    existing = edges.between(up, down, symmetric=False, create=False)
    # An explicit relationship may turn a canvas-derived edge around, but never another explicit one.
    if existing is None or (
        "relationship" in existing.declared_by
        and (existing.upstream, existing.downstream)
        != (
            up,
            down,
        )
    ):
        existing = edges.between(up, down, symmetric=False, create=True)
    edge = existing
    assert edge is not None
    edge.upstream, edge.downstream = relationship.upstream, relationship.downstream
    edge.pattern = relationship.pattern
    edge.up_roles, edge.down_roles = set(relationship.upstream_roles), set(relationship.downstream_roles)
    edge.sync = relationship.sync or edge.sync
    edge.medium = relationship.medium or edge.medium
    edge.data_use = relationship.data_use or edge.data_use
    _merge_flags(edge, relationship)
    edge.fallback = relationship.fallback or edge.fallback
    edge.relied_sla = relationship.relied_sla or edge.relied_sla
    edge.rate_limits = relationship.rate_limits or edge.rate_limits
    edge.declared_by.add("relationship")
    edge.fix_at = edge.fix_at or "Context map › Relationships"


def build_context_map(workspace: Workspace, config: AnalysisConfig) -> ContextMap:
    nodes = nodes_of(workspace, config.high_availability)
    index, inconsistencies = _entry_edges(workspace)
    for relationship in workspace.relationships:
        _apply_relationship(index, relationship)
    edges = index.edges
    for edge in edges:
        # A published API product is an Open Host Service with a Published Language of its context; a supplier
        # serves its customer through it too, but the DDD rules allow no OHS there, so it gets the PL alone.
        if not edge.symmetric and nodes[edge.upstream].publishes_api and not edge.up_roles:
            supplier = edge.pattern is RelationshipPattern.CUSTOMER_SUPPLIER
            edge.up_roles = {Role.PUBLISHED_LANGUAGE} if supplier else {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE}
    return assemble_context_map(nodes, edges, inconsistencies)


def assemble_context_map(nodes: dict[str, Node], edges: list[Edge], inconsistencies: list[Inconsistency]) -> ContextMap:
    """Measures the edges and builds the three graphs; also used to re-run a map with one change applied."""
    volatility = measure_edges(nodes, edges)
    return ContextMap(nodes, edges, inconsistencies, volatility, *_graphs(nodes, edges))


def _graphs(nodes: dict[str, Node], edges: list[Edge]) -> tuple[nx.DiGraph[str], nx.DiGraph[str]]:
    # Pairs are collected in dicts first and added in one call per graph: an add_edge call per pair was slow.
    depends: dict[tuple[str, str], Edge] = {}  # parallel edges keep the strongest, the first among equals
    flows: dict[tuple[str, str], Edge] = {}  # the last declaration of a pair wins
    for edge in edges:
        if edge.pattern is RelationshipPattern.SEPARATE_WAYS:
            continue
        pairs = [(edge.downstream, edge.upstream)]
        if edge.symmetric:
            pairs.append((edge.upstream, edge.downstream))
        for pair in pairs:
            if pair not in depends or depends[pair].strength < edge.strength:
                depends[pair] = edge
        flows[edge.upstream, edge.downstream] = edge
        if edge.symmetric or MessageKind.COMMAND in edge.message_kinds:
            flows[edge.downstream, edge.upstream] = edge
    dependencies: nx.DiGraph[str] = nx.DiGraph()
    flow: nx.DiGraph[str] = nx.DiGraph()
    for graph, pairs_to in ((dependencies, depends), (flow, flows)):
        graph.add_nodes_from(nodes)
        graph.add_edges_from((x, y, {"edge": e}) for (x, y), e in pairs_to.items())
    return dependencies, flow
