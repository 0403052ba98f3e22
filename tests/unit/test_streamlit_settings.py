"""The Streamlit settings every start of the app uses (.streamlit/config.toml, read from the project's root)."""

from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


def test_no_full_garbage_collection_after_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's collection after each run held the run's last messages back by about 150 ms on the example
    (benchmarks/bench_ui.py --streamlit-gc compares): every edit in a workshop waited for it."""
    monkeypatch.chdir(
        ROOT
    )  # Streamlit reads .streamlit/config.toml of the working directory, as scripts/run.sh runs it
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("runner.postScriptGC") is False
        assert config.get_option("server.maxUploadSize") == 20  # the same file was read, not only the defaults
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
