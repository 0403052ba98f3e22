"""The whole history goes to one file and back, into the same or the other kind of database."""

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

import cli
from services import files
from storage.backup import BackupInvalid
from storage.repository import ReviewKind, ReviewNote, WorkspaceExists, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from tests.integration.conftest import BACKENDS, open_backend
from tests.integration.workspaces import edited, small_workspace

NOW = dt.datetime(2026, 11, 27, 12, 30, tzinfo=dt.UTC)


def fill(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace(), author="Ada", message="first")
    repo.save("w1", edited(small_workspace(), "Orders", purpose="v2"), parent=1, author="Bob", message="second")
    repo.save("w1", small_workspace(), parent=2, message="Restored version 1")
    repo.tag_version("w1", 2, "after workshop 2")
    repo.add_review(ReviewNote("w1", 2, ReviewKind.COMMENT, "Rita", "ACL?", NOW, "bounded_context", "Orders", "Roles"))
    repo.add_review(ReviewNote("w1", 3, ReviewKind.APPROVED, "Rita", "", NOW))
    repo.save("w2", small_workspace("Ωmega 🚀", description="\u202eright to left\x00"), author="Ünal")


def everything(repo: WorkspaceRepository) -> list[object]:
    history: list[object] = []
    for summary in repo.list_workspaces():
        for version in repo.list_versions(summary.workspace_id):
            history += [version, repo.load(summary.workspace_id, version.number)]
        history += repo.list_reviews(summary.workspace_id)
    return history


@pytest.mark.parametrize("target", BACKENDS)
def test_a_backup_restores_identical_workspaces_and_histories(
    repo: WorkspaceRepository, target: str, tmp_path: Path
) -> None:
    fill(repo)
    path = tmp_path / "history.backup"
    assert files.back_up_history(repo, path) == 4
    with open_backend(target, tmp_path / "target") as restored:
        assert files.restore_backup(restored, path) == 4
        assert everything(restored) == everything(repo)
        assert [s.head for s in restored.list_workspaces()] == [s.head for s in repo.list_workspaces()]
        restored.save("w1", edited(small_workspace(), "Orders", purpose="after the move"), parent=3)
        assert restored.list_versions("w1")[0].parent == 3


def test_restoring_over_a_stored_workspace_is_refused_and_adds_nothing(
    repo: WorkspaceRepository, tmp_path: Path
) -> None:
    fill(repo)
    path = tmp_path / "history.backup"
    files.back_up_history(repo, path)
    repo.delete("w2")
    with pytest.raises(WorkspaceExists):
        files.restore_backup(repo, path)
    assert [s.workspace_id for s in repo.list_workspaces()] == ["w1"]


@pytest.mark.parametrize(
    "content",
    [b"", b"not gzip at all", gzip.compress(b'{"format": "something else"}\n'), gzip.compress(b"{}\n{}\n")[:-9]],
    ids=["empty", "not-gzip", "other-format", "cut-short"],
)
def test_a_file_that_is_not_a_backup_is_refused_with_its_name(
    repo: WorkspaceRepository, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "bad.backup"
    path.write_bytes(content)
    with pytest.raises(BackupInvalid) as refused:
        files.restore_backup(repo, path)
    assert str(path) in str(refused.value)
    assert repo.list_workspaces() == []


def test_a_damaged_blob_in_a_backup_is_refused(repo: WorkspaceRepository, tmp_path: Path) -> None:
    fill(repo)
    path = tmp_path / "history.backup"
    files.back_up_history(repo, path)
    lines = gzip.decompress(path.read_bytes()).decode().splitlines()
    lines[1] = lines[1].replace('"eJ', '"eK', 1)  # one changed byte in the first compressed blob
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    with open_backend("memory", tmp_path) as target, pytest.raises(BackupInvalid, match="line 2 is damaged"):
        files.restore_backup(target, path)


def test_the_command_line_moves_the_history_between_databases(database: str, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(SqlWorkspaceRepository(source))
    path = tmp_path / "moved.backup"
    assert cli.main(["backup", "-o", str(path), "--database", source]) == 0
    assert cli.main(["restore", str(path), "--database", database]) == 0
    assert everything(SqlWorkspaceRepository(database)) == everything(SqlWorkspaceRepository(source))
    assert cli.main(["restore", str(path), "--database", database]) == 2  # the workspaces are there already


def test_a_backup_of_format_1_without_review_notes_still_restores(repo: WorkspaceRepository, tmp_path: Path) -> None:
    fill(repo)
    path = tmp_path / "history.backup"
    files.back_up_history(repo, path)
    lines = [json.loads(line) for line in gzip.decompress(path.read_bytes()).decode().splitlines()]
    lines[0]["version"] = 1
    for record in lines[1:]:
        del record["reviews"]
    old = tmp_path / "old.backup"
    old.write_bytes(gzip.compress("".join(json.dumps(line) + "\n" for line in lines).encode()))
    with open_backend("memory", tmp_path / "target") as restored:
        assert files.restore_backup(restored, old) == 4
        assert restored.list_reviews("w1") == [] and len(restored.list_versions("w1")) == 3


def test_a_backup_from_a_newer_workbench_is_refused_naming_the_versions(tmp_path: Path) -> None:
    path = tmp_path / "newer.backup"
    path.write_bytes(gzip.compress(b'{"format": "architecture-canvas-workbench-history", "version": 3}\n'))
    with open_backend("memory", tmp_path) as target, pytest.raises(BackupInvalid, match="version 1 or 2"):
        files.restore_backup(target, path)
