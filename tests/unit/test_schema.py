"""The committed JSON Schema is the models' schema, and the shipped example obeys it."""

import json
import typing
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings

from formats.workspace_json.workspace_file import (
    dump_workspace_json,
    parse_workspace_json,
    read_workspace_file,
    workspace_json_schema,
)
from models.workspace import Workspace
from tests.unit.workspace_strategies import workspaces

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "workspace.schema.json"
EXAMPLE_FILE = ROOT / "assets" / "examples" / "home-valuation.json"
REGENERATE = "regenerate it with `python cli.py schema > docs/workspace.schema.json`"


def committed_schema() -> dict[str, typing.Any]:
    if not SCHEMA_FILE.exists():
        pytest.fail(f"{SCHEMA_FILE.relative_to(ROOT)} is missing; {REGENERATE}")
    schema: dict[str, typing.Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def test_the_committed_schema_equals_the_schema_generated_from_the_models() -> None:
    committed = committed_schema()
    generated: dict[str, typing.Any] = workspace_json_schema()
    if committed != generated:
        changed = sorted(
            key
            for key in {*committed.get("$defs", {}), *generated.get("$defs", {})}
            if committed.get("$defs", {}).get(key) != generated.get("$defs", {}).get(key)
        )
        pytest.fail(f"docs/workspace.schema.json is stale (differs in {changed or 'its top level'}); {REGENERATE}")


def test_the_generated_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema: dict[str, typing.Any] = workspace_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Architecture Canvas Workbench workspace"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["schema_version"]["enum"] == [1, 2]  # 1 is read and upgraded


def test_the_example_workspace_obeys_the_committed_schema() -> None:
    if not EXAMPLE_FILE.exists():
        pytest.skip(f"{EXAMPLE_FILE.relative_to(ROOT)} has not been written yet")
    schema = committed_schema()
    example = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    errors = sorted(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(example)
    )
    assert not errors, "the example breaks the schema:\n" + "\n".join(errors)


def test_the_example_workspace_loads_and_covers_all_three_canvases() -> None:
    if not EXAMPLE_FILE.exists():
        pytest.skip(f"{EXAMPLE_FILE.relative_to(ROOT)} has not been written yet")
    ws = read_workspace_file(EXAMPLE_FILE)
    assert ws.name.strip()
    assert ws.bounded_contexts, "the example has no bounded context"
    assert ws.architecture_canvases, "the example has no Architecture Communication Canvas"
    assert ws.api_products, "the example has no API Product Canvas"
    assert parse_workspace_json(dump_workspace_json(ws), "example") == ws


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workspaces())
def test_every_valid_workspace_obeys_the_generated_schema(ws: Workspace) -> None:
    instance = json.loads(dump_workspace_json(ws))
    validator = jsonschema.Draft202012Validator(workspace_json_schema(), format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]
    assert not errors


@pytest.mark.parametrize(
    ("instance", "path"),
    [
        ({"schema_version": 3, "name": "w"}, "schema_version"),
        ({"schema_version": 1, "name": "w", "colour": "red"}, ""),
        ({"schema_version": 1, "name": "w", "phase": "beta"}, "phase"),
        (
            {
                "schema_version": 1,
                "name": "w",
                "relationships": [{"upstream": "a", "downstream": "b", "upstream_roles": ["XX"]}],
            },
            "relationships/0/upstream_roles/0",
        ),
        ({"schema_version": 1}, ""),
    ],
)
def test_the_schema_rejects_what_the_models_reject(instance: dict[str, typing.Any], path: str) -> None:
    validator = jsonschema.Draft202012Validator(workspace_json_schema())
    paths = ["/".join(map(str, e.absolute_path)) for e in validator.iter_errors(instance)]
    assert path in paths
