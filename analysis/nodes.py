"""Nodes of the context map: what the analysis needs to know about each context or external system."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from models.bounded_context import (
    AiKind,
    BoundedContextCanvas,
    BusinessModel,
    DomainRole,
    DomainType,
    Evolution,
    FallbackKind,
    MetricKind,
    ServiceLevel,
    Term,
)
from models.workspace import ExternalSystem, Workspace

PERCENT = re.compile(r"(\d{2,3}(?:[.,]\d+)?)\s*%")
# "Gateway" alone only means the context sits at the system edge; interchangers translate languages.
TRANSLATING_ROLES = frozenset({DomainRole.INTERCHANGER, DomainRole.GATEWAY_INTERCHANGE})
NON_SERVING = frozenset({AiKind.FEATURE_STORE, AiKind.TRAINING_PIPELINE})
EXTERNAL_AI = frozenset({AiKind.LLM_EXTERNAL, AiKind.EXTERNAL_MODEL})


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verification metric as the rules see it: its kind and the context it watches (never its wording)."""

    kind: MetricKind | None
    watches: str
    text: str  # quoted in explanations only


@dataclass
class Node:
    """A context or external system; derived predicates are cached because rules ask them thousands of times."""

    name: str
    internal: bool
    ai_kind: AiKind = AiKind.NONE
    domain: DomainType | None = None
    business_model: BusinessModel | None = None
    evolution: Evolution | None = None
    owner: str | None = None
    big_ball_of_mud: bool = False
    critical_path: bool = False
    volatility_override: int | None = None
    version_pinned: bool = False
    fallback: FallbackKind = FallbackKind.NONE
    sla: ServiceLevel = field(default_factory=ServiceLevel)
    rollback: bool = False
    feedback_mitigation: str = ""
    purpose: str = ""
    provider: str = ""
    model: str = ""
    metrics: list[Evidence] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    publishes_api: bool = False
    domain_roles: list[DomainRole] = field(default_factory=list)
    high_availability: bool = False  # an arc42 quality requirement asks for three nines or more

    def evidence(self, kinds: frozenset[MetricKind], watching: str | None = None) -> list[Evidence]:
        """The metrics of one of `kinds`; with `watching`, only those that watch that context."""
        return [m for m in self.metrics if m.kind in kinds and (watching is None or m.watches == watching)]

    @cached_property
    def is_ai(self) -> bool:
        return self.ai_kind is not AiKind.NONE

    @cached_property
    def serving_ai(self) -> bool:
        return self.is_ai and self.ai_kind not in NON_SERVING

    @cached_property
    def external_ai(self) -> bool:
        return self.is_ai and not self.internal

    @cached_property
    def translates(self) -> bool:
        """Declared as an interchanger or a model adapter: translating is its job."""
        return self.ai_kind is AiKind.MODEL_ADAPTER or bool(set(self.domain_roles) & TRANSLATING_ROLES)

    @cached_property
    def core(self) -> bool:
        return self.domain is DomainType.CORE

    @cached_property
    def critical(self) -> bool:
        money = self.business_model in (BusinessModel.REVENUE, BusinessModel.COMPLIANCE)
        return self.critical_path or self.high_availability or self.core or money


def _from_canvas(canvas: BoundedContextCanvas, published: set[str]) -> Node:
    ai = canvas.ai_profile
    return Node(
        name=canvas.name,
        internal=True,
        ai_kind=ai.kind,
        domain=canvas.domain,
        business_model=canvas.business_model,
        evolution=canvas.evolution,
        owner=canvas.owner_team,
        big_ball_of_mud=canvas.big_ball_of_mud,
        critical_path=canvas.critical_path,
        volatility_override=canvas.volatility,
        version_pinned=ai.version_pinned,
        fallback=ai.fallback,
        sla=ai.sla,
        rollback=ai.rollback,
        feedback_mitigation=ai.feedback_loop_mitigation,
        purpose=canvas.purpose,
        provider=ai.provider,
        model=ai.model,
        metrics=[Evidence(m.kind, m.watches or canvas.name, m.metric) for m in canvas.verification_metrics],
        terms=list(canvas.ubiquitous_language),
        decisions=list(canvas.business_decisions),
        assumptions=list(canvas.assumptions),
        publishes_api=canvas.name in published,
        domain_roles=list(canvas.domain_roles),
    )


def _from_external(system: ExternalSystem) -> Node:
    kind = (
        system.ai_kind
        if system.ai_kind is AiKind.NONE
        else (system.ai_kind if system.ai_kind in EXTERNAL_AI else AiKind.EXTERNAL_MODEL)
    )
    return Node(
        name=system.name,
        internal=False,
        ai_kind=kind,
        big_ball_of_mud=system.big_ball_of_mud,
        purpose=system.description,
        provider=system.provider,
        model=system.model,
        version_pinned=system.version_pinned,
        sla=ServiceLevel(
            availability_percent=system.availability_percent,
            latency_p95_ms=system.latency_p95_ms,
            recovery_time_minutes=system.recovery_time_minutes,
        ),
    )


def _highly_available(workspace: Workspace, threshold: float) -> set[str]:
    """Contexts an arc42 availability goal of `threshold` % or more applies to: those it names, or else
    every context the canvas's components implement."""
    names = {c.name for c in workspace.bounded_contexts}
    found: set[str] = set()
    for canvas in workspace.architecture_canvases:
        linked = {c.bounded_context for c in canvas.components if c.bounded_context}
        for q in canvas.quality_requirements:
            text = f"{q.quality} {q.requirement}"
            targets = [float(n.replace(",", ".")) for n in PERCENT.findall(q.requirement)]
            if "availab" not in text.casefold() or not any(t >= threshold for t in targets):
                continue
            named = {n for n in names if n.casefold() in text.casefold()}
            found |= named or linked
    return found


def nodes_of(workspace: Workspace, high_availability: float) -> dict[str, Node]:
    published = {api.bounded_context for api in workspace.api_products}
    nodes = {c.name: _from_canvas(c, published) for c in workspace.bounded_contexts}
    for name in _highly_available(workspace, high_availability):
        nodes[name].high_availability = True
    nodes.update({s.name: _from_external(s) for s in workspace.external_systems})
    return nodes
