"""Loading and saving the workspace JSON file: every bad file gives a WorkspaceFileError naming it."""

import datetime as dt
import json
from pathlib import Path

import pytest

import cli
from formats.workspace_json import workspace_file, workspace_file_messages
from formats.workspace_json.workspace_file import (
    MAX_FILE_BYTES,
    WorkspaceFileError,
    dump_workspace_json,
    parse_workspace_json,
    read_workspace_file,
)
from models import messages
from models.workspace import SCHEMA_VERSION, Problem, Workspace

SOURCE = "homes/valuation.workspace.json"


def file_error(raw: bytes | str, source: str = SOURCE) -> WorkspaceFileError:
    with pytest.raises(WorkspaceFileError) as caught:
        parse_workspace_json(raw, source)
    return caught.value


def minimal(**fields: object) -> str:
    return json.dumps({"schema_version": SCHEMA_VERSION, "name": "Home valuation", **fields})


@pytest.fixture
def rich_workspace() -> Workspace:
    return Workspace.model_validate(
        {
            "name": "Home valuation 🏠",
            "description": "<b>AVM</b> for\nhomes — עברית\x07",
            "phase": "mvp",
            "teams": [{"name": "Pricing"}],
            "external_systems": [{"name": "Land registry", "kind": "external_system", "ai_kind": "llm_external"}],
            "bounded_contexts": [
                {
                    "name": "Valuation",
                    "owner_team": "Pricing",
                    "domain": "core",
                    "domain_roles": ["analysis", "brain"],
                    "inbound": [
                        {
                            "collaborator": "Portal",
                            "messages": [{"kind": "query", "name": "Estimate value"}],
                            "side": "upstream",
                            "roles": ["OHS", "PL"],
                            "collaborator_roles": ["CF"],
                            "timeout_ms": 800,
                        }
                    ],
                    "ai_profile": {"kind": "own_model", "sla": {"availability_percent": 99.5, "latency_p95_ms": 300}},
                },
                {"name": "Portal", "outbound": [{"collaborator": "Valuation", "sync": "sync", "medium": "api"}]},
            ],
            "architecture_canvases": [
                {
                    "name": "AVM",
                    "components": [{"name": "Scorer", "bounded_context": "Valuation"}],
                    "core_decisions": [{"decision": "Use gradient boosting", "verdict": "good"}],
                }
            ],
            "api_products": [
                {
                    "bounded_context": "Valuation",
                    "sync_api": {
                        "aggregates": [{"name": "Valuation", "operations": [{"name": "GET /valuations/{id}"}]}]
                    },
                }
            ],
            "relationships": [
                {
                    "upstream": "Land registry",
                    "downstream": "Valuation",
                    "pattern": "customer_supplier",
                    "upstream_roles": ["PL"],
                    "downstream_roles": ["ACL"],
                }
            ],
            "accepted_risks": [
                {
                    "rule": "AIC004",
                    "subject": "Valuation",
                    "reason": "pilot",
                    "accepted_by": "Ann",
                    "until": "2030-01-31",
                }
            ],
        }
    )


# --- round trip -----------------------------------------------------------------------------------


def test_a_dumped_workspace_parses_back_to_an_equal_workspace(rich_workspace: Workspace) -> None:
    text = dump_workspace_json(rich_workspace)
    assert parse_workspace_json(text, SOURCE) == rich_workspace
    assert parse_workspace_json(text.encode("utf-8"), SOURCE) == rich_workspace


def test_the_dump_keeps_characters_as_typed_and_is_indented(rich_workspace: Workspace) -> None:
    text = dump_workspace_json(rich_workspace)
    assert "🏠" in text and "עברית" in text
    assert "\\u0007" in text  # control characters are escaped, so the file stays text
    assert text.startswith('{\n  "schema_version": 2,\n')
    assert text.endswith("}\n")


def test_a_saved_and_read_file_gives_the_same_workspace(rich_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "valuation.json"
    path.write_bytes(dump_workspace_json(rich_workspace).encode("utf-8"))
    loaded = read_workspace_file(path)
    assert loaded == rich_workspace
    assert loaded.accepted_risks[0].until == dt.date(2030, 1, 31)


def test_a_file_with_a_utf8_byte_order_mark_is_read(rich_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + dump_workspace_json(rich_workspace).encode("utf-8"))
    assert read_workspace_file(path) == rich_workspace


# --- files that are not a workspace ---------------------------------------------------------------


def test_text_that_is_not_json_is_rejected_naming_the_file_line_and_column() -> None:
    error = file_error('{\n  "name": "w",\n  oops\n}')
    (problem,) = error.problems
    assert problem.path == ""
    assert "not valid JSON" in problem.message
    assert "line 3, column 3" in problem.message
    assert str(error) == f"{SOURCE}: {problem.message}"


def test_a_truncated_file_is_rejected_as_not_json() -> None:
    text = minimal()
    error = file_error(text[: len(text) // 2])
    assert "not valid JSON" in error.problems[0].message
    assert "line 1" in error.problems[0].message


@pytest.mark.parametrize("raw", ["[]", '[{"schema_version": 1, "name": "w"}]', '"workspace"', "42", "null"])
def test_json_that_is_not_an_object_is_rejected(raw: str) -> None:
    error = file_error(raw)
    assert error.problems == [Problem("", "does not hold a JSON object, so it is not a workspace.")]


@pytest.mark.parametrize("version", [0, 3, "1", "2", True, None])
def test_a_wrong_schema_version_is_rejected_naming_both_versions(version: object) -> None:
    error = file_error(json.dumps({"schema_version": version, "name": "w"}))
    (problem,) = error.problems
    assert problem.path == "schema_version"
    if version is None:
        assert "no schema_version" in problem.message
    else:
        assert f"schema_version {version!r}" in problem.message
    assert f"schema_version {SCHEMA_VERSION}" in problem.message


def test_a_missing_schema_version_is_rejected() -> None:
    error = file_error(json.dumps({"name": "w"}))
    (problem,) = error.problems
    assert problem.path == "schema_version"
    assert "has no schema_version" in problem.message
    assert str(SCHEMA_VERSION) in problem.message


def test_a_schema_violation_deep_inside_is_reported_with_its_full_path() -> None:
    raw = minimal(
        bounded_contexts=[
            {
                "name": "Valuation",
                "inbound": [{"collaborator": "Portal", "messages": [{"kind": "shout", "name": "Hey"}]}],
            },
            {"name": "Portal"},
        ]
    )
    error = file_error(raw)
    (problem,) = error.problems
    assert problem.path == "bounded_contexts[0].inbound[0].messages[0].kind"
    assert "'command'" in problem.message and "'event'" in problem.message
    assert str(error) == f"{SOURCE}: {problem.path}: {problem.message}"


def test_a_reference_problem_is_reported_with_the_file_and_path() -> None:
    error = file_error(minimal(bounded_contexts=[{"name": "Valuation", "owner_team": "Ghosts"}]))
    assert str(error) == f"{SOURCE}: bounded_contexts[0].owner_team: {messages.UNKNOWN_TEAM.format(name='Ghosts')}"


def test_every_problem_of_a_file_is_reported_on_its_own_line() -> None:
    error = file_error(
        minimal(teams=[{"name": "T"}, {"name": "T"}], bounded_contexts=[{"name": "A", "owner_team": "U"}])
    )
    assert str(error).splitlines() == [
        f"{SOURCE}: teams[0].name: {messages.DUPLICATE_TEAM.format(name='T')}",
        f"{SOURCE}: teams[1].name: {messages.DUPLICATE_TEAM.format(name='T')}",
        f"{SOURCE}: bounded_contexts[0].owner_team: {messages.UNKNOWN_TEAM.format(name='U')}",
    ]


def test_a_file_with_thousands_of_problems_lists_the_first_fifty_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contexts = [{"name": "A", "owner_team": f"Team {i}"} for i in range(1500)]  # 2 problems each
    error = file_error(minimal(bounded_contexts=contexts))
    lines = str(error).splitlines()
    assert len(error.problems) == 3000
    assert len(lines) == workspace_file.MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == f"{SOURCE}: ... and {3000 - workspace_file.MAX_PROBLEMS_SHOWN} more problems."
    path = tmp_path / "broken.json"
    path.write_text(minimal(bounded_contexts=contexts), encoding="utf-8")
    assert cli.main(["validate", str(path)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == workspace_file.MAX_PROBLEMS_SHOWN + 1


def test_a_key_given_twice_is_refused_naming_the_key_and_its_line() -> None:
    raw = '{"schema_version": 1,\n "name": "A",\n "teams": [{"name": "T",\n   "name": "U"}]}'
    assert str(file_error(raw)) == f"{SOURCE}: " + workspace_file_messages.DUPLICATE_KEY.format(key="name", line=4)
    top = '{"schema_version": 1, "name": "A",\n\n"name": "B"}'
    assert file_error(top).problems[0].message == workspace_file_messages.DUPLICATE_KEY.format(key="name", line=3)


def test_a_duplicate_is_found_past_strings_that_hold_quotes_and_brackets() -> None:
    raw = (
        '{"schema_version": 1, "name": "A", "description": "} { [ \\" ]",\n'
        ' "teams": [{"name": "x\\"{", "description": "\\\\"}, {"name": "x\\"{"}],\n'
        ' "description": "again"}'
    )
    message = file_error(raw).problems[0].message
    assert message == workspace_file_messages.DUPLICATE_KEY.format(key="description", line=3)


def test_the_same_key_in_different_objects_is_no_duplicate() -> None:
    workspace = parse_workspace_json(minimal(teams=[{"name": "T"}, {"name": "U"}]), SOURCE)
    assert [t.name for t in workspace.teams] == ["T", "U"]


def test_bytes_that_are_not_utf8_are_rejected_with_the_byte_position() -> None:
    raw = b'{"schema_version": 1, "name": "Caf\xe9"}'
    position = raw.index(0xE9)
    error = file_error(raw)
    assert error.problems == [Problem("", f"is not UTF-8 text (byte {position}).")]


def test_utf16_text_is_rejected_as_not_utf8() -> None:
    error = file_error(minimal().encode("utf-16"))
    assert "is not UTF-8 text" in error.problems[0].message


@pytest.mark.parametrize(
    "raw",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"schema_version": 1, "name": "w", "teams": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=["lists", "objects", "inside-a-workspace"],
)
def test_deeply_nested_json_gives_a_clean_file_error(raw: str) -> None:
    error = file_error(raw)
    assert error.problems == [Problem("", "is nested too deeply to be a workspace.")]


def test_moderately_nested_json_in_a_wrong_place_is_a_located_schema_error() -> None:
    error = file_error(minimal(teams=json.loads("[" * 500 + "]" * 500)))
    assert [p.path for p in error.problems] == ["teams[0]"]


def test_an_oversize_input_is_rejected_before_it_is_parsed() -> None:
    error = file_error(b" " * (MAX_FILE_BYTES + 1))
    assert error.problems == [Problem("", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")]


def test_an_input_of_exactly_the_limit_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = minimal().encode("utf-8")
    monkeypatch.setattr(workspace_file, "MAX_FILE_BYTES", len(raw))
    assert parse_workspace_json(raw, SOURCE).name == "Home valuation"
    monkeypatch.setattr(workspace_file, "MAX_FILE_BYTES", len(raw) - 1)
    assert "is larger than" in file_error(raw).problems[0].message


def test_an_unreadable_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "missing.json"
    with pytest.raises(WorkspaceFileError) as caught:
        read_workspace_file(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}: cannot be read")


BAD_INPUTS = {
    "not-json": "{oops",
    "array": "[]",
    "wrong-version": '{"schema_version": 7, "name": "w"}',
    "no-version": '{"name": "w"}',
    "deep-schema-violation": minimal(bounded_contexts=[{"name": "A", "ai_profile": {"sla": {"latency_p95_ms": -1}}}]),
    "unknown-key": minimal(colour="red"),
    "reference": minimal(relationships=[{"upstream": "A", "downstream": "B"}]),
    "not-utf8": b"\xff\xfe\xfd",
    "too-deep": "[" * 100_000,
    "empty": "",
}


@pytest.mark.parametrize("raw", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_every_file_error_names_its_source_on_every_line(raw: bytes | str) -> None:
    source = "upload: my ‘workspace’.json"
    error = file_error(raw, source)
    assert error.source == source
    assert error.problems
    lines = str(error).splitlines()
    assert len(lines) == len(error.problems)
    assert all(line.startswith(f"{source}: ") for line in lines)


def test_a_file_error_is_a_value_error() -> None:
    assert isinstance(file_error("[]"), ValueError)


# --- loader edge cases: huge numbers, lone surrogates, byte order mark, boolean schema version -----


def test_an_integer_with_thousands_of_digits_gives_a_clean_file_error() -> None:
    error = file_error(minimal(description="x").replace('"x"', "9" * 5000))
    assert str(error).startswith(f"{SOURCE}: ")


def test_a_workspace_that_loads_can_be_saved_as_utf8() -> None:
    raw = '{"schema_version": 1, "name": "Caf\\ud800"}'
    try:
        ws = parse_workspace_json(raw, SOURCE)
    except WorkspaceFileError:
        return  # rejecting the file is a fine fix too
    dump_workspace_json(ws).encode("utf-8")


def test_the_non_utf8_byte_position_counts_the_byte_order_mark() -> None:
    raw = b'\xef\xbb\xbf{"schema_version": 1, "name": "Caf\xe9"}'
    position = raw.index(0xE9)
    assert file_error(raw).problems == [Problem("", f"is not UTF-8 text (byte {position}).")]


def test_a_boolean_schema_version_is_rejected() -> None:
    error = file_error('{"schema_version": true, "name": "w"}')
    assert error.problems[0].path == "schema_version"


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("big_ball_of_mud", '"yes"', "bounded_contexts[0].big_ball_of_mud"),
        ("volatility", '"2"', "bounded_contexts[0].volatility"),
        ("critical_path", "1", "bounded_contexts[0].critical_path"),
    ],
)
def test_a_file_value_of_the_wrong_json_type_is_an_error_not_converted(field: str, value: str, path: str) -> None:
    context = f'{{"name": "A", "{field}": {value}}}'
    raw = f'{{"schema_version": 1, "name": "w", "bounded_contexts": [{context}]}}'
    assert [p.path for p in file_error(raw).problems] == [path]
