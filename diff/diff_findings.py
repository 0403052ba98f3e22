"""Findings new, resolved and changed in severity or status between two analyses, and the score before and after."""

import re
from collections.abc import Mapping

from analysis.engine import Analysis
from diff.diff_entries import pair_entries
from diff.diff_model import FindingChange, FindingsDiff, ScoreChange
from diff.diff_readiness import diff_readiness
from models.finding import Finding

SUBJECT_LINKS = re.compile(r"( <-> | -> )")  # how subjects join contexts: "A -> B", "A <-> B", "A -> B -> A"


def renamed_subject(subject: str, names: Mapping[str, str]) -> str:
    """A finding's subject with renamed contexts under their new names."""
    if subject in names:
        return names[subject]
    parts = SUBJECT_LINKS.split(subject)
    return "".join(part if i % 2 else names.get(part, part) for i, part in enumerate(parts))


def diff_findings(old: Analysis, new: Analysis, names: Mapping[str, str]) -> FindingsDiff:
    """Findings are the same finding when rule and subject (with new names) agree; `names` maps renames."""
    before = [((f.rule, renamed_subject(f.subject, names)), f) for f in old.findings]
    after = [((f.rule, f.subject), f) for f in new.findings]
    added: list[Finding] = []
    resolved: list[Finding] = []
    changed: list[FindingChange] = []
    for p in pair_entries(before, after, lambda item: item[0]):
        if p.old is None and p.new is not None:
            added.append(after[p.new][1])
        elif p.new is None and p.old is not None:
            resolved.append(before[p.old][1])
        elif p.old is not None and p.new is not None:
            was, now = before[p.old][1], after[p.new][1]
            if was.severity is not now.severity or was.status is not now.status:
                changed.append(FindingChange(was, now))
    score = ScoreChange(
        old.score.value, new.score.value, old.score.band, new.score.band, old.score.gate, new.score.gate
    )
    return FindingsDiff(
        new=tuple(sorted(added, key=lambda f: f.sort_key)),
        resolved=tuple(sorted(resolved, key=lambda f: f.sort_key)),
        changed=tuple(changed),
        score=score,
        readiness=diff_readiness(old.readiness, new.readiness),
    )
