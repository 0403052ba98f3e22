"""The readiness rules' checks: each returns the gaps it finds (empty when the concern is answered)."""

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from analysis import readiness_texts as texts
from models.bounded_context import BoundedContextCanvas, FallbackKind
from models.finding import Finding, FindingStatus, Severity
from models.readiness import BudgetKind, HypothesisResult, Level, PersonalData, RiskKind
from models.workspace import Workspace


@dataclass(frozen=True)
class Facts:
    """What a check may look at: the workspace, its coupling findings, and the day it is judged on."""

    workspace: Workspace
    findings: list[Finding]
    today: dt.date


Check = Callable[[Facts], list[str]]


def _blank(text: str) -> bool:
    return not text.strip()


def _lacking(fields: Mapping[str, object]) -> str:
    """'a and b' for the labels whose values are empty, or '' when all are given."""
    missing = [label for label, value in fields.items() if value is None or (isinstance(value, str) and _blank(value))]
    return " and ".join(missing)


def concept_written(facts: Facts) -> list[str]:
    return [texts.MISSING.format(what="the concept")] if _blank(facts.workspace.readiness.concept) else []


def hypotheses_complete(facts: Facts) -> list[str]:
    gaps = []
    for h in facts.workspace.readiness.hypotheses:
        if lacking := _lacking({"'Proven when'": h.proven_when, "'Measured by'": h.measured_by}):
            gaps.append(texts.HYPOTHESIS_INCOMPLETE.format(claim=h.claim, fields=lacking))
    return gaps


def hypotheses_listed(facts: Facts) -> list[str]:
    return [] if facts.workspace.readiness.hypotheses else [texts.NO_HYPOTHESES]


def hypotheses_decided(facts: Facts) -> list[str]:
    hypotheses = facts.workspace.readiness.hypotheses
    return [texts.HYPOTHESIS_OPEN.format(claim=h.claim) for h in hypotheses if h.result is HypothesisResult.OPEN]


def budget_covered(facts: Facts) -> list[str]:
    priced = {line.kind for line in facts.workspace.readiness.budget if line.amount is not None}
    labels = {BudgetKind.INITIAL: "initial", BudgetKind.OPERATIONAL: "operational", BudgetKind.UPDATE: "update"}
    return [texts.BUDGET_KIND_MISSING.format(kind=labels[k]) for k in BudgetKind if k not in priced]


def kpis_defined(facts: Facts) -> list[str]:
    kpis = facts.workspace.readiness.kpis
    if not kpis:
        return [texts.NO_KPIS]
    gaps = []
    for kpi in kpis:
        fields = {"what quality means": kpi.quality, "a target": kpi.target, "a measurement": kpi.measured_by}
        if lacking := _lacking(fields):
            gaps.append(texts.KPI_INCOMPLETE.format(name=kpi.name, fields=lacking))
    return gaps


def kpis_measured(facts: Facts) -> list[str]:
    return [texts.KPI_UNMEASURED.format(name=k.name) for k in facts.workspace.readiness.kpis if _blank(k.current)]


def _when_down(context: BoundedContextCanvas, stated: str) -> str:
    """The team's answer to 'what if it does not work': as stated, else the fallback of the AI profile."""
    profile = context.ai_profile
    if stated.strip() or profile.fallback is FallbackKind.NONE:
        return stated
    return profile.fallback_notes or profile.fallback.value


def service_levels_stated(facts: Facts) -> list[str]:
    rows = {o.context: o for o in facts.workspace.readiness.service_objectives}
    gaps = []
    for context in facts.workspace.bounded_contexts:
        if not context.ai_profile.is_ai:
            continue
        row, sla = rows.get(context.name), context.ai_profile.sla
        availability = row.availability_percent if row and row.availability_percent is not None else None
        recovery = row.recovery_time_minutes if row and row.recovery_time_minutes is not None else None
        fields = {
            "availability": availability if availability is not None else sla.availability_percent,
            "a recovery time": recovery if recovery is not None else sla.recovery_time_minutes,
            "what happens when it does not work": _when_down(context, row.when_down if row else ""),
        }
        if lacking := _lacking(fields):
            gaps.append(texts.OBJECTIVE_INCOMPLETE.format(context=context.name, fields=lacking))
    return gaps


def loosely_coupled(facts: Facts) -> list[str]:
    return [
        texts.OPEN_ERROR_FINDING.format(rule=f.rule, subject=f.subject)
        for f in facts.findings
        if f.severity is Severity.ERROR and f.status is FindingStatus.OPEN and f.rule.startswith("AIC")
    ]


def data_quality_checked(facts: Facts) -> list[str]:
    checks = facts.workspace.readiness.data_quality
    if not checks:
        return [texts.NO_CHECKS]
    gaps = []
    for c in checks:
        if lacking := _lacking({"a check": c.check, "a threshold": c.threshold}):
            gaps.append(texts.CHECK_INCOMPLETE.format(data=c.data, fields=lacking))
    return gaps


def compliance_decided(facts: Facts) -> list[str]:
    compliance, gaps = facts.workspace.readiness.compliance, []
    if compliance.personal_data is PersonalData.UNKNOWN:
        gaps.append(texts.PERSONAL_DATA_UNDECIDED)
    if compliance.ai_act_category.value == "unclassified":
        gaps.append(texts.AI_ACT_UNCLASSIFIED)
    if compliance.personal_data is PersonalData.YES and not compliance.data_classes:
        gaps.append(texts.NO_DATA_CLASSES)
    if compliance.personal_data is PersonalData.YES and not compliance.dpia_done:
        gaps.append(texts.NO_DPIA)
    return gaps


# Words in a term of a context's ubiquitous language that name personal data (GDPR Art. 4 examples).
PERSONAL_WORDS = frozenset(
    {"email", "e-mail", "phone", "birth", "birthday", "iban", "passport", "salary", "patient", "health", "address"}
)


def personal_data_covered(facts: Facts) -> list[str]:
    if facts.workspace.readiness.compliance.personal_data is PersonalData.YES:
        return []
    gaps = []
    for context in facts.workspace.bounded_contexts:
        named = [
            t.term for t in context.ubiquitous_language if PERSONAL_WORDS & set(re.findall(r"[\w-]+", t.term.lower()))
        ]
        if named:
            gaps.append(texts.PERSONAL_TERMS.format(context=context.name, terms=", ".join(named)))
    return gaps


def risks_managed(facts: Facts) -> list[str]:
    risks = facts.workspace.readiness.risks
    kinds = {r.kind for r in risks}
    gaps = [
        texts.NO_RISK_OF_KIND.format(kind=k.value) for k in (RiskKind.SECURITY, RiskKind.BUSINESS) if k not in kinds
    ]
    for r in risks:
        if lacking := _lacking({"a mitigation": r.mitigation, "an owner": r.owner}):
            gaps.append(texts.RISK_INCOMPLETE.format(risk=r.risk, fields=lacking))
        if r.impact is Level.HIGH and (_blank(r.accepted_by) or _blank(r.accepted_on)):
            gaps.append(texts.RISK_NOT_ACCEPTED.format(risk=r.risk))
    return gaps


def evolution_planned(facts: Facts) -> list[str]:
    plan = facts.workspace.readiness.evolution
    fields = {
        "the model and prompt updates": plan.update_cadence,
        "the evaluation after every change": plan.evaluation_suite,
        "the drift monitoring": plan.drift_monitoring,
    }
    return [texts.MISSING.format(what=label) for label, value in fields.items() if _blank(value)]


def governance_set(facts: Facts) -> list[str]:
    plan = facts.workspace.readiness.governance
    fields = {"the model owner": plan.model_owner, "the approval path": plan.approval_path}
    return [texts.MISSING.format(what=label) for label, value in fields.items() if _blank(value)]


def recovery_tested(facts: Facts) -> list[str]:
    plan = facts.workspace.readiness.disaster_recovery
    gaps = [texts.MISSING.format(what="the recovery plan")] if _blank(plan.plan) else []
    if not plan.restore_tested_on:
        return [*gaps, texts.RESTORE_NEVER_TESTED]
    if (facts.today - dt.date.fromisoformat(plan.restore_tested_on)).days > 365:
        gaps.append(texts.RESTORE_TOO_OLD.format(date=plan.restore_tested_on))
    return gaps


def costs_optimised(facts: Facts) -> list[str]:
    text = facts.workspace.readiness.cost_optimization
    return [texts.MISSING.format(what="the cost optimization")] if _blank(text) else []


def training_planned(facts: Facts) -> list[str]:
    return [texts.MISSING.format(what="the training plan")] if _blank(facts.workspace.readiness.training_plan) else []
