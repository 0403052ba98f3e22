"""A comparison on the page: the summary, each changed canvas side by side, and the findings diff."""

from collections.abc import Sequence

import streamlit as st

from models.finding import Finding
from services.comparison import Change, ChangeKind, Comparison, DocumentDiff, FindingsDiff, WordOp, summary_line
from ui import ui_messages
from ui.literal_markdown import literal

STATUS_WORDS = {
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
    ChangeKind.CHANGED: "changed",
    ChangeKind.RENAMED: "renamed",
}
STATUS_ICONS = {ChangeKind.ADDED: "➕", ChangeKind.REMOVED: "➖", ChangeKind.CHANGED: "✏️", ChangeKind.RENAMED: "🔤"}
EMPTY = "(empty)"
EXPANDED_UP_TO = 3  # documents opened by default; more would push the rest of the page far down


def render_summary(comparison: Comparison) -> None:
    st.info(summary_line(comparison), icon="🧾")
    findings = comparison.findings
    if findings is None:
        return
    score, left, middle, right = findings.score, *st.columns(3)
    left.metric(
        "AI coupling score",
        f"{score.new_value} ({score.new_band})",
        delta=score.delta or None,
        delta_color="inverse",  # a lower score is better
        help=f"Before: {score.old_value} ({score.old_band}); lower means more loosely coupled.",
    )
    middle.metric(
        "Gate", score.new_gate.upper(), delta=None if score.old_gate == score.new_gate else f"was {score.old_gate}"
    )
    right.metric("Findings", f"{len(findings.new)} new · {len(findings.resolved)} resolved", delta=None)


def _highlighted(words: Sequence[WordOp], keep: str) -> str:
    """One side of a word-level change: kept words plain, the side's own words marked (struck or bold too,
    so that the marks survive a greyscale print or a colour-blind reader)."""
    parts = []
    for word in words:
        if word.op == "equal":
            parts.append(literal(word.text))
        elif word.op == keep and word.text.strip():
            style = ":red-background[~~{}~~]" if keep == "delete" else ":green-background[**{}**]"
            core = word.text.strip()
            lead, trail = word.text[: word.text.index(core)], word.text[word.text.index(core) + len(core) :]
            parts.append(literal(lead) + style.format(literal(core)) + literal(trail))
        elif word.op == keep:
            parts.append(literal(word.text))
    return "".join(parts) or literal(EMPTY)


def _side(change: Change, old: bool) -> None:
    text = change.old_text if old else change.new_text
    if change.words:
        st.markdown(_highlighted(change.words, "delete" if old else "insert"))
    elif (old and change.kind is ChangeKind.ADDED) or (not old and change.kind is ChangeKind.REMOVED):
        st.caption("—")
    else:
        st.text(text or EMPTY)


def render_change(change: Change) -> None:
    st.text(f"{STATUS_ICONS[change.kind]} {change.label} ({STATUS_WORDS[change.kind]})")
    before, after = st.columns(2)
    with before:
        _side(change, old=True)
    with after:
        _side(change, old=False)


def _document_title(document: DocumentDiff) -> str:
    renamed = f" (was {document.old_name})" if document.old_name else ""
    return (
        f"{STATUS_ICONS[document.status]} {document.title}: {document.name}{renamed} — {STATUS_WORDS[document.status]}"
    )


def render_documents(comparison: Comparison) -> None:
    documents = comparison.diff.documents
    if not documents:
        st.success(ui_messages.NO_DOCUMENT_CHANGED, icon="✅")
        return
    old, new = st.columns(2)
    old.caption(f"Before: {literal(comparison.old_label)}")  # a label may hold a tag
    new.caption(f"After: {literal(comparison.new_label)}")
    for document in documents:
        # An expander's label is Markdown: the names in it are shown literally.
        with st.expander(literal(_document_title(document)), expanded=len(documents) <= EXPANDED_UP_TO):
            if document.status in (ChangeKind.ADDED, ChangeKind.REMOVED):
                st.caption(f"The whole canvas was {STATUS_WORDS[document.status]}.")
            for section in document.sections:
                st.markdown(f"**{literal(section.title)}**")
                for change in section.changes:
                    render_change(change)


def _finding_rows(findings: Sequence[Finding]) -> list[dict[str, str]]:
    return [
        {
            "Rule": f.rule,
            "Severity": f.severity.value,
            "Status": f.status.value.replace("_", " "),
            "Subject": f.subject,
            "Message": f.message,
        }
        for f in findings
    ]


def render_findings_diff(findings: FindingsDiff | None) -> None:
    if findings is None:
        st.info(ui_messages.FINDINGS_NOT_COMPARED)
        return
    for title, rows, key in (
        ("New findings", _finding_rows(findings.new), "compare-new-findings"),
        ("Resolved findings", _finding_rows(findings.resolved), "compare-resolved-findings"),
    ):
        st.markdown(f"**{title}** ({len(rows)})")
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch", key=key)
        else:
            st.caption("None.")
    st.markdown(f"**Changed in severity or status** ({len(findings.changed)})")
    moved = [
        {
            "Rule": c.new.rule,
            "Subject": c.new.subject,
            "Before": f"{c.old.severity.value}, {c.old.status.value.replace('_', ' ')}",
            "After": f"{c.new.severity.value}, {c.new.status.value.replace('_', ' ')}",
        }
        for c in findings.changed
    ]
    if moved:
        st.dataframe(moved, hide_index=True, width="stretch", key="compare-changed-findings")
    else:
        st.caption("None.")
