"""A small builder language for context maps in coupling-analysis tests.

    workspace(
        ctx("Pricing", domain="core", ai="own_model", owner="Data", metrics=[QUALITY, DRIFT]),
        ext("LLM", ai="llm_external"),
        rel("LLM", "Pricing", roles_down=["CF"], sync="sync", data_use="inference"),
        risks=[accept("AIC001", "LLM -> Pricing")],
    )

Every context gets its own team unless `owner` says otherwise (`owner=None`: no owner), so two contexts are
at distance 3 by default. Teams are created from the owners. `model(...)` is a well-run own model (quality and
drift metrics, full SLA, rollback) so that a test only sees the rule it is about.

Relationships (`rel`) are the terse way to state an edge. The canvas path: `talk("Orders", "Fraud",
query("AssessOrder"), sync="sync")` writes Orders' outbound and Fraud's inbound entry (the engine derives who is
upstream from the messages), and `entry(...)` builds a single communication entry for `ctx(inbound=...,
outbound=...)`.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from analysis.edges import Edge
from analysis.engine import Analysis, analyze_workspace
from models.api_product_canvas import ApiProductCanvas
from models.architecture_canvas import ArchitectureCommunicationCanvas, Component, QualityRequirement
from models.bounded_context import (
    AiKind,
    AiProfile,
    BoundedContextCanvas,
    BusinessModel,
    CommunicationEntry,
    DomainType,
    Evolution,
    FallbackKind,
    Message,
    MessageKind,
    MetricKind,
    ServiceLevel,
    Term,
    VerificationMetric,
)
from models.finding import Finding
from models.relationship import DataUse, Medium, Relationship, RelationshipPattern, Role, Side, SyncMode
from models.workspace import AcceptedRisk, ExternalKind, ExternalSystem, Team, Workspace

TODAY = dt.date(2026, 11, 27)

# Typed verification metrics (quality, drift, evaluation suite, watching a feedback-loop mitigation) of the
# context that holds them; `watching(metric, name)` points one at an upstream.
QUALITY = VerificationMetric(metric="Mean absolute error (MAE) against realised prices", kind=MetricKind.MODEL_QUALITY)
DRIFT = VerificationMetric(metric="Population stability index (PSI) of input features", kind=MetricKind.DRIFT)
EVAL = VerificationMetric(metric="Eval-suite pass rate on 200 recorded questions", kind=MetricKind.EVALUATION_SUITE)
WATCHED = VerificationMetric(metric="Uplift against the randomised holdout group", kind=MetricKind.FEEDBACK_WATCH)
MONITORED = (QUALITY, DRIFT)


def watching(metric: VerificationMetric, name: str) -> VerificationMetric:
    return metric.model_copy(update={"watches": name})


# A complete service level: availability, p95 latency, freshness and recovery time.
FULL_SLA: dict[str, Any] = {
    "availability_percent": 99.9,
    "latency_p95_ms": 200,
    "freshness": "retrained weekly",
    "recovery_time_minutes": 30,
}

PATTERNS = {
    "UD": RelationshipPattern.UPSTREAM_DOWNSTREAM,
    "CS": RelationshipPattern.CUSTOMER_SUPPLIER,
    "SK": RelationshipPattern.SHARED_KERNEL,
    "P": RelationshipPattern.PARTNERSHIP,
    "SW": RelationshipPattern.SEPARATE_WAYS,
}
PatternCode = Literal["UD", "CS", "SK", "P", "SW"]
RoleCode = Literal["OHS", "PL", "ACL", "CF"]

_OWN_TEAM = object()  # default owner: a team of the context's own


def _ai_kind(ai: str | None) -> AiKind:
    return AiKind.NONE if ai is None else AiKind(ai)


def ctx(
    name: str,
    *,
    domain: str | None = "supporting",
    business: str | None = None,
    evolution: str | None = None,
    owner: object = _OWN_TEAM,
    ai: str | None = None,
    provider: str = "",
    model: str = "",
    pinned: bool = False,
    fallback: str = "none",
    sla: dict[str, Any] | None = None,
    rollback: bool = False,
    mitigation: str = "",
    metrics: Iterable[VerificationMetric | str] = (),
    terms: Iterable[str | tuple[str, str]] = (),
    decisions: Iterable[str] = (),
    assumptions: Iterable[str] = (),
    purpose: str = "",
    critical: bool = False,
    bbom: bool = False,
    volatility: int | None = None,
    inbound: Iterable[CommunicationEntry] = (),
    outbound: Iterable[CommunicationEntry] = (),
    roles: Iterable[str] = (),
) -> BoundedContextCanvas:
    """A Bounded Context Canvas with its AI profile; terms are 'Term' or ('Term', 'definition')."""
    team = f"{name} Team" if owner is _OWN_TEAM else owner
    assert team is None or isinstance(team, str)
    return BoundedContextCanvas(
        name=name,
        domain_roles=list(roles),
        purpose=purpose,
        domain=None if domain is None else DomainType(domain),
        business_model=None if business is None else BusinessModel(business),
        evolution=None if evolution is None else Evolution(evolution),
        owner_team=team,
        critical_path=critical,
        big_ball_of_mud=bbom,
        volatility=volatility,
        inbound=list(inbound),
        outbound=list(outbound),
        ubiquitous_language=[Term(term=t) if isinstance(t, str) else Term(term=t[0], definition=t[1]) for t in terms],
        business_decisions=list(decisions),
        assumptions=list(assumptions),
        verification_metrics=[VerificationMetric(metric=m) if isinstance(m, str) else m for m in metrics],
        ai_profile=AiProfile(
            kind=_ai_kind(ai),
            provider=provider,
            model=model,
            version_pinned=pinned,
            fallback=FallbackKind(fallback),
            sla=ServiceLevel(**(sla or {})),
            rollback=rollback,
            feedback_loop_mitigation=mitigation,
        ),
    )


def model(name: str, **kwargs: Any) -> BoundedContextCanvas:
    """A well-run own model: monitored, with a full SLA and rollback; any keyword overrides."""
    settings: dict[str, Any] = {"ai": "own_model", "metrics": MONITORED, "sla": FULL_SLA, "rollback": True}
    settings.update(kwargs)
    return ctx(name, **settings)


def ext(
    name: str,
    *,
    ai: str | None = None,
    kind: str = "external_system",
    bbom: bool = False,
    availability: float | None = None,
) -> ExternalSystem:
    """An external system without a canvas; `ai="llm_external"` makes it a model provider, `availability` its SLA."""
    return ExternalSystem(
        name=name,
        kind=ExternalKind(kind),
        ai_kind=_ai_kind(ai),
        big_ball_of_mud=bbom,
        availability_percent=availability,
    )


def rel(
    upstream: str,
    downstream: str,
    pattern: PatternCode = "UD",
    *,
    roles_up: Sequence[RoleCode] = (),
    roles_down: Sequence[RoleCode] = (),
    sync: str | None = None,
    data_use: str | None = None,
    via: str | None = None,
    contract: bool = False,
    shared_db: bool = False,
    artifact: bool = False,
    pinned: bool = False,
    fallback: str = "",
    breaker: bool = False,
) -> Relationship:
    """An explicit context-map relationship, upstream first (for symmetric patterns: the two peers)."""
    return Relationship(
        upstream=upstream,
        downstream=downstream,
        pattern=PATTERNS[pattern],
        upstream_roles=[Role(r) for r in roles_up],
        downstream_roles=[Role(r) for r in roles_down],
        sync=None if sync is None else SyncMode(sync),
        data_use=None if data_use is None else DataUse(data_use),
        medium=None if via is None else Medium(via),
        data_contract=contract,
        shared_database=shared_db,
        shared_model_artifact=artifact,
        model_version_pinned=pinned,
        fallback=fallback,
        circuit_breaker=breaker,
    )


def cmd(name: str) -> Message:
    return Message(kind=MessageKind.COMMAND, name=name)


def query(name: str) -> Message:
    return Message(kind=MessageKind.QUERY, name=name)


def event(name: str) -> Message:
    return Message(kind=MessageKind.EVENT, name=name)


def entry(
    collaborator: str,
    *messages: Message,
    pattern: PatternCode | None = None,
    side: Literal["upstream", "downstream"] | None = None,
    roles: Sequence[RoleCode] = (),
    their_roles: Sequence[RoleCode] = (),
    sync: str | None = None,
    data_use: str | None = None,
    via: str | None = None,
    contract: bool = False,
    fallback: str = "",
    breaker: bool = False,
) -> CommunicationEntry:
    """One inbound or outbound collaborator entry of a canvas; `roles` are this context's own roles."""
    return CommunicationEntry(
        collaborator=collaborator,
        messages=list(messages),
        pattern=None if pattern is None else PATTERNS[pattern],
        side=None if side is None else Side(side),
        roles=[Role(r) for r in roles],
        collaborator_roles=[Role(r) for r in their_roles],
        sync=None if sync is None else SyncMode(sync),
        data_use=None if data_use is None else DataUse(data_use),
        medium=None if via is None else Medium(via),
        data_contract=contract,
        fallback=fallback,
        circuit_breaker=breaker,
    )


@dataclass(frozen=True)
class Talk:
    """One collaboration written on both canvases: an outbound entry of the sender, an inbound one of the receiver."""

    sender: str
    receiver: str
    messages: tuple[Message, ...]
    roles_up: tuple[RoleCode, ...] = ()
    roles_down: tuple[RoleCode, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)
    one_sided: bool = False
    declared_upstream: str | None = None

    @property
    def upstream(self) -> str:
        """Who answers a command or query is upstream, and so is who publishes an event (as the engine derives)."""
        if self.declared_upstream is not None:
            return self.declared_upstream
        only_events = self.messages and all(m.kind is MessageKind.EVENT for m in self.messages)
        return self.sender if only_events else self.receiver

    def entry_of(self, owner: str) -> CommunicationEntry:
        other = self.receiver if owner == self.sender else self.sender
        up = owner == self.upstream
        sided: dict[str, Any] = {}
        if self.roles_up or self.roles_down or self.declared_upstream is not None:
            sided = {
                "side": "upstream" if up else "downstream",
                "roles": self.roles_up if up else self.roles_down,
                "their_roles": self.roles_down if up else self.roles_up,
            }
        return entry(other, *self.messages, **sided, **self.attributes)


def talk(
    sender: str,
    receiver: str,
    *messages: Message,
    roles_up: Sequence[RoleCode] = (),
    roles_down: Sequence[RoleCode] = (),
    one_sided: bool = False,
    upstream: str | None = None,
    **attributes: Any,
) -> Talk:
    """The sender's outbound and the receiver's inbound entry for the same messages (canvas path, no relationship).

    A canvas has one swimlane per collaborator and direction, so write one talk per (sender, receiver).
    `one_sided=True` writes only the sender's entry; `upstream` states the side instead of deriving it from the
    messages; `attributes` are those of `entry` (sync, data_use, via, contract, fallback, breaker).
    """
    return Talk(sender, receiver, tuple(messages), tuple(roles_up), tuple(roles_down), attributes, one_sided, upstream)


def _with_talks(canvas: BoundedContextCanvas, talks: list[Talk]) -> BoundedContextCanvas:
    outbound = [t.entry_of(canvas.name) for t in talks if t.sender == canvas.name]
    inbound = [t.entry_of(canvas.name) for t in talks if t.receiver == canvas.name and not t.one_sided]
    if not outbound and not inbound:
        return canvas
    return canvas.model_copy(update={"outbound": [*canvas.outbound, *outbound], "inbound": [*canvas.inbound, *inbound]})


def api_product(context: str) -> ApiProductCanvas:
    """An API Product Canvas: its context publishes an Open Host Service with a Published Language."""
    return ApiProductCanvas(bounded_context=context)


def arc42(name: str, *, contexts: Iterable[str], availability: str) -> ArchitectureCommunicationCanvas:
    """An Architecture Communication Canvas whose components implement `contexts`, with an availability goal."""
    return ArchitectureCommunicationCanvas(
        name=name,
        components=[Component(name=f"{c} service", bounded_context=c) for c in contexts],
        quality_requirements=[QualityRequirement(quality="Availability", requirement=availability)],
    )


def accept(rule: str, subject: str, *, until: str = "2030-01-01", by: str = "Chief Architect") -> AcceptedRisk:
    return AcceptedRisk(
        rule=rule, subject=subject, reason="Known and planned for.", accepted_by=by, until=dt.date.fromisoformat(until)
    )


Part = BoundedContextCanvas | ExternalSystem | Relationship | ApiProductCanvas | ArchitectureCommunicationCanvas | Talk


def workspace(*parts: Part, risks: Iterable[AcceptedRisk] = (), name: str = "Scenario") -> Workspace:
    """A valid workspace from canvases, externals, relationships and canvases; teams come from the owners."""
    talks = [p for p in parts if isinstance(p, Talk)]
    pairs = [(t.sender, t.receiver) for t in talks]
    assert len(pairs) == len(set(pairs)), f"one talk per sender and receiver: {pairs}"
    contexts = [_with_talks(p, talks) for p in parts if isinstance(p, BoundedContextCanvas)]
    owners = sorted({c.owner_team for c in contexts if c.owner_team is not None})
    return Workspace(
        name=name,
        teams=[Team(name=t) for t in owners],
        bounded_contexts=contexts,
        external_systems=[p for p in parts if isinstance(p, ExternalSystem)],
        relationships=[p for p in parts if isinstance(p, Relationship)],
        api_products=[p for p in parts if isinstance(p, ApiProductCanvas)],
        architecture_canvases=[p for p in parts if isinstance(p, ArchitectureCommunicationCanvas)],
        accepted_risks=list(risks),
    )


def analyse(*parts: Part, risks: Iterable[AcceptedRisk] = (), today: dt.date = TODAY) -> Analysis:
    """Builds the workspace and analyses it on a fixed day."""
    return analyze_workspace(workspace(*parts, risks=risks), today=today)


def of_rule(analysis: Analysis, rule: str) -> list[Finding]:
    return [f for f in analysis.findings if f.rule == rule]


def subjects(analysis: Analysis, rule: str) -> set[str]:
    return {f.subject for f in of_rule(analysis, rule)}


def only(analysis: Analysis, rule: str, subject: str | None = None) -> Finding:
    """The single finding of `rule` (on `subject`); fails listing what was found otherwise."""
    found = [f for f in of_rule(analysis, rule) if subject is None or f.subject == subject]
    assert len(found) == 1, f"expected one {rule} on {subject!r}, found {[(f.subject, f.severity) for f in found]}"
    return found[0]


def keys(analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """(rule, severity, status, subject) of every finding, in the engine's order."""
    return [(f.rule, f.severity.value, f.status.value, f.subject) for f in analysis.findings]


def severities(analysis: Analysis) -> set[str]:
    return {f.severity.value for f in analysis.findings}


def edge(analysis: Analysis, upstream: str, downstream: str) -> Edge:
    """The measured edge between two contexts, in either orientation."""
    pair = {upstream, downstream}
    return next(e for e in analysis.context_map.edges if {e.upstream, e.downstream} == pair)
