"""Importing a Context Mapper model: a preview of what will be created, nothing stored until confirmed."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from models.workspace import Workspace
from services import configuration
from tests.ui.flows import BOUNDED_CONTEXTS, WORKSPACES, click
from tests.unit.test_cml_fixtures import FIXTURES
from ui.literal_markdown import literal

TEAM_MAP = FIXTURES / "insurance-example" / "Insurance-Example_Team-Map.cml"


def stored_names(data_dir: Path) -> list[str]:
    """The workspaces in the app's store, read through the same service the app uses."""
    return sorted(summary.name for summary in configuration.open_repository(data_dir).list_workspaces())


def stored(data_dir: Path, name: str) -> Workspace:
    repo = configuration.open_repository(data_dir)
    return repo.load(next(s.workspace_id for s in repo.list_workspaces() if s.name == name))


def upload(app: AppTest, name: str, content: bytes) -> None:
    app.switch_page(WORKSPACES).run()
    app.file_uploader(key="import-file").set_value((name, content, "text/plain"))
    app.run()
    assert not app.exception, app.exception


def test_a_cml_model_is_previewed_before_anything_is_stored(app: AppTest, data_dir: Path) -> None:
    upload(app, TEAM_MAP.name, TEAM_MAP.read_bytes())
    preview = next(i.value for i in app.info if literal(TEAM_MAP.name) in i.value)
    assert "becomes the new workspace **InsuranceTeamMap** with:" in preview
    assert "- 4 bounded context canvases\n- 3 relationships\n- 3 teams\n" in preview
    assert "- 4 API product canvases (from aggregates)\n- 2 team relationships kept in the team map" in preview
    assert "Relationships: Customer/Supplier 1, Partnership 1, Upstream/Downstream 1" in [c.value for c in app.caption]
    warnings = [w.value for w in app.warning]
    assert any(
        literal("line 22, column 2: The relationship CustomersBackofficeTeam [U,S]->[D,C]") in w for w in warnings
    )
    assert stored_names(data_dir) == ["Home Valuation Platform"]


def test_confirming_the_preview_creates_and_opens_the_workspace(app: AppTest, data_dir: Path) -> None:
    upload(app, TEAM_MAP.name, TEAM_MAP.read_bytes())
    click(app, "Create workspace from this model")
    assert stored_names(data_dir) == ["Home Valuation Platform", "InsuranceTeamMap"]
    assert app.sidebar.markdown[0].value == "### InsuranceTeamMap"
    workspace = stored(data_dir, "InsuranceTeamMap")
    assert [c.name for c in workspace.bounded_contexts] == [
        "CustomerManagementContext",
        "CustomerSelfServiceContext",
        "PolicyManagementContext",
        "RiskManagementContext",
    ]
    assert [c.owner_team for c in workspace.bounded_contexts] == [
        "CustomersBackofficeTeam",
        "CustomersFrontofficeTeam",
        "ContractsTeam",
        "ContractsTeam",
    ]
    assert any("Imported 'InsuranceTeamMap': 4 bounded contexts" in s.value for s in app.sidebar.success)
    assert workspace.context_mapper.team_relationships[0].upstream == "CustomersBackofficeTeam"


def test_the_bounded_context_page_shows_what_the_model_said_beyond_the_canvas(app: AppTest) -> None:
    upload(app, TEAM_MAP.name, TEAM_MAP.read_bytes())
    click(app, "Create workspace from this model")
    app.switch_page(BOUNDED_CONTEXTS).run()
    (kept,) = [e for e in app.expander if e.label == "From Context Mapper (kept for the export)"]
    facts = "\n".join(m.value for m in kept.markdown)
    assert "- **Type:** FEATURE" in facts
    assert "- **Implementation technology:** Java\\, JEE Application" in facts  # shown escaped, as typed
    assert "- **Implements:** CustomerManagementDomain" in facts


def test_a_model_with_errors_shows_them_located_and_offers_no_import(app: AppTest, data_dir: Path) -> None:
    broken = b"ContextMap {\n contains A, B\n A [U]->[D,OHS] B\n}\nBoundedContext A\nBoundedContext B\n"
    upload(app, "broken.cml", broken)
    errors = [e.value for e in app.error]
    assert len(errors) == 1
    assert errors[0].startswith(
        "Nothing can be imported:\n\n- " + literal("broken.cml: line 3, column 12: OHS belong to the upstream")
    )
    assert not any(b.label == "Create workspace from this model" for b in app.button)
    assert stored_names(data_dir) == ["Home Valuation Platform"]


def test_the_open_workspace_offers_a_cml_download_beside_the_workspace_file(app: AppTest) -> None:
    app.switch_page(WORKSPACES).run()
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Export workspace file", "Export CML"]
