"""Hypothesis strategies for arbitrary VALID workspaces: every section and option of the three canvases.

Names are non-blank and unique where the workspace demands it; every reference (collaborator,
relationship side, owner team, API product context, component link) names something that
exists; only role combinations that the DDD rules allow are drawn.
"""

import unicodedata
from enum import Enum

from hypothesis import strategies as st

from models.api_product_canvas import Aggregate, ApiProductCanvas, AsyncApi, EventSpec, Operation, SyncApi
from models.architecture_canvas import (
    ArchitectureCommunicationCanvas,
    BusinessNeighbour,
    Component,
    CoreDecision,
    DecisionVerdict,
    QualityRequirement,
)
from models.base import is_blank
from models.bounded_context import (
    AiKind,
    AiProfile,
    BoundedContextCanvas,
    BusinessModel,
    CommunicationEntry,
    DomainRole,
    DomainType,
    Evolution,
    FallbackKind,
    Message,
    MessageKind,
    MetricKind,
    MetricSource,
    ServiceLevel,
    Term,
    VerificationMetric,
)
from models.readiness import (
    AiActCategory,
    BudgetKind,
    BudgetLine,
    Compliance,
    DataQualityCheck,
    EvolutionPlan,
    GovernancePlan,
    Hypothesis,
    HypothesisResult,
    Kpi,
    Level,
    PersonalData,
    Readiness,
    RecoveryPlan,
    Risk,
    RiskKind,
    ServiceObjective,
)
from models.relationship import (
    SYMMETRIC_PATTERNS,
    DataUse,
    Medium,
    Relationship,
    RelationshipPattern,
    Role,
    Side,
    SyncMode,
)
from models.workspace import AcceptedRisk, DeliveryPhase, ExternalKind, ExternalSystem, Team, Workspace
from tests.unit.context_mapper_strategies import kept_context, kept_model, kept_relationship

# Text a user might paste: control characters, emoji, right-to-left scripts and bidi overrides,
# combining marks, zero-width characters, markup and template syntax, line and paragraph separators.
AWKWARD_TEXTS = (
    "😀🚀👩‍👩‍👧",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "<b>bold</b> & <script>alert(1)</script>",
    "{{ jinja }} ${shell} `code` *md* [link](x) | a | b |",
    "\x00\x07\x1b[31mred\x7f",
    "line 1\nline 2\r\n\ttabbed",
    "\"quoted\" 'single' \\back\\slash /",
    "Z\u0301a\u0308lgo",
    "\u200bzero\u200dwidth\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 日本語 한국어",
    "\u2028\u2029\u0085",
    "%s %d {0} {name}",
)

# What a name may be made of: no control characters (models.base.Name), no lone surrogates.
NAME_CHARACTERS = st.characters(exclude_categories=["Cc", "Cs"])

text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(AWKWARD_TEXTS),
    st.tuples(st.sampled_from(AWKWARD_TEXTS), st.text(max_size=6)).map("".join),
)
# A name (models.base.Name) is never blank and holds no control character; the identifying text of a list
# entry (models.base.RequiredText) is never blank either, but may hold any character.
required = text.filter(lambda value: not is_blank(value))
name = required.filter(lambda value: not any(unicodedata.category(c) == "Cc" for c in value))
texts = st.lists(text, max_size=3)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def enum(kind: type[Enum]) -> st.SearchStrategy:
    return st.sampled_from(list(kind))


counts = st.integers(min_value=0, max_value=10**15)


# --- DDD roles that the rules allow ---------------------------------------------------------------

OHS, PL, ACL, CF = Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE, Role.ANTICORRUPTION_LAYER, Role.CONFORMIST
_NO_ROLES: st.SearchStrategy[tuple[list[Role], list[Role]]] = st.just(([], []))
_CUSTOMER_SUPPLIER_ROLES = st.tuples(st.sampled_from([[], [PL]]), st.sampled_from([[], [ACL]]))
_UPSTREAM_DOWNSTREAM_ROLES = st.tuples(
    st.lists(st.sampled_from([OHS, PL]), unique=True), st.sampled_from([[], [ACL], [CF]])
)


def valid_roles(pattern: RelationshipPattern | None) -> st.SearchStrategy[tuple[list[Role], list[Role]]]:
    """(upstream roles, downstream roles) that `pattern` allows, in any order."""
    if pattern in SYMMETRIC_PATTERNS:
        return _NO_ROLES
    if pattern is RelationshipPattern.CUSTOMER_SUPPLIER:
        return _CUSTOMER_SUPPLIER_ROLES
    return _UPSTREAM_DOWNSTREAM_ROLES


_PATTERNS = enum(RelationshipPattern)
_OPTIONAL_PATTERNS = optional(_PATTERNS)
_OPTIONAL_SIDES = optional(enum(Side))


@st.composite
def relationship_roles(draw: st.DrawFn) -> dict[str, object]:
    pattern = draw(_PATTERNS)
    upstream_roles, downstream_roles = draw(valid_roles(pattern))
    return {"pattern": pattern, "upstream_roles": upstream_roles, "downstream_roles": downstream_roles}


@st.composite
def entry_roles(draw: st.DrawFn) -> dict[str, object]:
    pattern = draw(_OPTIONAL_PATTERNS)
    side = None if pattern in SYMMETRIC_PATTERNS else draw(_OPTIONAL_SIDES)
    roles: list[Role] = []
    collaborator_roles: list[Role] = []
    if side is not None:
        upstream, downstream = draw(valid_roles(pattern))
        roles, collaborator_roles = (upstream, downstream) if side is Side.UPSTREAM else (downstream, upstream)
    return {"pattern": pattern, "side": side, "roles": roles, "collaborator_roles": collaborator_roles}


RELATIONSHIP_ROLES = relationship_roles()
ENTRY_ROLES = entry_roles()

# The strategies below are built once: everything that depends on the workspace's names is added
# by `workspaces()`, which only picks from lists it already holds.

INTEGRATION = {
    "sync": optional(enum(SyncMode)),
    "medium": optional(enum(Medium)),
    "data_use": optional(enum(DataUse)),
    "data_contract": st.booleans(),
    "shared_database": st.booleans(),
    "shared_model_artifact": st.booleans(),
    "model_version_pinned": st.booleans(),
    "fallback": text,
    "timeout_ms": optional(counts),
    "circuit_breaker": st.booleans(),
    "relied_sla": text,
    "rate_limits": text,
    "reliance_inferred": st.booleans(),
}

RELATIONSHIP_BODY = st.fixed_dictionaries(
    {
        "name": text,
        "implementation_technology": text,
        "notes": text,
        "context_mapper": kept_relationship,
        **INTEGRATION,
    }
)

ENTRY_BODY = st.fixed_dictionaries(
    {
        "messages": st.lists(st.builds(Message, kind=enum(MessageKind), name=required), max_size=3),
        "notes": text,
        **INTEGRATION,
    }
)

# --- Bounded Context Canvas -----------------------------------------------------------------------

service_levels = st.builds(
    ServiceLevel,
    availability_percent=optional(st.floats(min_value=0, max_value=100, allow_nan=False)),
    latency_p95_ms=optional(counts),
    freshness=text,
    recovery_time_minutes=optional(counts),
)

ai_profiles = st.builds(
    AiProfile,
    kind=enum(AiKind),
    provider=text,
    model=text,
    version_pinned=st.booleans(),
    fallback=enum(FallbackKind),
    fallback_notes=text,
    sla=service_levels,
    rollback=st.booleans(),
    feedback_loop_mitigation=text,
)

CONTEXT_BODY = st.fixed_dictionaries(
    {
        "purpose": text,
        "domain": optional(enum(DomainType)),
        "business_model": optional(enum(BusinessModel)),
        "evolution": optional(enum(Evolution)),
        "classification_notes": text,
        "domain_roles": st.lists(enum(DomainRole), max_size=4, unique=True),
        "domain_roles_notes": text,
        "ubiquitous_language": st.lists(st.builds(Term, term=required, definition=text), max_size=2),
        "business_decisions": texts,
        "assumptions": texts,
        "open_questions": texts,
        "big_ball_of_mud": st.booleans(),
        "critical_path": st.booleans(),
        "volatility": optional(st.integers(min_value=1, max_value=3)),
        "ai_profile": ai_profiles,
    }
)

# --- Architecture Communication Canvas ------------------------------------------------------------

ACC_BODY = st.fixed_dictionaries(
    {
        "name": name,
        "system": text,
        "created_by": text,
        "created_for": text,
        "date_iteration": text,
        "value_proposition": text,
        "key_stakeholders": texts,
        "core_functions": texts,
        "quality_requirements": st.lists(st.builds(QualityRequirement, quality=required, requirement=text), max_size=2),
        "business_context": st.lists(
            st.builds(BusinessNeighbour, name=required, kind=text, description=text), max_size=2
        ),
        "core_decisions": st.lists(
            st.builds(CoreDecision, decision=required, verdict=optional(enum(DecisionVerdict)), reason=text), max_size=3
        ),
        "technologies": texts,
        "risks": texts,
    }
)
COMPONENT_BODY = st.fixed_dictionaries({"name": required, "responsibility": text})

# --- API Product Canvas ---------------------------------------------------------------------------

events = st.lists(st.builds(EventSpec, name=required, payload=text), max_size=2)

API_BODY = st.fixed_dictionaries(
    {
        "version": text,
        "contact": text,
        "value_propositions": texts,
        "core_functions": texts,
        "sync_api": st.builds(
            SyncApi,
            protocol=text,
            architecture_pattern=text,
            server=text,
            aggregates=st.lists(
                st.builds(
                    Aggregate,
                    name=required,
                    operations=st.lists(
                        st.builds(Operation, name=required, parameters=text, request=text, responses=text), max_size=2
                    ),
                ),
                max_size=2,
            ),
        ),
        "async_api": st.builds(
            AsyncApi,
            protocol=text,
            architecture_pattern=text,
            broker=text,
            events_received=events,
            events_sent=events,
        ),
        "quality_requirements": texts,
        "notes": text,
    }
)

# --- the workspace --------------------------------------------------------------------------------

EXTERNAL_BODY = st.fixed_dictionaries(
    {
        "kind": enum(ExternalKind),
        "description": text,
        "ai_kind": enum(AiKind),
        "big_ball_of_mud": st.booleans(),
        "provider": text,
        "model": text,
        "version_pinned": st.booleans(),
        "availability_percent": optional(st.floats(min_value=0, max_value=100, allow_nan=False)),
        "latency_p95_ms": optional(st.integers(min_value=0, max_value=10**6)),
        "recovery_time_minutes": optional(st.integers(min_value=0, max_value=10**6)),
    }
)
accepted_risks = st.builds(AcceptedRisk, rule=text, subject=text, reason=text, accepted_by=text, until=st.dates())
small = st.integers(min_value=0, max_value=3)
_PHASES = enum(DeliveryPhase)


def _pick(draw: st.DrawFn, options: list[str]) -> str:
    return options[draw(st.integers(min_value=0, max_value=len(options) - 1))]


METRIC_BODY = st.fixed_dictionaries(
    {
        "metric": required,
        "source": optional(enum(MetricSource)),
        "kind": optional(enum(MetricKind)),
        "kind_inferred": st.booleans(),
    }
)


def _metrics(draw: st.DrawFn, others: list[str]) -> list[VerificationMetric]:
    """Metrics of a context; each watches the context itself or another party."""
    metrics = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        watched: bool = draw(st.booleans())
        watches = _pick(draw, others) if others and watched else None
        metrics.append(VerificationMetric(watches=watches, **draw(METRIC_BODY)))
    return metrics


def _entries(draw: st.DrawFn, collaborators: list[str]) -> list[CommunicationEntry]:
    if not collaborators:
        return []
    return [
        CommunicationEntry(collaborator=_pick(draw, collaborators), **draw(ENTRY_BODY), **draw(ENTRY_ROLES))
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    ]


@st.composite
def workspaces(draw: st.DrawFn) -> Workspace:
    # Bounded contexts and external systems share one namespace.
    party_names = draw(st.lists(name, unique=True, max_size=5))
    split = draw(st.integers(min_value=0, max_value=len(party_names)))
    context_names, external_names = party_names[:split], party_names[split:]
    team_names = draw(st.lists(name, unique=True, max_size=3))

    contexts = []
    for context_name in context_names:
        others = [p for p in party_names if p != context_name]
        owned = draw(st.booleans())
        owner = _pick(draw, team_names) if team_names and owned else None
        contexts.append(
            BoundedContextCanvas(
                name=context_name,
                owner_team=owner,
                inbound=_entries(draw, others),
                outbound=_entries(draw, others),
                verification_metrics=_metrics(draw, others),
                context_mapper=draw(kept_context(others)),
                **draw(CONTEXT_BODY),
            )
        )

    canvases = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        components = []
        for _ in range(draw(small)):
            linked = draw(st.booleans())
            link = _pick(draw, context_names) if context_names and linked else None
            components.append(Component(bounded_context=link, **draw(COMPONENT_BODY)))
        canvases.append(ArchitectureCommunicationCanvas(components=components, **draw(ACC_BODY)))

    published = [c for c in context_names if draw(st.booleans())]
    relationships: list[Relationship] = []
    if len(party_names) >= 2:
        for _ in range(draw(small)):
            upstream = _pick(draw, party_names)
            downstream = _pick(draw, [p for p in party_names if p != upstream])
            relationship = Relationship(
                upstream=upstream, downstream=downstream, **draw(RELATIONSHIP_ROLES), **draw(RELATIONSHIP_BODY)
            )
            if not any(_same_relationship(relationship, r) for r in relationships):  # a repeat is refused
                relationships.append(relationship)

    return Workspace(
        name=draw(name),
        description=draw(text),
        phase=draw(_PHASES),
        teams=[
            Team(name=n, description=draw(text), context_mapper=draw(kept_context(context_names, team=True)))
            for n in team_names
        ],
        external_systems=[
            ExternalSystem(name=n, context_mapper=draw(kept_context([])), **draw(EXTERNAL_BODY)) for n in external_names
        ],
        bounded_contexts=contexts,
        architecture_canvases=canvases,
        api_products=[ApiProductCanvas(bounded_context=c, **draw(API_BODY)) for c in published],
        relationships=relationships,
        accepted_risks=draw(st.lists(accepted_risks, max_size=2)),
        readiness=_readiness(draw, context_names),
        context_mapper=draw(kept_model(party_names, team_names)),
    )


# --- readiness ---------------------------------------------------------------------------------------

# The readiness lists' identifying texts: never blank, made so rather than filtered (a filter on every entry of
# every list made Hypothesis discard most workspaces it drew).
entry_text = text.map(lambda value: value if not is_blank(value) else f"x{value}")
iso_dates = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()))
amounts = optional(st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False))
minutes = optional(st.integers(min_value=0, max_value=10**6))
READINESS_BODY = st.fixed_dictionaries(
    {
        "concept": text,
        "hypotheses": st.lists(
            st.builds(
                Hypothesis,
                claim=entry_text,
                proven_when=text,
                measured_by=text,
                deadline=iso_dates,
                result=enum(HypothesisResult),
            ),
            max_size=1,
        ),
        "budget": st.lists(
            st.builds(BudgetLine, item=entry_text, kind=enum(BudgetKind), amount=amounts, currency=text, period=text),
            max_size=1,
        ),
        "kpis": st.lists(
            st.builds(Kpi, name=entry_text, quality=text, target=text, measured_by=text, current=text, owner=text),
            max_size=1,
        ),
        "data_quality": st.lists(
            st.builds(DataQualityCheck, data=entry_text, check=text, threshold=text, owner=text), max_size=1
        ),
        "compliance": st.builds(
            Compliance,
            personal_data=enum(PersonalData),
            data_classes=texts,
            ai_act_category=enum(AiActCategory),
            dpia_done=st.booleans(),
            notes=text,
        ),
        "risks": st.lists(
            st.builds(
                Risk,
                risk=entry_text,
                kind=enum(RiskKind),
                likelihood=enum(Level),
                impact=enum(Level),
                mitigation=text,
                owner=text,
                accepted_by=text,
                accepted_on=iso_dates,
            ),
            max_size=1,
        ),
        "evolution": st.builds(EvolutionPlan, update_cadence=text, evaluation_suite=text, drift_monitoring=text),
        "governance": st.builds(GovernancePlan, model_owner=text, approval_path=text),
        "disaster_recovery": st.builds(RecoveryPlan, plan=text, restore_tested_on=iso_dates),
        "cost_optimization": text,
        "training_plan": text,
    }
)


def _readiness(draw: st.DrawFn, context_names: list[str]) -> Readiness:
    """Filled about half the time: two filled workspaces drawn at once outgrew Hypothesis's buffer."""
    if draw(st.booleans()):
        return Readiness()
    objectives = [
        ServiceObjective(
            context=c,
            availability_percent=draw(optional(st.floats(min_value=0, max_value=100, allow_nan=False))),
            latency_p95_ms=draw(minutes),
            recovery_time_minutes=draw(minutes),
            recovery_point_minutes=draw(minutes),
            when_down=draw(text),
        )
        for c in context_names
        if draw(st.booleans())
    ]
    return Readiness(service_objectives=objectives, **draw(READINESS_BODY))


def _same_relationship(a: Relationship, b: Relationship) -> bool:
    if a.pattern != b.pattern:
        return False
    if a.is_symmetric:
        return {a.upstream, a.downstream} == {b.upstream, b.downstream}
    return (a.upstream, a.downstream) == (b.upstream, b.downstream)
