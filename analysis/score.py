"""The AI coupling score (0-100, higher is tighter), its explanation in three parts, and the gate."""

import heapq
from dataclasses import dataclass

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap
from analysis.metrics import MapMetrics
from models.finding import Finding, FindingStatus, Severity

BANDS = ((20, "loosely coupled"), (40, "moderate"), (60, "elevated"), (80, "high"), (101, "critical"))

# Findings about the workspace's own bookkeeping (canvases that disagree, acceptances that miss): reported,
# never scored, never failing the gate.
BOOKKEEPING = ("CON", "ACC")


@dataclass(frozen=True)
class ScorePart:
    name: str
    value: float
    maximum: float
    detail: str


@dataclass(frozen=True)
class Score:
    value: int
    band: str
    parts: tuple[ScorePart, ...]
    gate: str  # "pass" or "fail"
    gate_reason: str
    lever: str = ""

    def explanation(self) -> str:
        lines = [f"AI coupling score {self.value} ({self.band}) — gate: {self.gate.upper()} ({self.gate_reason})"]
        lines += [f"  {p.name:<18} {p.value:5.1f} / {p.maximum:.0f}   {p.detail}" for p in self.parts]
        if self.lever:
            lines.append(f"  Biggest lever: {self.lever}")
        return "\n".join(lines)


def band_of(value: float) -> str:
    return next(label for limit, label in BANDS if value < limit)


def counts_in_score(f: Finding) -> bool:
    return f.status is not FindingStatus.NOT_EVALUABLE and not f.rule.startswith(BOOKKEEPING)


def _critical_and_near(cmap: ContextMap) -> tuple[set[str], set[str]]:
    """The critical contexts, and those plus their direct neighbours, computed once for all findings."""
    deps = cmap.dependencies
    critical = {name for name, node in cmap.nodes.items() if node.critical}
    near = set(critical)
    for name in critical & set(deps):
        near.update(deps.predecessors(name), deps.successors(name))
    return critical, near


def finding_weight(f: Finding, critical: set[str], near: set[str], config: AnalysisConfig) -> float:
    weight = config.severity_weights[f.severity]
    # A finding about one context touches its direct neighbours too (coupling-rules.md §5).
    if not (near if len(f.contexts) == 1 else critical).isdisjoint(f.contexts):
        weight *= config.critical_multiplier
    if f.status is FindingStatus.ACCEPTED:
        weight *= config.accepted_weight
    return weight


def _findings_part(findings: list[Finding], cmap: ContextMap, config: AnalysisConfig) -> ScorePart:
    critical, near = _critical_and_near(cmap)
    weighted = [(f, finding_weight(f, critical, near, config)) for f in findings if counts_in_score(f)]
    raw = sum(w for _, w in weighted)
    top = heapq.nlargest(4, weighted, key=lambda fw: fw[1])  # the first of equal weights, as a stable sort
    detail = "; ".join(
        f"{f.rule} {f.severity.value}{' (accepted)' if f.status is FindingStatus.ACCEPTED else ''} = {w:.1f}"
        for f, w in top
    )
    more = len(weighted) - len(top)
    return ScorePart(
        "A findings", min(50.0, raw), 50, (detail or "no findings") + (f" … +{more} more" if more > 0 else "")
    )


def _pain_part(cmap: ContextMap, metrics: MapMetrics) -> ScorePart:
    value = 30 * (0.5 * metrics.max_ai_pain + 0.5 * metrics.mean_ai_pain)
    ai = {n for n, node in cmap.nodes.items() if node.is_ai}
    worst = max(
        (e for e in cmap.edges if e.strength > 0 and {e.upstream, e.downstream} & ai),
        key=lambda e: (e.pain, e.label),
        default=None,
    )
    detail = (
        "no AI edges"
        if worst is None
        else (
            f"max pain {worst.pain:.2f} ({worst.label}: S{worst.strength} × Dist{worst.distance} × "
            f"V{worst.volatility}), mean {metrics.mean_ai_pain:.2f}"
        )
    )
    return ScorePart("B structural pain", value, 30, detail)


def _propagation_part(metrics: MapMetrics) -> ScorePart:
    value = 12 * metrics.max_outage_blast_radius + 8 * metrics.ai_cycle_ratio
    detail = (
        f"outage blast radius {metrics.max_outage_blast_radius:.2f}; AI nodes in cycles {metrics.ai_cycle_ratio:.2f}"
    )
    return ScorePart("C propagation", value, 20, detail)


def gate_of(findings: list[Finding], fail_on: Severity = Severity.ERROR) -> tuple[str, str]:
    failing = {Severity.ERROR} if fail_on is Severity.ERROR else {Severity.ERROR, Severity.WARNING}
    blocking = [
        f
        for f in findings
        if f.status is FindingStatus.OPEN and f.severity in failing and not f.rule.startswith(BOOKKEEPING)
    ]
    kinds = sorted(s.value for s in failing)
    if not blocking:
        return "pass", f"no unaccepted {' or '.join(kinds)}"
    plural = "s" if len(blocking) > 1 else ""
    return "fail", f"{len(blocking)} unaccepted {' or '.join(kind + plural for kind in kinds)}"


def compute_score(findings: list[Finding], cmap: ContextMap, metrics: MapMetrics, config: AnalysisConfig) -> Score:
    parts = (_findings_part(findings, cmap, config), _pain_part(cmap, metrics), _propagation_part(metrics))
    value = round(sum(p.value for p in parts))
    gate, reason = gate_of(findings)
    return Score(value, band_of(value), parts, gate, reason)


FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING}


def gate_for(findings: list[Finding], fail_on: str) -> tuple[str, str]:
    """'pass' or 'fail' with its reason for a pipeline's --fail-on (error, warning, never: report only)."""
    if fail_on == "never":
        return "pass", "gate disabled (--fail-on never)"
    return gate_of(findings, FAIL_ON[fail_on])
