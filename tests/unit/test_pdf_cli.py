"""`cli.py export`: canvas PDFs, the report and the workspace file; exit 2 with a located message on bad input."""

import json
import shutil
from pathlib import Path

import pytest

import cli
from formats.pdf import pdf_fonts
from tests.unit.test_pdf_workspaces import EXAMPLE, pdf_pages


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_canvas_pdf_is_written_to_the_given_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "intake.pdf"
    code, out, _ = run(
        capsys, str(EXAMPLE), "--format", "pdf", "--canvas", "Seller Intake", "--version-label", "v3", "-o", str(target)
    )
    assert code == 0 and f"Wrote {target}" in out
    pages = pdf_pages(target.read_bytes())
    assert "Seller Intake" in pages[0] and "v3" in pages[0]


def test_a4_and_the_canvas_kind_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "api.pdf"
    args = [str(EXAMPLE), "--format", "pdf", "--canvas", "Home Valuation", "--kind", "api_product"]
    code, _, _ = run(capsys, *args, "--page-size", "A4", "-o", str(target))
    assert code == 0
    assert "Synchronous API" in pdf_pages(target.read_bytes())[0]


def test_without_an_output_the_file_is_named_after_the_canvas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, str(EXAMPLE), "--format", "pdf", "--canvas", "Seller Intake")
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["Seller-Intake-Bounded-Context-Canvas-A3.pdf"]


def test_the_report_and_the_workspace_file_are_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(EXAMPLE), "--format", "report", "-o", str(tmp_path / "r.pdf"))[0] == 0
    assert "Contents" in pdf_pages((tmp_path / "r.pdf").read_bytes())[1]
    assert run(capsys, str(EXAMPLE), "--format", "json", "-o", str(tmp_path / "w.json"))[0] == 0
    assert json.loads((tmp_path / "w.json").read_text())["name"] == "Home Valuation Platform"


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (apt-get install graphviz)")
@pytest.mark.parametrize(("fmt", "start"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("dot", b"digraph")])
def test_the_context_map_is_exported_as_svg_png_and_dot(
    fmt: str, start: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"map.{fmt}"
    code, out, _ = run(capsys, str(EXAMPLE), "--format", fmt, "-o", str(target))
    content = target.read_bytes()
    assert code == 0 and f"Wrote {target}" in out
    assert content.lstrip().startswith(start)
    if fmt != "png":
        assert "Home Valuation" in content.decode("utf-8") and "Offer Management" in content.decode("utf-8")


def test_a_context_mapper_model_is_exported_as_a_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = Path(__file__).resolve().parents[1] / "fixtures/context-mapper-examples/ddd-sample"
    code, _, err = run(capsys, str(model / "DDD-Sample-Stage-2.cml"), "--format", "dot", "-o", str(tmp_path / "m.dot"))
    text = (tmp_path / "m.dot").read_text()
    assert code == 0, err
    assert all(name in text for name in ("CargoBookingContext", "VoyagePlanningContext", "LocationContext"))


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (apt-get install graphviz)")
def test_the_report_holds_the_map_and_the_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.pdf"
    assert run(capsys, str(EXAMPLE), "--format", "report", "-o", str(target))[0] == 0
    text = "\n".join(pdf_pages(target.read_bytes()))
    assert "Score and findings" in text and "AI coupling score" in text
    assert "AIC008" in text and "Hidden feedback loop" in text
    assert "Context map" in text and "Valuation Training Pipeline" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "--format pdf needs --canvas NAME"),
        (["--format", "docx"], "--format docx is not an export format; choose pdf, report, json, svg, png, dot"),
        (["--format", "report", "--canvas", "Seller Intake"], "--canvas and --kind pick one canvas for --format pdf"),
        (
            ["--format", "pdf", "--canvas", "Nope"],
            "home-valuation.json: no canvas is named 'Nope'. The canvases are: 'Seller Intake'",
        ),
        (
            ["--format", "pdf", "--canvas", "Home Valuation"],
            "'Home Valuation' names a Bounded Context Canvas and an API Product Canvas; "
            "choose one with --kind bounded_context or --kind api_product",
        ),
    ],
)
def test_bad_choices_exit_2_with_a_message_that_says_what_to_do(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(EXAMPLE), *args, "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and message in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_invalid_workspace_file_exits_2_naming_the_file_and_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = json.loads(EXAMPLE.read_text())
    broken["bounded_contexts"][0]["owner_team"] = "Nobody"
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(broken))
    code, _, err = run(capsys, str(source), "--format", "report", "-o", str(tmp_path / "r.pdf"))
    assert code == 2 and f"{source}: bounded_contexts[0].owner_team:" in err


def test_an_output_that_cannot_be_written_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EXAMPLE), "--format", "json", "-o", str(tmp_path / "missing" / "w.json"))
    assert code == 2 and "cannot be written" in err


def test_a_missing_cjk_font_is_a_warning_on_stderr_not_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_fonts, "CJK_FONT_PATHS", ())
    data = json.loads(EXAMPLE.read_text())
    data["bounded_contexts"][0]["purpose"] = "顧客のための見積もり"
    source = tmp_path / "cjk.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(
        capsys, str(source), "--format", "pdf", "--canvas", "Seller Intake", "-o", str(tmp_path / "c.pdf")
    )
    assert code == 0 and "warning: The CJK font is not installed (fonts-wqy-zenhei)" in err
