"""Analysis time and peak memory for generated maps of 100, 1,000 and 3,000 contexts.

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


def measure(contexts: int, runs: int) -> tuple[list[float], float, int]:
    workspace = generated_workspace(contexts)
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
    results = {}
    # Many runs: on a shared 2-core machine single runs of the same work vary by half.
    for contexts, runs in ((100, 9), (1000, 9), (3000, 3)):
        times, megabytes, findings = measure(contexts, runs)
        results[contexts] = statistics.median(times)
        print(
            f"{contexts:>5} contexts: {results[contexts] * 1000:7.1f} ms median, {min(times) * 1000:7.1f} ms best, "
            f"{max(times) * 1000:7.1f} ms worst, peak {megabytes:5.1f} MiB, {findings} findings"
        )
    print(f"growth 100 -> 1000 contexts: x{results[1000] / results[100]:.1f}")
