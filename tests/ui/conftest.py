"""AppTest fixtures: each test gets its own data folder, so the app starts as on a fresh machine."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from services import configuration

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(configuration.DATA_DIR_VARIABLE, str(tmp_path))
    monkeypatch.delenv(configuration.DATABASE_URL_VARIABLE, raising=False)  # the SQLite file in tmp_path
    yield tmp_path
    st.cache_resource.clear()


@pytest.fixture
def app(data_dir: Path) -> AppTest:
    return new_session()


def new_session() -> AppTest:
    """A fresh browser session against the same data folder (a reload)."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at
