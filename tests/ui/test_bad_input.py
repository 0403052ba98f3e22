"""Bad input gets a message next to the field, the rest of the form is kept, and nothing is saved."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from formats.workspace_json.workspace_file import WorkspaceFileError
from models import messages
from services import workspaces
from services.access import local_person
from tests.ui.driver import key, open_lane_details, open_table, problems_below
from tests.ui.flows import add_context, create_workspace, save, stored_repository, stored_workspace
from ui.literal_markdown import literal

WORKSPACE = "Bad input"


def prepared(app: AppTest) -> None:
    create_workspace(app, WORKSPACE)
    add_context(app, "Alpha")
    add_context(app, "Beta")
    assert "Saved" in save(app)
    app.selectbox(key=key(app, "pick", "bounded_context")).set_value(0).run()
    app.text_area(key=key(app, "bounded_context", 0, "purpose")).input("Typed in the workshop").run()


def assert_refused_and_kept(app: AppTest, data_dir: Path) -> None:
    before = stored_workspace(data_dir, WORKSPACE)
    assert "Not saved" in save(app)
    assert stored_workspace(data_dir, WORKSPACE) == before
    assert app.text_area(key=key(app, "bounded_context", 0, "purpose")).value == "Typed in the workshop"
    assert any("Unsaved changes" in w.value for w in app.sidebar.warning)


def test_an_empty_context_name_is_reported_below_the_name_field(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    name_key = key(app, "bounded_context", 0, "name")
    app.text_input(key=name_key).input("   ").run()
    assert problems_below(app, name_key) == [literal(messages.EMPTY_NAME.format(what="A bounded context"))]
    assert_refused_and_kept(app, data_dir)


def test_a_duplicate_context_name_is_reported_below_the_name_field(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    name_key = key(app, "bounded_context", 0, "name")
    app.text_input(key=name_key).input("Beta").run()
    assert problems_below(app, name_key) == [literal(messages.DUPLICATE_CONTEXT.format(name="Beta"))]
    assert_refused_and_kept(app, data_dir)


def test_a_control_character_in_a_name_is_reported_below_the_name_field(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    name_key = key(app, "bounded_context", 0, "name")
    app.text_input(key=name_key).input("Pricing\x1b[31m").run()
    expected = messages.CONTROL_CHARACTER.format(code="U+001B", position=8)
    assert problems_below(app, name_key) == [literal(expected)]
    assert_refused_and_kept(app, data_dir)


def test_an_impossible_collaborator_pattern_is_reported_in_its_swimlane(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    app.selectbox(key=key(app, "bounded_context", 0, "inbound:add")).set_value("Beta").run()
    app.button(key=key(app, "bounded_context", 0, "inbound:add-button")).click().run()
    lane = ("bounded_context", "0:inbound[0]")
    open_lane_details(app, lane[1])
    app.radio(key=key(app, *lane, "pattern")).set_value("customer_supplier").run()
    app.radio(key=key(app, *lane, "side")).set_value("downstream").run()
    app.multiselect(key=key(app, *lane, "roles")).set_value(["CF"]).run()
    expected = literal(messages.CUSTOMER_SUPPLIER_CF.format(name="this context"))
    assert expected in [e.value for e in app.error]
    assert_refused_and_kept(app, data_dir)
    # Closed, the lane still shows its problems; one inside a field not drawn names that field.
    app.number_input(key=key(app, *lane, "timeout_ms")).set_value(-5).run()
    app.session_state[key(app, *lane, "details")] = False
    app.run()
    assert not [w for w in app.multiselect if w.key == key(app, *lane, "roles")]
    errors = [e.value for e in app.error]
    assert [e for e in errors if e.startswith("Timeout (ms): ") and "greater than or equal to 0" in e], errors
    open_lane_details(app, lane[1])
    app.number_input(key=key(app, *lane, "timeout_ms")).set_value(500).run()
    app.multiselect(key=key(app, *lane, "roles")).set_value(["ACL"]).run()
    assert expected not in [e.value for e in app.error]
    assert "Saved" in save(app)
    assert stored_workspace(data_dir, WORKSPACE)["bounded_contexts"][0]["inbound"][0]["roles"] == ["ACL"]


def test_a_broken_table_row_names_its_row_and_column(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    metrics_key = key(app, "bounded_context", 0, "verification_metrics")
    open_table(app, metrics_key)
    app.session_state[metrics_key] = {"edited_rows": {}, "added_rows": [{"source": "live_system"}], "deleted_rows": []}
    app.run()
    errors = [e.value for e in app.error]
    assert any(e.startswith("Row 1 › metric:") for e in errors), errors
    assert_refused_and_kept(app, data_dir)


def test_a_file_that_is_not_a_workspace_is_refused_with_its_name_and_nothing_stored(
    app: AppTest, data_dir: Path
) -> None:
    repo = stored_repository(data_dir)
    stored_before = repo.list_workspaces()
    broken = {"schema_version": 1, "name": "X", "bounded_contexts": [{"name": "A", "domain": "central"}]}
    try:
        workspaces.import_workspace(repo, json.dumps(broken).encode(), "team.json", person=local_person())
    except WorkspaceFileError as error:
        assert "team.json: bounded_contexts[0].domain:" in str(error)
    else:
        raise AssertionError("a bad file was imported")
    assert repo.list_workspaces() == stored_before


def test_a_save_after_someone_deleted_the_workspace_says_so_and_keeps_the_draft(app: AppTest, data_dir: Path) -> None:
    prepared(app)
    repo = stored_repository(data_dir)
    repo.delete(next(s.workspace_id for s in repo.list_workspaces() if s.name == WORKSPACE))
    assert "deleted meanwhile" in save(app)
    assert WORKSPACE not in [s.name for s in repo.list_workspaces()]  # nothing half-written, no new workspace
    assert app.text_area(key=key(app, "bounded_context", 0, "purpose")).value == "Typed in the workshop"
    assert any("Unsaved changes" in w.value for w in app.sidebar.warning)
