"""Print & export: a print-ready PDF of one canvas, and the whole workspace as a report with linked contents."""

import json
import warnings
from typing import Any

import streamlit as st

from canvases import CANVASES
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Workspace
from services import downloads
from services.downloads import PAGE_SIZES, PageSize
from ui import state, ui_messages
from ui.canvas_page import require_workspace
from ui.literal_markdown import literal
from ui.problem_list import problem_lines

# Session-state keys of this page.


def version_label() -> str:
    """What the footer says about the version: prints come from the draft, saved or not."""
    base = st.session_state.get(state.BASE_VERSION)
    if not state.is_dirty():
        return f"v{base}" if base else "saved"
    return f"unsaved draft (from v{base})" if base else "unsaved draft"


def printable_workspace(data: dict[str, Any]) -> Workspace | None:
    """The draft as a workspace, or None after naming the problems that block printing."""
    try:
        return validate_workspace_data(data)
    except WorkspaceInvalid as error:
        lines, more = problem_lines(error.problems)
        st.error(ui_messages.NOT_PRINTABLE.format(count=len(error.problems), lines=lines, more=more))
        return None


@st.cache_data(show_spinner=False, max_entries=32)
def canvas_pdf(source: str, kind: str, name: str, page_size: PageSize, label: str) -> tuple[str, bytes, list[str]]:
    """Cached per draft and choice, so moving around the page does not print the canvas again."""
    workspace = validate_workspace_data(json.loads(source))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        file_name, pdf = downloads.export_canvas_pdf(workspace, kind, name, page_size=page_size, version_label=label)
    return file_name, pdf, [str(w.message) for w in caught]


def one_canvas(workspace: Workspace, page_size: PageSize) -> None:
    st.subheader("One canvas")
    st.caption("Laid out like its published sheet. Long content shrinks, then continues on an overflow page.")
    kinds = [key for key, c in CANVASES.items() if getattr(workspace, c.collection)]
    if not kinds:
        st.info(ui_messages.NO_CANVASES_TO_PRINT)
        return
    kind = st.selectbox("Canvas kind", kinds, format_func=lambda k: CANVASES[k].title, key=state.EXPORT_KIND)
    canvas = CANVASES[kind]
    names = [str(getattr(d, canvas.name_field)) for d in getattr(workspace, canvas.collection)]
    name = st.selectbox(canvas.title, names, key=f"export-canvas-{kind}")
    source = json.dumps(state.draft(), sort_keys=True, ensure_ascii=False)
    file_name, pdf, problems = canvas_pdf(source, kind, name, page_size, version_label())
    for problem in problems:
        st.warning(literal(problem), icon="🔤")
    st.download_button(
        f"Download {canvas.title} PDF", pdf, file_name, "application/pdf", icon="📄", key="canvas-pdf-button"
    )


def build_report(workspace: Workspace, page_size: PageSize) -> None:
    source = json.dumps(state.draft(), sort_keys=True, ensure_ascii=False)
    with st.status("Building the workspace report…", expanded=True) as status:
        bar = st.progress(0.0, text="Starting")

        def show(fraction: float, message: str) -> None:
            bar.progress(min(fraction, 1.0), text=message)

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            file_name, pdf = downloads.export_workspace_report(
                workspace, page_size=page_size, version_label=version_label(), on_progress=show
            )
        ready = ui_messages.REPORT_READY.format(file=file_name, size=len(pdf) // 1024)
        status.update(label=ready, state="complete", expanded=False)
    problems = [str(w.message) for w in caught]
    st.session_state[state.EXPORT_REPORT] = {"file": file_name, "pdf": pdf, "warnings": problems, "source": source}


def workspace_report(workspace: Workspace, page_size: PageSize) -> None:
    st.subheader("Workspace report")
    st.caption("A cover, a table of contents with links and bookmarks, the workspace overview, then every canvas.")
    if st.button("Build the workspace report", icon="📚", key="report-build-button"):
        build_report(workspace, page_size)
    report = st.session_state.get(state.EXPORT_REPORT)
    if report is None:
        return
    if report["source"] != json.dumps(state.draft(), sort_keys=True, ensure_ascii=False):
        st.info(ui_messages.REPORT_OUTDATED)
    for problem in report["warnings"]:
        st.warning(literal(problem), icon="🔤")
    st.download_button(
        "Download the workspace report",
        report["pdf"],
        report["file"],
        "application/pdf",
        icon="📥",
        key="report-button",
    )


data = require_workspace()
st.title("Print & export")
printable = printable_workspace(data)
if printable is not None:
    size = st.radio(
        "Paper", PAGE_SIZES, horizontal=True, format_func=lambda s: f"{s} landscape", key=state.EXPORT_PAGE_SIZE
    )
    left, right = st.columns(2, gap="large")
    with left:
        one_canvas(printable, size)
    with right:
        workspace_report(printable, size)
