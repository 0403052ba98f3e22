"""Table cells of the review PDF: before and after side by side, deleted words struck out, inserted ones marked."""

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from diff.diff_model import Change, ChangeKind, WordOp
from formats.pdf.pdf_text import MUTED, PLAIN, Look, Typesetter

DELETED_COLOUR, INSERTED_COLOUR = "#c92a2a", "#2b8a3e"
# Row tints by kind of change; the words and marks say it too, so a greyscale print still reads.
KIND_FILLS = {
    ChangeKind.ADDED: "#ebfbee",
    ChangeKind.REMOVED: "#fff5f5",
    ChangeKind.CHANGED: "#fff9db",
    ChangeKind.RENAMED: "#e7f5ff",
}
KIND_WORDS = {
    ChangeKind.ADDED: "+ added",
    ChangeKind.REMOVED: "− removed",
    ChangeKind.CHANGED: "± changed",
    ChangeKind.RENAMED: "~ renamed",
}


def deleted(ts: Typesetter, text: str) -> str:
    return f'<font color="{DELETED_COLOUR}"><strike>{ts.markup(text)}</strike></font>'


def inserted(ts: Typesetter, text: str) -> str:
    return f'<font color="{INSERTED_COLOUR}"><u>{ts.markup(text)}</u></font>'


def _side(ts: Typesetter, words: Sequence[WordOp], keep: str) -> str:
    """One side of a word-level change: kept words plain, this side's own words marked."""
    mark = deleted if keep == "delete" else inserted
    return "".join(ts.markup(w.text) if w.op == "equal" else mark(ts, w.text) for w in words if w.op in ("equal", keep))


def before_after(ts: Typesetter, change: Change, size: float) -> tuple[Flowable, Flowable]:
    """The value before and after, each as the canvas shows it, the changed words marked."""
    if change.words:
        before, after = _side(ts, change.words, "delete"), _side(ts, change.words, "insert")
    elif change.kind is ChangeKind.ADDED:
        before, after = "", inserted(ts, change.new_text) if change.new_text else ""
    elif change.kind is ChangeKind.REMOVED:
        before, after = deleted(ts, change.old_text) if change.old_text else "", ""
    else:
        before = deleted(ts, change.old_text) if change.old_text else ""
        after = inserted(ts, change.new_text) if change.new_text else ""
    return _cell(ts, before, change.old_text, size), _cell(ts, after, change.new_text, size)


def _cell(ts: Typesetter, markup: str, text: str, size: float) -> Paragraph:
    if not markup:
        return ts.paragraph("(empty)", size, Look(colour=MUTED))
    return ts.raw_paragraph(markup, size, PLAIN, cjk=ts.needs_cjk_wrap(text))


def text_cell(ts: Typesetter, text: str, size: float, look: Look = PLAIN) -> Paragraph:
    return ts.paragraph(text, size, look)
