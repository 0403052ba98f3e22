"""One canvas as a PDF: every value printed as typed, laid out on its sheet, attributed, with fonts embedded."""

import datetime as dt
import io
import warnings
from typing import Any

import pytest
from pypdf import PdfReader

from canvases import CANVASES
from formats.pdf import pdf_fonts
from formats.pdf.pdf_canvas import CanvasNotFound, render_canvas_pdf
from formats.pdf.pdf_fonts import PdfFontWarning
from models.api_product_canvas import ApiProductCanvas
from models.architecture_canvas import ArchitectureCommunicationCanvas
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
    squeeze,
)

A3_LANDSCAPE = (1190.55, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
EXAMPLE = example_workspace()
FILLED = filled_workspace()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.mark.parametrize(("kind", "name", "data"), all_canvases(EXAMPLE), ids=lambda v: v if isinstance(v, str) else "")
def test_every_value_of_every_example_canvas_is_printed(kind: str, name: str, data: dict[str, object]) -> None:
    pdf = render_canvas_pdf(EXAMPLE, kind, name)
    expected = expected_texts(CANVASES[kind], data)
    assert len(expected) > 5
    assert missing_texts(expected, pdf) == []


@pytest.mark.parametrize(("kind", "name", "data"), all_canvases(FILLED), ids=lambda v: v if isinstance(v, str) else "")
def test_umlauts_greek_cyrillic_cjk_and_markup_characters_print_exactly_as_typed(
    kind: str, name: str, data: dict[str, object]
) -> None:
    pdf = render_canvas_pdf(FILLED, kind, name)
    expected = expected_texts(CANVASES[kind], data)
    assert sum(TRICKY in text for text in expected) >= 3
    assert missing_texts(expected, pdf) == []


def test_a_canvas_prints_on_landscape_a3_by_default_and_on_a4_when_asked() -> None:
    assert set(
        page_sizes(render_canvas_pdf(EXAMPLE, "architecture_communication", EXAMPLE.architecture_canvases[0].name))
    ) == {A3_LANDSCAPE}
    a4 = render_canvas_pdf(EXAMPLE, "api_product", "Home Valuation", page_size="A4")
    assert set(page_sizes(a4)) == {A4_LANDSCAPE}


def test_a_bounded_context_prints_its_sheet_then_the_ai_profile_on_a_marked_extension_page() -> None:
    pages = pdf_pages(render_canvas_pdf(EXAMPLE, "bounded_context", "Home Valuation"))
    assert len(pages) == 2
    assert "Inbound Communication" in pages[0] and "AI profile" not in pages[0]
    assert "Workbench extension – not part of the DDD Crew canvas" in pages[1]
    assert "Own model" in pages[1]  # the AI kind of the Home Valuation context


def test_canvases_without_an_extension_fit_on_one_sheet() -> None:
    for kind, name, _ in all_canvases(EXAMPLE):
        if kind != "bounded_context":
            assert len(pdf_pages(render_canvas_pdf(EXAMPLE, kind, name))) == 1, name


def test_every_page_carries_the_attribution_licence_workspace_version_and_date() -> None:
    pdf = render_canvas_pdf(
        EXAMPLE, "bounded_context", "Seller Intake", version_label="v12", printed_on=dt.date(2026, 3, 1)
    )
    for number, page in enumerate(pdf_pages(pdf), start=1):
        assert "Bounded Context Canvas V5 by the DDD Crew · CC BY-SA 4.0" in page
        assert f"Home Valuation Platform · v12 · 2026-03-01 · page {number}" in page


def test_the_footer_says_today_when_no_date_is_given_and_leaves_out_a_missing_version() -> None:
    page = pdf_pages(render_canvas_pdf(EXAMPLE, "api_product", "Offer Management"))[0]
    assert f"Home Valuation Platform · {dt.date.today().isoformat()} · page 1" in page


def test_an_empty_section_shows_its_hint() -> None:
    workspace = Workspace(name="W", bounded_contexts=[BoundedContextCanvas(name="Empty")])
    page = squeeze(pdf_pages(render_canvas_pdf(workspace, "bounded_context", "Empty"))[0])
    purpose = next(s for s in CANVASES["bounded_context"].sections if s.key == "purpose")
    assert squeeze(purpose.hint) in page


@pytest.mark.parametrize("kind", list(CANVASES))
def test_every_section_of_every_canvas_has_a_place_in_its_pdf(kind: str) -> None:
    """Meta-test over the registry: boxed sections on the sheet, box-less ones on the extension page."""
    canvas = CANVASES[kind]
    documents = {
        "bounded_context": BoundedContextCanvas(name="Ctx"),
        "architecture_communication": ArchitectureCommunicationCanvas(name="Ctx"),
        "api_product": ApiProductCanvas(bounded_context="Ctx"),
    }
    workspace = Workspace.model_validate(
        {"name": "W", "bounded_contexts": [BoundedContextCanvas(name="Ctx")], canvas.collection: [documents[kind]]}
    )
    pages = [squeeze(page) for page in pdf_pages(render_canvas_pdf(workspace, kind, "Ctx"))]
    for section in canvas.sections:
        if section.box is None:
            assert squeeze(section.title) in pages[-1] and "Workbenchextension" in pages[-1], section.key
        elif section.columns > 1:  # a header strip prints each field's label in its own small frame
            assert all(squeeze(f.label) in pages[0] for f in section.fields), section.key
        else:
            assert squeeze(section.title) in pages[0], section.key
            holds_the_name = any(f.key == canvas.name_field for f in section.fields)
            assert holds_the_name or squeeze(section.hint) in pages[0], section.key
    assert len(CANVASES) == 3


def test_all_fonts_are_embedded_truetype_subsets() -> None:
    reader = PdfReader(io.BytesIO(render_canvas_pdf(FILLED, "bounded_context", FILLED.bounded_contexts[0].name)))
    fonts = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font: Any = reference.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor.get_object()
    assert any("DejaVuSans" in name for name in fonts) and any("WenQuanYi" in name for name in fonts)
    assert all(fonts.values()), fonts


def test_a_missing_cjk_font_still_gives_a_pdf_and_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_fonts, "CJK_FONT_PATHS", ())
    with pytest.warns(PdfFontWarning, match="fonts-wqy-zenhei") as caught:
        pdf = render_canvas_pdf(FILLED, "api_product", FILLED.api_products[0].bounded_context)
    assert "中" in str(caught[0].message)
    assert pdf_pages(pdf) and "Grüße" in "".join(pdf_pages(pdf))


def test_latin_greek_and_cyrillic_need_no_warning() -> None:
    workspace = Workspace(name="Grüße", bounded_contexts=[BoundedContextCanvas(name="Ελληνικά", purpose="кириллица")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_canvas_pdf(workspace, "bounded_context", "Ελληνικά")


def test_an_unknown_canvas_is_refused_with_the_names_there_are() -> None:
    with pytest.raises(CanvasNotFound, match="'Seller Intake', 'Property Data'"):
        render_canvas_pdf(EXAMPLE, "bounded_context", "Nope")
    with pytest.raises(CanvasNotFound, match="not a canvas kind"):
        render_canvas_pdf(EXAMPLE, "context_map", "Nope")
