"""An edge of the context map: one relationship with its integration attributes and coupling measures."""

from dataclasses import dataclass, field

from models.bounded_context import MessageKind
from models.relationship import SYMMETRIC_PATTERNS, DataUse, Medium, RelationshipPattern, Role, SyncMode

INTRUSIVE_MEDIA = frozenset({Medium.TABLE, Medium.FILE, Medium.LOG, Medium.BUCKET})


NO_FALLBACK = frozenset({"", "none", "no", "-", "n/a", "na", "nothing", "keine", "kein"})


@dataclass
class Edge:
    """One relationship of the map, upstream to downstream (for symmetric patterns: the two peers)."""

    upstream: str
    downstream: str
    pattern: RelationshipPattern | None = None
    up_roles: set[Role] = field(default_factory=set)
    down_roles: set[Role] = field(default_factory=set)
    message_kinds: set[MessageKind] = field(default_factory=set)
    sync: SyncMode | None = None
    medium: Medium | None = None
    data_use: DataUse | None = None
    data_contract: bool = False
    shared_database: bool = False
    shared_model_artifact: bool = False
    model_version_pinned: bool = False
    fallback: str = ""
    circuit_breaker: bool = False
    relied_sla: str = ""
    rate_limits: str = ""
    declared_by: set[str] = field(default_factory=set)  # "upstream", "downstream", "relationship"
    fix_at: str = ""  # the canvas section to edit
    # Filled by analysis.coupling.measure_edges:
    strength: int = 0
    distance: int = 0
    volatility: int = 0
    pain: float = 0.0
    balance: str = ""

    @property
    def symmetric(self) -> bool:
        return self.pattern in SYMMETRIC_PATTERNS

    @property
    def label(self) -> str:
        arrow = "<->" if self.symmetric else "->"
        return f"{self.upstream} {arrow} {self.downstream}"

    @property
    def runtime(self) -> SyncMode | None:
        """Declared sync mode, else derived: a command or query makes it synchronous, events alone asynchronous."""
        if self.sync is not None:
            return self.sync
        if self.message_kinds & {MessageKind.COMMAND, MessageKind.QUERY}:
            return SyncMode.SYNC
        return SyncMode.ASYNC if self.message_kinds else None

    @property
    def offline(self) -> bool:
        return self.data_use is DataUse.TRAINING

    @property
    def has_fallback(self) -> bool:
        return self.fallback.strip().casefold() not in NO_FALLBACK or self.circuit_breaker
