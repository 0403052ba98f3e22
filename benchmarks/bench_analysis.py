"""Analysis time and peak memory for generated maps of 100, 1,000 and 3,000 contexts.

Each size twice: every relationship explicit, and half of them declared as communication on the two
canvases (as workshops fill them in), which exercises the reconciliation of both sides.

Run: .venv/bin/python benchmarks/bench_analysis.py
"""

import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.engine import analyze_workspace
from benchmarks.generated_maps import generated_workspace


def measure(contexts: int, runs: int, on_canvases: float) -> tuple[list[float], float, int]:
    workspace = generated_workspace(contexts, on_canvases=on_canvases)
    times, findings = [], 0
    for _ in range(runs):
        # Each run starts clean: freeing or collecting the previous result is not this run's work.
        gc.collect()
        start = time.perf_counter()
        analysis = analyze_workspace(workspace)
        times.append(time.perf_counter() - start)
        findings = len(analysis.findings)
        del analysis
    gc.collect()
    tracemalloc.start()
    analyze_workspace(workspace)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return times, peak / 2**20, findings


if __name__ == "__main__":
    medians: dict[tuple[int, float], float] = {}
    # Many runs: on a shared 2-core machine single runs of the same work vary by half.
    for contexts, runs in ((100, 9), (1000, 9), (3000, 3)):
        for on_canvases, declared in ((0.0, "explicit relationships"), (0.5, "half on the canvases")):
            times, megabytes, findings = measure(contexts, runs, on_canvases)
            median = medians[contexts, on_canvases] = statistics.median(times)
            print(
                f"{contexts:>5} contexts, {declared:<22}: {median * 1000:7.1f} ms median, "
                f"{min(times) * 1000:7.1f} ms best, {max(times) * 1000:7.1f} ms worst, "
                f"peak {megabytes:5.1f} MiB, {findings} findings"
            )
    for on_canvases, declared in ((0.0, "explicit relationships"), (0.5, "half on the canvases")):
        growth = medians[1000, on_canvases] / medians[100, on_canvases]
        print(f"growth 100 -> 1000 contexts ({declared}): x{growth:.1f}")
