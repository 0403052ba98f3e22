"""mypy's file list covers every Python file of the project, so no module is left out of the type check."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", ".git", "data", "test-artifacts"}


def checked_roots() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {entry.rstrip("/") for entry in config["tool"]["mypy"]["files"]}


def test_every_python_file_lies_in_a_folder_or_is_a_file_mypy_checks() -> None:
    roots = checked_roots()
    python_files = [p.relative_to(ROOT) for p in ROOT.rglob("*.py") if not SKIP & set(p.relative_to(ROOT).parts)]
    assert len(python_files) > 150
    unchecked = sorted(str(p) for p in python_files if p.parts[0] not in roots and str(p) not in roots)
    assert unchecked == []


def test_every_entry_of_the_list_exists() -> None:
    assert sorted(r for r in checked_roots() if not (ROOT / r).exists()) == []
