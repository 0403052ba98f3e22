"""How a comparison words the change in delivery readiness, the same in every review format."""

from typing import Any

from analysis.readiness_texts import PHASE_TITLES
from diff.diff_model import PhaseFigure, ReadinessChange


def _gate(ready: bool) -> str:
    return "ready" if ready else "not ready"


def figure_text(figure: PhaseFigure) -> str:
    """E.g. 'Product: 10 → 11 of 12 answered, not ready → ready'."""
    text = f"{PHASE_TITLES[figure.phase]}: "
    if figure.answered_before == figure.answered_after:
        text += f"{figure.answered_after} of {figure.required} answered"
    else:
        text += f"{figure.answered_before} → {figure.answered_after} of {figure.required} answered"
    if figure.ready_before != figure.ready_after:
        text += f", {_gate(figure.ready_before)} → {_gate(figure.ready_after)}"
    return text


def readiness_lines(change: ReadinessChange) -> list[str]:
    """One line per moved phase and per rule newly open or answered; the phase itself when it changed."""
    lines = []
    if change.phase_before != change.phase_after:
        lines.append(f"Phase: {PHASE_TITLES[change.phase_before]} → {PHASE_TITLES[change.phase_after]}")
    lines += [figure_text(f) for f in change.phases]
    lines += [f"Newly open: {rule} {title}" for rule, title in change.newly_open]
    lines += [f"Newly answered: {rule} {title}" for rule, title in change.newly_answered]
    return lines


def readiness_summary(change: ReadinessChange | None) -> str | None:
    """The part of a comparison's one-line summary: gates that flipped, else how many concerns moved."""
    if change is None or change.is_empty:
        return None
    flipped = [f for f in change.phases if f.ready_before != f.ready_after]
    if flipped:
        return ", ".join(f"{_gate(f.ready_after)} for {PHASE_TITLES[f.phase]}" for f in flipped)
    moved = len(change.newly_open) + len(change.newly_answered)
    return f"readiness: {moved} concern{'s' if moved != 1 else ''} changed" if moved else "readiness changed"


def readiness_data(change: ReadinessChange) -> dict[str, Any]:
    return {
        "phase": {"old": change.phase_before, "new": change.phase_after},
        "phases": [
            {
                "phase": f.phase,
                "answered": {"old": f.answered_before, "new": f.answered_after},
                "required": f.required,
                "ready": {"old": f.ready_before, "new": f.ready_after},
            }
            for f in change.phases
        ],
        "newly_open": [{"rule": r, "title": t} for r, t in change.newly_open],
        "newly_answered": [{"rule": r, "title": t} for r, t in change.newly_answered],
    }
