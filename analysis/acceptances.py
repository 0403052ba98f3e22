"""Risk acceptances held against the findings: accepted findings weigh less until the acceptance ends; an
acceptance that matches no finding, or that ends within two weeks, is itself reported."""

import datetime as dt
import re
from dataclasses import replace

from analysis.finding_texts import ACCEPTED_EXPIRED, ENDING_ACCEPTANCE, RULES, STALE_ACCEPTANCE
from models.finding import Finding, FindingStatus, Severity
from models.workspace import AcceptedRisk

ENDING_WITHIN = dt.timedelta(days=14)
# Bookkeeping about the acceptances, not coupling: neither weighs in the score nor fails the gate.
ACCEPTANCE_SEVERITY = {"ACC001": Severity.WARNING, "ACC002": Severity.INFO}
_ARROWS = re.compile(r"\s*(<->|->)\s*")


def normal_subject(subject: str) -> str:
    """'A->B' and 'A  ->  B' name the same edge as 'A -> B'."""
    return " ".join(_ARROWS.sub(r" \1 ", subject).split())


def apply_accepted_risks(findings: list[Finding], risks: list[AcceptedRisk], today: dt.date) -> list[Finding]:
    """Accepted findings stay visible and weigh less; an acceptance past its date counts no more."""
    by_key = {(r.rule, normal_subject(r.subject)): r for r in risks}
    result = []
    for f in findings:
        risk = by_key.get((f.rule, normal_subject(f.subject)))
        if risk is None or f.status is FindingStatus.NOT_EVALUABLE:
            result.append(f)
            continue
        until = risk.until.isoformat()
        noted = replace(f, accepted_by=risk.accepted_by, accepted_reason=risk.reason, accepted_until=until)
        if risk.until >= today:
            result.append(replace(noted, status=FindingStatus.ACCEPTED))
        else:
            note = ACCEPTED_EXPIRED.format(who=risk.accepted_by, until=until)
            result.append(replace(noted, message=f"{f.message} {note}"))
    return result


def acceptance_findings(findings: list[Finding], risks: list[AcceptedRisk], today: dt.date) -> list[Finding]:
    """ACC001 for an acceptance that applies to no finding, ACC002 for one that ends within two weeks."""
    current = {(f.rule, normal_subject(f.subject)) for f in findings}
    result = []
    for risk in risks:
        subject, until = normal_subject(risk.subject), risk.until.isoformat()
        if (risk.rule, subject) not in current:
            message = STALE_ACCEPTANCE.format(rule=risk.rule, subject=risk.subject, who=risk.accepted_by, until=until)
            unless = "the acceptance were removed, or its rule and subject named a current finding."
            result.append(_finding("ACC001", subject, message, _facts(risk), unless))
        elif today <= risk.until <= today + ENDING_WITHIN:
            days = (risk.until - today).days
            when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
            message = ENDING_ACCEPTANCE.format(
                rule=risk.rule, subject=subject, who=risk.accepted_by, until=until, when=when
            )
            unless = f"the acceptance ran beyond {(today + ENDING_WITHIN).isoformat()} (renewed after a review)."
            result.append(_finding("ACC002", subject, message, _facts(risk), unless))
    return result


def _facts(risk: AcceptedRisk) -> list[str]:
    where = "Context map › Accepted risks"
    return [f"{where} › Rule: {risk.rule}", f"{where} › Subject: {risk.subject}", f"{where} › Until: {risk.until}"]


def _finding(rule: str, subject: str, message: str, facts: list[str], unless: str) -> Finding:
    text = RULES[rule]
    return Finding(
        rule=rule,
        severity=ACCEPTANCE_SEVERITY[rule],
        subject=subject,
        message=message,
        rationale=text.rationale,
        remediation=text.remediation,
        fix_at="Context map › Findings",
        facts=facts,
        unless=f"{rule} would not fire if {unless}",
    )
