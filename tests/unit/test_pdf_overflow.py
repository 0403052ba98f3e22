"""Long content shrinks to a readable minimum, then continues on overflow pages; nothing is cut off."""

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from canvases import CANVASES
from formats.pdf.pdf_canvas import render_canvas_pdf
from formats.pdf.pdf_geometry import GEOMETRIES, PageSize
from formats.pdf.pdf_sheet import plan_sheet
from formats.pdf.pdf_text import Typesetter
from models.architecture_canvas import ArchitectureCommunicationCanvas
from models.bounded_context import BoundedContextCanvas, CommunicationEntry, Message, MessageKind
from models.workspace import ExternalSystem, Workspace
from tests.unit.test_pdf_workspaces import pdf_pages

BCC = CANVASES["bounded_context"]


def words(count: int, prefix: str = "w") -> str:
    return " ".join(f"{prefix}{i:04d}" for i in range(count))


def numbered(pdf: bytes, prefix: str = "w") -> list[str]:
    return re.findall(rf"\b{prefix}\d{{4}}\b", "\n".join(pdf_pages(pdf)))


def context_workspace(**fields: Any) -> Workspace:
    return Workspace(name="W", bounded_contexts=[BoundedContextCanvas(name="Ctx", **fields)])


def purpose_cell(text: str, page_size: PageSize) -> Any:
    plan = plan_sheet(
        BCC,
        context_workspace(purpose=text).bounded_contexts[0].model_dump(mode="json"),
        GEOMETRIES[page_size],
        Typesetter(),
        "k",
    )
    return next(p for p in plan.sections if p.section.key == "purpose").cells[0].fitted


def test_text_that_fits_keeps_the_comfortable_size() -> None:
    fitted = purpose_cell(words(20), "A3")
    assert fitted.size == GEOMETRIES["A3"].body and fitted.overflow == []


def test_longer_text_shrinks_but_stays_on_the_sheet() -> None:
    fitted = purpose_cell(words(250), "A3")
    assert GEOMETRIES["A3"].smallest <= fitted.size < GEOMETRIES["A3"].body
    assert fitted.overflow == []


def test_a4_continues_on_an_overflow_page_where_a3_still_fits() -> None:
    assert purpose_cell(words(300), "A3").overflow == []
    a4 = purpose_cell(words(300), "A4")
    assert a4.overflow and a4.size == GEOMETRIES["A4"].smallest
    workspace = context_workspace(purpose=words(300))
    pages = {
        size: len(pdf_pages(render_canvas_pdf(workspace, "bounded_context", "Ctx", page_size=size)))
        for size in ("A3", "A4")
    }
    assert pages == {"A3": 2, "A4": 3}


def test_text_too_long_for_its_box_continues_on_a_page_that_names_the_section() -> None:
    pdf = render_canvas_pdf(context_workspace(purpose=words(2000)), "bounded_context", "Ctx")
    pages = pdf_pages(pdf)
    assert "continued on page 2" in pages[0]
    assert "Purpose (continued from page 1)" in pages[1]
    assert "Workbench extension" in pages[-1]
    assert numbered(pdf) == [f"w{i:04d}" for i in range(2000)]  # every word once, in order


def test_the_overflow_note_links_to_the_page_it_names_and_the_page_is_bookmarked() -> None:
    reader = PdfReader(io.BytesIO(render_canvas_pdf(context_workspace(purpose=words(2000)), "bounded_context", "Ctx")))
    pages = [page.indirect_reference for page in reader.pages]
    targets = [pages.index(link.get_object()["/Dest"][0]) + 1 for link in reader.pages[0].get("/Annots", [])]
    assert targets == [2]
    titles = [entry.title for entry in _flat(reader.outline)]
    assert titles[:2] == ["Ctx", "Purpose (continued)"]


def _flat(outline: list[Any]) -> list[Any]:
    return [item for entry in outline for item in (_flat(entry) if isinstance(entry, list) else [entry])]


def test_a_long_swimlane_splits_between_messages_and_prints_every_message_once() -> None:
    messages = [Message(kind=list(MessageKind)[i % 3], name=f"m{i:04d}") for i in range(120)]
    entry = CommunicationEntry(collaborator="Partner", messages=messages)
    workspace = Workspace(
        name="W",
        external_systems=[ExternalSystem(name="Partner")],
        bounded_contexts=[BoundedContextCanvas(name="Ctx", inbound=[entry])],
    )
    pdf = render_canvas_pdf(workspace, "bounded_context", "Ctx")
    pages = pdf_pages(pdf)
    assert "Inbound Communication (continued from page 1)" in pages[1]
    assert "Partner (continued)" in pages[1]
    assert numbered(pdf, "m") == [f"m{i:04d}" for i in range(120)]


def test_a_header_field_continues_under_its_own_label() -> None:
    canvas = ArchitectureCommunicationCanvas(name="ACC", created_for=words(120))
    pdf = render_canvas_pdf(Workspace(name="W", architecture_canvases=[canvas]), "architecture_communication", "ACC")
    pages = pdf_pages(pdf)
    assert "Header › Created for (continued from page 1)" in pages[1]
    assert numbered(pdf) == [f"w{i:04d}" for i in range(120)]


@pytest.mark.parametrize("page_size", ["A3", "A4"])
def test_nothing_is_lost_when_every_section_overflows(page_size: PageSize) -> None:
    long = {"purpose": words(900, "p"), "assumptions": [words(600, "a")], "open_questions": [words(400, "q")]}
    long["business_decisions"] = [words(300, "d"), words(300, "e")]
    pdf = render_canvas_pdf(context_workspace(**long), "bounded_context", "Ctx", page_size=page_size)
    for prefix, count in (("p", 900), ("a", 600), ("q", 400), ("d", 300), ("e", 300)):
        assert numbered(pdf, prefix) == [f"{prefix}{i:04d}" for i in range(count)], prefix


def test_a_single_word_longer_than_a_box_is_broken_not_cut() -> None:
    word = "x" * 3000
    pdf = render_canvas_pdf(context_workspace(purpose=word), "bounded_context", "Ctx")
    assert "".join(pdf_pages(pdf)).count("x") >= 3000
