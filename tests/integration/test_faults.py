"""Faults: a killed save leaves the last good version; a damaged or too new database is reported clearly."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from services import configuration
from storage.repository import DatabaseTooNew, StorageUnavailable
from storage.sql import SqlWorkspaceRepository
from tests.integration.save_until_killed import CONTEXTS, purposes_of_round
from tests.integration.workspaces import large_workspace, small_workspace

ROOT = Path(__file__).resolve().parents[2]


def kill_during_saves(url: str, rng: random.Random) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.save_until_killed", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    assert worker.stdout.readline().startswith("saved"), "the worker did not save"
    time.sleep(rng.uniform(0.0, 0.8))  # lands anywhere in the next saves, transactions included
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)


def assert_consistent(url: str) -> int:
    repo = SqlWorkspaceRepository(url)
    try:
        versions = repo.list_versions("big")
        assert [v.number for v in versions] == list(range(len(versions), 0, -1))
        for version in versions[:2]:
            contexts = repo.load("big", version.number).bounded_contexts
            expected = "" if version.number == 1 else purposes_of_round(version.number)
            assert len(contexts) == CONTEXTS
            assert {c.purpose for c in contexts} == {expected}
        if url.startswith("sqlite"):
            with repo.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        return len(versions)
    finally:
        repo.close()


def test_a_process_killed_while_saving_leaves_the_last_good_version(database: str) -> None:
    repo = SqlWorkspaceRepository(database)
    repo.save("big", large_workspace(CONTEXTS))
    repo.close()
    rng = random.Random(3)
    counts = []
    for _ in range(4):
        kill_during_saves(database, rng)
        counts.append(assert_consistent(database))
    assert counts == sorted(counts) and counts[-1] > 1


def test_a_file_that_is_not_a_database_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "workbench.db"
    path.write_bytes(b"this is a spreadsheet, honestly" * 200)
    with pytest.raises(StorageUnavailable) as refused:
        SqlWorkspaceRepository(f"sqlite:///{path}")
    assert str(path) in str(refused.value)
    assert "not a database" in str(refused.value)
    assert "open another database" in str(refused.value)


def test_a_truncated_database_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "workbench.db"
    repo = SqlWorkspaceRepository(f"sqlite:///{path}")
    repo.save("w1", large_workspace(100))
    repo.close()
    path.write_bytes(path.read_bytes()[:5000])
    (tmp_path / "workbench.db-wal").unlink(missing_ok=True)
    with pytest.raises(StorageUnavailable):
        reopened = SqlWorkspaceRepository(f"sqlite:///{path}")
        reopened.load("w1")


def test_a_database_from_a_newer_workbench_is_refused(database: str) -> None:
    SqlWorkspaceRepository(database).close()
    engine = sa.create_engine(database)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(DatabaseTooNew) as refused:
        SqlWorkspaceRepository(database)
    assert "newer" in str(refused.value) and "schema 99" in str(refused.value)


def test_an_unreachable_database_is_reported_without_its_password() -> None:
    url = "postgresql+psycopg://someone:secret@127.0.0.1:1/nowhere"
    with pytest.raises(StorageUnavailable) as refused:
        SqlWorkspaceRepository(url)
    assert "secret" not in str(refused.value)
    assert "127.0.0.1:1/nowhere" in str(refused.value)


def test_reopening_a_database_keeps_its_workspaces_and_migrates_nothing_twice(database: str) -> None:
    SqlWorkspaceRepository(database).save("w1", small_workspace())
    assert SqlWorkspaceRepository(database).load("w1") == small_workspace()


def test_workspace_files_of_an_older_workbench_move_into_a_new_database(tmp_path: Path) -> None:
    folder = tmp_path / "workspaces"
    folder.mkdir()
    (folder / "abc123.json").write_text(small_workspace().model_dump_json(), encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    repo = configuration.open_repository(tmp_path)
    assert [(s.workspace_id, s.name) for s in repo.list_workspaces()] == [("abc123", "Shop")]
    assert repo.list_versions("abc123")[0].message == "Imported from abc123.json"


def test_a_database_damaged_while_open_is_reported_by_name_not_as_a_driver_error(tmp_path: Path) -> None:
    repo = SqlWorkspaceRepository(f"sqlite:///{tmp_path / 'workbench.db'}")
    repo.save("w1", small_workspace())
    repo.engine.dispose()  # the next step opens the file again, as a new request of the app would
    for name in ("workbench.db", "workbench.db-wal", "workbench.db-shm"):
        if (tmp_path / name).exists():
            (tmp_path / name).write_bytes(b"this is not a database " * 1000)
    with pytest.raises(StorageUnavailable) as failed:
        repo.load("w1")
    message = str(failed.value)
    assert message.startswith(f"The database file {tmp_path / 'workbench.db'} failed: ")
    assert "Nothing was changed by this step" in message
    repo.close()
