"""Any valid workspace exports as CML that imports without errors and gives back everything CML can express:
the map, every name exactly, the texts and the classification; and a workspace read from CML exports and imports
back to the same workspace, Context Mapper blocks included."""

import re

from hypothesis import HealthCheck, given, settings

from formats.cml.cml_reader import parse_cml_workspace
from formats.cml.cml_writer import export_cml
from models.bounded_context import BoundedContextCanvas, DomainType
from models.workspace import Workspace
from tests.unit.test_cml_fixtures import map_of
from tests.unit.workspace_strategies import name, workspaces

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def round_trip(workspace: Workspace) -> Workspace:
    return parse_cml_workspace(export_cml(workspace), "exported.cml").workspace


def without_comments(cml: str) -> list[str]:
    """The CML statements, one per line, without comments and blank lines."""
    text = re.sub(r"/\*.*?\*/", "", cml, flags=re.DOTALL)
    lines = (re.sub(r"^\s*//.*$", "", line).strip() for line in text.split("\n"))  # as CML ends a line
    return [line for line in lines if line]


@FAST
@given(workspaces())
def test_an_exported_workspace_imports_back_with_the_same_map_and_names(workspace: Workspace) -> None:
    again = round_trip(workspace)
    assert map_of(again) == map_of(workspace)
    assert again.name == workspace.name


@FAST
@given(workspaces())
def test_an_exported_workspace_keeps_its_texts_and_classification(workspace: Workspace) -> None:
    again = round_trip(workspace)
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
    assert [[a.name for a in p.sync_api.aggregates] for p in again.api_products] == [
        [a.name for a in p.sync_api.aggregates] for p in workspace.api_products if p.sync_api.aggregates
    ]


@FAST
@given(workspaces())
def test_export_import_export_gives_the_same_cml_up_to_comments(workspace: Workspace) -> None:
    exported = export_cml(workspace)
    assert without_comments(export_cml(round_trip(workspace))) == without_comments(exported)


@FAST
@given(workspaces())
def test_a_workspace_read_from_cml_exports_and_imports_back_unchanged(workspace: Workspace) -> None:
    read = round_trip(workspace)  # a workspace as a CML import makes it, with its Context Mapper blocks
    assert round_trip(read) == read


@FAST
@given(name)
def test_any_name_survives_the_round_trip_exactly(context_name: str) -> None:
    workspace = Workspace(name=context_name, bounded_contexts=[BoundedContextCanvas(name=context_name)])
    again = round_trip(workspace)
    assert (again.name, [c.name for c in again.bounded_contexts]) == (context_name, [context_name])
