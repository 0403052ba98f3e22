"""The analysis as JSON-ready data and as plain text, for the command line and pipelines."""

from typing import Any

from analysis.engine import Analysis
from analysis.metrics import broker_scores
from analysis.score import gate_for


def analysis_as_data(analysis: Analysis, fail_on: str = "error") -> dict[str, Any]:
    gate, reason = gate_for(analysis.findings, fail_on)
    score = analysis.score
    broker = broker_scores(analysis.context_map)
    return {
        "workspace": analysis.workspace,
        "date": analysis.judged_on.isoformat(),
        "score": {
            "value": score.value,
            "band": score.band,
            "parts": [
                {"name": p.name, "value": round(p.value, 2), "max": p.maximum, "detail": p.detail} for p in score.parts
            ],
            "lever": score.lever,
        },
        "gate": gate,
        "gate_reason": reason,
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "status": f.status.value,
                "subject": f.subject,
                "message": f.message,
                "remediation": f.remediation,
                "rationale": f.rationale,
                "fix_at": f.fix_at,
                "facts": f.facts,
                "unless": f.unless,
                **({"accepted_by": f.accepted_by, "accepted_until": f.accepted_until} if f.accepted_by else {}),
            }
            for f in analysis.findings
        ],
        "metrics": {
            "map": vars(analysis.map_metrics),
            "contexts": {
                name: {**vars(m), "broker": broker.get(name)} for name, m in sorted(analysis.node_metrics.items())
            },
        },
    }


def analysis_as_text(analysis: Analysis, fail_on: str = "error") -> str:
    gate, reason = gate_for(analysis.findings, fail_on)
    lines = [analysis.score.explanation().splitlines()[0].split(" — ")[0] + f" — gate: {gate.upper()} ({reason})"]
    lines += analysis.score.explanation().splitlines()[1:]
    lines += [f"Judged on {analysis.judged_on.isoformat()}: risk acceptances that ended before then count in full.", ""]
    if not analysis.findings:
        lines.append("No findings.")
    for f in analysis.findings:
        status = "" if f.status.value == "open" else f" [{f.status.value.replace('_', ' ')}]"
        lines.append(f"{f.severity.value.upper():7} {f.rule}{status}  {f.subject}")
        lines.append(f"        {f.message}")
        lines.append(f"        Because: {'; '.join(f.facts)}")
        lines.append(f"        {f.unless}")
        lines.append(f"        Remedy: {f.remediation}")
    return "\n".join(lines)
