"""The comparison service: sides read from files or from stored versions (a real SQLite database), and exports."""

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from diff.diff_workspaces import diff_workspaces
from formats.workspace_json.workspace_file import read_workspace_file
from models.validation import validate_workspace_data
from models.workspace import Workspace
from services import comparison
from services.access import local_person
from services.comparison import (
    ComparisonInputError,
    StoredVersionRef,
    compare_sources,
    compare_stored_versions,
    parse_source,
)
from services.configuration import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE, EXAMPLE_WORKSPACE
from storage.sql import SqlWorkspaceRepository

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)


def second_version() -> Workspace:
    data = copy.deepcopy(EXAMPLE.model_dump(mode="json"))
    data["bounded_contexts"][0]["purpose"] += " Sellers can upload photos."
    return validate_workspace_data(data)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    """A database holding the example as version 1 (tagged) and an edit as version 2, plus a look-alike."""
    url = f"sqlite:///{tmp_path / 'history.db'}"
    repo = SqlWorkspaceRepository(url)
    repo.save("hv", EXAMPLE, author="ana", message="first")
    repo.save("hv", second_version(), parent=1, author="ana", message="after workshop")
    repo.tag_version("hv", 1, "workshop 1")
    repo.save("other", Workspace(name="Other"), author="bo")
    repo.close()
    yield url


def test_a_side_is_a_file_when_one_exists_or_looks_like_one() -> None:
    assert parse_source(str(EXAMPLE_WORKSPACE)) == EXAMPLE_WORKSPACE
    assert parse_source("missing.workspace.json") == Path("missing.workspace.json")
    assert parse_source("model.CML") == Path("model.CML")


def test_a_side_is_a_stored_version_named_by_workspace_and_version() -> None:
    assert parse_source("hv@3") == StoredVersionRef("hv", "3")
    assert parse_source("Team @ Home@latest") == StoredVersionRef("Team @ Home", "latest")
    assert parse_source("Home Valuation Platform") == StoredVersionRef("Home Valuation Platform", None)


def test_two_stored_versions_compare_like_the_workspaces_they_hold(database: str) -> None:
    repo = SqlWorkspaceRepository(database)
    try:
        result = compare_stored_versions(repo, "hv", 1, 2, person=local_person(), with_findings=False)
    finally:
        repo.close()
    assert result.diff == diff_workspaces(EXAMPLE, second_version())
    assert (result.old_label, result.new_label) == (
        "Home Valuation Platform@1 (workshop 1)",
        "Home Valuation Platform@2",
    )


def test_versions_are_found_by_id_name_tag_or_latest_and_mix_with_files(database: str) -> None:
    by_tag = compare_sources("Home Valuation Platform@workshop 1", "hv", database=database, with_findings=False)
    assert by_tag.new_label == "Home Valuation Platform@2" and not by_tag.diff.is_empty
    with_file = compare_sources("hv@1", str(EXAMPLE_WORKSPACE), database=database, with_findings=False)
    assert with_file.diff.is_empty and with_file.new_label == str(EXAMPLE_WORKSPACE)
    assert compare_sources("home valuation platform@latest", "hv@2", database=database).diff.is_empty


def test_an_unknown_workspace_is_refused_with_the_stored_ones_listed(database: str) -> None:
    with pytest.raises(ComparisonInputError) as refused:
        compare_sources("Nope@1", "hv@2", database=database)
    message = str(refused.value)
    assert message.startswith("'Nope': no stored workspace has this id or name.")
    assert "'Home Valuation Platform' (id hv)" in message and "'Other' (id other)" in message


def test_an_unknown_version_is_refused_with_the_versions_and_tags_there_are(database: str) -> None:
    with pytest.raises(
        ComparisonInputError, match=r"'Home Valuation Platform' has no version '7' \(versions 1–2; tags: workshop 1\)\."
    ):
        compare_sources("hv@7", "hv@2", database=database)


def test_a_name_two_workspaces_share_asks_for_the_id(database: str) -> None:
    repo = SqlWorkspaceRepository(database)
    repo.save("copy", EXAMPLE)
    repo.close()
    with pytest.raises(ComparisonInputError, match=r"names 2 stored workspaces \(ids .*\); use the id"):
        compare_sources("Home Valuation Platform@1", "hv@2", database=database)


def test_without_a_database_stored_versions_are_refused_and_none_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    with pytest.raises(ComparisonInputError, match="no workspace database is there"):
        compare_sources("hv@1", str(EXAMPLE_WORKSPACE))
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_the_apps_own(database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_URL_VARIABLE, database)
    assert not compare_sources("hv@1", "hv@2", with_findings=False).diff.is_empty


def test_exports_are_named_after_the_workspace_and_hold_the_review() -> None:
    result = compare_sources(str(EXAMPLE_WORKSPACE), str(EXAMPLE_WORKSPACE))
    name, pdf = comparison.export_review(result, "pdf")
    assert name == "Home-Valuation-Platform-review.pdf" and pdf.startswith(b"%PDF")
    name, markdown = comparison.export_review(result, "md")
    assert name.endswith("-review.md") and markdown.decode().startswith("# Version comparison")
    name, text = comparison.export_review(result, "json")
    assert name.endswith(".json") and b'"empty": true' in text
