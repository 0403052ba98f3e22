"""Malformed CML is refused whole and quickly, with the line, column and cause of every problem."""

import time
from pathlib import Path

import pytest

import cli
from formats.cml import cml_messages as text
from formats.cml.cml_preview import preview_cml_import
from formats.cml.cml_reader import parse_cml_workspace
from formats.cml.cml_scan import MAX_CML_BYTES, MAX_CML_TOKENS, MAX_NESTING, CmlFileError
from services import workspaces
from services.access import local_person
from storage.memory import InMemoryWorkspaceRepository
from tests.unit.test_cml_fixtures import FIXTURES

INSURANCE = (FIXTURES / "insurance-example" / "Insurance-Example-Stage-2.cml").read_text(encoding="utf-8")


def problems(cml: str | bytes) -> list[tuple[int, int, str]]:
    """(line, column, message) of every problem; fails when the file imports."""
    with pytest.raises(CmlFileError) as caught:
        parse_cml_workspace(cml, "model.cml")
    return [(p.at.line, p.at.column, p.message) for p in caught.value.cml_problems]


def single(cml: str | bytes) -> tuple[int, int, str]:
    found = problems(cml)
    assert len(found) == 1, found
    return found[0]


def model(relationships: str, *, contexts: str = "A B", map_type: str = "") -> str:
    """A map containing `contexts`, each declared, with the relationships given (from line 3 on)."""
    names = contexts.split()
    declared = "\n".join(f"BoundedContext {name}" for name in names)
    return f"ContextMap M {{ {map_type}\n contains {', '.join(names)}\n{relationships}\n}}\n{declared}\n"


# --- syntax ---------------------------------------------------------------------------------------


def test_a_truncated_file_names_where_it_ends_and_which_block_is_left_open() -> None:
    lines = INSURANCE.splitlines()[:20]
    line, column, message = single("\n".join(lines))
    assert (line, column) == (20, len(lines[-1]) + 1)  # just after the last character
    assert message.startswith("The file ends too early: expected one of")
    assert "The '{' at line 2, column 32 is never closed." in message


def test_a_file_cut_inside_a_relationship_says_what_should_follow() -> None:
    assert single("ContextMap { contains A, B\n A [U,OHS]->") == (
        2,
        13,
        "The file ends too early: expected one of '[', a name. The '{' at line 1, column 12 is never closed.",
    )


def test_a_closing_brace_too_many_is_located() -> None:
    line, column, message = single("BoundedContext A {\n}\n}\nBoundedContext B\n")
    assert (line, column) == (3, 1)
    assert message.startswith("Expected one of") and message.endswith("but found '}'.")


def test_a_missing_closing_brace_is_found_where_the_next_declaration_starts() -> None:
    line, column, message = single("BoundedContext A {\n  type = FEATURE\nBoundedContext B\n")
    assert (line, column) == (3, 1)
    assert "'}'" in message and message.endswith("but found 'BoundedContext'.")


def test_a_keyword_of_the_grammar_as_a_name_asks_for_the_escape() -> None:
    assert single("BoundedContext contains\n") == (
        1,
        16,
        "'contains' is a CML keyword, so it cannot be a name as it stands; write ^contains to use it as one.",
    )


def test_a_tactical_keyword_as_a_name_is_refused_as_context_mapper_does() -> None:
    assert single("BoundedContext Entity\nBoundedContext ^Event\n") == (
        1,
        16,
        "'Entity' is a CML keyword, so it cannot be a name as it stands; write ^Entity to use it as one.",
    )


def test_an_escaped_keyword_is_a_name_without_its_escape() -> None:
    workspace = parse_cml_workspace("BoundedContext ^Entity\nBoundedContext ^type\n", "m.cml").workspace
    assert [c.name for c in workspace.bounded_contexts] == ["Entity", "type"]


def test_an_unclosed_string_and_an_unclosed_comment_are_located() -> None:
    assert single('BoundedContext A {\n  domainVisionStatement = "runs on { and }\n}\n') == (
        2,
        27,
        'This string is never closed: add the closing ".',
    )
    assert single("BoundedContext A\n/* a comment { that never ends\nBoundedContext B\n") == (
        2,
        1,
        "This comment is never closed: add */.",
    )


def test_braces_inside_strings_and_comments_do_not_count() -> None:
    cml = 'BoundedContext A {\n  domainVisionStatement = "a } b { c" // }}}\n  /* { */ Aggregate Orders { "}" }\n}\n'
    workspace = parse_cml_workspace(cml, "m.cml").workspace
    assert workspace.bounded_contexts[0].purpose == "a } b { c"
    assert [a.name for a in workspace.api_products[0].sync_api.aggregates] == ["Orders"]


def test_text_that_is_not_utf8_is_located() -> None:
    line, column, message = single(b"BoundedContext A\nBoundedContext B\xff\n")
    assert (line, column) == (2, 17)
    assert message == "The file is not UTF-8 text: byte 33 cannot be read."


# --- limits ---------------------------------------------------------------------------------------


def test_ten_megabytes_of_nested_braces_fail_fast_at_the_first_brace_too_deep() -> None:
    start = time.perf_counter()
    line, column, message = single("{" * (10 * 1024 * 1024))
    assert time.perf_counter() - start < 1.0
    assert (line, column) == (1, MAX_NESTING + 1)
    assert message == f"Blocks are nested more than {MAX_NESTING} levels deep here; no real CML model needs that."


def test_deep_nesting_inside_a_tactical_block_is_refused_before_parsing() -> None:
    cml = "BoundedContext A {\n Aggregate X " + "{ Entity E " * 60 + "}" * 61 + "\n}\n"
    line, column, message = single(cml)
    assert line == 2 and column == 14 + 11 * (MAX_NESTING - 1)
    assert message.startswith("Blocks are nested more than")


def test_a_file_over_the_size_limit_is_refused_where_it_passes_the_limit() -> None:
    cml = "BoundedContext A /*\n" + "a comment line\n" * (MAX_CML_BYTES // 15) + "*/\n"
    start = time.perf_counter()
    line, column, message = single(cml)
    assert time.perf_counter() - start < 1.0
    assert (line, column) == (2 + (MAX_CML_BYTES - 20) // 15, 1 + (MAX_CML_BYTES - 20) % 15)
    assert message == "The file is 1.0 MB and grows past the limit of 1 MB for a CML file here."


def test_a_file_with_too_many_tokens_is_refused_where_it_passes_the_limit() -> None:
    cml = "ContextMap {\n contains " + "Alpha, " * MAX_CML_TOKENS + "Alpha\n}\n"
    start = time.perf_counter()
    line, column, message = single(cml)
    assert time.perf_counter() - start < 1.0
    # The list starts at column 11 after three tokens; each "Alpha, " is two tokens and 7 characters.
    index = MAX_CML_TOKENS - 3  # the first token past the limit, counted within the list from 0
    assert (line, column) == (2, 11 + 7 * (index // 2) + (5 if index % 2 else 0))
    assert message.startswith(f"The file holds more than {MAX_CML_TOKENS} words and symbols; this is where")


def test_a_huge_file_is_refused_before_it_is_read() -> None:
    assert single(b"x" * (20 * 1024 * 1024)) == (0, 0, "The file is 20.0 MB; a CML file may be at most 1 MB.")


@pytest.mark.parametrize(
    "pathological",
    ["/* " * 300_000, '"' + "\\" * 2 + "a" * 900_000, "ContextMap { contains " + "A, " * 300_000],
    ids=["unclosed comments", "unclosed string", "a long list"],
)
def test_pathological_input_within_the_limit_fails_within_seconds(pathological: str) -> None:
    start = time.perf_counter()
    problems(pathological)
    assert time.perf_counter() - start < 5.0


# --- nothing half imported ------------------------------------------------------------------------


def test_nothing_is_stored_from_a_file_with_errors() -> None:
    repo = InMemoryWorkspaceRepository()
    with pytest.raises(CmlFileError) as caught:
        workspaces.import_cml_workspace(repo, model(" A [U]->[D,OHS] B").encode(), "broken.cml", person=local_person())
    assert repo.list_workspaces() == []
    assert str(caught.value).startswith("broken.cml: line 3, column 12: OHS belong to the upstream side")


def test_reading_a_missing_file_is_a_file_error(tmp_path: Path) -> None:
    from formats.cml.cml_reader import read_cml_workspace

    with pytest.raises(CmlFileError) as caught:
        read_cml_workspace(tmp_path / "missing.cml")
    assert str(caught.value) == f"{tmp_path / 'missing.cml'}: Cannot be read: No such file or directory."


@pytest.mark.parametrize("cml", ["", "   \n\n", "// a model, one day\n", "/* nothing\n yet */\n// still nothing\n"])
def test_an_empty_or_comment_only_file_is_refused_as_declaring_nothing(cml: str) -> None:
    assert single(cml)[2] == text.DECLARES_NOTHING


def test_the_cli_refuses_an_empty_file_with_exit_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.cml"
    empty.write_text("// nothing declared yet\n", encoding="utf-8")
    assert cli.main(["import", str(empty), "-o", str(tmp_path / "out.json")]) == 2
    assert capsys.readouterr().err.strip() == f"{empty}: line 1, column 1: {text.DECLARES_NOTHING}"
    assert not (tmp_path / "out.json").exists()


LEFT_OUT = """BoundedContext A
UseCase Order { actor "buyer" }
UserStory US1 { As a "buyer" I want to "buy" a "thing" }
Stakeholders { Stakeholder Bob }
UseCase Pay { actor "buyer" }
"""


def test_the_cli_says_which_blocks_it_left_out_and_strict_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "model.cml"
    model.write_text(LEFT_OUT, encoding="utf-8")
    said = [
        text.SKIPPED_BLOCKS.format(count=2, kind="UseCase", where="lines 2, 5"),
        text.SKIPPED_BLOCKS.format(count=1, kind="UserStory", where="line 3"),
        text.SKIPPED_BLOCKS.format(count=1, kind="Stakeholders", where="line 4"),
    ]
    assert cli.main(["import", str(model), "-o", str(tmp_path / "out.json")]) == 0
    assert capsys.readouterr().err.splitlines() == [f"{model}: warning: {line}" for line in said]
    assert (tmp_path / "out.json").exists()
    assert cli.main(["import", str(model), "--strict", "-o", str(tmp_path / "strict.json")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{model}: error: {line}" for line in said]
    assert not (tmp_path / "strict.json").exists()


def test_the_preview_lists_the_left_out_blocks_with_their_lines() -> None:
    preview = preview_cml_import(parse_cml_workspace(LEFT_OUT, "model.cml"))
    assert text.SKIPPED_BLOCKS.format(count=2, kind="UseCase", where="lines 2, 5") in preview.warnings
