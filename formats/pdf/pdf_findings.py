"""The score explanation and the findings, as the workspace report lays them out."""

from analysis.engine import Analysis
from formats.pdf.pdf_report_sections import FindingRow, ReportSection


def findings_section(analysis: Analysis) -> ReportSection:
    """The score explanation and the findings, as the workspace report lays them out."""
    rows = [
        FindingRow(f.rule, f.severity.value, f.subject, f.message, f.remediation, f.status.value.replace("_", " "))
        for f in analysis.findings
    ]
    return ReportSection(score_text=analysis.score.explanation(), rows=rows)
