"""The Bounded Context Canvas (DDD Crew v5) with the workbench's AI profile extension."""

from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from models import messages
from models.base import Name, RequiredText, StrictModel, is_blank
from models.context_mapper import ContextMapperContext
from models.relationship import (
    PATTERN_LABELS,
    SYMMETRIC_PATTERNS,
    IntegrationAttributes,
    RelationshipPattern,
    Role,
    Side,
    _reject_duplicate_roles,
    find_pattern_problems,
)


class DomainType(StrEnum):
    CORE = "core"
    SUPPORTING = "supporting"
    GENERIC = "generic"
    OTHER = "other"


class BusinessModel(StrEnum):
    REVENUE = "revenue"
    ENGAGEMENT = "engagement"
    COMPLIANCE = "compliance"
    COST_REDUCTION = "cost_reduction"
    OTHER = "other"


class Evolution(StrEnum):
    GENESIS = "genesis"
    CUSTOM_BUILT = "custom_built"
    PRODUCT = "product"
    COMMODITY = "commodity"


class DomainRole(StrEnum):
    """The v5 sheet's role types first, then the community Model Traits worksheet."""

    DRAFT = "draft"
    EXECUTION = "execution"
    ANALYSIS = "analysis"
    GATEWAY = "gateway"
    APPROVER = "approver"
    ENFORCER = "enforcer"
    OCTOPUS_ENFORCER = "octopus_enforcer"
    INTERCHANGER = "interchanger"
    GATEWAY_INTERCHANGE = "gateway_interchange"
    DOGFOOD = "dogfood"
    BUBBLE = "bubble"
    AUTONOMOUS_BUBBLE = "autonomous_bubble"
    BRAIN = "brain"
    FUNNEL = "funnel"
    ENGAGEMENT = "engagement"


class MessageKind(StrEnum):
    COMMAND = "command"
    QUERY = "query"
    EVENT = "event"


class MetricSource(StrEnum):
    CI_CD = "ci_cd"
    ISSUE_TRACKER = "issue_tracker"
    LIVE_SYSTEM = "live_system"
    OTHER = "other"


class MetricKind(StrEnum):
    """What a verification metric is evidence of; the rules read this, never the metric's wording."""

    MODEL_QUALITY = "model_quality"
    DRIFT = "drift"
    FEEDBACK_WATCH = "feedback_watch"
    EVALUATION_SUITE = "evaluation_suite"  # a regression or evaluation suite run on changes
    BUSINESS_KPI = "business_kpi"
    OTHER = "other"


# Both check how a model behaves: a live quality measure or a suite of cases run on every change.
QUALITY_KINDS = frozenset({MetricKind.MODEL_QUALITY, MetricKind.EVALUATION_SUITE})


class AiKind(StrEnum):
    NONE = "none"
    OWN_MODEL = "own_model"
    EXTERNAL_MODEL = "external_model"
    LLM_EXTERNAL = "llm_external"
    LLM_SELFHOSTED = "llm_selfhosted"
    FEATURE_STORE = "feature_store"
    TRAINING_PIPELINE = "training_pipeline"
    MODEL_ADAPTER = "model_adapter"


class FallbackKind(StrEnum):
    NONE = "none"
    STATIC_DEFAULT = "static_default"
    HEURISTIC = "heuristic"
    CACHED = "cached"
    ALTERNATE_MODEL = "alternate_model"
    HUMAN = "human"


class Message(StrictModel):
    kind: MessageKind
    name: RequiredText


class CommunicationEntry(IntegrationAttributes):
    """One collaborator of a context with its messages (a swimlane), seen from this context.

    `side` and `roles` describe this context; `collaborator_roles` the other party.
    """

    collaborator: Name
    messages: list[Message] = Field(default_factory=list)
    pattern: RelationshipPattern | None = None
    side: Side | None = None
    roles: list[Role] = Field(default_factory=list)
    collaborator_roles: list[Role] = Field(default_factory=list)
    notes: str = ""

    _check_roles = field_validator("roles", "collaborator_roles")(_reject_duplicate_roles)

    @model_validator(mode="after")
    def _check_pattern(self) -> "CommunicationEntry":
        problems = find_entry_pattern_problems(self, own_name="this context")
        if problems:
            raise ValueError(" ".join(problems))
        return self


def find_entry_pattern_problems(entry: CommunicationEntry, own_name: str) -> list[str]:
    """Checks a collaborator's relationship with the same rules as an explicit relationship."""
    if is_blank(entry.collaborator):
        return [messages.EMPTY_NAME.format(what="A collaborator")]
    pattern = entry.pattern
    if pattern in SYMMETRIC_PATTERNS:
        if entry.side is not None:
            return [messages.SIDE_ON_SYMMETRIC.format(pattern=PATTERN_LABELS[pattern], side=entry.side.value)]
        return find_pattern_problems(pattern, (own_name, entry.roles), (entry.collaborator, entry.collaborator_roles))
    if entry.side is None:
        if entry.roles or entry.collaborator_roles:
            label = PATTERN_LABELS[pattern or RelationshipPattern.UPSTREAM_DOWNSTREAM]
            return [messages.SIDE_NEEDED.format(name=entry.collaborator, pattern=label)]
        return []
    own = (own_name, entry.roles)
    other = (entry.collaborator, entry.collaborator_roles)
    up, down = (own, other) if entry.side is Side.UPSTREAM else (other, own)
    return find_pattern_problems(pattern, up, down)


class Term(StrictModel):
    term: RequiredText
    definition: str = ""


class VerificationMetric(StrictModel):
    metric: RequiredText
    source: MetricSource | None = None
    kind: MetricKind | None = None
    watches: Name | None = Field(
        default=None, description="The upstream context or external system it watches; empty: this context itself."
    )
    kind_inferred: bool = Field(
        default=False, description="The kind was inferred from the wording and waits for the author's confirmation."
    )


class ServiceLevel(StrictModel):
    availability_percent: float | None = None
    latency_p95_ms: int | None = Field(default=None, ge=0)
    freshness: str = Field(default="", description="How current the model or its data must be.")
    recovery_time_minutes: int | None = Field(default=None, ge=0)

    @field_validator("availability_percent")
    @classmethod
    def _check_availability(cls, value: float | None) -> float | None:
        if value is not None and not 0 <= value <= 100:
            raise ValueError(messages.AVAILABILITY_RANGE.format(value=value))
        return value


class AiProfile(StrictModel):
    """Workbench extension, not part of the DDD Crew canvas: how this context uses AI."""

    kind: AiKind = AiKind.NONE
    provider: str = ""
    model: str = ""
    version_pinned: bool = False
    fallback: FallbackKind = FallbackKind.NONE
    fallback_notes: str = ""
    sla: ServiceLevel = Field(default_factory=ServiceLevel)
    rollback: bool = Field(default=False, description="A previous model version can be served again.")
    feedback_loop_mitigation: str = ""

    @property
    def is_ai(self) -> bool:
        return self.kind is not AiKind.NONE


class BoundedContextCanvas(StrictModel):
    name: Name
    purpose: str = ""
    domain: DomainType | None = None
    business_model: BusinessModel | None = None
    evolution: Evolution | None = None
    classification_notes: str = Field(default="", description="Free text, e.g. what 'other' means.")
    domain_roles: list[DomainRole] = Field(default_factory=list)
    domain_roles_notes: str = ""
    inbound: list[CommunicationEntry] = Field(default_factory=list)
    outbound: list[CommunicationEntry] = Field(default_factory=list)
    ubiquitous_language: list[Term] = Field(default_factory=list)
    business_decisions: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    verification_metrics: list[VerificationMetric] = Field(default_factory=list)
    open_questions: list[str] = Field(default_factory=list)
    owner_team: Name | None = None
    big_ball_of_mud: bool = False
    critical_path: bool = False
    volatility: int | None = Field(default=None, ge=1, le=3, description="Override of the derived volatility.")
    ai_profile: AiProfile = Field(default_factory=AiProfile)
    context_mapper: ContextMapperContext = Field(default_factory=ContextMapperContext)  # kept from a CML import

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if is_blank(value):
            raise ValueError(messages.EMPTY_NAME.format(what="A bounded context"))
        return value
