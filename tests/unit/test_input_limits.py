"""A hostile workspace file is refused for its size before it costs time and memory, naming the limit."""

import json
import tomllib
import tracemalloc
from pathlib import Path

import pytest

import cli
from formats.workspace_json import workspace_file_messages as text
from formats.workspace_json.input_limits import DEFAULT_LIMITS, InputLimits
from formats.workspace_json.workspace_file import (
    MAX_FILE_BYTES,
    WorkspaceFileError,
    parse_workspace_json,
    read_workspace_file,
)
from services import configuration

SMALL = InputLimits(contexts=3, relationships=2, items=2, text_length=10)


def refused(data: dict[str, object], limits: InputLimits = SMALL) -> list[tuple[str, str]]:
    with pytest.raises(WorkspaceFileError) as caught:
        parse_workspace_json(json.dumps({"schema_version": 1, "name": "W", **data}), "w.json", limits)
    return [(p.path, p.message) for p in caught.value.problems]


def past(name: str, found: int, limit: int) -> str:
    variable = f"WORKBENCH_MAX_{name.upper()}"
    return text.PAST_LIMIT.format(what=text.LIMIT_NAMES[name], found=found, limit=limit, variable=variable)


def test_too_many_contexts_are_refused_naming_the_limit_and_the_count() -> None:
    contexts = [{"name": f"C{i}", "inbound": [{"collaborator": "nowhere"}]} for i in range(4)]
    assert refused({"bounded_contexts": contexts}) == [("bounded_contexts", past("contexts", 4, 3))]


def test_too_many_relationships_are_refused() -> None:
    relationships = [{"upstream": "A", "downstream": "B"}] * 3
    assert refused({"relationships": relationships}) == [("relationships", past("relationships", 3, 2))]


def test_a_long_list_inside_a_canvas_and_a_long_text_are_refused_where_they_are() -> None:
    context = {"name": "C", "purpose": "x" * 11, "ubiquitous_language": [{"term": "t"}] * 3}
    assert refused({"bounded_contexts": [context]}) == [
        ("bounded_contexts[0].purpose", past("text_length", 11, 10)),
        ("bounded_contexts[0].ubiquitous_language", past("items", 3, 2)),
    ]


def test_a_file_within_the_limits_loads() -> None:
    data = {"schema_version": 1, "name": "W", "bounded_contexts": [{"name": "A"}, {"name": "B"}]}
    assert len(parse_workspace_json(json.dumps(data), "w.json", SMALL).bounded_contexts) == 2


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(342 * 1024 * 1024)  # sparse: 342 MB on paper, nothing on disk
    tracemalloc.start()
    with pytest.raises(WorkspaceFileError) as caught:
        read_workspace_file(huge)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.problems[0].message == text.TOO_LARGE_FOUND.format(size=342, limit=MAX_FILE_BYTES // 2**20)
    assert peak < 1024 * 1024, peak


def test_each_limit_is_set_by_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert configuration.input_limits() == DEFAULT_LIMITS
    monkeypatch.setenv("WORKBENCH_MAX_CONTEXTS", "3")
    monkeypatch.setenv("WORKBENCH_MAX_TEXT_LENGTH", "10")
    assert configuration.input_limits() == InputLimits(contexts=3, text_length=10)
    monkeypatch.setenv("WORKBENCH_MAX_TEAMS", "many")
    with pytest.raises(ValueError, match="WORKBENCH_MAX_TEAMS must be a positive whole number, not 'many'"):
        configuration.input_limits()


def test_the_cli_refuses_a_file_past_a_configured_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.json"
    data = {"schema_version": 1, "name": "W", "bounded_contexts": [{"name": f"C{i}"} for i in range(5)]}
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_MAX_CONTEXTS", "4")
    assert cli.main(["validate", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"{path}: bounded_contexts: {past('contexts', 5, 4)}"


def test_the_browser_refuses_an_upload_past_the_apps_own_file_limit() -> None:
    settings = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert settings["server"]["maxUploadSize"] == MAX_FILE_BYTES // 2**20
    assert settings["server"]["enableXsrfProtection"] is True
    assert settings["client"]["showErrorDetails"] == "none"
