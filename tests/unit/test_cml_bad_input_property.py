"""Whatever text arrives, the importer answers with a workspace or with located problems, never a crash."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formats.cml.cml_reader import parse_cml_workspace
from formats.cml.cml_scan import CmlFileError
from tests.unit.test_cml_fixtures import EXPECTED, FIXTURES

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOURCES = {path: (FIXTURES / path).read_text(encoding="utf-8") for path in sorted(EXPECTED)}
FRAGMENTS = st.sampled_from(
    ["{", "}", "[", "]", '"', "'", "/*", "*/", "//", "\n", "<->", "->", "<-", ",", ":", "=", "^", "U", "OHS", "type",
     "BoundedContext", "ContextMap", "contains", "Aggregate", "Shared-Kernel", "\x00", "ä", "😀", " "]
)  # fmt: skip


def outcome(cml: str) -> str:
    try:
        parse_cml_workspace(cml, "fuzzed.cml")
    except CmlFileError as error:
        assert error.cml_problems, "an error without problems"
        assert all(p.at.line > 0 and p.at.column > 0 for p in error.cml_problems), error.cml_problems
        assert all(p.message.strip() for p in error.cml_problems)
        return "refused"
    return "imported"


@FAST
@given(st.sampled_from(sorted(SOURCES)), st.data())
def test_a_fixture_with_a_slice_cut_out_imports_or_is_refused_with_located_problems(
    path: str, data: st.DataObject
) -> None:
    text = SOURCES[path]
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=min(len(text), start + 200)))
    assert outcome(text[:start] + text[end:]) in ("imported", "refused")


@FAST
@given(st.sampled_from(sorted(SOURCES)), st.data(), st.lists(FRAGMENTS, min_size=1, max_size=5))
def test_a_fixture_with_fragments_inserted_imports_or_is_refused_with_located_problems(
    path: str, data: st.DataObject, fragments: list[str]
) -> None:
    text = SOURCES[path]
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert outcome(text[:at] + "".join(fragments) + text[at:]) in ("imported", "refused")


@FAST
@given(st.lists(FRAGMENTS | st.text(max_size=5), max_size=40))
def test_random_cml_fragments_import_or_are_refused_with_located_problems(fragments: list[str]) -> None:
    assert outcome(" ".join(fragments)) in ("imported", "refused")


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_each_fixture_cut_at_every_tenth_line_is_refused_or_imported_cleanly(path: str) -> None:
    lines = SOURCES[path].splitlines(keepends=True)
    outcomes = [outcome("".join(lines[:cut])) for cut in range(1, len(lines), 10)]
    assert "refused" in outcomes  # a cut through a block is noticed, not imported as half a model
