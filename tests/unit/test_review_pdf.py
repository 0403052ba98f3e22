"""The review report PDF: cover with the summary, findings, map changes, each canvas before and after."""

import copy
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from diff.diff_model import Comparison
from diff.diff_workspaces import compare_workspaces
from formats.review.review_pdf import render_review_pdf
from formats.review.review_text import summary_line
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from services.configuration import EXAMPLE_WORKSPACE
from services.workspaces import rename_context_references

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)
A4_LANDSCAPE = (841.89, 595.28)


def edited_comparison() -> Comparison:
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    valuation = next(c for c in data["bounded_contexts"] if c["name"] == "Home Valuation")
    valuation["name"] = "Property Valuation"
    rename_context_references(data, "Home Valuation", "Property Valuation")
    seller = next(c for c in data["bounded_contexts"] if c["name"] == "Seller Conversation")
    seller["ai_profile"]["rollback"] = True
    seller["open_questions"].append("Does the assistant speak Greek? Ελληνικά, 日本語")
    new = validate_workspace_data(data)
    return compare_workspaces(EXAMPLE, new, old_label="v1", new_label="v2", today=dt.date(2026, 5, 4))


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return edited_comparison()


@pytest.fixture(scope="module")
def pdf(comparison: Comparison) -> bytes:
    return render_review_pdf(comparison, printed_on=dt.date(2026, 5, 4))


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_cover_names_both_versions_and_gives_the_summary(pdf: bytes, comparison: Comparison) -> None:
    cover = page_texts(pdf)[0]
    assert "Version comparison" in cover and "Home Valuation Platform" in cover
    assert "Old version: v1 (Home Valuation Platform)" in cover and "2026-05-04" in cover
    assert summary_line(comparison).split(", AI")[0] in cover
    assert PdfReader(io.BytesIO(pdf)).pages[0].mediabox.upper_right == pytest.approx(A4_LANDSCAPE, abs=0.5)


def test_the_pages_hold_findings_map_changes_and_each_canvas_before_and_after(pdf: bytes) -> None:
    text = " ".join(page_texts(pdf)[1:])
    assert "Score and findings" in text and "Resolved" in text and "AIC017" in text
    assert "Context map" in text and "Home Valuation → Property Valuation" in text
    assert "Bounded Context Canvas 'Seller Conversation' — changed" in text
    assert "AI profile › Rollback possible" in text and "Before" in text and "After" in text
    assert "Does the assistant speak Greek? Ελληνικά, 日本語" in text
    outline = [entry.title for entry in PdfReader(io.BytesIO(pdf)).outline if not isinstance(entry, list)]
    assert outline[:4] == ["Cover", "Score and findings", "Context map", "Canvases"]


def test_an_unchanged_comparison_prints_that_nothing_changed() -> None:
    same = compare_workspaces(EXAMPLE, EXAMPLE, old_label="a", new_label="b", with_findings=False)
    text = " ".join(page_texts(render_review_pdf(same)))
    assert "No changes to the context map." in text and "No canvas changed." in text
    assert "Score and findings" not in text


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm is not installed (apt-get install poppler-utils)"
)
def test_every_page_renders_with_ink_on_it(pdf: bytes, tmp_path: Path) -> None:
    (tmp_path / "review.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "review.pdf"), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    for page in pages:
        low, high = Image.open(page).convert("L").getextrema()
        assert isinstance(low, int) and isinstance(high, int) and high - low > 100, f"{page.name} is blank"
