"""Comparing two versions of a generated 100- and 1,000-context workspace: the structural diff alone, and the
full comparison with both analyses for the findings diff. Target: under 0.5 s at 1,000 contexts.

Run: .venv/bin/python benchmarks/bench_diff.py
"""

import copy
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import build_context_map
from analysis.gc_pause import cyclic_gc_paused
from benchmarks.generated_maps import generated_workspace
from diff.diff_model import ChangeKind
from diff.diff_workspaces import compare_workspaces, diff_workspaces
from models.validation import validate_workspace_data
from models.workspace import Workspace

TARGET_SECONDS = 0.5


def _rename(data: dict[str, Any], old: str, new: str) -> None:
    for context in data["bounded_contexts"]:
        if context["name"] == old:
            context["name"] = new
    for relationship in data["relationships"]:
        for side in ("upstream", "downstream"):
            if relationship[side] == old:
                relationship[side] = new


def next_version(workspace: Workspace, seed: int = 2) -> Workspace:
    """A workshop's worth of edits: 1 % renamed, 5 % with a new purpose, 2 % added, relationships moved, reordered."""
    rng = random.Random(seed)
    data = copy.deepcopy(workspace.model_dump(mode="json"))
    contexts = data["bounded_contexts"]
    count = len(contexts)
    for context in rng.sample(contexts, max(1, count // 100)):
        _rename(data, context["name"], context["name"] + " Service")
    for context in rng.sample(contexts, max(1, count // 20)):
        context["purpose"] = f"Decides offers for segment {rng.randrange(100)} and explains the price to sellers."
    contexts += [{"name": f"New Context {i}", "owner_team": data["teams"][0]["name"]} for i in range(count // 50)]
    relationships = data["relationships"]
    del relationships[: max(1, len(relationships) // 100)]
    for relationship in rng.sample(relationships, max(1, len(relationships) // 100)):
        if relationship["pattern"] == "upstream_downstream":
            relationship["downstream_roles"] = ["ACL"]
    relationships += [{"upstream": f"New Context {i}", "downstream": contexts[i]["name"]} for i in range(count // 50)]
    rng.shuffle(contexts)
    rng.shuffle(relationships)
    return validate_workspace_data(data)


def median_seconds(run: Any, runs: int) -> float:
    """The median of `runs`; the fastest run is printed too, as the figure least disturbed by other work."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    BEST.append(min(times))
    return statistics.median(times)


BEST: list[float] = []


def build_maps(old: Workspace, new: Workspace) -> None:
    """The part of the structural diff that is the analysis's own: building both context maps."""
    with cyclic_gc_paused():
        build_context_map(old, DEFAULT_CONFIG)
        build_context_map(new, DEFAULT_CONFIG)


def measure(contexts: int, runs: int) -> tuple[float, float, float, str]:
    old = generated_workspace(contexts)
    new = next_version(old)
    structural = median_seconds(lambda: diff_workspaces(old, new), runs)
    maps = median_seconds(lambda: build_maps(old, new), runs)
    full = median_seconds(lambda: compare_workspaces(old, new, old_label="v1", new_label="v2"), max(1, runs // 3))
    diff = diff_workspaces(old, new)
    found = (
        f"{len(diff.map.nodes_renamed)} renamed, {len(diff.map.nodes_added)} added, "
        f"{len(diff.map.nodes_changed)} changed contexts; {len(diff.map.edge_keys(ChangeKind.ADDED))} added, "
        f"{len(diff.map.edge_keys(ChangeKind.REMOVED))} removed, {len(diff.map.edge_keys(ChangeKind.CHANGED))} "
        "changed relationships"
    )
    return structural, maps, full, found


if __name__ == "__main__":
    for contexts, runs in ((100, 9), (1000, 7)):
        BEST.clear()
        structural, maps, full, found = measure(contexts, runs)
        best = [f"{b * 1000:.0f}" for b in BEST]
        verdict = "within" if structural < TARGET_SECONDS else "OVER"
        print(
            f"{contexts:>5} contexts: structural diff {structural * 1000:6.1f} ms median, {best[0]} ms best "
            f"({verdict} the 0.5 s target; the two context maps take {maps * 1000:.1f} ms of it); "
            f"full comparison with both analyses {full * 1000:7.1f} ms median, {best[2]} ms best\n    [{found}]"
        )
