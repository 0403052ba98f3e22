"""The workspace report: cover, linked contents and bookmarks, overview, optional map and findings, all canvases."""

import datetime as dt
import io
import shutil
import subprocess
from typing import Any

import pytest
from pypdf import PdfReader

from canvases import CANVASES
from formats.pdf.pdf_report import FindingRow, MapWarning, ReportSection, render_workspace_report
from models.bounded_context import BoundedContextCanvas
from models.workspace import Workspace
from tests.unit.test_pdf_workspaces import (
    TRICKY,
    all_canvases,
    example_workspace,
    expected_texts,
    filled_workspace,
    missing_texts,
    pdf_pages,
)

EXAMPLE = example_workspace()
SMALL = Workspace(name="Small", bounded_contexts=[BoundedContextCanvas(name="Seller Intake")])
A3_LANDSCAPE, A4_LANDSCAPE = (1190.55, 841.89), (841.89, 595.28)
FINDINGS = ReportSection(
    "Score 72 / 100: coupling to AI components is mostly loose.",
    (
        FindingRow(
            "AIC001", "error", "Offer Management -> Home Valuation", "No fallback for <b>&amp;</b>", "Add one", "open"
        ),
        FindingRow("AIC004", "warning", "Seller Conversation", 'LLM "latest" \\ unpinned', "Pin it", "accepted"),
    ),
)


@pytest.fixture(scope="module")
def report() -> bytes:
    return render_workspace_report(EXAMPLE, version_label="v7", printed_on=dt.date(2026, 5, 4))


def flat(outline: list[Any]) -> list[Any]:
    return [item for entry in outline for item in (flat(entry) if isinstance(entry, list) else [entry])]


def map_svg(dot_source: str) -> bytes:
    if shutil.which("dot") is None:
        pytest.skip("the graphviz 'dot' binary is not installed (apt-get install graphviz)")
    return subprocess.run(["dot", "-Tsvg"], input=dot_source.encode(), capture_output=True, check=True).stdout


def test_the_report_opens_with_a_cover_and_a_table_of_contents(report: bytes) -> None:
    pages = pdf_pages(report)
    assert "Workspace report" in pages[0] and "Home Valuation Platform" in pages[0] and "v7" in pages[0]
    assert "Contents" in pages[1]
    for _, name, _ in all_canvases(EXAMPLE):
        assert name in pages[1]


def test_contents_entries_are_links_to_the_pages_they_name(report: bytes) -> None:
    reader = PdfReader(io.BytesIO(report))
    pages = [page.indirect_reference for page in reader.pages]
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = {pages.index(link["/Dest"][0]) for link in links}
    sheets = [i for i, text in enumerate(pdf_pages(report)) if "Inbound Communication" in text]
    assert set(sheets) <= targets
    assert len(links) >= 2 * len(all_canvases(EXAMPLE))  # the entry's text and its page number


def test_the_outline_bookmarks_each_part_and_every_canvas(report: bytes) -> None:
    titles = [entry.title for entry in flat(PdfReader(io.BytesIO(report)).outline)]
    assert titles[:4] == ["Cover", "Contents", "Workspace overview", "Bounded Context Canvases"]
    for _, name, _ in all_canvases(EXAMPLE):
        assert name in titles
    assert "Architecture Communication Canvases" in titles and "API Product Canvases" in titles


def test_every_value_of_the_example_workspace_appears_in_the_report(report: bytes) -> None:
    expected = [value for kind, _, data in all_canvases(EXAMPLE) for value in expected_texts(CANVASES[kind], data)]
    expected += [
        EXAMPLE.description,
        *(t.description for t in EXAMPLE.teams),
        *(s.description for s in EXAMPLE.external_systems),
    ]
    expected += [r.notes for r in EXAMPLE.relationships if r.notes]
    assert missing_texts(expected, report) == []


def test_the_report_prints_in_any_script_and_on_a4_when_asked() -> None:
    workspace = filled_workspace()
    pdf = render_workspace_report(workspace, page_size="A4")
    reader = PdfReader(io.BytesIO(pdf))
    assert {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader.pages} == {
        A4_LANDSCAPE
    }
    expected = [value for kind, _, data in all_canvases(workspace) for value in expected_texts(CANVASES[kind], data)]
    assert missing_texts([workspace.name, *expected], pdf) == []
    assert TRICKY in workspace.name


def test_without_map_or_findings_those_parts_are_left_out(report: bytes) -> None:
    text = "".join(pdf_pages(report))
    assert "Context map" not in text and "Score and findings" not in text
    assert {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in PdfReader(io.BytesIO(report)).pages
    } == {A3_LANDSCAPE}


def test_the_context_map_is_drawn_as_vector_graphics_with_its_labels_as_text() -> None:
    svg = map_svg(
        'digraph { node [fontname="DejaVu Sans"]; edge [fontname="DejaVu Sans"]; '
        '"Seller Intake" -> "Offer Management" [label="U/D"]; "Offer Management" -> "Ελληνικά 中文"; }'
    )
    pdf = render_workspace_report(SMALL, map_svg=svg)
    reader = PdfReader(io.BytesIO(pdf))
    index = next(i for i, text in enumerate(pdf_pages(pdf)) if "Context map" in text and "U/D" in text)
    text = pdf_pages(pdf)[index]
    assert "Offer Management" in text and "U/D" in text and "Ελληνικά" in text and "中文" in text
    resources: Any = reader.pages[index]["/Resources"]
    images = [x for x in resources.get("/XObject", {}).values() if x.get_object()["/Subtype"] == "/Image"]
    assert images == []  # vectors and text, not a picture of the map
    assert len(reader.pages) == len(pdf_pages(render_workspace_report(SMALL))) + 1
    assert "Context map" in [entry.title for entry in flat(reader.outline)]


def test_a_map_that_is_not_svg_gives_a_note_and_a_warning_not_a_failure() -> None:
    with pytest.warns(MapWarning, match="could not be drawn"):
        pdf = render_workspace_report(SMALL, map_svg=b"<not svg")
    assert "The context map could not be drawn" in "".join(pdf_pages(pdf))


def test_the_score_and_findings_are_listed_with_markup_characters_intact() -> None:
    pdf = render_workspace_report(SMALL, findings_section=FINDINGS)
    page = next(text for text in pdf_pages(pdf) if "Score and findings" in text and "AIC001" in text)
    assert FINDINGS.score_text in page
    for row in FINDINGS.rows:
        assert missing_texts([row.rule, row.severity, row.status, row.subject, row.message, row.remediation], pdf) == []
    assert "<b>&amp;</b>" in page


def test_findings_without_rows_say_so() -> None:
    pdf = render_workspace_report(SMALL, findings_section=ReportSection("Score 100 / 100"))
    assert "None in this workspace." in "".join(pdf_pages(pdf))


def test_progress_is_reported_from_the_start_to_the_finished_report() -> None:
    steps: list[tuple[float, str]] = []
    render_workspace_report(EXAMPLE, on_progress=lambda fraction, message: steps.append((fraction, message)))
    fractions = [fraction for fraction, _ in steps]
    assert fractions == sorted(fractions) and fractions[0] < 0.1 and fractions[-1] == 1.0
    assert len(steps) > 10 and steps[-1][1] == "Report ready"
