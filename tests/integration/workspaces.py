"""Small valid workspaces for the storage tests, and the generated 100-context one, validated."""

from typing import Any

from benchmarks.generated_maps import generated_workspace
from models.validation import validate_workspace_data
from models.workspace import Workspace


def small_workspace(name: str = "Shop", **changes: Any) -> Workspace:
    data: dict[str, Any] = {
        "name": name,
        "teams": [{"name": "Team A"}],
        "bounded_contexts": [
            {"name": "Orders", "purpose": "take orders", "owner_team": "Team A"},
            {"name": "Pricing", "purpose": "set prices"},
        ],
        "relationships": [{"upstream": "Pricing", "downstream": "Orders"}],
    }
    data.update(changes)
    return validate_workspace_data(data)


def edited(workspace: Workspace, context: str, **fields: Any) -> Workspace:
    """The workspace with fields of one bounded context changed."""
    data = workspace.model_dump(mode="json")
    for canvas in data["bounded_contexts"]:
        if canvas["name"] == context:
            canvas.update(fields)
    return validate_workspace_data(data)


def large_workspace(contexts: int = 100) -> Workspace:
    """generated_workspace builds without validation; storing needs the validated model."""
    return validate_workspace_data(generated_workspace(contexts).model_dump(mode="json"))
