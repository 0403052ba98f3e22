"""The readiness form: the answers a team gives before each delivery phase, as one definition for the Readiness
page, validation messages, the report and the version comparison. Field keys are paths in the workspace."""

from canvases.definition import CanvasDef, Column, FieldDef, FieldKind, SectionDef, options_of
from models.readiness import AiActCategory, BudgetKind, HypothesisResult, Level, PersonalData, RiskKind

F = FieldKind

RESULT_LABELS = {"open": "Open", "proven": "Proven", "disproven": "Disproven"}
BUDGET_LABELS = {"initial": "Initial", "operational": "Operational", "update": "Extension and updates"}
PERSONAL_DATA_LABELS = {"unknown": "Not decided", "no": "No personal data", "yes": "Personal data handled"}
AI_ACT_LABELS = {
    "unclassified": "Not classified yet",
    "minimal": "Minimal risk",
    "limited": "Limited risk (transparency duties)",
    "high": "High risk",
    "prohibited": "Prohibited practice",
}
RISK_KIND_LABELS = {
    "security": "Security",
    "business": "Business",
    "data_loss": "Data lost",
    "data_theft": "Data stolen",
    "wrong_output": "Wrong output",
}
LEVEL_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}


def _table(key: str, label: str, *columns: Column) -> tuple[FieldDef, ...]:
    return (FieldDef(f"readiness.{key}", label, F.TABLE, columns=columns),)


def _text(key: str, label: str, hint: str = "") -> FieldDef:
    return FieldDef(f"readiness.{key}", label, F.LONG_TEXT, hint)


SECTIONS = (
    SectionDef(
        "concept",
        "Concept",
        "What is built, for whom, and what the AI part does: the minimal concept.",
        (_text("concept", "Concept"),),
    ),
    SectionDef(
        "hypotheses",
        "Proof-of-concept hypotheses",
        "What do we want to prove, when does it count as proven, and how is success measured?",
        _table(
            "hypotheses",
            "Hypotheses",
            Column("claim", "What we want to prove", F.LONG_TEXT),
            Column("proven_when", "Proven when", F.LONG_TEXT),
            Column("measured_by", "Measured by"),
            Column("deadline", "Deadline (YYYY-MM-DD)"),
            Column("result", "Result", F.CHOICE, options_of(HypothesisResult, RESULT_LABELS), default="open"),
        ),
    ),
    SectionDef(
        "budget",
        "Budget",
        "Initial, operational, and iterative extension and update costs.",
        _table(
            "budget",
            "Budget lines",
            Column("item", "Item"),
            Column("kind", "Kind", F.CHOICE, options_of(BudgetKind, BUDGET_LABELS), default="initial"),
            Column("amount", "Amount", F.NUMBER),
            Column("currency", "Currency", default="EUR"),
            Column("period", "Period", help="once, per month, per year, per release"),
        ),
    ),
    SectionDef(
        "kpis",
        "Success and KPIs",
        "How is quality defined, which KPIs show success, how are they measured, and are they met?",
        _table(
            "kpis",
            "KPIs",
            Column("name", "KPI"),
            Column("quality", "What quality means", F.LONG_TEXT),
            Column("target", "Target"),
            Column("measured_by", "Measured by"),
            Column("current", "Current value"),
            Column("owner", "Owner"),
        ),
    ),
    SectionDef(
        "service_objectives",
        "Service levels and recovery",
        "Per AI context: what it promises, how fast it recovers, how much data may be lost, what happens when it"
        " does not work. Values left empty are taken from the context's AI profile.",
        _table(
            "service_objectives",
            "Service objectives",
            Column("context", "Context", F.CONTEXT),
            Column("availability_percent", "Availability %", F.NUMBER),
            Column("latency_p95_ms", "Latency p95 (ms)", F.INTEGER),
            Column("recovery_time_minutes", "Recovery time (min)", F.INTEGER),
            Column("recovery_point_minutes", "Data loss allowed (min)", F.INTEGER),
            Column("when_down", "When it does not work", F.LONG_TEXT),
        ),
    ),
    SectionDef(
        "data_quality",
        "Data quality",
        "Which data the AI parts learn from or act on, and how its quality is checked.",
        _table(
            "data_quality",
            "Checks",
            Column("data", "Data"),
            Column("check", "Check", F.LONG_TEXT),
            Column("threshold", "Threshold"),
            Column("owner", "Owner"),
        ),
    ),
    SectionDef(
        "compliance",
        "Compliance",
        "Which personal data is handled, how the EU AI Act classifies the system, and whether the data-protection"
        " impact assessment is done.",
        (
            FieldDef(
                "readiness.compliance.personal_data",
                "Personal data",
                F.CHOICE,
                options=options_of(PersonalData, PERSONAL_DATA_LABELS),
            ),
            FieldDef(
                "readiness.compliance.data_classes",
                "Data classes",
                F.LIST,
                "e.g. contact data, payment data",
                columns=(Column("value", "Data class"),),
            ),
            FieldDef(
                "readiness.compliance.ai_act_category",
                "EU AI Act category",
                F.CHOICE,
                options=options_of(AiActCategory, AI_ACT_LABELS),
            ),
            FieldDef("readiness.compliance.dpia_done", "Data-protection impact assessment done", F.BOOL),
            FieldDef("readiness.compliance.notes", "Notes", F.LONG_TEXT),
        ),
    ),
    SectionDef(
        "risks",
        "Risks and risk acceptance",
        "What happens if we do something wrong, or data is lost or stolen? Who limits it, who accepted what remains?",
        _table(
            "risks",
            "Risks",
            Column("risk", "Risk", F.LONG_TEXT),
            Column("kind", "Kind", F.CHOICE, options_of(RiskKind, RISK_KIND_LABELS), default="business"),
            Column("likelihood", "Likelihood", F.CHOICE, options_of(Level, LEVEL_LABELS), default="medium"),
            Column("impact", "Impact", F.CHOICE, options_of(Level, LEVEL_LABELS), default="medium"),
            Column("mitigation", "Mitigation", F.LONG_TEXT),
            Column("owner", "Owner"),
            Column("accepted_by", "Accepted by", read_only=True, help="Set by 'Accept a risk' above, as who did it"),
            Column("accepted_on", "Accepted on", read_only=True),
        ),
    ),
    SectionDef(
        "evolution",
        "Evolution",
        "How do the system and its models change? Outcomes can change a lot after a small change: what is evaluated"
        " after each one, and how is drift noticed?",
        (
            _text("evolution.update_cadence", "Model and prompt updates"),
            _text("evolution.evaluation_suite", "Evaluation after every change"),
            _text("evolution.drift_monitoring", "Drift monitoring"),
        ),
    ),
    SectionDef(
        "governance",
        "Governance",
        "Who owns the models, and who approves a new one?",
        (_text("governance.model_owner", "Model owner"), _text("governance.approval_path", "Approval path")),
    ),
    SectionDef(
        "disaster_recovery",
        "Disaster recovery",
        "How the system comes back after losing a region, a provider or its data, and when a restore was last tried.",
        (
            _text("disaster_recovery.plan", "Plan"),
            FieldDef("readiness.disaster_recovery.restore_tested_on", "Restore last tested on (YYYY-MM-DD)", F.TEXT),
        ),
    ),
    SectionDef(
        "cost_optimization",
        "Cost optimization",
        "Where the running costs go and how they are kept down.",
        (_text("cost_optimization", "Cost optimization"),),
    ),
    SectionDef(
        "training_plan",
        "Training plan",
        "How the people who run, use and support the system learn it.",
        (_text("training_plan", "Training plan"),),
    ),
)

READINESS = CanvasDef(
    key="readiness",
    title="Readiness",
    collection="",
    name_field="name",
    attribution="",
    licence="",
    source_url="",
    aspect=1.0,
    sections=SECTIONS,
)
