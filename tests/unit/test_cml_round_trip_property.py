"""Any valid workspace exports as CML that imports without errors and keeps its map, names made identifiers."""

from hypothesis import HealthCheck, given, settings

from formats.cml.cml_reader import parse_cml_workspace
from formats.cml.cml_writer import CmlIdentifiers, export_cml, plan_cml_identifiers
from models.bounded_context import BoundedContextCanvas, DomainType
from models.workspace import Workspace
from tests.unit.test_cml_fixtures import map_of
from tests.unit.workspace_strategies import name, workspaces

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def plain(identifier: str) -> str:
    """The name an identifier imports as: without the ^ that escapes a keyword."""
    return identifier.removeprefix("^")


def expected_map(workspace: Workspace, ids: CmlIdentifiers) -> dict[str, object]:
    """The map of `workspace` with every name replaced by the identifier the export gives it."""
    parties = {name: plain(identifier) for name, identifier in ids.parties.items()}
    renamed = workspace.model_copy(
        update={
            "bounded_contexts": [
                c.model_copy(
                    update={
                        "name": parties[c.name],
                        "owner_team": plain(ids.teams[c.owner_team]) if c.owner_team else None,
                    }
                )
                for c in workspace.bounded_contexts
            ],
            "external_systems": [s.model_copy(update={"name": parties[s.name]}) for s in workspace.external_systems],
            "teams": [t.model_copy(update={"name": plain(ids.teams[t.name])}) for t in workspace.teams],
            "relationships": [
                r.model_copy(update={"upstream": parties[r.upstream], "downstream": parties[r.downstream]})
                for r in workspace.relationships
            ],
        }
    )
    return map_of(renamed)


@FAST
@given(workspaces())
def test_an_exported_workspace_imports_back_with_the_same_map(workspace: Workspace) -> None:
    result = parse_cml_workspace(export_cml(workspace), "exported.cml")
    assert map_of(result.workspace) == expected_map(workspace, plan_cml_identifiers(workspace))


@FAST
@given(workspaces())
def test_an_exported_workspace_keeps_its_texts_and_classification(workspace: Workspace) -> None:
    again = parse_cml_workspace(export_cml(workspace), "exported.cml").workspace
    kept = [DomainType.CORE, DomainType.SUPPORTING, DomainType.GENERIC]
    assert [(c.purpose, c.business_model, c.evolution) for c in again.bounded_contexts] == [
        (c.purpose, c.business_model, c.evolution) for c in workspace.bounded_contexts
    ]
    assert [c.domain for c in again.bounded_contexts] == [
        c.domain if c.domain in kept else None for c in workspace.bounded_contexts
    ]
    assert [t.description for t in again.teams] == [t.description for t in workspace.teams]
    assert [s.description for s in again.external_systems] == [s.description for s in workspace.external_systems]
    assert [r.implementation_technology for r in again.relationships] == [
        "" if r.pattern.value == "separate_ways" else r.implementation_technology for r in workspace.relationships
    ]


@FAST
@given(name)
def test_any_name_becomes_an_identifier_that_parses_as_a_context_name(context_name: str) -> None:
    workspace = Workspace(name=context_name, bounded_contexts=[BoundedContextCanvas(name=context_name)])
    result = parse_cml_workspace(export_cml(workspace), "exported.cml")
    assert [c.name for c in result.workspace.bounded_contexts] == [
        plain(plan_cml_identifiers(workspace).parties[context_name])
    ]
