"""The Bounded Context Canvas v5 (DDD Crew), in the sheet's fill order, plus the AI extension."""

from canvases.definition import Box, CanvasDef, Column, FieldDef, FieldKind, SectionDef, options_of
from canvases.integration import INTEGRATION_FIELDS
from canvases.metric_kinds import metric_hint
from canvases.vocabulary import (
    AI_KIND_LABELS,
    BUSINESS_MODEL_LABELS,
    DOMAIN_LABELS,
    DOMAIN_ROLE_LABELS,
    EVOLUTION_LABELS,
    FALLBACK_LABELS,
    MESSAGE_KIND_LABELS,
    METRIC_KIND_LABELS,
    METRIC_SOURCE_LABELS,
    PATTERN_LABELS,
    ROLE_LABELS,
    SIDE_LABELS,
)
from models.bounded_context import (
    AiKind,
    BusinessModel,
    DomainRole,
    DomainType,
    Evolution,
    FallbackKind,
    MessageKind,
    MetricKind,
    MetricSource,
)
from models.relationship import RelationshipPattern, Role, Side

F = FieldKind
NO_AI = ("ai_profile.kind", AiKind.NONE.value)  # the AI fields mean nothing on a context that uses no AI
KIND_HELP = "What the metric is evidence of; the coupling analysis reads this, never the metric's wording."
WATCHES_HELP = "The upstream context or external model it checks; empty: this context itself."
INFERRED_HELP = "Kind inferred from the wording when the workspace was upgraded: untick once you have checked it."

BOUNDED_CONTEXT_CANVAS = CanvasDef(
    key="bounded_context",
    title="Bounded Context Canvas",
    collection="bounded_contexts",
    name_field="name",
    attribution="Bounded Context Canvas V5 by the DDD Crew",
    licence="CC BY-SA 4.0 · github.com/ddd-crew/bounded-context-canvas",
    source_url="https://github.com/ddd-crew/bounded-context-canvas",
    aspect=4954 / 3229,
    sections=(
        SectionDef(
            "name",
            "Name",
            "The name of the context that the team has agreed on.",
            (
                FieldDef("name", "Name", F.TEXT),
                FieldDef("owner_team", "Owner team", F.TEAM, "The team accountable for this context."),
            ),
            Box(0.007, 0.007, 0.616, 0.071),
            "header",
        ),
        SectionDef(
            "purpose",
            "Purpose",
            "What does this context do and why does it exist? Say what benefit it provides and to "
            "whom, in business language without technical detail.",
            (FieldDef("purpose", "Purpose", F.LONG_TEXT),),
            Box(0.007, 0.078, 0.440, 0.176),
            "top",
        ),
        SectionDef(
            "classification",
            "Strategic Classification",
            "How important is it to the business (domain), how does it help make money (business "
            "model), and how far has the capability evolved (Wardley stage)?",
            (
                FieldDef(
                    "domain",
                    "Domain",
                    F.CHOICE,
                    "Core differentiator, supporting or generic?",
                    options_of(DomainType, DOMAIN_LABELS),
                ),
                FieldDef(
                    "business_model",
                    "Business model",
                    F.CHOICE,
                    "Does it earn revenue, create engagement, enforce compliance or reduce cost?",
                    options_of(BusinessModel, BUSINESS_MODEL_LABELS),
                ),
                FieldDef(
                    "evolution",
                    "Evolution",
                    F.CHOICE,
                    "Genesis, custom built, product or commodity?",
                    options_of(Evolution, EVOLUTION_LABELS),
                ),
                FieldDef("classification_notes", "Notes", F.TEXT, "Explain an 'other' choice here."),
            ),
            Box(0.447, 0.078, 0.363, 0.176),
            "top",
        ),
        SectionDef(
            "domain_roles",
            "Domain Roles",
            "How does the context behave? Does it draft work, execute it, analyse it, or guard the edge of the system?",
            (
                FieldDef("domain_roles", "Role types", F.MULTI_CHOICE, "", options_of(DomainRole, DOMAIN_ROLE_LABELS)),
                FieldDef("domain_roles_notes", "Other roles", F.TEXT),
            ),
            Box(0.810, 0.078, 0.184, 0.176),
            "top",
        ),
        SectionDef(
            "inbound",
            "Inbound Communication",
            "Who starts a collaboration with this context, and with which messages: commands "
            "(do something), queries (tell me something) or events (something happened)?",
            (FieldDef("inbound", "Inbound Communication", F.COMMUNICATION),),
            Box(0.007, 0.254, 0.373, 0.558),
            "communication",
        ),
        SectionDef(
            "ubiquitous_language",
            "Ubiquitous Language",
            "Which domain terms matter in this context, and what do they mean here?",
            (
                FieldDef(
                    "ubiquitous_language",
                    "Ubiquitous Language",
                    F.TABLE,
                    columns=(Column("term", "Term"), Column("definition", "Definition", F.LONG_TEXT)),
                ),
            ),
            Box(0.380, 0.280, 0.240, 0.255),
            "language",
        ),
        SectionDef(
            "business_decisions",
            "Business Decisions",
            "Which key business rules, policies and decisions does this context own?",
            (
                FieldDef(
                    "business_decisions",
                    "Business Decisions",
                    F.LIST,
                    columns=(Column("value", "Decision", F.LONG_TEXT),),
                ),
            ),
            Box(0.380, 0.535, 0.240, 0.255),
            "language",
        ),
        SectionDef(
            "outbound",
            "Outbound Communication",
            "Which collaborations does this context start, with whom, and with which commands, queries or events?",
            (FieldDef("outbound", "Outbound Communication", F.COMMUNICATION),),
            Box(0.620, 0.254, 0.374, 0.558),
            "communication",
        ),
        SectionDef(
            "assumptions",
            "Assumptions",
            "Which design assumptions have not been verified yet? Write them down so they are explicit.",
            (FieldDef("assumptions", "Assumptions", F.LIST, columns=(Column("value", "Assumption", F.LONG_TEXT),)),),
            Box(0.007, 0.812, 0.437, 0.182),
            "bottom",
        ),
        SectionDef(
            "verification_metrics",
            "Verification Metrics",
            "Which metrics would confirm or refute this boundary (from CI/CD, the issue tracker or live systems)?",
            (
                FieldDef(
                    "verification_metrics",
                    "Verification Metrics",
                    F.TABLE,
                    columns=(
                        # The kind next to the metric: the box is narrow, and the rules read the kind.
                        Column("metric", "Metric", F.LONG_TEXT, width="medium"),
                        Column("kind", "Kind", F.CHOICE, options_of(MetricKind, METRIC_KIND_LABELS), help=KIND_HELP),
                        Column("watches", "Watches", F.CONTEXT, help=WATCHES_HELP, with_externals=True),
                        Column("kind_inferred", "To confirm", F.BOOL, help=INFERRED_HELP),
                        Column("source", "Source", F.CHOICE, options_of(MetricSource, METRIC_SOURCE_LABELS)),
                    ),
                    row_hint=metric_hint,
                ),
            ),
            Box(0.444, 0.812, 0.364, 0.182),
            "bottom",
        ),
        SectionDef(
            "open_questions",
            "Open Questions",
            "What could nobody in the room answer? Many open questions signal high uncertainty.",
            (
                FieldDef(
                    "open_questions", "Open Questions", F.LIST, columns=(Column("value", "Question", F.LONG_TEXT),)
                ),
            ),
            Box(0.808, 0.812, 0.186, 0.182),
            "bottom",
        ),
        SectionDef(
            "ai_profile",
            "AI profile",
            "Workbench extension, not part of the DDD Crew canvas. Does this context train, serve or "
            "call a model? Then say how it survives the model failing, drifting or changing.",
            (
                FieldDef(
                    "ai_profile.kind",
                    "AI kind",
                    F.CHOICE,
                    "What kind of AI component is this context?",
                    options_of(AiKind, AI_KIND_LABELS),
                ),
                FieldDef(
                    "ai_profile.provider",
                    "Provider",
                    F.TEXT,
                    "Who provides the model (team or vendor)?",
                    moot_when=NO_AI,
                ),
                FieldDef("ai_profile.model", "Model", F.TEXT, "Model name and version.", moot_when=NO_AI),
                FieldDef(
                    "ai_profile.version_pinned",
                    "Model version pinned",
                    F.BOOL,
                    "A new model version only arrives when you choose it.",
                    moot_when=NO_AI,
                ),
                FieldDef(
                    "ai_profile.fallback",
                    "Fallback",
                    F.CHOICE,
                    "What answers when the model cannot?",
                    options_of(FallbackKind, FALLBACK_LABELS),
                    moot_when=NO_AI,
                ),
                FieldDef("ai_profile.fallback_notes", "Fallback notes", F.TEXT, moot_when=NO_AI),
                FieldDef("ai_profile.sla.availability_percent", "SLA availability (%)", F.NUMBER, moot_when=NO_AI),
                FieldDef("ai_profile.sla.latency_p95_ms", "SLA p95 latency (ms)", F.INTEGER, moot_when=NO_AI),
                FieldDef(
                    "ai_profile.sla.freshness",
                    "SLA freshness",
                    F.TEXT,
                    "How current must the model or data be?",
                    moot_when=NO_AI,
                ),
                FieldDef("ai_profile.sla.recovery_time_minutes", "SLA recovery time (min)", F.INTEGER, moot_when=NO_AI),
                FieldDef(
                    "ai_profile.rollback",
                    "Rollback possible",
                    F.BOOL,
                    "A previous model version can be served again quickly.",
                    moot_when=NO_AI,
                ),
                FieldDef(
                    "ai_profile.feedback_loop_mitigation",
                    "Feedback-loop mitigation",
                    F.LONG_TEXT,
                    "If model outputs can become training data: holdout, exploration, logging what the model showed.",
                    moot_when=NO_AI,
                ),
                FieldDef("critical_path", "On a critical path", F.BOOL),
                FieldDef("big_ball_of_mud", "Big Ball of Mud", F.BOOL, "The model inside is tangled."),
                FieldDef(
                    "volatility",
                    "Volatility override (1-3)",
                    F.INTEGER,
                    "Leave empty to derive it from the classification.",
                ),
            ),
            None,
            "extension",
            extension=True,
        ),
    ),
    region_colours={"header": "#ced4da", "extension": "#f3e8ff"},
)

# The parts of one collaborator entry (a swimlane) in the inbound and outbound sections.
MESSAGES_FIELD = FieldDef(
    "messages",
    "Messages",
    F.TABLE,
    "Commands ask for something to be done, queries ask for information, events say something happened.",
    columns=(
        Column("kind", "Type", F.CHOICE, options_of(MessageKind, MESSAGE_KIND_LABELS)),
        Column("name", "Message", F.TEXT),
    ),
)
COLLABORATOR_FIELDS = (
    FieldDef(
        "pattern",
        "Relationship pattern",
        F.CHOICE,
        "The DDD context-mapping pattern with this collaborator.",
        options_of(RelationshipPattern, PATTERN_LABELS),
    ),
    FieldDef(
        "side",
        "This context is",
        F.CHOICE,
        "Upstream publishes, downstream consumes. Empty for symmetric patterns.",
        options_of(Side, SIDE_LABELS),
    ),
    FieldDef(
        "roles",
        "Roles of this context",
        F.MULTI_CHOICE,
        "OHS and PL upstream, ACL or CF downstream.",
        options_of(Role, ROLE_LABELS),
    ),
    FieldDef("collaborator_roles", "Roles of the collaborator", F.MULTI_CHOICE, "", options_of(Role, ROLE_LABELS)),
    *INTEGRATION_FIELDS,
    FieldDef("notes", "Notes", F.TEXT),
)
