"""Any valid workspace comes back unchanged from every backend, in its newest and its older versions."""

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings

from models.workspace import Workspace
from storage.repository import WorkspaceRepository
from tests.integration.conftest import BACKENDS, open_backend
from tests.unit.workspace_strategies import workspaces

COUNTER = itertools.count()


@pytest.fixture(scope="module", params=BACKENDS)
def shared_repo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkspaceRepository]:
    # One database per backend for all examples: a fresh one per example would dominate the run time.
    with open_backend(request.param, tmp_path_factory.mktemp(request.param)) as repository:
        yield repository


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(first=workspaces(), second=workspaces())
def test_any_workspace_round_trips_through_each_backend(
    shared_repo: WorkspaceRepository, first: Workspace, second: Workspace
) -> None:
    workspace_id = f"rt{next(COUNTER)}"
    shared_repo.save(workspace_id, first)
    result = shared_repo.save(workspace_id, second, parent=1)
    assert shared_repo.load(workspace_id) == second
    assert shared_repo.load(workspace_id, 1) == first
    assert result.created == (first != second)
