"""diff_workspaces on the example workspace: identity over order, renames as renames, word-level text changes."""

import copy
from collections.abc import Callable
from typing import Any

from diff.diff_model import Change, ChangeKind, EntryRef, WorkspaceDiff
from diff.diff_workspaces import diff_workspaces
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services.configuration import EXAMPLE_WORKSPACE
from services.workspaces import rename_context_references

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)
Data = dict[str, Any]


def edited(change: Callable[[Data], object], base: Workspace = EXAMPLE) -> Workspace:
    data = copy.deepcopy(base.model_dump(mode="json"))
    change(data)
    return validate_workspace_data(data)


def context(data: Data, name: str) -> Data:
    return next(c for c in data["bounded_contexts"] if c["name"] == name)


def changes_of(diff: WorkspaceDiff, kind: str, name: str) -> list[Change]:
    document = diff.document(kind, name)
    assert document is not None, f"{kind} {name} is not in the diff"
    return list(document.changes)


def reverse_every_list(value: Any) -> None:
    if isinstance(value, dict):
        for item in value.values():
            reverse_every_list(item)
    elif isinstance(value, list):
        value.reverse()
        for item in value:
            reverse_every_list(item)


def test_a_workspace_compared_with_itself_has_no_changes() -> None:
    diff = diff_workspaces(EXAMPLE, EXAMPLE)
    assert diff.is_empty and diff.documents == () and diff.map.is_empty


def test_reordering_every_list_is_no_change() -> None:
    reordered = edited(reverse_every_list)
    assert reordered.bounded_contexts[0].name != EXAMPLE.bounded_contexts[0].name  # the order really changed
    assert diff_workspaces(EXAMPLE, reordered).is_empty


def test_a_renamed_context_is_one_rename_and_every_reference_follows_it() -> None:
    def rename(data: Data) -> None:
        context(data, "Home Valuation")["name"] = "Property Valuation"
        rename_context_references(data, "Home Valuation", "Property Valuation")

    diff = diff_workspaces(EXAMPLE, edited(rename))
    assert diff.renames.contexts == {"Home Valuation": "Property Valuation"}
    (document,) = diff.documents
    assert (document.kind, document.status, document.old_name, document.name) == (
        "bounded_context",
        ChangeKind.RENAMED,
        "Home Valuation",
        "Property Valuation",
    )
    assert [(c.label, c.old, c.new) for c in document.changes] == [("Name", "Home Valuation", "Property Valuation")]
    assert diff.map.nodes_renamed == {"Home Valuation": "Property Valuation"}
    assert not (diff.map.nodes_added or diff.map.nodes_removed or diff.map.nodes_changed or diff.map.edges)


def test_an_edited_definition_is_a_change_with_its_words_and_a_renamed_term_a_rename() -> None:
    def edit(data: Data) -> None:
        terms = context(data, "Property Data")["ubiquitous_language"]
        terms[0]["definition"] += " Garages count separately."
        terms[1]["term"] = "Comparable Sales"

    changes = changes_of(diff_workspaces(EXAMPLE, edited(edit)), "bounded_context", "Property Data")
    definition, renamed = changes
    assert definition.kind is ChangeKind.CHANGED and definition.label == "Ubiquitous Language › Property › Definition"
    assert definition.path == ("ubiquitous_language", EntryRef(("Property",), ("term",)), "definition")
    assert [(w.op, w.text) for w in definition.words if w.op != "equal"] == [("insert", " Garages count separately.")]
    assert renamed.kind is ChangeKind.RENAMED
    assert (renamed.old, renamed.new, renamed.path[-1]) == (
        "Comparable Sale",
        "Comparable Sales",
        EntryRef(("Comparable Sale",), ("term",)),
    )


def test_a_term_replaced_by_an_unrelated_one_is_a_removal_and_an_addition() -> None:
    def replace(data: Data) -> None:
        context(data, "Property Data")["ubiquitous_language"][0] = {"term": "Parcel", "definition": "A plot of land."}

    changes = changes_of(diff_workspaces(EXAMPLE, edited(replace)), "bounded_context", "Property Data")
    assert sorted((c.kind.value, c.label, c.new_text or c.old_text.split(";")[0]) for c in changes) == [
        ("added", "Ubiquitous Language", "Parcel; Definition: A plot of land."),
        ("removed", "Ubiquitous Language", "Property"),
    ]


def test_swimlanes_are_compared_per_collaborator_and_messages_per_name() -> None:
    def edit(data: Data) -> None:
        lane = context(data, "Seller Intake")["outbound"][0]
        lane["messages"].reverse()
        lane["messages"][0]["kind"] = "command"
        lane["data_contract"] = not lane["data_contract"]

    lane = EXAMPLE.bounded_contexts[0].outbound[0]
    changes = changes_of(diff_workspaces(EXAMPLE, edited(edit)), "bounded_context", "Seller Intake")
    turned = lane.messages[-1].name
    assert [(c.label, c.old_text, c.new_text) for c in changes] == [
        (f"Outbound Communication › {lane.collaborator} › Versioned data contract", "No", "Yes")
        if not lane.data_contract
        else (f"Outbound Communication › {lane.collaborator} › Versioned data contract", "Yes", "No"),
        (f"Outbound Communication › {lane.collaborator} › Messages › {turned} › Type", "Query", "Command"),
    ]


def test_an_edited_assumption_is_one_change_and_a_new_one_an_addition() -> None:
    def edit(data: Data) -> None:
        assumptions = context(data, "Home Valuation")["assumptions"]
        assumptions[0] = (
            assumptions[0].replace("weekly", "daily", 1) if "weekly" in assumptions[0] else assumptions[0] + "!"
        )
        assumptions.append("Appraisers stay available.")

    old = EXAMPLE.context("Home Valuation").assumptions[0]  # type: ignore[union-attr]
    changes = changes_of(diff_workspaces(EXAMPLE, edited(edit)), "bounded_context", "Home Valuation")
    edit_change, addition = changes
    assert edit_change.kind is ChangeKind.CHANGED and edit_change.old == old
    assert "".join(w.text for w in edit_change.words if w.op != "insert") == old
    assert "".join(w.text for w in edit_change.words if w.op != "delete") == edit_change.new
    assert (addition.kind, addition.new) == (ChangeKind.ADDED, "Appraisers stay available.")


def test_a_renamed_external_system_and_team_are_renames_that_references_follow() -> None:
    def rename(data: Data) -> None:
        system = next(s for s in data["external_systems"] if s["name"] == "LLM Provider")
        system["name"] = "LLM Providers"
        rename_context_references(data, "LLM Provider", "LLM Providers")
        data["teams"][0]["name"] = "Seller Experience Team"
        for c in data["bounded_contexts"]:
            if c["owner_team"] == "Seller Experience":
                c["owner_team"] = "Seller Experience Team"

    diff = diff_workspaces(EXAMPLE, edited(rename))
    assert diff.renames.external_systems == {"LLM Provider": "LLM Providers"}
    assert diff.renames.teams == {"Seller Experience": "Seller Experience Team"}
    (settings,) = diff.documents
    assert [(c.kind, c.label, c.old, c.new) for c in settings.changes] == [
        (ChangeKind.RENAMED, "Teams › Seller Experience", "Seller Experience", "Seller Experience Team"),
        (ChangeKind.RENAMED, "External systems › LLM Provider", "LLM Provider", "LLM Providers"),
    ]
    assert diff.map.nodes_renamed == {"LLM Provider": "LLM Providers"}
    assert diff.map.nodes_changed == set() and "LLM Providers" in diff.map.external  # renamed, nothing else
    assert diff.map.edges == ()


def test_relationships_added_removed_and_turned_around_are_edge_changes() -> None:
    def edit(data: Data) -> None:
        data["relationships"] = [r for r in data["relationships"] if r["pattern"] != "separate_ways"]
        turned = next(r for r in data["relationships"] if r["upstream"] == "Land Registry")
        turned["upstream"], turned["downstream"] = turned["downstream"], turned["upstream"]
        data["relationships"].append(
            {"upstream": "Seller Intake", "downstream": "Transaction Closing", "pattern": "customer_supplier"}
        )

    diff = diff_workspaces(EXAMPLE, edited(edit))
    assert diff.map.edge_keys(ChangeKind.ADDED) == {"Seller Intake -> Transaction Closing"}
    assert diff.map.edge_keys(ChangeKind.REMOVED) == {"Home Valuation <-> Seller Conversation"}
    (turned,) = [e for e in diff.map.edges if e.kind is ChangeKind.CHANGED]
    first_land_registry = next(r for r in EXAMPLE.relationships if r.upstream == "Land Registry")
    assert turned.key == f"{first_land_registry.downstream} -> Land Registry"
    assert turned.old_key == f"Land Registry -> {first_land_registry.downstream}"
    ends = {c.label: (c.old, c.new) for c in turned.changes if c.path[0] in ("upstream", "downstream")}
    assert ends == {
        "Pattern and roles › Upstream": ("Land Registry", first_land_registry.downstream),
        "Pattern and roles › Downstream": (first_land_registry.downstream, "Land Registry"),
    }
    assert [d.kind for d in turned.declared] == [ChangeKind.RENAMED]
    removed = next(e for e in diff.map.edges if e.kind is ChangeKind.REMOVED)
    assert [(d.kind, d.old["pattern"]) for d in removed.declared] == [(ChangeKind.REMOVED, "separate_ways")]  # type: ignore[index]


def test_an_architecture_canvas_renamed_with_its_content_kept_is_a_rename() -> None:
    def rename(data: Data) -> None:
        data["architecture_canvases"][0]["name"] = "Platform overview"

    diff = diff_workspaces(EXAMPLE, edited(rename))
    (document,) = diff.documents
    assert (document.status, document.old_name, document.name) == (
        ChangeKind.RENAMED,
        EXAMPLE.architecture_canvases[0].name,
        "Platform overview",
    )
    assert [c.label for c in document.changes] == ["Header › Canvas name"]


def test_a_cleared_api_product_notes_field_marks_its_context_changed_on_the_map() -> None:
    def edit(data: Data) -> None:
        data["api_products"][0]["notes"] = "Rate limited to 50 requests per second."

    diff = diff_workspaces(EXAMPLE, edited(edit))
    name = EXAMPLE.api_products[0].bounded_context
    assert [(d.kind, d.name) for d in diff.documents] == [("api_product", name)]
    assert diff.map.nodes_changed == {name}


def test_removing_a_context_removes_its_node_and_every_edge_at_it() -> None:
    def remove(data: Data) -> None:
        data["bounded_contexts"] = [c for c in data["bounded_contexts"] if c["name"] != "Seller Conversation"]
        for c in data["bounded_contexts"]:
            for direction in ("inbound", "outbound"):
                c[direction] = [e for e in c[direction] if e["collaborator"] != "Seller Conversation"]
        sides = ("upstream", "downstream")
        data["relationships"] = [r for r in data["relationships"] if "Seller Conversation" not in (r[s] for s in sides)]
        for component in data["architecture_canvases"][0]["components"]:
            if component["bounded_context"] == "Seller Conversation":
                component["bounded_context"] = None
        objectives = data["readiness"]["service_objectives"]
        objectives[:] = [o for o in objectives if o["context"] != "Seller Conversation"]

    diff = diff_workspaces(EXAMPLE, edited(remove))
    assert diff.map.nodes_removed == {"Seller Conversation"}
    removed_edges = diff.map.edge_keys(ChangeKind.REMOVED)
    assert removed_edges and all("Seller Conversation" in key for key in removed_edges)
    assert ("bounded_context", "Seller Conversation", ChangeKind.REMOVED) in {
        (d.kind, d.name, d.status) for d in diff.documents
    }
    assert diff.map.nodes_changed >= {"Offer Management"}  # its swimlanes lost a collaborator
    assert "Seller Conversation" not in diff.map.nodes_changed


def test_an_external_system_whose_entry_changed_is_a_changed_node() -> None:
    def describe(data: Data) -> None:
        system = next(s for s in data["external_systems"] if s["name"] == "Land Registry")
        system["description"] = "The public land registry; answers within a day."

    diff = diff_workspaces(EXAMPLE, edited(describe))
    assert diff.map.nodes_changed == {"Land Registry"} and "Land Registry" in diff.map.external
    (settings,) = diff.documents
    (change,) = settings.changes
    assert change.label == "External systems › Land Registry › Description"


def test_a_pair_declared_both_ways_keeps_its_partners_when_the_lists_are_reversed() -> None:
    # Found by the reorder property test: two symmetric edges of one pair were paired crosswise.
    outbound = [{"collaborator": "0"}, {"collaborator": "0"}]
    data: Data = {
        "schema_version": 1,
        "name": "w",
        "bounded_contexts": [{"name": "0"}, {"name": "00", "outbound": outbound}],
        "relationships": [
            {"upstream": "0", "downstream": "00", "pattern": "partnership"},
            {"upstream": "00", "downstream": "0", "pattern": "shared_kernel"},  # the same pattern twice is refused
        ],
    }
    before = validate_workspace_data(data)
    data["relationships"].reverse()
    data["bounded_contexts"].reverse()
    diff = diff_workspaces(before, validate_workspace_data(data))
    assert diff.documents == ()
    assert [e.declared for e in diff.map.edges] == [()] * len(diff.map.edges)
