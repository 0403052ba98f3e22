"""docs/readiness.md: the delivery phases, their concerns and every readiness rule, as Markdown."""

import sys

from analysis.readiness import PHASES, RULE_TABLE
from analysis.readiness_texts import PHASE_CONCERNS, PHASE_TITLES, RULES
from canvases.readiness import READINESS

REGENERATE = ".venv/bin/python -m formats.rule_catalogue.readiness_catalogue > docs/readiness.md"

INTRODUCTION = f"""\
# Delivery-phase readiness

What a team must know before each delivery phase of an AI system: proof of concept (PoC), minimum viable product
(MVP), product, and scaled product. The answers live on the Readiness page (and in the workspace file under
`readiness`); each rule below checks one concern. A phase's figure counts the rules it requires that find nothing
missing; the workspace is ready for a phase when no blocking rule of that phase finds a gap.
`cli.py readiness WORKSPACE --phase mvp` prints the same (exit 1 when not ready).

Generated from `analysis/readiness.py` and `analysis/readiness_texts.py`; do not edit by hand, regenerate with

```bash
{REGENERATE}
```

`tests/unit/test_readiness_catalogue.py` fails when it is out of date.

"""


def _answered_in(concern: str) -> str:
    if concern == "context_map":
        return "the Context map (coupling findings)"
    section = next(s for s in READINESS.sections if s.key == concern)
    return f"Readiness › {section.title}"


def render_readiness_catalogue() -> str:
    lines = [INTRODUCTION, "| Phase | Concerns |", "|---|---|"]
    lines += [f"| {PHASE_TITLES[phase]} | {concerns} |" for phase, concerns in PHASE_CONCERNS.items()]
    lines += ["", "| Rule | Title | " + " | ".join(PHASE_TITLES[p.value] for p in PHASES) + " |"]
    lines.append("|---|---|" + "---|" * len(PHASES))
    for rule in RULE_TABLE:
        marks = [("blocks" if rule.blocking else "advice") if p in rule.phases else "" for p in PHASES]
        lines.append(f"| {rule.rule} | {RULES[rule.rule].title} | " + " | ".join(marks) + " |")
    for rule in RULE_TABLE:
        text = RULES[rule.rule]
        phases = ", ".join(PHASE_TITLES[p.value] for p in PHASES if p in rule.phases)
        lines += [
            "",
            f"## {rule.rule}",
            "",
            f"**{text.title}**",
            "",
            f"- **Phases**: {phases} ({'blocks the phase' if rule.blocking else 'advice, never blocks'})",
            f"- **Answered in**: {_answered_in(rule.concern)}",
            f"- **Why it matters**: {text.rationale}",
            f"- **What to do**: {text.remedy}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_readiness_catalogue())
