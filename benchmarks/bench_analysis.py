"""Analysis time and peak memory for generated maps of 100, 1,000 and 3,000 contexts.

Run: .venv/bin/python benchmarks/bench_analysis.py
"""

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.engine import analyze_workspace
from benchmarks.generated_maps import generated_workspace


def measure(contexts: int, runs: int) -> tuple[float, float, int]:
    workspace = generated_workspace(contexts)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analysis = analyze_workspace(workspace)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    analyze_workspace(workspace)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20, len(analysis.findings)


if __name__ == "__main__":
    results = {}
    for contexts, runs in ((100, 5), (1000, 3), (3000, 1)):
        seconds, megabytes, findings = measure(contexts, runs)
        results[contexts] = seconds
        print(
            f"{contexts:>5} contexts: {seconds * 1000:8.1f} ms median, peak {megabytes:6.1f} MiB, {findings} findings"
        )
    print(f"growth 100 -> 1000 contexts: x{results[1000] / results[100]:.1f}")
