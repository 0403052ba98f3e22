"""The pure core never imports Streamlit or storage; only ui/ and app.py import Streamlit."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ("models", "canvases", "exports", "analysis")
SKIP = {".venv", "tests", "ui", ".git"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def project_modules() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if not SKIP & set(p.relative_to(ROOT).parts) and p.name != "app.py"]


def test_no_module_outside_ui_and_app_imports_streamlit() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in project_modules() if "streamlit" in imported_roots(p)]
    assert project_modules(), "no modules found: the scan itself is broken"
    assert offenders == []


def test_the_core_imports_neither_storage_nor_services() -> None:
    core = [p for p in project_modules() if p.relative_to(ROOT).parts[0] in CORE]
    assert len(core) > 10
    offenders = {str(p.relative_to(ROOT)): sorted(imported_roots(p) & {"storage", "services", "ui"}) for p in core}
    assert {k: v for k, v in offenders.items() if v} == {}
