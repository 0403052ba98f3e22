"""The workspace's own settings form: overview, teams and external systems (not a canvas)."""

from canvases.definition import CanvasDef, Column, FieldDef, FieldKind, SectionDef, options_of
from canvases.vocabulary import AI_KIND_LABELS, EXTERNAL_KIND_LABELS, PHASE_LABELS
from models.bounded_context import AiKind
from models.workspace import DeliveryPhase, ExternalKind

F = FieldKind

WORKSPACE_SETTINGS = CanvasDef(
    key="workspace",
    title="Workspace",
    collection="",
    name_field="name",
    attribution="",
    licence="",
    source_url="",
    aspect=1.0,
    sections=(
        SectionDef(
            "overview",
            "Overview",
            "What system or landscape is designed here, and how far along is it?",
            (
                FieldDef("name", "Workspace name", F.TEXT),
                FieldDef("description", "Description", F.LONG_TEXT),
                FieldDef(
                    "phase",
                    "Delivery phase",
                    F.CHOICE,
                    "Proof of concept, MVP, product or scaled?",
                    options_of(DeliveryPhase, PHASE_LABELS),
                ),
            ),
        ),
        SectionDef(
            "teams",
            "Teams",
            "Which teams own contexts? Owners are picked from this list.",
            (
                FieldDef(
                    "teams",
                    "Teams",
                    F.TABLE,
                    columns=(Column("name", "Team"), Column("description", "Description", F.LONG_TEXT)),
                ),
            ),
        ),
        SectionDef(
            "external_systems",
            "External systems",
            "Collaborators without a canvas: vendor systems and model providers, frontends, direct user interaction.",
            (
                FieldDef(
                    "external_systems",
                    "External systems",
                    F.TABLE,
                    columns=(
                        Column("name", "Name"),
                        Column(
                            "kind",
                            "Kind",
                            F.CHOICE,
                            options_of(ExternalKind, EXTERNAL_KIND_LABELS),
                            default=ExternalKind.EXTERNAL_SYSTEM.value,
                        ),
                        Column(
                            "ai_kind",
                            "AI kind",
                            F.CHOICE,
                            options_of(AiKind, AI_KIND_LABELS),
                            default=AiKind.NONE.value,
                        ),
                        Column("description", "Description", F.LONG_TEXT),
                        Column("big_ball_of_mud", "Big Ball of Mud", F.BOOL),
                        Column("provider", "Provider", help="For an AI system: who provides the model"),
                        Column("model", "Model", help="For an AI system: the model's name"),
                        Column("version_pinned", "Version pinned", F.BOOL),
                        Column("availability_percent", "Availability %", F.NUMBER, help="The provider's SLA"),
                        Column("latency_p95_ms", "p95 latency (ms)", F.INTEGER),
                        Column("recovery_time_minutes", "Recovery time (min)", F.INTEGER),
                    ),
                ),
            ),
        ),
    ),
)
