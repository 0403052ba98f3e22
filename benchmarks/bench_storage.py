"""Storage figures: save and load 100 and 1,000 contexts, list 1,000 versions, bytes of a one-field change.

Run: .venv/bin/python benchmarks/bench_storage.py [DATABASE_URL]   (default: a SQLite file in a temporary folder)
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generated_maps import generated_workspace
from models.validation import validate_workspace_data
from models.workspace import Workspace
from storage.sql import SqlWorkspaceRepository


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """Median seconds of `repeat` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def changed(workspace: Workspace, round_: int) -> Workspace:
    data = workspace.model_dump(mode="json")
    data["bounded_contexts"][len(data["bounded_contexts"]) // 2]["purpose"] = f"changed {round_}"
    return validate_workspace_data(data)


def measure_workspace(repo: SqlWorkspaceRepository, contexts: int) -> None:
    started = time.perf_counter()
    workspace = validate_workspace_data(generated_workspace(contexts).model_dump(mode="json"))
    validation = time.perf_counter() - started
    workspace_id = f"w{contexts}"
    before = repo.stored_bytes()
    first = timed(lambda: repo.save(workspace_id, workspace), repeat=1)
    snapshot = repo.stored_bytes() - before
    edits = [changed(workspace, i) for i in range(3)]
    heads = iter(range(1, 4))
    save = timed(lambda: repo.save(workspace_id, edits[next(heads) - 1], parent=len(repo.list_versions(workspace_id))))
    added = (repo.stored_bytes() - before - snapshot) / 3
    load = timed(lambda: repo.load(workspace_id), repeat=3)
    print(
        f"{contexts:>5} contexts: validate {validation:6.2f} s | first save {first:6.3f} s | save one change "
        f"{save:6.3f} s | load {load:6.3f} s | snapshot {snapshot:>9,} B | one-field change adds "
        f"{added:>7,.0f} B ({added / snapshot:.2%})"
    )


def measure_listing(repo: SqlWorkspaceRepository, versions: int) -> None:
    workspace = validate_workspace_data(generated_workspace(10).model_dump(mode="json"))
    repo.save("many", workspace)
    data = workspace.model_dump(mode="json")
    for number in range(2, versions + 1):
        data["description"] = f"round {number}"
        repo.save("many", Workspace.model_validate(data), parent=number - 1, author="bench", message=f"v{number}")
    listing = timed(lambda: repo.list_versions("many"))
    print(f"list {versions:,} versions: {listing * 1000:.1f} ms")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{folder / 'bench.db'}"
    repo = SqlWorkspaceRepository(url)
    print(f"database: {repo.where}")
    for contexts in (100, 1000):
        measure_workspace(repo, contexts)
    measure_listing(repo, 1000)
    if url.startswith("sqlite"):
        print(f"SQLite file: {(folder / 'bench.db').stat().st_size:,} B")


if __name__ == "__main__":
    main()
