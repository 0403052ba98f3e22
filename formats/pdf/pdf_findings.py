"""The score explanation and the findings, as the workspace report lays them out."""

from analysis.engine import Analysis
from formats.pdf.pdf_report_sections import FindingRow, ReportSection
from models.finding import Finding


def findings_section(analysis: Analysis) -> ReportSection:
    """The score explanation and the findings, as the workspace report lays them out."""
    rows = [
        FindingRow(f.rule, f.severity.value, f.subject, _explained(f), f.remediation, f.status.value.replace("_", " "))
        for f in analysis.findings
    ]
    return ReportSection(score_text=analysis.score.explanation(), rows=rows)


def _explained(finding: Finding) -> str:
    """The message, the declared facts it rests on, and what would silence it: the reader can check each one."""
    return f"{finding.message}\nBecause: {'; '.join(finding.facts)}.\n{finding.unless}"
