"""The one-line summary after a save or an import counts what the pages show."""

from models.validation import validate_workspace_data
from services.workspaces import describe_workspace


def test_relationships_are_counted_as_the_context_map_shows_them() -> None:
    implied = validate_workspace_data(
        {
            "name": "Shop",
            "bounded_contexts": [
                {"name": "Orders", "outbound": [{"collaborator": "Pricing", "pattern": "customer_supplier"}]},
                {"name": "Pricing", "inbound": [{"collaborator": "Orders", "pattern": "customer_supplier"}]},
            ],
        }
    )
    assert implied.relationships == []  # nothing declared on the map itself: the canvases imply one
    assert (
        describe_workspace(implied)
        == "2 bounded contexts, 0 architecture canvases, 0 API product canvases, 1 relationship"
    )
    declared = validate_workspace_data(
        {**implied.model_dump(mode="json"), "relationships": [{"upstream": "Pricing", "downstream": "Orders"}]}
    )
    assert describe_workspace(declared).endswith(", 1 relationship")  # the same edge, counted once
