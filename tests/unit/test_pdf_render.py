"""The PDFs render: poppler's pdftoppm draws every page, no page is blank, and stickers show their colours."""

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from canvases.vocabulary import DECISION_COLOURS, MESSAGE_KIND_COLOURS
from formats.pdf.pdf_canvas import render_canvas_pdf
from formats.pdf.pdf_report import render_workspace_report
from tests.unit.test_pdf_workspaces import example_workspace, filled_workspace

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm is not installed (apt-get install poppler-utils)"
)
EXAMPLE = example_workspace()


def rendered_pages(pdf: bytes, folder: Path, dpi: int = 30) -> list[Image.Image]:
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(folder / "doc.pdf"), str(folder / "page")], check=True)
    return [Image.open(path).convert("RGB") for path in sorted(folder.glob("page-*.png"))]


def inked_share(image: Image.Image) -> float:
    """Share of pixels that are not (nearly) white."""
    grey = image.convert("L")
    histogram = grey.histogram()
    return sum(histogram[:235]) / (image.width * image.height)


def has_colour(image: Image.Image, hex_colour: str, tolerance: int = 12) -> bool:
    target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours: list[tuple[int, tuple[int, int, int]]] = image.getcolors(image.width * image.height) or []  # type: ignore[assignment]
    return any(
        all(abs(channel - wanted) <= tolerance for channel, wanted in zip(colour, target, strict=True))
        for _, colour in colours
    )


def test_every_page_of_a_canvas_pdf_renders_and_none_is_blank(tmp_path: Path) -> None:
    pages = rendered_pages(render_canvas_pdf(EXAMPLE, "bounded_context", "Offer Management"), tmp_path)
    assert len(pages) == 2
    assert inked_share(pages[0]) > 0.10  # a sheet full of boxes, stickers and text
    assert inked_share(pages[1]) > 0.005  # the extension page: a banner and a few lines


def test_messages_are_stickers_in_their_kind_colours_and_decisions_in_theirs(tmp_path: Path) -> None:
    sheet = rendered_pages(render_canvas_pdf(EXAMPLE, "bounded_context", "Offer Management"), tmp_path, dpi=40)[0]
    for kind, (fill, _) in MESSAGE_KIND_COLOURS.items():
        assert has_colour(sheet, fill), kind
    assert has_colour(sheet, DECISION_COLOURS[0])


def test_every_page_of_the_report_renders_and_none_is_blank(tmp_path: Path) -> None:
    pages = rendered_pages(render_workspace_report(EXAMPLE, page_size="A4"), tmp_path, dpi=20)
    assert len(pages) > 15
    blank = [number for number, page in enumerate(pages, start=1) if inked_share(page) < 0.003]
    assert blank == []


def test_a_canvas_full_of_cjk_text_renders(tmp_path: Path) -> None:
    workspace = filled_workspace()
    pages = rendered_pages(
        render_canvas_pdf(workspace, "api_product", workspace.api_products[0].bounded_context), tmp_path
    )
    assert pages and all(inked_share(page) > 0.05 for page in pages)
