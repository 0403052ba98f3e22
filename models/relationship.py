"""DDD relationship patterns and roles, the integration attributes of an edge, and their rules."""

from collections.abc import Sequence
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from models import messages
from models.base import Name, StrictModel, is_blank


class RelationshipPattern(StrEnum):
    PARTNERSHIP = "partnership"
    SHARED_KERNEL = "shared_kernel"
    CUSTOMER_SUPPLIER = "customer_supplier"
    UPSTREAM_DOWNSTREAM = "upstream_downstream"
    SEPARATE_WAYS = "separate_ways"


SYMMETRIC_PATTERNS = frozenset(
    {
        RelationshipPattern.PARTNERSHIP,
        RelationshipPattern.SHARED_KERNEL,
        RelationshipPattern.SEPARATE_WAYS,
    }
)

PATTERN_LABELS = {
    RelationshipPattern.PARTNERSHIP: "Partnership",
    RelationshipPattern.SHARED_KERNEL: "Shared Kernel",
    RelationshipPattern.CUSTOMER_SUPPLIER: "Customer/Supplier",
    RelationshipPattern.UPSTREAM_DOWNSTREAM: "Upstream/Downstream",
    RelationshipPattern.SEPARATE_WAYS: "Separate Ways",
}


class Role(StrEnum):
    OPEN_HOST_SERVICE = "OHS"
    PUBLISHED_LANGUAGE = "PL"
    ANTICORRUPTION_LAYER = "ACL"
    CONFORMIST = "CF"


UPSTREAM_ROLES = frozenset({Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE})
DOWNSTREAM_ROLES = frozenset({Role.ANTICORRUPTION_LAYER, Role.CONFORMIST})


class Side(StrEnum):
    UPSTREAM = "upstream"
    DOWNSTREAM = "downstream"


class SyncMode(StrEnum):
    SYNC = "sync"
    ASYNC = "async"


class Medium(StrEnum):
    API = "api"
    EVENTS = "events"
    TABLE = "table"
    FILE = "file"
    LOG = "log"
    BUCKET = "bucket"
    UI = "ui"


class DataUse(StrEnum):
    INFERENCE = "inference"
    FEATURE = "feature"
    TRAINING = "training"
    OPERATIONAL = "operational"


def _role_list(roles: Sequence[Role]) -> str:
    return ", ".join(role.value for role in roles)


def find_pattern_problems(
    pattern: RelationshipPattern | None,
    upstream: tuple[str, Sequence[Role]],
    downstream: tuple[str, Sequence[Role]],
) -> list[str]:
    """Every DDD rule that a pattern with these roles on each side breaks, worded for the user."""
    (up_name, up_roles), (down_name, down_roles) = upstream, downstream
    problems: list[str] = []
    if pattern in SYMMETRIC_PATTERNS and (up_roles or down_roles):
        label = PATTERN_LABELS[pattern]
        problems.append(messages.SYMMETRIC_WITH_ROLES.format(pattern=label, roles=_role_list([*up_roles, *down_roles])))
        return problems
    misplaced_up = [role for role in down_roles if role in UPSTREAM_ROLES]
    if misplaced_up:
        problems.append(messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles=_role_list(misplaced_up), name=down_name))
    misplaced_down = [role for role in up_roles if role in DOWNSTREAM_ROLES]
    if misplaced_down:
        problems.append(messages.DOWNSTREAM_ROLE_UPSTREAM.format(roles=_role_list(misplaced_down), name=up_name))
    if pattern is RelationshipPattern.CUSTOMER_SUPPLIER:
        if Role.OPEN_HOST_SERVICE in up_roles:
            problems.append(messages.CUSTOMER_SUPPLIER_OHS.format(name=up_name))
        if Role.CONFORMIST in down_roles:
            problems.append(messages.CUSTOMER_SUPPLIER_CF.format(name=down_name))
    for name, roles in ((up_name, up_roles), (down_name, down_roles)):
        if Role.ANTICORRUPTION_LAYER in roles and Role.CONFORMIST in roles:
            problems.append(messages.ACL_WITH_CF.format(name=name))
    return problems


def _reject_duplicate_roles(roles: list[Role]) -> list[Role]:
    for role in roles:
        if roles.count(role) > 1:
            raise ValueError(messages.DUPLICATE_ROLE.format(role=role.value))
    return roles


class IntegrationAttributes(StrictModel):
    """How two contexts are wired at runtime; read by the coupling analysis."""

    sync: SyncMode | None = Field(default=None, description="Unset: derived from the messages.")
    medium: Medium | None = None
    data_use: DataUse | None = None
    data_contract: bool = Field(default=False, description="A versioned schema with compatibility rules.")
    shared_database: bool = False
    shared_model_artifact: bool = False
    model_version_pinned: bool = False
    fallback: str = Field(default="", description="What the consumer does when the other side fails.")
    timeout_ms: int | None = Field(default=None, ge=0)
    circuit_breaker: bool = False
    # What the consuming side relies on, as declared facts rather than words somewhere in its assumptions.
    relied_sla: str = Field(default="", description="The other side's SLA the consumer relies on, e.g. 99.9 %.")
    rate_limits: str = Field(default="", description="The usage limits the consumer keeps to.")
    reliance_inferred: bool = Field(
        default=False, description="The SLA or rate limits were taken from an assumption and wait for confirmation."
    )


class ContextMapperRelationship(StrictModel):
    """What a Context Mapper relationship says that the canvases have no field for (see models.context_mapper)."""

    exposed_aggregates: list[str] = Field(default_factory=list)
    downstream_rights: str = Field(default="", description="INFLUENCER, OPINION_LEADER, VETO_RIGHT, ...")


class Relationship(IntegrationAttributes):
    """An explicit context-map relationship; for symmetric patterns the two sides are peers."""

    upstream: Name
    downstream: Name
    pattern: RelationshipPattern = RelationshipPattern.UPSTREAM_DOWNSTREAM
    upstream_roles: list[Role] = Field(default_factory=list)
    downstream_roles: list[Role] = Field(default_factory=list)
    name: str = ""
    implementation_technology: str = ""
    notes: str = ""
    context_mapper: ContextMapperRelationship = Field(default_factory=ContextMapperRelationship)  # from CML

    _check_roles = field_validator("upstream_roles", "downstream_roles")(_reject_duplicate_roles)

    @model_validator(mode="after")
    def _check_pattern(self) -> "Relationship":
        if is_blank(self.upstream) or is_blank(self.downstream):
            raise ValueError(messages.EMPTY_NAME.format(what="Each side of a relationship"))
        if self.upstream == self.downstream:
            raise ValueError(messages.SELF_RELATIONSHIP.format(name=self.upstream))
        problems = find_pattern_problems(
            self.pattern,
            (self.upstream, self.upstream_roles),
            (self.downstream, self.downstream_roles),
        )
        if problems:
            raise ValueError(" ".join(problems))
        return self

    @property
    def is_symmetric(self) -> bool:
        return self.pattern in SYMMETRIC_PATTERNS
