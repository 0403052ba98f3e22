"""Three-way merge: edits on one side merge, edits of the same field on both sides are conflicts as data."""

from typing import Any

from diff.workspace_merge import ABSENT, Conflict, merge_workspace_data


def workspace(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Shop",
        "description": "",
        "bounded_contexts": [
            {"name": "Orders", "purpose": "", "business_decisions": ["a"], "ubiquitous_language": []},
            {"name": "Pricing", "purpose": "", "business_decisions": [], "ubiquitous_language": []},
        ],
        "relationships": [{"upstream": "Pricing", "downstream": "Orders", "notes": ""}],
    }
    data.update(changes)
    return data


def with_context(data: dict[str, Any], name: str, **fields: Any) -> dict[str, Any]:
    contexts = [{**c, **fields} if c["name"] == name else c for c in data["bounded_contexts"]]
    return {**data, "bounded_contexts": contexts}


def test_edits_of_different_canvases_merge_without_conflict() -> None:
    base = workspace()
    mine = with_context(base, "Orders", purpose="mine")
    theirs = with_context(base, "Pricing", purpose="theirs")
    result = merge_workspace_data(base, mine, theirs)
    assert result.conflicts == []
    assert result.data == with_context(with_context(base, "Orders", purpose="mine"), "Pricing", purpose="theirs")


def test_edits_of_different_fields_of_one_canvas_merge() -> None:
    base = workspace()
    result = merge_workspace_data(
        base, with_context(base, "Orders", purpose="mine"), with_context(base, "Orders", business_decisions=["b"])
    )
    assert result.conflicts == []
    assert result.data["bounded_contexts"][0] == {
        **base["bounded_contexts"][0],
        "purpose": "mine",
        "business_decisions": ["b"],
    }


def test_the_same_field_changed_twice_is_a_conflict_with_base_mine_and_theirs() -> None:
    base = workspace()
    result = merge_workspace_data(
        base, with_context(base, "Orders", purpose="mine"), with_context(base, "Orders", purpose="theirs")
    )
    assert result.conflicts == [Conflict("bounded_contexts[Orders].purpose", "", "mine", "theirs")]
    assert result.data["bounded_contexts"][0]["purpose"] == "theirs"  # complete data until resolved


def test_a_choice_per_path_resolves_the_conflict() -> None:
    base = workspace()
    mine, theirs = with_context(base, "Orders", purpose="mine"), with_context(base, "Orders", purpose="theirs")
    result = merge_workspace_data(base, mine, theirs, {"bounded_contexts[Orders].purpose": "mine"})
    assert result.conflicts == []
    assert result.data["bounded_contexts"][0]["purpose"] == "mine"


def test_canvases_added_on_both_sides_are_both_kept() -> None:
    base = workspace()
    mine = {**base, "bounded_contexts": [*base["bounded_contexts"], {"name": "Mine"}]}
    theirs = {**base, "bounded_contexts": [*base["bounded_contexts"], {"name": "Theirs"}]}
    result = merge_workspace_data(base, mine, theirs)
    assert [c["name"] for c in result.data["bounded_contexts"]] == ["Orders", "Pricing", "Mine", "Theirs"]


def test_a_canvas_deleted_on_one_side_and_unchanged_on_the_other_is_deleted() -> None:
    base = workspace()
    mine = {**base, "bounded_contexts": base["bounded_contexts"][1:]}
    theirs = {**base, "description": "theirs"}
    result = merge_workspace_data(base, mine, theirs)
    assert result.conflicts == []
    assert [c["name"] for c in result.data["bounded_contexts"]] == ["Pricing"]
    assert result.data["description"] == "theirs"


def test_a_canvas_deleted_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    base = workspace()
    mine = {**base, "bounded_contexts": base["bounded_contexts"][1:]}
    theirs = with_context(base, "Orders", purpose="edited")
    result = merge_workspace_data(base, mine, theirs)
    [conflict] = result.conflicts
    assert (conflict.path, conflict.mine) == ("bounded_contexts[Orders]", ABSENT)
    resolved = merge_workspace_data(base, mine, theirs, {"bounded_contexts[Orders]": "mine"})
    assert [c["name"] for c in resolved.data["bounded_contexts"]] == ["Pricing"]


def test_relationships_are_matched_by_their_two_ends() -> None:
    base = workspace()
    mine = {**base, "relationships": [{**base["relationships"][0], "notes": "mine"}]}
    theirs = {**base, "relationships": [*base["relationships"], {"upstream": "Orders", "downstream": "Pricing"}]}
    result = merge_workspace_data(base, mine, theirs)
    assert result.conflicts == []
    assert [r.get("notes") for r in result.data["relationships"]] == ["mine", None]


def test_a_plain_list_changed_on_both_sides_is_one_conflict() -> None:
    base = workspace()
    mine = with_context(base, "Orders", business_decisions=["a", "mine"])
    theirs = with_context(base, "Orders", business_decisions=["a", "theirs"])
    [conflict] = merge_workspace_data(base, mine, theirs).conflicts
    assert conflict == Conflict("bounded_contexts[Orders].business_decisions", ["a"], ["a", "mine"], ["a", "theirs"])


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = workspace()
    same = with_context(base, "Orders", purpose="same")
    assert merge_workspace_data(base, same, same) == merge_workspace_data(base, same, same)
    assert merge_workspace_data(base, same, same).conflicts == []
