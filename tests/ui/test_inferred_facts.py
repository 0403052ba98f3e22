"""A workspace upgraded from schema 1 lists the facts inferred from its wording on the canvas page until its
author confirms them; the form shows each metric's kind, what it watches and the wording's suggestion."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from models.bounded_context import BoundedContextCanvas, VerificationMetric
from models.workspace import Workspace
from services import configuration
from storage.sql import SqlWorkspaceRepository
from tests.ui.conftest import new_session
from tests.ui.flows import BOUNDED_CONTEXTS, click, open_stored, save, stored_workspace

FACT = "Pricing › Verification Metrics: 'PSI of the inputs' → Drift or data quality"


def _store_schema_1_workspace(data_dir: Path) -> None:
    repo = SqlWorkspaceRepository(f"sqlite:///{data_dir / configuration.DATABASE_FILE}")
    metrics = [VerificationMetric(metric="PSI of the inputs")]
    old = Workspace(
        schema_version=1,
        name="Old",
        bounded_contexts=[BoundedContextCanvas(name="Pricing", verification_metrics=metrics)],
    )
    repo.save("old", old, author="Ada", message="first")
    repo.close()


def _notice(at: AppTest) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("Facts inferred from wording")]


def test_inferred_facts_are_listed_until_confirmed_and_the_confirmation_is_saved(data_dir: Path) -> None:
    _store_schema_1_workspace(data_dir)
    at = new_session()  # the start upgrades the stored workspace
    open_stored(at, data_dir, "Old")
    at.switch_page(BOUNDED_CONTEXTS).run()
    assert _notice(at) == ["Facts inferred from wording wait for your check (1)"]
    assert any(FACT in m.value.replace("\\", "") for m in at.markdown)  # shown escaped, as literal text
    click(at, "Confirm them as they stand")
    assert _notice(at) == []
    assert save(at).startswith("Saved")
    metric = stored_workspace(data_dir, "Old")["bounded_contexts"][0]["verification_metrics"][0]
    assert (metric["kind"], metric["kind_inferred"]) == ("drift", False)
