"""Hostile workspace files against the input limits: seconds and peak memory until each is refused.

Run: .venv/bin/python benchmarks/bench_limits.py

Each case is checked by `cli.py validate` in a process of its own, so its peak resident memory is its own.
Printed per case: the exit status (2: refused), seconds, peak MB, and the first line of the message.
"""

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cyclic_contexts(path: Path) -> None:
    """100,000 contexts in a cycle of relationships, with some text: about 12 MB."""
    count = 100_000
    contexts = [{"name": f"Context {i}", "purpose": "Prices homes for sellers."} for i in range(count)]
    relationships = [{"upstream": f"Context {i}", "downstream": f"Context {(i + 1) % count}"} for i in range(count)]
    data = {"schema_version": 1, "name": "Cycle", "bounded_contexts": contexts, "relationships": relationships}
    path.write_text(json.dumps(data), encoding="utf-8")


def minimal_contexts(path: Path) -> None:
    """100,000 contexts of a name each: about 2 MB."""
    contexts = [{"name": f"C{i}"} for i in range(100_000)]
    path.write_text(json.dumps({"schema_version": 1, "name": "Many", "bounded_contexts": contexts}), encoding="utf-8")


def huge_file(path: Path) -> None:
    """342 MB (sparse on disk): refused by its size before it is read."""
    with path.open("wb") as file:
        file.truncate(342 * 1024 * 1024)


def long_text(path: Path) -> None:
    """One purpose of 15 million characters: about 15 MB."""
    data = {"schema_version": 1, "name": "Long", "bounded_contexts": [{"name": "A", "purpose": "x" * 15_000_000}]}
    path.write_text(json.dumps(data), encoding="utf-8")


CASES: dict[str, Callable[[Path], None]] = {
    "100,000 contexts in a cycle": cyclic_contexts,
    "100,000 minimal contexts": minimal_contexts,
    "342 MB file": huge_file,
    "15 million characters in one text": long_text,
}


def measure(path: Path) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak MB, first line of stderr) of `cli.py validate path` in a process of its own."""
    script = (
        "import resource, sys; sys.argv = ['cli.py', 'validate', sys.argv[1]]; sys.path.insert(0, '.'); import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stdout)\n"
        "sys.exit(code)\n"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_mb = int(done.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux
    first = (done.stderr.strip().splitlines() or [""])[0]
    return done.returncode, seconds, peak_mb, first


def main() -> None:
    print(f"{'case':<46}{'exit':>5}{'seconds':>9}{'peak MB':>9}  message")
    with tempfile.TemporaryDirectory() as folder:
        for label, make in CASES.items():
            path = Path(folder) / "case.json"
            make(path)
            size = path.stat().st_size / 2**20
            code, seconds, peak, first = measure(path)
            message = first.split(": ", 1)[-1][:90]
            print(f"{label + f' ({size:.1f} MB)':<46}{code:>5}{seconds:>9.2f}{peak:>9.0f}  {message}")
            path.unlink()


if __name__ == "__main__":
    main()
