"""Any valid workspace, any Unicode and very long text: every exporter gives a readable PDF, never a crash."""

import io
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from canvases import CANVASES
from formats.pdf.pdf_canvas import render_canvas_pdf
from formats.pdf.pdf_report import FindingRow, ReportSection, render_workspace_report
from models.bounded_context import BoundedContextCanvas, CommunicationEntry, Message, MessageKind, Term
from models.workspace import ExternalSystem, Workspace
from tests.unit.workspace_strategies import NAME_CHARACTERS, workspaces

QUICK = settings(
    max_examples=int(__import__("os").environ.get("PDF_EXAMPLES", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
any_text = st.text(min_size=1, max_size=20).filter(str.strip)
any_name = st.text(NAME_CHARACTERS, min_size=1, max_size=20).filter(str.strip)
# Very long text: many words, or one endless word without a place to break.
long_text = st.builds(
    lambda piece, times, spaced: ((piece + " ") if spaced else piece) * times,
    any_text,
    st.integers(min_value=50, max_value=150),
    st.booleans(),
)


def page_count(pdf: bytes) -> int:
    assert pdf.startswith(b"%PDF-")
    return len(PdfReader(io.BytesIO(pdf)).pages)


def quietly(render, *args, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    """Font warnings (glyphs no font has) are expected here; failures are not."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render(*args, **kwargs)  # type: ignore[no-any-return]


@QUICK
@given(workspaces())
def test_every_canvas_of_any_valid_workspace_prints(workspace: Workspace) -> None:
    for key, canvas in CANVASES.items():
        for document in getattr(workspace, canvas.collection)[:2]:
            assert page_count(quietly(render_canvas_pdf, workspace, key, getattr(document, canvas.name_field))) >= 1


@QUICK
@given(workspaces(), st.booleans())
def test_the_report_of_any_valid_workspace_prints(workspace: Workspace, with_findings: bool) -> None:
    findings = (
        ReportSection("Score", (FindingRow("R1", "error", workspace.name, workspace.description),))
        if with_findings
        else None
    )
    assert page_count(quietly(render_workspace_report, workspace, page_size="A4", findings_section=findings)) >= 3


@QUICK
@given(name=any_name, purpose=long_text, term=long_text, message=long_text, page_size=st.sampled_from(["A3", "A4"]))
def test_very_long_text_in_any_script_prints_on_more_pages(
    name: str, purpose: str, term: str, message: str, page_size: str
) -> None:
    entry = CommunicationEntry(collaborator="Partner", messages=[Message(kind=MessageKind.EVENT, name=message)])
    context = BoundedContextCanvas(
        name=name, purpose=purpose, ubiquitous_language=[Term(term=term, definition=purpose)], inbound=[entry]
    )
    workspace = Workspace(name=name, external_systems=[ExternalSystem(name="Partner")], bounded_contexts=[context])
    assert page_count(quietly(render_canvas_pdf, workspace, "bounded_context", name, page_size=page_size)) >= 2
