"""docs/readiness.md: the delivery phases, their concerns and every readiness rule, as Markdown."""

import sys

from analysis.readiness import PHASES, RULE_TABLE
from analysis.readiness_texts import PHASE_TITLES, RULES
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

| Phase | Concerns |
|---|---|
| PoC | a minimal concept; for each thing to prove: what, when it counts as proven, how success is measured (several PoCs may be needed; none if all is clear) |
| MVP | concept, data quality, compliance, minimal SLAs; budget (initial, operational, extension and update costs); success (quality, KPIs, how they are measured); architecture (loosely coupled, good APIs between components); SLA (what happens if it does not work, how fast we recover); security and compliance; security and business risks and their acceptance |
| Product | concept, data quality, compliance, SLAs, evolution (how the system and its models change; evaluate after every small change) |
| Scaled | concept, data quality, compliance, SLAs, evolution, governance, disaster recovery, cost optimization, training plan |
"""


def _answered_in(concern: str) -> str:
    if concern == "context_map":
        return "the Context map (coupling findings)"
    section = next(s for s in READINESS.sections if s.key == concern)
    return f"Readiness › {section.title}"


def render_readiness_catalogue() -> str:
    lines = [INTRODUCTION, "| Rule | Title | " + " | ".join(PHASE_TITLES[p.value] for p in PHASES) + " |"]
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
