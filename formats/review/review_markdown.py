"""A version comparison as a Markdown review: summary, score and findings, context map, then every canvas."""

import re
from collections.abc import Sequence

from canvases.vocabulary import PATTERN_LABELS
from diff.diff_model import Change, ChangeKind, Comparison, DocumentDiff, FindingsDiff, WordOp, WorkspaceDiff
from formats.review.review_readiness import readiness_lines
from formats.review.review_text import (
    EMPTY,
    NODE_KINDS,
    declared_label,
    document_heading,
    extra_declared,
    moved,
    node_names,
    score_text,
    summary_line,
)

# Characters that would turn typed text inside a line into Markdown formatting, links, HTML or table cells.
SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Typed text that Markdown shows as typed; line breaks stay line breaks."""
    return SPECIAL.sub(r"\\\1", text).replace("\r\n", "\n").replace("\n", "<br>")


def _marked(text: str, mark: str) -> str:
    """`~~text~~` with the white space outside the marks, where Markdown needs it."""
    core = text.strip()
    if not core:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return f"{escape(start)}{mark}{escape(core)}{mark}{escape(end)}"


def word_diff_markdown(words: Sequence[WordOp]) -> str:
    marks = {"equal": "", "delete": "~~", "insert": "**"}
    return "".join(_marked(w.text, marks[w.op]) if marks[w.op] else escape(w.text) for w in words)


def _shown(text: str) -> str:
    return escape(text) if text else f"*{EMPTY}*"


def change_item(change: Change, label: str | None = None) -> str:
    label = escape(change.label if label is None else label)
    if change.kind is ChangeKind.ADDED:
        return f"- ➕ **{label}**: {_shown(change.new_text)}"
    if change.kind is ChangeKind.REMOVED:
        return f"- ➖ **{label}**: ~~{_shown(change.old_text)}~~"
    if change.kind is ChangeKind.RENAMED:
        return f"- ✏️ **{label}**: renamed {_shown(change.old_text)} → {_shown(change.new_text)}"
    if change.words:
        return f"- ✏️ **{label}**: {word_diff_markdown(change.words)}"
    return f"- ✏️ **{label}**: {_shown(change.old_text)} → {_shown(change.new_text)}"


def _cell(text: str) -> str:
    return escape(text) or " "


def _findings(findings: FindingsDiff) -> list[str]:
    lines = ["## Score and findings", "", escape(score_text(findings)), ""]
    rows = [("New", f, f.severity.value, f.status.value) for f in findings.new]
    rows += [("Resolved", f, f.severity.value, f.status.value) for f in findings.resolved]
    rows += [
        (
            "Changed",
            c.new,
            moved(c.old.severity.value, c.new.severity.value),
            moved(c.old.status.value, c.new.status.value),
        )
        for c in findings.changed
    ]
    if not rows:
        return [*lines, "No findings changed.", ""]
    lines += ["| Change | Severity | Status | Rule | Subject | Message |", "|---|---|---|---|---|---|"]
    for change, f, severity, status in rows:
        cells = [change, severity, status.replace("_", " "), f.rule, f.subject, f.message]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return [*lines, ""]


def _readiness(findings: FindingsDiff) -> list[str]:
    if findings.readiness is None or findings.readiness.is_empty:
        return []
    return ["## Readiness", "", *(f"- {escape(line)}" for line in readiness_lines(findings.readiness)), ""]


def _map(diff: WorkspaceDiff) -> list[str]:
    lines = ["## Context map", ""]
    renamed = {new: old for old, new in diff.map.nodes_renamed.items()}
    for kind in NODE_KINDS:
        for name in sorted(node_names(diff.map, kind)):
            what = "external system" if name in diff.map.external else "context"
            text = f"**{escape(renamed[name])}** → **{escape(name)}**" if name in renamed else f"**{escape(name)}**"
            lines.append(f"- {kind.value} {what} {text}")
    for edge in diff.map.edges:
        pattern = f" ({escape(PATTERN_LABELS.get(edge.pattern, edge.pattern))})" if edge.pattern else ""
        was = f", was `{edge.old_key}`" if edge.old_key else ""
        lines.append(f"- {edge.kind.value} relationship `{edge.key}`{pattern}{was}")
        lines += ["  " + change_item(c) for c in edge.changes]
        extra = extra_declared(edge) if edge.kind is ChangeKind.CHANGED else []
        lines += ["  " + change_item(c, declared_label(edge, c)) for c in extra]
    return [*lines, "" if len(lines) > 2 else "No changes.", ""]


def _document(document: DocumentDiff) -> list[str]:
    lines = [f"### {escape(document_heading(document))}", ""]
    for section in document.sections:
        lines += [f"#### {escape(section.title)}", "", *(change_item(c) for c in section.changes), ""]
    return lines


def render_review_markdown(comparison: Comparison) -> str:
    diff = comparison.diff
    title = diff.new_name if diff.old_name == diff.new_name else f"{diff.old_name} → {diff.new_name}"
    lines = [
        f"# Version comparison: {escape(title)}",
        "",
        f"**{escape(comparison.old_label)}** → **{escape(comparison.new_label)}**",
        "",
        f"> {escape(summary_line(comparison))}",
        "",
    ]
    if comparison.findings is not None:
        lines += [*_findings(comparison.findings), *_readiness(comparison.findings)]
    lines += _map(diff)
    lines += ["## Canvases", ""]
    lines += [line for d in diff.documents for line in _document(d)] or ["No changes.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
