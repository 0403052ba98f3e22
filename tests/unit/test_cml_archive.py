"""A Context Mapper model uploaded as a .zip: its one top file imported with its imports; hostile archives
refused before anything is unpacked, naming why."""

import io
import zipfile
from pathlib import Path

import pytest

from formats.cml.cml_archive import read_cml_archive
from formats.cml.cml_scan import CmlFileError

SPLIT = Path(__file__).resolve().parents[1] / "fixtures" / "cml-imports"


def archive(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, content in files.items():
            zipped.writestr(name, content)
    return buffer.getvalue()


def refusal(raw: bytes) -> str:
    with pytest.raises(CmlFileError) as refused:
        read_cml_archive(raw, "model.zip")
    return str(refused.value)


def test_a_zipped_model_over_four_files_imports_from_its_top_file() -> None:
    files = {p.relative_to(SPLIT).as_posix(): p.read_bytes() for p in SPLIT.rglob("*.cml")}
    result = read_cml_archive(archive({"README.txt": "not CML", **files}), "ddd.zip")
    assert sorted(c.name for c in result.workspace.bounded_contexts) == [
        "CargoBookingContext",
        "LocationContext",
        "VoyagePlanningContext",
    ]
    assert len(result.workspace.relationships) == 3


def test_an_archive_with_two_models_names_their_top_files() -> None:
    raw = archive({"a.cml": "BoundedContext A\n", "b.cml": "BoundedContext B\n"})
    assert refusal(raw) == (
        "model.zip: The archive should hold one model: one .cml file that no other imports. It holds 2 (a.cml, b.cml)."
    )


def test_a_path_outside_the_archive_is_refused_and_nothing_is_unpacked(tmp_path: Path) -> None:
    raw = archive({"../escaped.cml": "BoundedContext A\n"})
    assert "'../escaped.cml', a path outside the archive's own folder" in refusal(raw)
    assert not (tmp_path.parent / "escaped.cml").exists()


def test_an_archive_that_unpacks_to_too_much_is_refused_from_its_declared_sizes() -> None:
    raw = archive({"big.cml": b" " * (17 * 2**20)})  # 17 MB of spaces pack into a few KB
    assert len(raw) < 100_000
    assert refusal(raw) == "model.zip: The archive's .cml files unpack to 17.0 MB; at most 16 MB are read."


def test_what_is_not_an_archive_or_holds_no_model_is_named() -> None:
    assert refusal(b"BoundedContext A") == "model.zip: Not a .zip archive."
    assert refusal(archive({"notes.txt": "x"})) == "model.zip: The archive holds no .cml file."


def test_a_problem_in_a_file_of_the_archive_names_the_archive_and_the_file() -> None:
    raw = archive({"map.cml": 'import "parts/b.cml"\nBoundedContext A\n', "parts/b.cml": "BoundedContext {\n"})
    assert refusal(raw).startswith("model.zip: parts/b.cml: line 1, column 16:")
