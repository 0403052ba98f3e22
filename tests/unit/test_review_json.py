"""The comparison as JSON: every change with its path, values and word changes; the map as sets of names and keys."""

import copy
import json
from typing import Any

from diff.diff_workspaces import compare_workspaces
from formats.review.review_json import comparison_as_data
from formats.review.review_text import summary_line
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from services.configuration import EXAMPLE_WORKSPACE
from services.workspaces import rename_context_references

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)


def edited() -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    valuation = next(c for c in data["bounded_contexts"] if c["name"] == "Home Valuation")
    valuation["name"] = "Property Valuation"
    rename_context_references(data, "Home Valuation", "Property Valuation")
    valuation["ubiquitous_language"][0]["definition"] += " Always in euros."
    data["relationships"].pop()
    comparison = compare_workspaces(EXAMPLE, validate_workspace_data(data), old_label="a", new_label="b")
    data = comparison_as_data(comparison)
    assert data["summary"] == summary_line(comparison)
    return data


def test_the_data_survives_json_and_names_both_sides() -> None:
    data = edited()
    assert json.loads(json.dumps(data)) == data
    assert data["old"] == {"source": "a", "workspace": EXAMPLE.name}
    assert data["renames"]["contexts"] == {"Home Valuation": "Property Valuation"}
    assert data["empty"] is False


def test_a_change_carries_its_path_label_values_and_words() -> None:
    (document,) = [d for d in edited()["documents"] if d["kind"] == "bounded_context"]
    assert (document["name"], document["old_name"], document["status"]) == (
        "Property Valuation",
        "Home Valuation",
        "renamed",
    )
    definition = document["sections"][1]["changes"][0]
    valuation = EXAMPLE.context("Home Valuation")
    assert valuation is not None
    term = valuation.ubiquitous_language[0]
    assert definition["path"] == f"ubiquitous_language[{term.term}].definition"
    assert definition["path_parts"] == [
        "ubiquitous_language",
        {"entry": [term.term], "fields": ["term"], "occurrence": 0},
        "definition",
    ]
    assert (definition["old"], definition["new"]) == (term.definition, term.definition + " Always in euros.")
    assert definition["words"][-1] == {"op": "insert", "text": " Always in euros."}


def test_the_map_gives_node_names_and_edge_keys_for_marking_one_drawing() -> None:
    data = edited()
    nodes, edges = data["map"]["nodes"], data["map"]["edges"]
    assert nodes["renamed"] == {"Home Valuation": "Property Valuation"}
    removed = EXAMPLE.relationships[-1]
    (edge,) = edges
    assert edge["kind"] == "removed" and edge["pattern"] == removed.pattern.value
    assert {edge["upstream"], edge["downstream"]} == {
        "Property Valuation" if n == "Home Valuation" else n for n in (removed.upstream, removed.downstream)
    }
    assert [d["kind"] for d in edge["declared"]] == ["removed"]
    assert set(data["findings"]) == {"score", "new", "resolved", "changed", "readiness"}
