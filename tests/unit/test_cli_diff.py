"""`cli.py diff OLD NEW`: files, .cml files and stored versions; text, JSON, Markdown and PDF; exit codes."""

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli import EXIT_INVALID, EXIT_OK, main
from formats.workspace_json.workspace_file import read_workspace_file
from services.configuration import EXAMPLE_WORKSPACE
from storage.sql import SqlWorkspaceRepository

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "context-mapper-examples"
STAGE_1 = str(FIXTURES / "insurance-example" / "Insurance-Example-Stage-1.cml")
STAGE_2 = str(FIXTURES / "insurance-example" / "Insurance-Example-Stage-2.cml")


def test_two_cml_stages_print_the_summary_and_every_relationship_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", STAGE_1, STAGE_2]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[1] == "6 relationships changed, AI coupling score 0 unchanged (loosely coupled)"
    assert out.count("  * changed  ") == 6
    assert "      * Pattern and roles › Pattern: Shared Kernel (SK) → Partnership (P)" in out


def test_json_output_is_the_comparison_as_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", STAGE_1, STAGE_2, "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["old"]["source"] == STAGE_1 and len(data["map"]["edges"]) == 6
    assert data["documents"] == [] and data["findings"]["new"] == []


def test_markdown_goes_to_the_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "review.md"
    assert main(["diff", STAGE_1, STAGE_2, "--format", "md", "-o", str(output)]) == EXIT_OK
    assert output.read_text(encoding="utf-8").startswith("# Version comparison: InsuranceContextMap")
    assert capsys.readouterr().out == ""


def test_pdf_is_the_review_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "review.pdf"
    assert main(["diff", STAGE_1, STAGE_2, "--format", "pdf", "-o", str(output), "--no-findings"]) == EXIT_OK
    assert capsys.readouterr().out.startswith(f"Wrote {output} (")
    text = " ".join(page.extract_text() or "" for page in PdfReader(output).pages)
    assert "6 relationships changed" in text and "Score and findings" not in text


def test_identical_sides_say_there_is_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(EXAMPLE_WORKSPACE), str(EXAMPLE_WORKSPACE), "--no-findings"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == "No changes to canvases or the context map"


def test_a_missing_file_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "nowhere.json", STAGE_2]) == EXIT_INVALID
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("nowhere.json: cannot be read")


def test_a_broken_workspace_file_exits_2_naming_the_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "team.json"
    data = read_workspace_file(EXAMPLE_WORKSPACE).model_dump(mode="json")
    data["bounded_contexts"][1]["name"] = " "
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert main(["diff", str(EXAMPLE_WORKSPACE), str(broken)]) == EXIT_INVALID
    assert f"{broken}: bounded_contexts[1].name: " in capsys.readouterr().err


def test_stored_versions_are_read_from_the_database_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    repo = SqlWorkspaceRepository(url)
    example = read_workspace_file(EXAMPLE_WORKSPACE)
    repo.save("hv", example)
    repo.save("hv", example.model_copy(update={"description": "Instant offers."}), parent=1)
    repo.close()
    assert main(["diff", "hv@1", "hv@2", "--database", url, "--no-findings"]) == EXIT_OK
    assert "* Overview › Description: " in capsys.readouterr().out
    assert main(["diff", "hv@1", "hv@9", "--database", url]) == EXIT_INVALID
    assert capsys.readouterr().err.strip() == "'Home Valuation Platform' has no version '9' (versions 1–2)."
