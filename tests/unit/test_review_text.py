"""The one-line summary and the plain-text review of a comparison."""

import copy
import datetime as dt
from typing import Any

import pytest

from analysis.engine import analyze_workspace
from diff.diff_model import Comparison
from diff.diff_words import word_ops
from diff.diff_workspaces import compare_workspaces
from formats.review.review_text import render_review_text, summary_line, word_diff
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services.configuration import EXAMPLE_WORKSPACE
from services.workspaces import rename_context_references

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)
TODAY = dt.date(2026, 5, 4)


def context(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in data["bounded_contexts"] if c["name"] == name)


def review_edits() -> Workspace:
    """A context added, one renamed, one given a rollback and a new purpose, a relationship added."""
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    context(data, "Home Valuation")["name"] = "Property Valuation"
    rename_context_references(data, "Home Valuation", "Property Valuation")
    seller = context(data, "Seller Conversation")
    seller["ai_profile"]["rollback"] = True
    seller["purpose"] = seller["purpose"].replace("seller", "home seller", 1)
    data["bounded_contexts"].append({"name": "Appraisal", "purpose": "Independent appraisers value homes."})
    data["relationships"].append(
        {
            "upstream": "Seller Intake",
            "downstream": "Transaction Closing",
            "pattern": "customer_supplier",
            "sync": "async",
        }
    )
    return validate_workspace_data(data)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare_workspaces(EXAMPLE, review_edits(), old_label="v1.json", new_label="v2.json", today=TODAY)


def test_the_summary_counts_contexts_relationships_score_and_findings(comparison: Comparison) -> None:
    before = analyze_workspace(EXAMPLE, today=TODAY, lever=False)
    after = analyze_workspace(review_edits(), today=TODAY, lever=False)
    assert comparison.findings is not None and comparison.findings.new == ()
    assert [(f.rule, f.severity.value) for f in comparison.findings.resolved] == [("AIC017", "warning")]
    bands = (
        f"({before.score.band} → {after.score.band})"
        if before.score.band != after.score.band
        else f"({after.score.band})"
    )
    assert summary_line(comparison) == (
        "1 context added, 1 context renamed, 1 context changed, 1 relationship added, "
        f"AI coupling score {before.score.value} → {after.score.value} {bands}, 1 warning resolved"
    )


def test_an_unchanged_workspace_says_so_with_its_score() -> None:
    same = compare_workspaces(EXAMPLE, EXAMPLE, old_label="a", new_label="b", today=TODAY)
    score = analyze_workspace(EXAMPLE, today=TODAY, lever=False).score
    assert summary_line(same) == (
        f"No changes to canvases or the context map, AI coupling score {score.value} unchanged ({score.band})"
    )
    assert "Canvases\n  No changes." in render_review_text(same)


def test_the_text_review_lists_the_map_the_findings_and_each_changed_canvas(comparison: Comparison) -> None:
    text = render_review_text(comparison)
    assert text.startswith("Comparing v1.json → v2.json (Home Valuation Platform)\n" + summary_line(comparison))
    assert "  ~ renamed  context Home Valuation → Property Valuation" in text
    assert "  + added    context Appraisal" in text
    assert "  * changed  context Seller Conversation" in text
    assert "  + added    Seller Intake -> Transaction Closing (Customer/Supplier (C/S))" in text
    assert "Resolved: WARNING AIC017  Seller Conversation" in text
    assert "Bounded Context Canvas 'Property Valuation' — renamed from 'Home Valuation'" in text
    assert "Bounded Context Canvas 'Appraisal' — added" in text
    assert "      * AI profile › Rollback possible: No → Yes" in text
    assert "* Purpose: Answers{+ home+} sellers' questions" in text


def test_a_word_diff_marks_deleted_and_inserted_words_as_git_does() -> None:
    assert word_diff(word_ops("the model is retrained weekly", "the model is retrained daily")) == (
        "the model is retrained [-weekly-]{+daily+}"
    )


def test_a_removed_declaration_is_named_as_such() -> None:
    data = EXAMPLE.model_dump(mode="json")
    data["relationships"] = data["relationships"][1:]
    text = render_review_text(compare_workspaces(EXAMPLE, validate_workspace_data(data), old_label="a", new_label="b"))
    assert "- Relationship in the context-map editor: " in text
    assert "- : " not in text
