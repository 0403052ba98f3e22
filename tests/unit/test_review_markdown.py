"""The Markdown review: headings, tables and word changes, with typed text that stays text."""

import copy
import datetime as dt

from diff.diff_words import word_ops
from diff.diff_workspaces import compare_workspaces
from formats.review.review_markdown import escape, render_review_markdown, word_diff_markdown
from formats.review.review_text import summary_line
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from services.configuration import EXAMPLE_WORKSPACE

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)
HOSTILE = "<script>alert(1)</script> | *bold* [link](x) ~~gone~~"


def hostile_edit() -> str:
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    data["bounded_contexts"][0]["purpose"] += " " + HOSTILE
    data["accepted_risks"] = []
    new = validate_workspace_data(data)
    comparison = compare_workspaces(EXAMPLE, new, old_label="old.json", new_label="new.json", today=dt.date(2026, 5, 4))
    return render_review_markdown(comparison)


def test_the_review_has_a_title_the_summary_and_a_section_per_part() -> None:
    comparison = compare_workspaces(EXAMPLE, EXAMPLE, old_label="a.json", new_label="b.json")
    markdown = render_review_markdown(comparison)
    assert markdown.startswith("# Version comparison: Home Valuation Platform\n\n**a.json** → **b.json**\n")
    assert f"> {escape(summary_line(comparison))}" in markdown
    for heading in ("## Score and findings", "## Context map", "## Canvases"):
        assert heading in markdown
    assert markdown.count("No changes.") == 2 and "No findings changed." in markdown


def test_typed_markup_is_escaped_and_only_the_words_that_changed_are_marked() -> None:
    markdown = hostile_edit()
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    line = next(line for line in markdown.splitlines() if line.startswith("- ✏️ **Purpose**"))
    assert line.count("**") == 4  # the label, and one inserted run
    assert "\\| \\*bold\\* \\[link\\](x) \\~\\~gone\\~\\~" in line


def test_a_changed_finding_is_a_table_row_with_its_status_before_and_after() -> None:
    markdown = hostile_edit()
    row = next(line for line in markdown.splitlines() if line.startswith("| Changed |"))
    assert row.split(" | ")[1:5] == ["warning", "accepted → open", "AIC004", "LLM Provider -\\> Seller Conversation"]


def test_word_changes_keep_white_space_outside_the_marks() -> None:
    assert word_diff_markdown(word_ops("keep old words", "keep new words")) == "keep ~~old~~**new** words"
    assert word_diff_markdown(word_ops("a", "a plus more")) == "a **plus more**"
