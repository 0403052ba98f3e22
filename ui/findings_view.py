"""The findings list with its filters, and what a user can do with one finding: fix it or accept the risk."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from models.finding import Finding, FindingStatus, Severity
from services import analysing, reviews
from services.access import Action
from ui import sign_in, state, ui_messages
from ui.literal_markdown import literal
from ui.map_choices import keep_valid_choice

BOUNDED_CONTEXT_PAGE = "ui/pages/bounded_contexts.py"
WORKSPACES_PAGE = "ui/pages/workspaces.py"
SEVERITY_ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
DEFAULT_ACCEPTANCE = dt.timedelta(days=90)
ALL_CONTEXTS = "All contexts"


@dataclass(frozen=True)
class FindingFilter:
    severities: frozenset[str] = frozenset()  # empty: any
    rules: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    context: str = ""

    def keeps(self, f: Finding) -> bool:
        return (
            (not self.severities or f.severity.value in self.severities)
            and (not self.rules or f.rule in self.rules)
            and (not self.statuses or f.status.value in self.statuses)
            and (not self.context or self.context in f.contexts or self.context == f.subject)
        )


def filter_findings(findings: Iterable[Finding], chosen: FindingFilter) -> list[Finding]:
    return [f for f in findings if chosen.keeps(f)]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    columns = ["Rule", "Severity", "Status", "Subject", "Message", "Rationale", "Remediation"]
    return pd.DataFrame(
        [
            [
                f.rule,
                f"{SEVERITY_ICONS[f.severity.value]} {f.severity.value}",
                f.status.value.replace("_", " "),
                f.subject,
                f.message,
                f.rationale,
                f.remediation,
            ]
            for f in findings
        ],
        columns=columns,
    )


def _filters(findings: list[Finding], contexts: list[str]) -> FindingFilter:
    rule_ids = sorted({f.rule for f in findings})
    keep_valid_choice(state.FINDINGS_RULE, rule_ids)
    keep_valid_choice(state.FINDINGS_CONTEXT, [ALL_CONTEXTS, *contexts])
    severity, rule, status, context = st.columns([1, 1, 1, 1.2])
    with severity:
        severities = st.multiselect(
            "Severity", [s.value for s in Severity], key=state.FINDINGS_SEVERITY, placeholder="Any severity"
        )
    with rule:
        rules = st.multiselect("Rule", rule_ids, key=state.FINDINGS_RULE, placeholder="Any rule")
    with status:
        statuses = st.multiselect(
            "Status",
            [s.value for s in FindingStatus],
            key=state.FINDINGS_STATUS,
            format_func=lambda s: s.replace("_", " "),
            placeholder="Any status",
        )
    with context:
        where = st.selectbox("Context", [ALL_CONTEXTS, *contexts], key=state.FINDINGS_CONTEXT)
    return FindingFilter(
        frozenset(severities), frozenset(rules), frozenset(statuses), "" if where == ALL_CONTEXTS else str(where)
    )


def _labels(findings: list[Finding]) -> list[str]:
    labels: list[str] = []
    for f in findings:
        label = f"{SEVERITY_ICONS[f.severity.value]} {f.rule} · {f.subject}"
        labels.append(label if label not in labels else f"{label} ({labels.count(label) + 1})")
    return labels


def render_findings(findings: list[Finding], contexts: list[str]) -> None:
    """Filters, the table of what remains, and the actions on the finding picked below it."""
    if not findings:
        st.success(ui_messages.NO_FINDINGS, icon="✅")
        return
    shown = filter_findings(findings, _filters(findings, contexts))
    st.caption(f"{len(shown)} of {len(findings)} findings")
    st.dataframe(
        findings_frame(shown),
        hide_index=True,
        width="stretch",
        key="findings-table",
        column_config={
            c: st.column_config.TextColumn(c, width="large") for c in ("Message", "Rationale", "Remediation")
        },
    )
    if not shown:
        return
    labels = _labels(shown)
    keep_valid_choice(state.FINDING_PICKED, labels)
    if state.FINDING_PICKED not in st.session_state:  # start at the first finding there is something to do about
        st.session_state[state.FINDING_PICKED] = labels[
            next((i for i, f in enumerate(shown) if f.status is FindingStatus.OPEN), 0)
        ]
    picked = st.selectbox("Finding to act on", labels, key=state.FINDING_PICKED)
    render_finding_actions(shown[labels.index(picked)])


def render_first_open(findings: list[Finding]) -> None:
    """The first open finding in one line above the map, so it is seen without scrolling, with a way to act."""
    index = next((i for i, f in enumerate(findings) if f.status is FindingStatus.OPEN), None)
    if index is None:
        return
    finding = findings[index]
    text, act = st.columns([0.8, 0.2], vertical_alignment="center")
    icon = SEVERITY_ICONS[finding.severity.value]
    text.markdown(
        ui_messages.FIRST_OPEN.format(icon=icon, rule=finding.rule, subject=literal(finding.subject))
        + f" {literal(finding.message)}"
    )
    act.button("Act on it", key="act-on-first", on_click=_pick_finding, args=(_labels(findings)[index],))


def _pick_finding(label: str) -> None:
    """Shows `label` in the Findings tab, with the filters cleared so that it is listed."""
    for key in (state.FINDINGS_SEVERITY, state.FINDINGS_RULE, state.FINDINGS_STATUS, state.FINDINGS_CONTEXT):
        st.session_state.pop(key, None)
    st.session_state[state.FINDING_PICKED] = label
    st.session_state[state.MAP_TAB] = "Findings"


def render_finding_actions(finding: Finding) -> None:
    with st.container(border=True, key="finding-actions"):
        st.markdown(f"**{finding.rule} · {finding.severity.value} · {literal(finding.subject)}**")
        st.markdown(literal(finding.message))
        render_explanation(finding)
        st.caption(f"Why it matters: {literal(finding.rationale)}")
        st.markdown(f"**What to do:** {literal(finding.remediation)}")
        fix, accept = st.columns([1, 1.4])
        with fix:
            render_fix_link(finding)
        with accept:
            if finding.rule.startswith(analysing.BOOKKEEPING):
                st.caption(ui_messages.BOOKKEEPING_NOT_ACCEPTED)
            elif finding.status is FindingStatus.ACCEPTED:
                render_acceptance(finding)
            elif finding.status is FindingStatus.OPEN and state.can(Action.ACCEPT_RISK):
                render_accept_form(finding)
            elif finding.status is FindingStatus.OPEN:
                st.caption(ui_messages.ACCEPTING_NEEDS_REVIEWER)
            else:
                st.caption(ui_messages.NOT_EVALUABLE)


def render_explanation(finding: Finding) -> None:
    """The declared facts the finding rests on, and the smallest change that would silence it."""
    facts = "\n".join(f"- {literal(fact)}" for fact in finding.facts)
    st.markdown(f"**Because:**\n{facts}\n\n:gray[{literal(finding.unless)}]")  # markdown: each part escaped


def render_acceptance(finding: Finding) -> None:
    accepted = ui_messages.ACCEPTED_BY.format(
        who=literal(finding.accepted_by or ""),
        until=finding.accepted_until,
        reason=literal(finding.accepted_reason or ""),
    )
    st.success(accepted, icon="🤝")
    if state.can(Action.ACCEPT_RISK) and st.button("Withdraw the acceptance", key="withdraw-acceptance"):
        rule, subject = finding.rule, finding.subject
        version = reviews.withdraw_acceptance(
            state.repository(), st.session_state[state.WORKSPACE_ID], rule=rule, subject=subject, person=state.person()
        )
        state.record_decision(lambda data: reviews.without_acceptance(data, rule, subject), version)
        withdrawn = ui_messages.WITHDREW_ACCEPTANCE.format(rule=rule, subject=literal(subject), number=version.number)
        state.flash("info", withdrawn)
        st.rerun()


def render_accept_form(finding: Finding) -> None:
    with st.form("accept-risk", border=False):
        st.markdown("**Accept the risk**")
        reason = st.text_area(
            "Reason",
            key=state.ACCEPT_REASON,
            placeholder="Why the team lives with this for now, and what limits the risk",
        )
        who = state.author()
        if not sign_in.provider_configured():  # signed in, the identity accepts and nobody types it
            who = st.text_input("Accepted by", value=state.author(), key=state.ACCEPT_BY)
        until = st.date_input(
            "Until", value=dt.date.today() + DEFAULT_ACCEPTANCE, min_value=dt.date.today(), key=state.ACCEPT_UNTIL
        )
        if not st.form_submit_button("Accept risk", icon="🤝"):
            return
    try:
        acceptance, version = reviews.accept_risk(
            state.repository(),
            st.session_state[state.WORKSPACE_ID],
            rule=finding.rule,
            subject=finding.subject,
            reason=reason,
            person=state.acting_as(who),
            until=until if isinstance(until, dt.date) else None,
        )
    except reviews.AcceptanceIncomplete as error:
        st.error(str(error))
        return
    state.record_decision(lambda data: reviews.with_acceptance(data, dict(acceptance)), version)
    state.remember_author(who)
    subject = literal(finding.subject)
    accepted = ui_messages.ACCEPTED.format(rule=finding.rule, subject=subject, until=until, number=version.number)
    state.flash("success", accepted)
    st.rerun()


def _relationship_index(finding: Finding) -> int | None:
    pair = set(finding.contexts)
    for i, r in enumerate(state.draft()["relationships"]):
        if {r["upstream"], r["downstream"]} == pair:
            return i
    return None


def _select_relationship(index: int) -> None:
    st.session_state.pop(state.widget_key(state.PICK, state.RELATIONSHIP_KIND), None)
    state.select(state.RELATIONSHIP_KIND, index)
    st.session_state[state.MAP_TAB] = "Relationships"


def render_fix_link(finding: Finding) -> None:
    """A way to the canvas section that fixes the finding (`fix_at` is 'Context › Section')."""
    if not finding.fix_at:
        return
    where, _, _section = finding.fix_at.partition(" › ")
    data = state.draft()
    contexts = [c["name"] for c in data["bounded_contexts"]]
    if where in contexts:
        if st.button(f"Fix it in {literal(finding.fix_at)}", icon="🧩", key="fix-in-canvas"):
            state.select("bounded_context", contexts.index(where))
            st.switch_page(BOUNDED_CONTEXT_PAGE)
    elif where == "Context map" and (index := _relationship_index(finding)) is not None:
        st.button(
            "Edit this relationship",
            icon="🔗",
            key="fix-relationship",
            on_click=_select_relationship,
            args=(index,),
            help="Opens it in the Relationships tab.",
        )
    elif where in {s["name"] for s in data["external_systems"]}:
        st.page_link(WORKSPACES_PAGE, label=f"Fix it under Workspaces › External systems ({literal(where)})", icon="🗂️")
    else:
        st.caption(f"Fix it in {literal(finding.fix_at)}.")
