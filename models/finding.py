"""Findings of the coupling analysis: rule, severity, status, subject and the texts that explain them."""

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FindingStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    NOT_EVALUABLE = "not_evaluable"


# A plain dataclass, not a validated model: only the analysis builds findings, from values it has
# already checked, and a large map yields thousands (validating each was a tenth of a 1,000-context analysis).
@dataclass(slots=True, kw_only=True)
class Finding:
    rule: str
    severity: Severity
    status: FindingStatus = FindingStatus.OPEN
    subject: str  # a context, an edge "A -> B", or a cycle "A -> B -> A"
    message: str
    rationale: str
    remediation: str
    contexts: list[str] = field(default_factory=list)  # the contexts the subject touches, for weighting and filtering
    fix_at: str = ""  # "Context › Section" where the canvas fixes it
    facts: list[str] = field(default_factory=list)  # the declared facts that made it fire: "Where › Field: value"
    unless: str = ""  # the smallest change that would silence it: "... would not fire if ..."
    accepted_by: str = ""
    accepted_reason: str = ""
    accepted_until: str = ""

    @property
    def sort_key(self) -> tuple[int, str, str]:
        return (SEVERITY_ORDER[self.severity], self.rule, self.subject)
