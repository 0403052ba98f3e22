"""Stored workspaces of schema 1 are upgraded once, as a new version by the workbench that lists its inferences;
their earlier versions stay exactly as they were saved."""

from models.bounded_context import BoundedContextCanvas, MetricKind, VerificationMetric
from models.workspace import Workspace
from services.inferred_facts import infer_stored_facts
from storage.repository import WorkspaceRepository


def _old_workspace() -> Workspace:
    metrics = [VerificationMetric(metric="Population stability index of the inputs")]
    return Workspace(
        schema_version=1,
        name="Old",
        bounded_contexts=[BoundedContextCanvas(name="Pricing", verification_metrics=metrics)],
    )


def test_the_newest_schema_1_version_is_upgraded_once_with_its_inferences_listed(repo: WorkspaceRepository) -> None:
    repo.save("old", _old_workspace(), author="Ada", message="first")
    repo.save("current", Workspace(name="Current"), author="Ada", message="first")

    done = infer_stored_facts(repo)

    assert list(done) == ["old"]
    newest = repo.load("old")
    assert newest.schema_version == 2
    metric = newest.bounded_contexts[0].verification_metrics[0]
    assert (metric.kind, metric.kind_inferred) == (MetricKind.DRIFT, True)
    version = repo.list_versions("old")[0]
    assert version.author.startswith("workbench")
    assert version.message.splitlines() == [
        "Upgraded to workspace schema 2: 1 fact inferred from wording, to confirm on the canvases:",
        "- Pricing › Verification Metrics: 'Population stability index of the inputs' → Drift or data quality",
    ]
    assert repo.load("old", 1).schema_version == 1  # history is never rewritten
    assert len(repo.list_versions("current")) == 1
    assert infer_stored_facts(repo) == {}  # the second start finds nothing to do
    assert len(repo.list_versions("old")) == 2
