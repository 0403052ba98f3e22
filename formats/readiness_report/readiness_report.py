"""The readiness of a workspace for one phase, as JSON-ready data and as plain text, for the command line."""

from typing import Any

from analysis.readiness import PHASES, ReadinessReport
from analysis.readiness_texts import PHASE_TITLES
from models.workspace import DeliveryPhase

READY, NOT_READY = "ready", "not ready"


def readiness_as_data(report: ReadinessReport, phase: DeliveryPhase) -> dict[str, Any]:
    wanted = report.phase(phase)
    return {
        "current_phase": report.current.value,
        "phase": phase.value,
        "ready": wanted.ready,
        "phases": [
            {
                "phase": p.value,
                "answered": report.phase(p).answered,
                "required": len(report.phase(p).items),
                "ready": report.phase(p).ready,
            }
            for p in PHASES
        ],
        "items": [
            {
                "rule": item.rule,
                "title": item.title,
                "concern": item.concern,
                "blocking": item.blocking,
                "answered": item.answered,
                "gaps": list(item.gaps),
                "remedy": item.remedy,
            }
            for item in wanted.items
        ],
    }


def readiness_as_text(report: ReadinessReport, phase: DeliveryPhase) -> str:
    """A phase table, then the chosen phase's open items (blocking ones first) with their gaps and remedies."""
    wanted = report.phase(phase)
    lines = [f"Current phase: {PHASE_TITLES[report.current.value]}", "", "phase     answered  ready"]
    for p in PHASES:
        figures = report.phase(p)
        mark = " <- current" if p is report.current else ""
        state = READY if figures.ready else NOT_READY
        lines.append(f"{PHASE_TITLES[p.value]:<9} {figures.answered:>3}/{len(figures.items):<5} {state}{mark}")
    lines += ["", f"{PHASE_TITLES[phase.value]}: {READY if wanted.ready else NOT_READY}"]
    for item in sorted(wanted.items, key=lambda i: (i.answered, not i.blocking, i.rule)):
        if item.answered:
            continue
        kind = "blocks" if item.blocking else "advice"
        lines.append(f"  {item.rule} [{kind}] {item.title}")
        lines += [f"    - {gap}" for gap in item.gaps]
        lines.append(f"    remedy: {item.remedy}")
    return "\n".join(lines) + "\n"
