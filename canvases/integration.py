"""The integration attributes shared by collaborator swimlanes and explicit relationships (IntegrationAttributes)."""

from canvases.definition import FieldDef, FieldKind, options_of
from canvases.vocabulary import DATA_USE_LABELS, MEDIUM_LABELS, SYNC_LABELS
from models.relationship import DataUse, Medium, SyncMode

F = FieldKind

INTEGRATION_FIELDS = (
    FieldDef(
        "sync",
        "Sync or async",
        F.CHOICE,
        "Leave empty to derive it from the messages.",
        options_of(SyncMode, SYNC_LABELS),
    ),
    FieldDef("medium", "Medium", F.CHOICE, "How the messages or data travel.", options_of(Medium, MEDIUM_LABELS)),
    FieldDef(
        "data_use",
        "Data use",
        F.CHOICE,
        "What the receiving side uses the data for.",
        options_of(DataUse, DATA_USE_LABELS),
    ),
    FieldDef("data_contract", "Versioned data contract", F.BOOL, "A versioned schema with compatibility rules."),
    FieldDef("model_version_pinned", "Model version pinned", F.BOOL, "For a model behind this collaboration."),
    FieldDef("shared_database", "Shared database", F.BOOL),
    FieldDef(
        "shared_model_artifact", "Shared model artifact", F.BOOL, "One side loads the other's model file directly."
    ),
    FieldDef("circuit_breaker", "Circuit breaker", F.BOOL),
    FieldDef("timeout_ms", "Timeout (ms)", F.INTEGER),
    FieldDef("fallback", "Fallback", F.TEXT, "What the consuming side does when the other side fails."),
    FieldDef("relied_sla", "SLA relied on", F.TEXT, "The other side's SLA the consuming side plans with."),
    FieldDef("rate_limits", "Rate limits", F.TEXT, "The usage limits the consuming side keeps to."),
)
