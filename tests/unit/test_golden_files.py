"""Every output format, made from the example workspace, matches its golden file under tests/golden/."""

import copy
import datetime as dt
import difflib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import build_context_map
from analysis.engine import Analysis, analyze_workspace
from diff.diff_model import Comparison
from diff.diff_workspaces import compare_workspaces
from formats.analysis_report.analysis_report import analysis_as_data, analysis_as_text
from formats.cml.cml_writer import export_cml
from formats.graphviz.context_map_dot import render_context_map_dot
from formats.graphviz.map_diff_dot import render_map_diff_dot
from formats.pdf.pdf_canvas import render_canvas_pdf
from formats.pdf.pdf_findings import findings_section
from formats.pdf.pdf_readiness import readiness_section
from formats.pdf.pdf_report import render_workspace_report
from formats.readiness_report.readiness_report import readiness_as_data, readiness_as_text
from formats.review.review_json import comparison_as_data
from formats.review.review_markdown import render_review_markdown
from formats.review.review_pdf import render_review_pdf
from formats.review.review_text import render_review_text
from formats.workspace_json.workspace_file import dump_workspace_json, read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import DeliveryPhase, Workspace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN_DIR = ROOT / "tests" / "golden"
EXAMPLE = read_workspace_file(ROOT / "assets" / "examples" / "home-valuation.json")
# Every date an output shows or depends on (risk acceptances expire, footers print the day) is this one.
TODAY = dt.date(2026, 6, 1)
OLD_LABEL, NEW_LABEL = "home-valuation.json", "home-valuation-rollback.json"
# After an intended change: regenerate, then review the diff of tests/golden/ before committing it.
REGENERATE = f"UPDATE_GOLDEN=1 .venv/bin/python -m pytest {Path(__file__).relative_to(ROOT)}"
# Packages under formats/ that produce no file a user receives, with where they are pinned instead.
NOT_OUTPUT_FORMATS = {"rule_catalogue": "docs/rules.md, checked by tests/unit/test_rule_catalogue.py"}


@cache
def example_analysis() -> Analysis:
    return analyze_workspace(EXAMPLE, today=TODAY)


@cache
def edited_example() -> Workspace:
    """The example with one field changed: Seller Conversation can now roll its model back."""
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    seller = next(c for c in data["bounded_contexts"] if c["name"] == "Seller Conversation")
    seller["ai_profile"]["rollback"] = True
    return validate_workspace_data(data)


@cache
def example_comparison() -> Comparison:
    return compare_workspaces(EXAMPLE, edited_example(), old_label=OLD_LABEL, new_label=NEW_LABEL, today=TODAY)


def as_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"  # as cli.py prints it


def pdf_text(pdf: bytes) -> str:
    """The text pypdf extracts, page by page; line ends are stripped so editors cannot change the file."""
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    lines = [line for i, text in enumerate(pages, 1) for line in [f"--- page {i} ---", *text.splitlines()]]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def canvas_pdf(kind: str, name: str) -> Callable[[], str]:
    def produce() -> str:
        return pdf_text(render_canvas_pdf(EXAMPLE, kind, name, version_label="v1", printed_on=TODAY))

    return produce


def report_pdf() -> str:
    # Without the map: its SVG comes from the installed Graphviz, whose layout differs between versions.
    section = findings_section(example_analysis())
    readiness = readiness_section(example_analysis().readiness)
    pdf = render_workspace_report(
        EXAMPLE, version_label="v1", printed_on=TODAY, findings_section=section, readiness=readiness
    )
    return pdf_text(pdf)


def map_diff_dot() -> str:
    new_map = build_context_map(edited_example(), DEFAULT_CONFIG)
    return render_map_diff_dot(new_map, example_comparison().diff.map, f"{OLD_LABEL} → {NEW_LABEL}")


@dataclass(frozen=True)
class Golden:
    file: str  # under tests/golden/
    renderer: Callable[..., object]  # the formats/ function under test: the entry counts for its package
    produce: Callable[[], str]


GOLDEN: dict[str, Golden] = {
    "workspace JSON": Golden(
        "home-valuation.workspace.json", dump_workspace_json, lambda: dump_workspace_json(EXAMPLE)
    ),
    "Context Mapper CML": Golden("home-valuation.cml", export_cml, lambda: export_cml(EXAMPLE)),
    "context map DOT": Golden(
        "home-valuation.context-map.dot", render_context_map_dot, lambda: render_context_map_dot(example_analysis())
    ),
    "map diff DOT": Golden("home-valuation.map-diff.dot", render_map_diff_dot, map_diff_dot),
    "review text": Golden(
        "home-valuation.review.txt", render_review_text, lambda: render_review_text(example_comparison())
    ),
    "review Markdown": Golden(
        "home-valuation.review.md", render_review_markdown, lambda: render_review_markdown(example_comparison())
    ),
    "review JSON": Golden(
        "home-valuation.review.json", comparison_as_data, lambda: as_json(comparison_as_data(example_comparison()))
    ),
    "review PDF": Golden(
        "home-valuation.review-pdf.txt",
        render_review_pdf,
        lambda: pdf_text(render_review_pdf(example_comparison(), printed_on=TODAY)),
    ),
    "analysis text": Golden(
        "home-valuation.analysis.txt", analysis_as_text, lambda: analysis_as_text(example_analysis()) + "\n"
    ),
    "analysis JSON": Golden(
        "home-valuation.analysis.json", analysis_as_data, lambda: as_json(analysis_as_data(example_analysis()))
    ),
    "readiness text": Golden(
        "home-valuation.readiness.txt",
        readiness_as_text,
        lambda: readiness_as_text(example_analysis().readiness, DeliveryPhase.PRODUCT),
    ),
    "readiness JSON": Golden(
        "home-valuation.readiness.json",
        readiness_as_data,
        lambda: as_json(readiness_as_data(example_analysis().readiness, DeliveryPhase.PRODUCT)),
    ),
    "canvas PDF, Bounded Context Canvas": Golden(
        "home-valuation.bcc-home-valuation-pdf.txt", render_canvas_pdf, canvas_pdf("bounded_context", "Home Valuation")
    ),
    "canvas PDF, Architecture Communication Canvas": Golden(
        "home-valuation.acc-pdf.txt",
        render_canvas_pdf,
        canvas_pdf("architecture_communication", EXAMPLE.architecture_canvases[0].name),
    ),
    "canvas PDF, API Product Canvas": Golden(
        "home-valuation.api-home-valuation-pdf.txt", render_canvas_pdf, canvas_pdf("api_product", "Home Valuation")
    ),
    "workspace report PDF": Golden("home-valuation.report-pdf.txt", render_workspace_report, report_pdf),
}


@pytest.mark.parametrize("name", GOLDEN)
def test_the_output_matches_its_golden_file(name: str) -> None:
    golden = GOLDEN[name]
    path = GOLDEN_DIR / golden.file
    output = golden.produce()
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    if output != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), output.splitlines(True), "golden", "now", n=1))
        pytest.fail(
            f"The {name} output differs from tests/golden/{golden.file}. If the change is intended, regenerate with\n"
            f"  {REGENERATE}\nand review the diff.\n{diff[:6000]}"
        )


def test_the_outputs_do_not_depend_on_the_hash_seed() -> None:
    # scripts/check.sh fixes PYTHONHASHSEED, but a golden file should not need it: set order must not leak out.
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    script = (
        f"import json, sys; sys.path[:0] = [{str(ROOT)!r}, {str(HERE)!r}]; import test_golden_files as g; "
        "json.dump({name: golden.produce() for name, golden in g.GOLDEN.items()}, sys.stdout)"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, timeout=240
    )
    assert run.returncode == 0, run.stderr.decode()
    elsewhere = json.loads(run.stdout)
    changed = [name for name, golden in GOLDEN.items() if elsewhere[name] != golden.produce()]
    assert changed == [], f"outputs that change with PYTHONHASHSEED={seed}: {changed}"


def format_packages() -> set[str]:
    """The packages under formats/: a folder with an __init__.py."""
    return {p.parent.name for p in (ROOT / "formats").glob("*/__init__.py")}


def test_every_format_package_has_a_golden_file() -> None:
    covered = {golden.renderer.__module__.split(".")[1] for golden in GOLDEN.values()}
    assert len(format_packages()) >= 6, "the scan of formats/ found too few packages: the scan itself is broken"
    missing = sorted(format_packages() - covered - set(NOT_OUTPUT_FORMATS))
    assert missing == [], f"formats/ packages without an entry in GOLDEN (tests/unit/test_golden_files.py): {missing}"


def test_every_golden_file_belongs_to_a_test() -> None:
    # The hand-made map of tests/unit/test_context_map_dot.py is pinned there.
    used = {golden.file for golden in GOLDEN.values()} | {"context-map.dot"}
    stray = sorted(p.name for p in GOLDEN_DIR.iterdir() if p.is_file() and p.name not in used)
    assert stray == [], f"golden files no test compares against: {stray}"
