"""The layout's arrows hold: ui -> services -> (analysis, diff, formats, storage) -> models and canvases.

Every Python file of the project is scanned (tests and benchmarks aside): the core imports neither Streamlit
nor SQLAlchemy nor a package above it, formats never reach storage, nothing but the entry points imports ui,
and the app and the command line reach the rest only through services.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "tests", "benchmarks", ".git", "data"}
PROJECT = {
    *("models", "canvases", "analysis", "diff", "formats", "storage", "services"),
    *("ui", "cli", "cli_database", "app"),
}

# What each part may import of the project, itself included. The core is ordered: a package sees those before it.
ALLOWED: dict[str, set[str]] = {
    "models": {"models"},
    "canvases": {"models", "canvases"},
    "analysis": {"models", "canvases", "analysis"},
    "diff": {"models", "canvases", "analysis", "diff"},
    "formats": {"models", "canvases", "analysis", "diff", "formats"},
    "storage": {"models", "canvases", "formats", "storage"},
    "services": {"models", "canvases", "analysis", "diff", "formats", "storage", "services"},
    "ui": {"models", "canvases", "services", "ui"},
    "cli": {"models", "canvases", "services", "cli_database"},
    "cli_database": {"services"},
    "app": {"ui"},
}


def imported_roots(path: Path) -> set[str]:
    """The top-level names a module imports (absolute imports; the project uses no relative ones)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            roots.add((node.module or "").split(".")[0])
    return roots


def project_modules() -> dict[str, list[Path]]:
    """The project's Python files by the part they belong to (the first folder, or the script's name)."""
    parts: dict[str, list[Path]] = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).parts
        if SKIP & set(relative):
            continue
        part = relative[0].removesuffix(".py")
        parts.setdefault(part, []).append(path)
    return parts


def offenders() -> dict[str, list[str]]:
    """Each file that imports a part of the project its arrows do not allow, with those parts."""
    found = {}
    for part, paths in project_modules().items():
        for path in paths:
            wrong = sorted((imported_roots(path) & PROJECT) - ALLOWED[part])
            if wrong:
                found[str(path.relative_to(ROOT))] = wrong
    return found


def importing(framework: str, *, allowed: set[str]) -> set[str]:
    """The files outside the `allowed` parts that import `framework`."""
    return {
        str(path.relative_to(ROOT))
        for part, paths in project_modules().items()
        if part not in allowed
        for path in paths
        if framework in imported_roots(path)
    }


def test_every_part_of_the_project_has_a_place_in_the_layout() -> None:
    assert set(project_modules()) == set(ALLOWED), "a new top-level part needs its arrows in ALLOWED"


def test_each_part_imports_only_the_parts_its_arrows_allow() -> None:
    assert offenders() == {}


def test_only_ui_and_the_app_import_streamlit() -> None:
    assert importing("streamlit", allowed={"ui", "app"}) == set()


def test_only_storage_imports_sqlalchemy() -> None:
    assert importing("sqlalchemy", allowed={"storage"}) == set()


def test_the_scan_sees_the_whole_project() -> None:
    parts = project_modules()
    assert sum(len(paths) for paths in parts.values()) > 150
    assert {"ui/pages/workspaces.py", "services/saving.py", "formats/cml/cml_reader.py"} <= {
        str(p.relative_to(ROOT)) for paths in parts.values() for p in paths
    }


def test_the_repository_is_built_in_one_place() -> None:
    """Only services/configuration.py constructs a repository; everything else is handed the one it opens."""
    builders = {"SqlWorkspaceRepository", "InMemoryWorkspaceRepository"}
    building = set()
    for paths in project_modules().values():
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in builders:
                    building.add(str(path.relative_to(ROOT)))
    assert building == {"services/configuration.py"}
