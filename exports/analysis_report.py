"""The analysis as JSON-ready data and as plain text, for the command line and pipelines."""

import warnings
from typing import Any

from analysis.engine import Analysis
from analysis.metrics import broker_scores
from analysis.score import gate_of
from exports.context_map_dot import render_context_map_dot
from exports.map_export import MapExportError, export_map
from exports.pdf_report import MapWarning
from exports.pdf_report_sections import FindingRow, ReportSection
from models.finding import Severity

FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING}


def gate_for(analysis: Analysis, fail_on: str) -> tuple[str, str]:
    """'pass' or 'fail' with its reason; `never` always passes (report only)."""
    if fail_on == "never":
        return "pass", "gate disabled (--fail-on never)"
    return gate_of(analysis.findings, FAIL_ON[fail_on])


def analysis_as_data(analysis: Analysis, fail_on: str = "error") -> dict[str, Any]:
    gate, reason = gate_for(analysis, fail_on)
    score = analysis.score
    broker = broker_scores(analysis.context_map)
    return {
        "workspace": analysis.workspace,
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
    gate, reason = gate_for(analysis, fail_on)
    lines = [analysis.score.explanation().splitlines()[0].split(" — ")[0] + f" — gate: {gate.upper()} ({reason})"]
    lines += analysis.score.explanation().splitlines()[1:]
    lines.append("")
    if not analysis.findings:
        lines.append("No findings.")
    for f in analysis.findings:
        status = "" if f.status.value == "open" else f" [{f.status.value.replace('_', ' ')}]"
        lines.append(f"{f.severity.value.upper():7} {f.rule}{status}  {f.subject}")
        lines.append(f"        {f.message}")
        lines.append(f"        Remedy: {f.remediation}")
    return "\n".join(lines)


def findings_section(analysis: Analysis) -> ReportSection:
    """The score explanation and the findings, as the workspace report lays them out."""
    rows = [
        FindingRow(f.rule, f.severity.value, f.subject, f.message, f.remediation, f.status.value.replace("_", " "))
        for f in analysis.findings
    ]
    return ReportSection(score_text=analysis.score.explanation(), rows=rows)


def map_svg_for_report(analysis: Analysis) -> bytes | None:
    """The whole context map as SVG, or None (with a warning) where no Graphviz renderer is installed."""
    try:
        return export_map(render_context_map_dot(analysis), "svg")
    except MapExportError as error:
        warnings.warn(f"The report has no context map: {error}", MapWarning, stacklevel=2)
        return None
