"""What a team must know before each delivery phase (PoC, MVP, Product, Scaled): the workspace's readiness answers.

The phases and their concerns follow the "DevOps for AI" delivery model: a PoC proves hypotheses; an MVP needs a
budget, KPIs, service objectives, data quality, compliance and risks; a product also plans its evolution; a scaled
product adds governance, disaster recovery, cost optimisation and training.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field

from models import messages
from models.base import Name, RequiredText, StrictModel


def _iso_date_or_empty(value: str) -> str:
    """Dates are kept as typed text (a table cell may be empty), but a filled one must be a real date."""
    if value.strip():
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(messages.NOT_A_DATE.format(value=value)) from None
    return value.strip()


IsoDate = Annotated[str, AfterValidator(_iso_date_or_empty)]


class HypothesisResult(StrEnum):
    OPEN = "open"
    PROVEN = "proven"
    DISPROVEN = "disproven"


class Hypothesis(StrictModel):
    """One thing a proof of concept proves: what, when it counts as proven, and how that is measured."""

    claim: RequiredText
    proven_when: str = ""
    measured_by: str = ""
    deadline: IsoDate = ""
    result: HypothesisResult = HypothesisResult.OPEN


class BudgetKind(StrEnum):
    INITIAL = "initial"
    OPERATIONAL = "operational"
    UPDATE = "update"  # iterative extension and model updates


class BudgetLine(StrictModel):
    item: RequiredText
    kind: BudgetKind = BudgetKind.INITIAL
    amount: float | None = Field(default=None, ge=0)
    currency: str = "EUR"
    period: str = ""  # once, per month, per year, per release


class Kpi(StrictModel):
    """How success is defined and checked: what quality means, the target, how it is measured, where it stands."""

    name: RequiredText
    quality: str = ""
    target: str = ""
    measured_by: str = ""
    current: str = ""
    owner: str = ""


class ServiceObjective(StrictModel):
    """What one context promises, and what happens when it does not work."""

    context: Name
    availability_percent: float | None = Field(default=None, ge=0, le=100)
    latency_p95_ms: int | None = Field(default=None, ge=0)
    recovery_time_minutes: int | None = Field(default=None, ge=0)
    recovery_point_minutes: int | None = Field(default=None, ge=0)
    when_down: str = ""


class DataQualityCheck(StrictModel):
    data: RequiredText
    check: str = ""
    threshold: str = ""
    owner: str = ""


class PersonalData(StrEnum):
    UNKNOWN = "unknown"
    NO = "no"
    YES = "yes"


class AiActCategory(StrEnum):
    """The EU AI Act's risk categories; unclassified until the team has decided."""

    UNCLASSIFIED = "unclassified"
    MINIMAL = "minimal"
    LIMITED = "limited"
    HIGH = "high"
    PROHIBITED = "prohibited"


class Compliance(StrictModel):
    personal_data: PersonalData = PersonalData.UNKNOWN
    data_classes: list[str] = Field(default_factory=list)
    ai_act_category: AiActCategory = AiActCategory.UNCLASSIFIED
    dpia_done: bool = False  # the data-protection impact assessment
    notes: str = ""


class RiskKind(StrEnum):
    SECURITY = "security"
    BUSINESS = "business"
    DATA_LOSS = "data_loss"
    DATA_THEFT = "data_theft"
    WRONG_OUTPUT = "wrong_output"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Risk(StrictModel):
    risk: RequiredText
    kind: RiskKind = RiskKind.BUSINESS
    likelihood: Level = Level.MEDIUM
    impact: Level = Level.MEDIUM
    mitigation: str = ""
    owner: str = ""
    accepted_by: str = ""
    accepted_on: IsoDate = ""


class EvolutionPlan(StrictModel):
    """How the system and its models change: outcomes can change a lot after a small change, so each is evaluated."""

    update_cadence: str = ""
    evaluation_suite: str = ""
    drift_monitoring: str = ""


class GovernancePlan(StrictModel):
    model_owner: str = ""
    approval_path: str = ""


class RecoveryPlan(StrictModel):
    plan: str = ""
    restore_tested_on: IsoDate = ""


class Readiness(StrictModel):
    concept: str = ""
    hypotheses: list[Hypothesis] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    service_objectives: list[ServiceObjective] = Field(default_factory=list)
    data_quality: list[DataQualityCheck] = Field(default_factory=list)
    compliance: Compliance = Field(default_factory=Compliance)
    risks: list[Risk] = Field(default_factory=list)
    evolution: EvolutionPlan = Field(default_factory=EvolutionPlan)
    governance: GovernancePlan = Field(default_factory=GovernancePlan)
    disaster_recovery: RecoveryPlan = Field(default_factory=RecoveryPlan)
    cost_optimization: str = ""
    training_plan: str = ""
