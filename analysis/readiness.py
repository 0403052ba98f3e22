"""assess_readiness: which concerns of each delivery phase the workspace answers, a figure per phase, and the gate
for the next phase (ready when no blocking rule of that phase finds a gap)."""

import datetime as dt
from dataclasses import dataclass

from analysis import readiness_rules as checks
from analysis.readiness_texts import RULES
from models.finding import Finding
from models.workspace import DeliveryPhase, Workspace

P = DeliveryPhase
PHASES = (P.POC, P.MVP, P.PRODUCT, P.SCALED)
EVERY_PHASE = frozenset(PHASES)
FROM_MVP = frozenset({P.MVP, P.PRODUCT, P.SCALED})
FROM_PRODUCT = frozenset({P.PRODUCT, P.SCALED})
SCALED = frozenset({P.SCALED})


@dataclass(frozen=True)
class ReadinessRule:
    rule: str
    concern: str  # the section of the readiness form (canvases/readiness.py) that answers it, or "context_map"
    phases: frozenset[DeliveryPhase]  # the phases that require it
    blocking: bool  # False: advice, never holds a phase back
    check: checks.Check


RULE_TABLE = (
    ReadinessRule("RDY001", "concept", EVERY_PHASE, True, checks.concept_written),
    ReadinessRule("RDY002", "hypotheses", frozenset({P.POC}), True, checks.hypotheses_complete),
    ReadinessRule("RDY003", "hypotheses", frozenset({P.POC}), False, checks.hypotheses_listed),
    ReadinessRule("RDY004", "hypotheses", FROM_MVP, True, checks.hypotheses_decided),
    ReadinessRule("RDY005", "budget", FROM_MVP, True, checks.budget_covered),
    ReadinessRule("RDY006", "kpis", FROM_MVP, True, checks.kpis_defined),
    ReadinessRule("RDY007", "kpis", FROM_PRODUCT, True, checks.kpis_measured),
    ReadinessRule("RDY008", "service_objectives", FROM_MVP, True, checks.service_levels_stated),
    ReadinessRule("RDY009", "context_map", FROM_MVP, True, checks.loosely_coupled),
    ReadinessRule("RDY010", "data_quality", FROM_MVP, True, checks.data_quality_checked),
    ReadinessRule("RDY011", "compliance", FROM_MVP, True, checks.compliance_decided),
    ReadinessRule("RDY012", "compliance", FROM_MVP, True, checks.personal_data_covered),
    ReadinessRule("RDY013", "risks", FROM_MVP, True, checks.risks_managed),
    ReadinessRule("RDY014", "evolution", FROM_PRODUCT, True, checks.evolution_planned),
    ReadinessRule("RDY015", "governance", SCALED, True, checks.governance_set),
    ReadinessRule("RDY016", "disaster_recovery", SCALED, True, checks.recovery_tested),
    ReadinessRule("RDY017", "cost_optimization", SCALED, True, checks.costs_optimised),
    ReadinessRule("RDY018", "training_plan", SCALED, True, checks.training_planned),
)


@dataclass(frozen=True)
class ReadinessItem:
    """One rule judged on the workspace: answered when it found no gap."""

    rule: str
    title: str
    concern: str
    phases: frozenset[DeliveryPhase]
    blocking: bool
    gaps: tuple[str, ...]
    rationale: str
    remedy: str

    @property
    def answered(self) -> bool:
        return not self.gaps


@dataclass(frozen=True)
class PhaseReadiness:
    phase: DeliveryPhase
    items: tuple[ReadinessItem, ...]  # the rules this phase requires, open ones first

    @property
    def answered(self) -> int:
        return sum(item.answered for item in self.items)

    @property
    def blocking_gaps(self) -> tuple[ReadinessItem, ...]:
        return tuple(item for item in self.items if item.blocking and not item.answered)

    @property
    def ready(self) -> bool:
        return not self.blocking_gaps


@dataclass(frozen=True)
class ReadinessReport:
    current: DeliveryPhase
    phases: tuple[PhaseReadiness, ...]

    @property
    def next_phase(self) -> DeliveryPhase | None:
        index = PHASES.index(self.current)
        return PHASES[index + 1] if index + 1 < len(PHASES) else None

    def phase(self, phase: DeliveryPhase) -> PhaseReadiness:
        return next(p for p in self.phases if p.phase is phase)


def assess_readiness(workspace: Workspace, findings: list[Finding], today: dt.date) -> ReadinessReport:
    """Every rule once; each phase then counts the rules it requires."""
    facts = checks.Facts(workspace, findings, today)
    items = []
    for r in RULE_TABLE:
        text = RULES[r.rule]
        gaps = tuple(r.check(facts))
        items.append(
            ReadinessItem(r.rule, text.title, r.concern, r.phases, r.blocking, gaps, text.rationale, text.remedy)
        )
    phases = tuple(
        PhaseReadiness(
            phase, tuple(sorted((i for i in items if phase in i.phases), key=lambda i: (i.answered, i.rule)))
        )
        for phase in PHASES
    )
    return ReadinessReport(workspace.phase, phases)
