"""A CML model over several files: imports followed from the importing file's folder, each file read once, a
missing file or a cycle named at the import line, and places in imported files named by their file."""

from pathlib import Path

import pytest

import cli
from formats.cml.cml_reader import parse_cml_workspace, read_cml_import
from formats.cml.cml_scan import CmlFileError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "context-mapper-examples"
SPLIT = FIXTURES.parent / "cml-imports" / "DDD-Sample-Map.cml"
WHOLE = FIXTURES / "ddd-sample" / "DDD-Sample-Stage-2.cml"


def model(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / next(iter(files))


def test_a_model_split_over_four_files_imports_as_the_one_file_it_was_cut_from() -> None:
    split, whole = read_cml_import(SPLIT), read_cml_import(WHOLE)
    assert split.warnings == whole.warnings == []
    # The files add their contexts in turn, so the order differs; the contexts do not.
    assert sorted(split.workspace.bounded_contexts, key=lambda c: c.name) == sorted(
        whole.workspace.bounded_contexts, key=lambda c: c.name
    )
    assert split.workspace.relationships == whole.workspace.relationships
    assert len(split.workspace.bounded_contexts) == 3  # location.cml, imported twice, is read once


def test_a_missing_import_is_named_at_its_import_line(tmp_path: Path) -> None:
    root = model(tmp_path, {"map.cml": 'BoundedContext A\nimport "parts/b.cml"\n'})
    with pytest.raises(CmlFileError) as refused:
        read_cml_import(root)
    assert str(refused.value) == (
        f"{root}: line 2, column 1: imports 'parts/b.cml', which is not there ({tmp_path / 'parts' / 'b.cml'})."
    )


def test_an_import_cycle_is_named_with_the_files_around_it(tmp_path: Path) -> None:
    root = model(
        tmp_path, {"a.cml": 'import "b.cml"\nBoundedContext A\n', "b.cml": 'import "a.cml"\nBoundedContext B\n'}
    )
    with pytest.raises(CmlFileError) as refused:
        read_cml_import(root)
    assert str(refused.value) == (
        f"{tmp_path / 'b.cml'}: line 1, column 1: imports a file that imports it again: a.cml → b.cml → a.cml."
    )


def test_a_problem_in_an_imported_file_names_that_file(tmp_path: Path) -> None:
    root = model(tmp_path, {"a.cml": 'import "b.cml"\nBoundedContext A\n', "b.cml": "\n\nBoundedContext A\n"})
    with pytest.raises(CmlFileError) as refused:
        read_cml_import(root)
    assert (
        str(refused.value)
        == f"{root}: b.cml, line 3, column 16: Another BoundedContext is already called 'A' (line 2)."
    )
    broken = model(tmp_path, {"c.cml": 'import "d.cml"\n', "d.cml": "BoundedContext {\n"})
    with pytest.raises(CmlFileError) as syntax:
        read_cml_import(broken)
    assert str(syntax.value).startswith(f"{tmp_path / 'd.cml'}: line 1, column 16:")  # the imported file's own error


def test_an_upload_cannot_follow_imports_and_says_how_to() -> None:
    with pytest.raises(CmlFileError) as refused:
        parse_cml_workspace(SPLIT.read_bytes(), SPLIT.name)
    first = refused.value.cml_problems[0]
    assert (first.at.line, first.message) == (
        7,
        "'CargoBookingContext' is not declared in this file, and the files it imports cannot be read from an "
        "upload; import the model from its folder with `cli.py import FILE`.",
    )
    contexts_only = 'import "other.cml"\nBoundedContext A\n'
    assert [w.message for w in parse_cml_workspace(contexts_only, "a.cml").warnings] == [
        "This file imports others, which an upload cannot read: only what this file declares is imported. Import "
        "the model from its folder with `cli.py import FILE` to follow its imports."
    ]


def test_the_command_line_follows_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", str(SPLIT), "-o", str(tmp_path / "ws.json")]) == 0
    assert "with 3 bounded contexts" in capsys.readouterr().out
    missing = model(tmp_path, {"m.cml": 'import "gone.cml"\nBoundedContext A\n'})
    assert cli.main(["import", str(missing), "-o", str(tmp_path / "m.json")]) == 2
    assert "imports 'gone.cml', which is not there" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
