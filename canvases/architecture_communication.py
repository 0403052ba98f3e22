"""The Architecture Communication Canvas (arc42): header and nine sections on a 4-column sheet."""

from canvases.definition import Box, CanvasDef, Column, FieldDef, FieldKind, SectionDef, options_of
from canvases.vocabulary import VERDICT_LABELS
from models.architecture_canvas import DecisionVerdict

F = FieldKind
# The published sheet is drawn on a 2160 x 1530 page; boxes are given in those units.
_W, _H = 2160, 1530


def _px(x: float, y: float, w: float, h: float) -> Box:
    return Box(x / _W, y / _H, w / _W, h / _H)


ARCHITECTURE_COMMUNICATION_CANVAS = CanvasDef(
    key="architecture_communication",
    title="Architecture Communication Canvas",
    collection="architecture_canvases",
    name_field="name",
    attribution=(
        "Architecture Communication Canvas by Gernot Starke, Benjamin Wolf, Patrick Roos and arc42 contributors"
    ),
    licence="CC BY-SA 4.0 · canvas.arc42.org",
    source_url="https://canvas.arc42.org/architecture-communication-canvas",
    aspect=_W / _H,
    sections=(
        SectionDef(
            "header",
            "Header",
            "Which system does this canvas describe, who made it, for whom and when?",
            (
                FieldDef("name", "Canvas name", F.TEXT),
                FieldDef("system", "System", F.TEXT),
                FieldDef("created_by", "Created by", F.TEXT),
                FieldDef("created_for", "Created for", F.TEXT),
                FieldDef("date_iteration", "Date / Iteration", F.TEXT),
            ),
            _px(1110, 60, 990, 76),
            "header",
            columns=5,
        ),
        SectionDef(
            "value_proposition",
            "Value Proposition",
            "What value does the system deliver, to whom, and why is it built and run? Answer at least one.",
            (FieldDef("value_proposition", "Value Proposition", F.LONG_TEXT),),
            _px(60, 180, 500, 240),
            "requirements",
        ),
        SectionDef(
            "key_stakeholders",
            "Key Stakeholder",
            "For whom is value created? Who pays for development and operations? Who are the most "
            "important customers and contributors?",
            (FieldDef("key_stakeholders", "Key Stakeholder", F.LIST, columns=(Column("value", "Stakeholder"),)),),
            _px(60, 430, 500, 360),
            "requirements",
        ),
        SectionDef(
            "core_functions",
            "Core Functions",
            "Which functions, features or use cases matter most? Which create high value, which are risky?",
            (FieldDef("core_functions", "Core Functions", F.LIST, columns=(Column("value", "Function"),)),),
            _px(570, 180, 500, 360),
            "requirements",
        ),
        SectionDef(
            "quality_requirements",
            "Quality Requirements",
            "Which quality goals matter: speed, reliability, security, usability, scalability...?",
            (
                FieldDef(
                    "quality_requirements",
                    "Quality Requirements",
                    F.TABLE,
                    columns=(Column("quality", "Quality"), Column("requirement", "Requirement", F.LONG_TEXT)),
                ),
            ),
            _px(570, 550, 500, 240),
            "requirements",
        ),
        SectionDef(
            "core_decisions",
            "Core Decisions – Good or Bad",
            "Which decisions led to today's system? Which are you proud of, which proved painful, "
            "which no longer make sense?",
            (
                FieldDef(
                    "core_decisions",
                    "Core Decisions – Good or Bad",
                    F.TABLE,
                    columns=(
                        Column("decision", "Decision", F.LONG_TEXT),
                        Column("verdict", "Good or bad", F.CHOICE, options_of(DecisionVerdict, VERDICT_LABELS)),
                        Column("reason", "Why", F.LONG_TEXT),
                    ),
                ),
            ),
            _px(1090, 180, 500, 610),
            "solution",
        ),
        SectionDef(
            "technologies",
            "Technologies",
            "Which languages, frameworks, databases, infrastructure and operations tools are used?",
            (FieldDef("technologies", "Technologies", F.LIST, columns=(Column("value", "Technology"),)),),
            _px(1600, 180, 500, 610),
            "solution",
        ),
        SectionDef(
            "business_context",
            "Business Context",
            "Which neighbours matter most: key data sources and sinks, volatile or expensive "
            "interfaces, important actors and user roles?",
            (
                FieldDef(
                    "business_context",
                    "Business Context",
                    F.TABLE,
                    columns=(
                        Column("name", "Neighbour"),
                        Column("kind", "Kind"),
                        Column("description", "Why it matters", F.LONG_TEXT),
                    ),
                ),
            ),
            _px(60, 800, 1010, 360),
            "context",
        ),
        SectionDef(
            "components",
            "Components / Modules",
            "Which major building blocks make up the system? Link each to its bounded context.",
            (
                FieldDef(
                    "components",
                    "Components / Modules",
                    F.TABLE,
                    columns=(
                        Column("name", "Component"),
                        Column("responsibility", "Responsibility", F.LONG_TEXT),
                        Column("bounded_context", "Bounded context", F.CONTEXT),
                    ),
                ),
            ),
            _px(1090, 800, 1010, 360),
            "solution",
        ),
        SectionDef(
            "risks",
            "Core Risks and Missing Information",
            "What causes trouble in implementation, test or operation? What blocks delivery? What "
            "information is missing?",
            (FieldDef("risks", "Core Risks and Missing Information", F.LIST, columns=(Column("value", "Risk"),)),),
            _px(60, 1180, 2040, 240),
            "problems",
        ),
    ),
    region_colours={
        "requirements": "#8fe4b4",
        "solution": "#94d7ef",
        "problems": "#ffc7c6",
        "context": "#92ded2",
        "header": "#2f5b7c",
    },
)
