"""Opening a database through SQLAlchemy: SQLite pragmas and locking, PostgreSQL as is, and clear failures."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from storage import storage_messages
from storage.repository import StorageUnavailable

WRITE = "workbench_write"  # execution option: this transaction will write, so SQLite takes the lock up front


def describe_database(url: str) -> str:
    """How messages name a database: the file for SQLite, the URL without its password otherwise."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return storage_messages.DATABASE_FILE.format(path=parsed.database)
    return storage_messages.DATABASE_URL.format(url=parsed.render_as_string(hide_password=True))


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling would start transactions late; we issue BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL, a killed process still loses no committed save
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so the parent check and the insert happen under one lock.
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_database_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageUnavailable(
                storage_messages.CANNOT_CREATE.format(where=describe_database(url), reason=error.strerror)
            ) from None
    engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
    sa.event.listen(engine, "connect", _sqlite_connect)
    sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def failure_reason(error: BaseException) -> str:
    """The driver's first line, without SQLAlchemy's SQL echo and background links."""
    original = getattr(error, "orig", None) or error
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


DATABASE_ERRORS = (sa.exc.SQLAlchemyError, sqlite3.Error, OSError)


@contextmanager
def _reported(engine: sa.Engine) -> Iterator[None]:
    """A database that fails after it was opened (gone, full, damaged, unreachable) is reported as
    StorageUnavailable naming it, like one that cannot be opened; the transaction is rolled back."""
    try:
        yield
    except DATABASE_ERRORS as error:
        where = describe_database(engine.url.render_as_string(hide_password=False))
        raise StorageUnavailable(
            storage_messages.DATABASE_FAILED.format(where=where, reason=failure_reason(error))
        ) from None


@contextmanager
def unreported_write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction whose database errors reach the caller as they are: opening reports its own."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    with _reported(engine), unreported_write_transaction(engine) as connection:
        yield connection


@contextmanager
def read_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    with _reported(engine), engine.connect() as connection, connection.begin():
        yield connection
