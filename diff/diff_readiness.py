"""How delivery readiness moved between two analyses: each phase's figure and gate, and the rules newly open or
newly answered."""

from analysis.readiness import ReadinessReport
from diff.diff_model import PhaseFigure, ReadinessChange


def diff_readiness(old: ReadinessReport, new: ReadinessReport) -> ReadinessChange:
    figures = []
    for before, after in zip(old.phases, new.phases, strict=True):
        figure = PhaseFigure(
            before.phase.value, before.answered, after.answered, len(after.items), before.ready, after.ready
        )
        if (figure.answered_before, figure.ready_before) != (figure.answered_after, figure.ready_after):
            figures.append(figure)
    was = {item.rule: item for phase in old.phases for item in phase.items}
    now = {item.rule: item for phase in new.phases for item in phase.items}
    newly_open = tuple((r, now[r].title) for r in now if not now[r].answered and r in was and was[r].answered)
    answered = tuple((r, now[r].title) for r in now if now[r].answered and r in was and not was[r].answered)
    return ReadinessChange(old.current.value, new.current.value, tuple(figures), newly_open, answered)
