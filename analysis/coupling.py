"""Khononov's three dimensions for each edge (strength, distance, volatility), its pain and balance class."""

from analysis.edges import INTRUSIVE_MEDIA, Edge
from analysis.nodes import Node
from models.bounded_context import QUALITY_KINDS, AiKind, DomainType, Evolution
from models.relationship import RelationshipPattern, Role, SyncMode

BALANCE_CLASSES = (
    "cohesive",
    "loose",
    "acceptable",
    "global_complexity",
    "volatile_model_coupling",
    "low_cohesion",
    "moderate",
)


def strength(edge: Edge, nodes: dict[str, Node]) -> int:
    """S(e) in 0..4: intrusive 4, functional 3, model 2, contract 1, none 0 (first match wins)."""
    up, down = nodes[edge.upstream], nodes[edge.downstream]
    intrusive_medium = edge.medium in INTRUSIVE_MEDIA and not edge.data_contract
    if (
        edge.shared_database
        or edge.shared_model_artifact
        or intrusive_medium
        or up.big_ball_of_mud
        or down.big_ball_of_mud
    ):
        return 4
    if edge.pattern is RelationshipPattern.SEPARATE_WAYS:
        return 0
    if edge.pattern in (RelationshipPattern.SHARED_KERNEL, RelationshipPattern.PARTNERSHIP):
        return 3
    if Role.ANTICORRUPTION_LAYER in edge.down_roles:
        return 1
    published = bool(edge.up_roles & {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE})
    if published and up.serving_ai:
        # A model's API pins its syntax, not its behaviour: it is a contract only when the version is
        # pinned and the consumer checks the upstream's behaviour with a quality metric or evaluation suite.
        pinned = edge.model_version_pinned or up.version_pinned
        published = pinned and bool(down.evidence(QUALITY_KINDS, watching=up.name))
    if published and Role.CONFORMIST not in edge.down_roles:
        return 1
    if edge.runtime is SyncMode.ASYNC and edge.data_contract:
        return 1
    return 2


def distance(edge: Edge, nodes: dict[str, Node]) -> int:
    """Dist(e) in 2..4: same owner 2, other or unknown owner 3, external 4 (1 needs a shared deployable)."""
    up, down = nodes[edge.upstream], nodes[edge.downstream]
    if not up.internal or not down.internal:
        return 4
    return 2 if up.owner is not None and up.owner == down.owner else 3


def _base_volatility(node: Node) -> int:
    if node.volatility_override is not None:
        return node.volatility_override
    if not node.internal:
        return 2
    value = {DomainType.CORE: 3, DomainType.SUPPORTING: 1, DomainType.GENERIC: 1}.get(node.domain, 2)  # type: ignore[arg-type]
    if node.evolution is Evolution.GENESIS:
        value = 3
    elif node.evolution is Evolution.CUSTOM_BUILT:
        value = max(value, 2)
    if node.serving_ai:
        value = max(value, 2)
    return value


def node_volatility(nodes: dict[str, Node], edges: list[Edge]) -> dict[str, int]:
    """V(n); a training pipeline or feature store inherits the highest volatility of the models it feeds."""
    volatility = {name: _base_volatility(node) for name, node in nodes.items()}
    feeders = (AiKind.TRAINING_PIPELINE, AiKind.FEATURE_STORE)
    for edge in edges:
        for source, target in ((edge.upstream, edge.downstream), (edge.downstream, edge.upstream)):
            fed = edge.symmetric or source == edge.upstream
            if (
                fed
                and nodes[source].ai_kind in feeders
                and nodes[target].serving_ai
                and nodes[source].volatility_override is None
            ):
                volatility[source] = max(volatility[source], volatility[target])
    return volatility


def edge_volatility(edge: Edge, nodes: dict[str, Node], volatility: dict[str, int]) -> int:
    if edge.symmetric:
        return max(volatility[edge.upstream], volatility[edge.downstream])
    up = nodes[edge.upstream]
    if up.external_ai:
        # The vendor decides when behaviour changes, unless the version is pinned (on the edge, or declared on
        # the external system itself).
        return 2 if edge.model_version_pinned or up.version_pinned else 3
    value = volatility[edge.upstream]
    if not up.is_ai and (Role.PUBLISHED_LANGUAGE in edge.up_roles or edge.data_contract):
        value = max(1, value - 1)
    return value


def pain(s: int, dist: int, v: int) -> float:
    return (s / 4) * (dist / 4) * (v / 3)


def balance(s: int, dist: int, v: int) -> str:
    if s >= 3 and dist <= 2:
        return "cohesive"
    if s <= 1 and dist >= 3:
        return "loose"
    if s >= 3 and dist >= 3:
        return "acceptable" if v == 1 else "global_complexity"
    if s == 2 and dist == 4 and v == 3:
        return "volatile_model_coupling"
    if s <= 1:
        return "low_cohesion"
    return "moderate"


def measure_edges(nodes: dict[str, Node], edges: list[Edge]) -> dict[str, int]:
    """Fills strength, distance, volatility, pain and balance on every edge; returns V(n) per node."""
    volatility = node_volatility(nodes, edges)
    for edge in edges:
        edge.strength = strength(edge, nodes)
        edge.distance = distance(edge, nodes)
        edge.volatility = edge_volatility(edge, nodes, volatility)
        edge.pain = pain(edge.strength, edge.distance, edge.volatility)
        edge.balance = balance(edge.strength, edge.distance, edge.volatility)
    return volatility
