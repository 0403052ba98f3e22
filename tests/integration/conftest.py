"""Storage fixtures: every test runs against each backend; PostgreSQL needs WORKBENCH_TEST_POSTGRES_URL."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.memory import InMemoryWorkspaceRepository
from storage.repository import WorkspaceRepository
from storage.sql import SqlWorkspaceRepository

POSTGRES_VARIABLE = "WORKBENCH_TEST_POSTGRES_URL"
SQL_BACKENDS = ["sqlite", "postgresql"]
BACKENDS = ["memory", *SQL_BACKENDS]


def postgres_url_or_skip() -> str:
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        pytest.skip(f"set {POSTGRES_VARIABLE} (scripts/with-postgres.sh starts a throwaway cluster) to test PostgreSQL")
    return url


@contextmanager
def fresh_postgres_database(url: str) -> Iterator[str]:
    """A new empty database on the test cluster, dropped afterwards."""
    name = f"wb_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database_url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "postgresql":
        with fresh_postgres_database(postgres_url_or_skip()) as url:
            yield url
    else:
        yield f"sqlite:///{folder / 'workbench.db'}"


@contextmanager
def open_backend(backend: str, folder: Path) -> Iterator[WorkspaceRepository]:
    if backend == "memory":
        yield InMemoryWorkspaceRepository()
        return
    with database_url(backend, folder) as url:
        repo = SqlWorkspaceRepository(url)
        try:
            yield repo
        finally:
            repo.close()


@pytest.fixture(params=SQL_BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of each SQL backend."""
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WorkspaceRepository]:
    with open_backend(request.param, tmp_path) as repository:
        yield repository
