"""PDF export times: one canvas sheet, and the workspace report for 10 and 100 bounded contexts.

Run: .venv/bin/python benchmarks/bench_pdf.py [--runs 5]
The workspaces copy the example's filled canvases (renamed, references kept inside each copy), so every
sheet is as full as a real one. Target: one canvas in under 0.5 s.
"""

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from formats.pdf.pdf_canvas import render_canvas_pdf
from formats.pdf.pdf_report import render_workspace_report
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "assets" / "examples" / "home-valuation.json"


def generated_workspace(contexts: int) -> Workspace:
    """`contexts` bounded contexts, each a renamed copy of one of the example's, with its API product."""
    example = read_workspace_file(EXAMPLE).model_dump(mode="json")
    templates = example["bounded_contexts"]
    names = {c["name"] for c in templates}
    made: list[dict[str, Any]] = []
    for i in range(contexts):
        context = copy.deepcopy(templates[i % len(templates)])
        group = i // len(templates)
        context["name"] = f"{context['name']} {group}"
        made.append(context)
    known = {c["name"] for c in made} | {s["name"] for s in example["external_systems"]}
    for context in made:
        group = context["name"].rsplit(" ", 1)[1]
        for direction in ("inbound", "outbound"):
            for entry in context[direction]:
                if entry["collaborator"] in names:  # a context of the same copy
                    entry["collaborator"] = f"{entry['collaborator']} {group}"
            context[direction] = [e for e in context[direction] if e["collaborator"] in known]
    products = []
    for product in example["api_products"]:
        for context in made:
            if context["name"].rsplit(" ", 1)[0] == product["bounded_context"]:
                products.append({**copy.deepcopy(product), "bounded_context": context["name"]})
    data = {**example, "bounded_contexts": made, "api_products": products, "relationships": []}
    for canvas in data["architecture_canvases"]:
        canvas["components"] = [{**c, "bounded_context": None} for c in canvas["components"]]
    return validate_workspace_data(data)


def timed(runs: int, action: Any) -> tuple[float, float, Any]:
    """Median wall-clock and CPU seconds of `runs` runs (CPU time is steadier on a busy machine)."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    example = read_workspace_file(EXAMPLE)
    render_canvas_pdf(example, "bounded_context", "Seller Intake")  # fonts loaded once per process
    samples = [
        ("bounded_context", "Offer Management"),
        ("architecture_communication", example.architecture_canvases[0].name),
        ("api_product", "Home Valuation"),
    ]
    for kind, name in samples:
        seconds, cpu, pdf = timed(runs, lambda kind=kind, name=name: render_canvas_pdf(example, kind, name))
        verdict = "ok" if cpu < 0.5 else "SLOWER THAN THE 0.5 s TARGET"  # CPU: steady on a busy machine
        print(
            f"one canvas, {kind}: {seconds * 1000:6.1f} ms wall, {cpu * 1000:6.1f} ms CPU "
            f"(median of {runs}), {len(pdf) // 1024} KB  [{verdict}]"
        )
    for contexts, report_runs in ((10, max(1, runs // 2)), (100, 1)):
        workspace = generated_workspace(contexts)
        seconds, cpu, pdf = timed(report_runs, lambda workspace=workspace: render_workspace_report(workspace))
        canvases = len(workspace.bounded_contexts) + len(workspace.api_products) + len(workspace.architecture_canvases)
        pages = pdf.count(b"/Type /Page\n")
        print(
            f"report, {contexts:>3} contexts ({canvases} canvases, {pages} pages): "
            f"{seconds:6.2f} s wall, {cpu:6.2f} s CPU, {len(pdf) // 1024} KB"
        )


if __name__ == "__main__":
    main()
