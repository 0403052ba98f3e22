"""Findings new, resolved and changed between two versions, and the score before and after."""

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from analysis.engine import analyze_workspace
from diff.diff_findings import renamed_subject
from diff.diff_model import Comparison, FindingsDiff
from diff.diff_workspaces import compare_workspaces
from formats.workspace_json.workspace_file import read_workspace_file
from models.finding import FindingStatus, Severity
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services.configuration import EXAMPLE_WORKSPACE
from services.workspaces import rename_context_references

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)
TODAY = dt.date(2026, 5, 4)
Data = dict[str, Any]


def compared(change: Callable[[Data], object]) -> tuple[Workspace, Comparison]:
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    change(data)
    new = validate_workspace_data(data)
    return new, compare_workspaces(EXAMPLE, new, old_label="old", new_label="new", today=TODAY)


def findings_of(comparison: Comparison) -> FindingsDiff:
    assert comparison.findings is not None
    return comparison.findings


def keys(workspace: Workspace) -> set[tuple[str, str]]:
    return {(f.rule, f.subject) for f in analyze_workspace(workspace, today=TODAY, lever=False).findings}


def context(data: Data, name: str) -> Data:
    return next(c for c in data["bounded_contexts"] if c["name"] == name)


def test_giving_the_seller_assistant_a_rollback_resolves_its_finding_and_lowers_the_score() -> None:
    def add_rollback(data: Data) -> None:
        context(data, "Seller Conversation")["ai_profile"]["rollback"] = True

    new, comparison = compared(add_rollback)
    findings = findings_of(comparison)
    before, after = keys(EXAMPLE), keys(new)
    assert {(f.rule, f.subject) for f in findings.resolved} == before - after
    assert ("AIC017", "Seller Conversation") in before - after
    assert {(f.rule, f.subject) for f in findings.new} == after - before
    old_score = analyze_workspace(EXAMPLE, today=TODAY, lever=False).score
    new_score = analyze_workspace(new, today=TODAY, lever=False).score
    assert (findings.score.old_value, findings.score.new_value) == (old_score.value, new_score.value)
    assert (findings.score.old_band, findings.score.new_band) == (old_score.band, new_score.band)
    assert findings.score.delta == new_score.value - old_score.value < 0


def test_withdrawing_an_accepted_risk_changes_the_finding_from_accepted_to_open() -> None:
    def withdraw(data: Data) -> None:
        data["accepted_risks"] = []

    _, comparison = compared(withdraw)
    findings = findings_of(comparison)
    (changed,) = findings.changed
    assert (changed.new.rule, changed.new.subject) == ("AIC004", "LLM Provider -> Seller Conversation")
    assert (changed.old.status, changed.new.status) == (FindingStatus.ACCEPTED, FindingStatus.OPEN)
    assert not changed.severity_changed
    assert findings.new == findings.resolved == ()


def test_findings_follow_a_renamed_context_instead_of_being_resolved_and_new() -> None:
    def rename(data: Data) -> None:
        context(data, "Home Valuation")["name"] = "Property Valuation"
        rename_context_references(data, "Home Valuation", "Property Valuation")

    _, comparison = compared(rename)
    findings = findings_of(comparison)
    assert findings.new == findings.resolved == () and findings.changed == ()
    assert findings.score.old_value == findings.score.new_value


def test_subjects_of_edges_and_cycles_take_the_new_names() -> None:
    names = {"Home Valuation": "Property Valuation"}
    assert renamed_subject("Home Valuation", names) == "Property Valuation"
    assert renamed_subject("Home Valuation -> Offer Management", names) == "Property Valuation -> Offer Management"
    assert renamed_subject("A <-> Home Valuation", names) == "A <-> Property Valuation"
    cycle = "Home Valuation -> Offer Management -> Home Valuation"
    assert renamed_subject(cycle, names) == "Property Valuation -> Offer Management -> Property Valuation"
    assert renamed_subject("Home Valuations", names) == "Home Valuations"


def test_counts_leave_out_checks_that_could_not_be_evaluated() -> None:
    def add_relationship(data: Data) -> None:
        data["relationships"].append({"upstream": "Seller Intake", "downstream": "Transaction Closing"})

    _, comparison = compared(add_relationship)
    findings = findings_of(comparison)
    unevaluated = [f for f in findings.new if f.status is FindingStatus.NOT_EVALUABLE]
    assert unevaluated, "the new relationship says nothing about sync, so a rule cannot check it"
    for severity in Severity:
        counted = [f for f in findings.new if f.severity is severity and f.status is not FindingStatus.NOT_EVALUABLE]
        assert findings.count("new", severity) == len(counted)


def test_without_findings_the_comparison_holds_the_structural_diff_only() -> None:
    comparison = compare_workspaces(EXAMPLE, EXAMPLE, old_label="a", new_label="b", with_findings=False)
    assert comparison.findings is None and comparison.diff.is_empty
