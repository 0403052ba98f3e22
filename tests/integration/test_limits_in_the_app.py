"""A workspace built up in the app meets the same limits as a file: before analysis and before a save."""

import datetime as dt
import json

import pytest

from models.validation import WorkspaceInvalid
from services import analysing, saving
from services.access import local_person
from storage.repository import WorkspaceRepository
from tests.integration.workspaces import small_workspace

PAST = "holds 3 relationships; the limit is 2 (set WORKBENCH_MAX_RELATIONSHIPS to change it)."


def draft_with_three_relationships() -> dict[str, object]:
    data = small_workspace().model_dump(mode="json")
    data["relationships"] = [
        {"upstream": "Pricing", "downstream": "Orders"},
        {"upstream": "Orders", "downstream": "Pricing"},
        {"upstream": "Pricing", "downstream": "Orders", "pattern": "customer_supplier"},
    ]
    return data


def test_a_draft_past_a_limit_is_not_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_RELATIONSHIPS", "2")
    result = analysing.analyse_draft_text(json.dumps(draft_with_three_relationships()), today=dt.date(2026, 1, 1))
    assert result.analysis is None
    assert [(p.path, p.message) for p in result.problems] == [("relationships", PAST)]


def test_a_draft_past_a_limit_is_not_saved(repo: WorkspaceRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.save("w1", small_workspace())
    monkeypatch.setenv("WORKBENCH_MAX_RELATIONSHIPS", "2")
    with pytest.raises(WorkspaceInvalid) as refused:
        saving.save_workspace(repo, "w1", draft_with_three_relationships(), person=local_person("Ana"), parent=1)
    assert [(p.path, p.message) for p in refused.value.problems] == [("relationships", PAST)]
    assert [v.number for v in repo.list_versions("w1")] == [1]
