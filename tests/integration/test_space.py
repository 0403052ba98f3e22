"""Storage grows with what changed: blobs are shared between versions and between workspaces."""

import pytest

from models.validation import validate_workspace_data
from storage.memory import InMemoryWorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from tests.integration.workspaces import edited, large_workspace

Measured = SqlWorkspaceRepository | InMemoryWorkspaceRepository


@pytest.fixture
def measured(repo: Measured) -> Measured:
    return repo


def test_a_one_field_change_of_a_canvas_adds_under_5_percent_of_a_snapshot(measured: Measured) -> None:
    workspace = large_workspace(100)
    measured.save("big", workspace)
    snapshot = measured.stored_bytes()
    measured.save("big", edited(workspace, "Context 50", purpose="changed in the workshop"), parent=1)
    added = measured.stored_bytes() - snapshot
    assert 0 < added < 0.05 * snapshot, (added, snapshot)


def test_a_one_field_change_of_a_relationship_adds_under_5_percent_of_a_snapshot(measured: Measured) -> None:
    workspace = large_workspace(100)
    measured.save("big", workspace)
    snapshot = measured.stored_bytes()
    data = workspace.model_dump(mode="json")
    data["relationships"][40]["data_contract"] = not data["relationships"][40]["data_contract"]
    measured.save("big", validate_workspace_data(data), parent=1)
    added = measured.stored_bytes() - snapshot
    assert 0 < added < 0.05 * snapshot, (added, snapshot)


def test_identical_content_is_stored_once(measured: Measured) -> None:
    workspace = large_workspace(100)
    measured.save("one", workspace)
    snapshot = measured.stored_bytes()
    measured.save("copy", workspace)  # a duplicated workspace
    measured.save("one", edited(workspace, "Context 1", purpose="x"), parent=1)
    measured.save("one", workspace, parent=2)  # back to the first content: no new blob at all
    assert measured.stored_bytes() - snapshot < 0.05 * snapshot
