"""The declared facts a finding rests on, written the way the canvases show them: "Where › Field: value".

Every finding lists the facts that made it fire and the smallest change that would silence it, so a reader can
check the finding against the canvases instead of trusting the rule.
"""

from collections.abc import Iterable

from analysis.edges import Edge
from analysis.nodes import Node
from canvases.vocabulary import (
    AI_KIND_LABELS,
    DATA_USE_LABELS,
    DOMAIN_LABELS,
    MEDIUM_LABELS,
    METRIC_KIND_LABELS,
    PATTERN_LABELS,
    ROLE_LABELS,
    SYNC_LABELS,
)
from models.bounded_context import MetricKind

NONE = "none"


def fact(where: str, what: str, value: object) -> str:
    return f"{where} › {what}: {value}"


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def roles(chosen: Iterable[object]) -> str:
    labels = sorted(ROLE_LABELS[str(r)] for r in chosen)
    return ", ".join(labels) or NONE


def ai_kind(name: str, node: Node) -> str:
    return fact(name, "AI kind", AI_KIND_LABELS[node.ai_kind.value])


def domain(name: str, node: Node) -> str:
    return fact(name, "Domain", DOMAIN_LABELS[node.domain.value] if node.domain else NONE)


def owner(name: str, node: Node) -> str:
    return fact(name, "Owner team", node.owner or NONE)


def critical(name: str, node: Node) -> str:
    """Why the context counts as critical: the first declared reason."""
    reasons = [
        ("Domain", "Core", node.core),
        ("Critical path", "yes", node.critical_path),
        ("Quality requirement", "three nines or more", node.high_availability),
        ("Business model", str(node.business_model.value if node.business_model else ""), node.critical),
    ]
    what, value = next((w, v) for w, v, holds in reasons if holds)
    return fact(name, what, value)


def down_roles(edge: Edge) -> str:
    return fact(edge.label, "Downstream roles", roles(edge.down_roles))


def up_roles(edge: Edge) -> str:
    return fact(edge.label, "Upstream roles", roles(edge.up_roles))


def pattern(edge: Edge) -> str:
    return fact(edge.label, "Pattern", PATTERN_LABELS[edge.pattern.value] if edge.pattern else NONE)


def runtime(edge: Edge) -> str:
    mode = edge.runtime
    return fact(edge.label, "Sync or async", SYNC_LABELS[mode.value] if mode else "unknown")


def protection(edge: Edge) -> str:
    fallback = edge.fallback.strip() or NONE
    return fact(edge.label, "Fallback", f"{fallback}; circuit breaker: {yes_no(edge.circuit_breaker)}")


def medium(edge: Edge) -> str:
    return fact(edge.label, "Medium", MEDIUM_LABELS[edge.medium.value] if edge.medium else NONE)


def data_use(edge: Edge) -> str:
    return fact(edge.label, "Data use", DATA_USE_LABELS[edge.data_use.value] if edge.data_use else NONE)


def contract(edge: Edge) -> str:
    return fact(edge.label, "Data contract", yes_no(edge.data_contract))


def measures(edge: Edge) -> str:
    return fact(edge.label, "Coupling", f"S{edge.strength} × Dist{edge.distance} × V{edge.volatility}")


def evidence(name: str, node: Node, kinds: Iterable[MetricKind]) -> str:
    """The metrics of the given kinds a context declares, or none."""
    wanted = set(kinds)
    found = [f"'{m.text}' ({METRIC_KIND_LABELS[m.kind.value]})" for m in node.metrics if m.kind in wanted]
    label = " or ".join(METRIC_KIND_LABELS[k.value] for k in sorted(wanted, key=list(MetricKind).index))
    return fact(name, f"Verification Metrics of kind {label}", ", ".join(found) or NONE)


def sla(name: str, node: Node) -> str:
    level = node.sla
    parts = [
        f"availability {NONE if level.availability_percent is None else f'{level.availability_percent} %'}",
        f"p95 latency {NONE if level.latency_p95_ms is None else f'{level.latency_p95_ms} ms'}",
        f"recovery time {NONE if level.recovery_time_minutes is None else f'{level.recovery_time_minutes} min'}",
        f"freshness {level.freshness.strip() or NONE}",
    ]
    return fact(name, "SLA", ", ".join(parts))
