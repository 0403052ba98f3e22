"""Every section of every canvas can be filled in the app, saved, and read back after a reload."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from canvases.api_product import API_PRODUCT_CANVAS
from canvases.architecture_communication import ARCHITECTURE_COMMUNICATION_CANVAS
from canvases.bounded_context import BOUNDED_CONTEXT_CANVAS, COLLABORATOR_FIELDS, MESSAGES_FIELD
from canvases.definition import FieldKind
from canvases.paths import get_path
from tests.ui.conftest import new_session
from tests.ui.driver import fill_fields, key, open_lane_details
from tests.ui.flows import (
    API_PRODUCTS,
    ARCHITECTURE,
    BOUNDED_CONTEXTS,
    add_context,
    create_workspace,
    open_stored,
    save,
    stored_workspace,
)
from ui.communication import NEW_EXTERNAL

TEAM, WORKSPACE = "Team Ω", "Fill test"


def add_collaborator(at: AppTest, direction: str, name: str) -> None:
    at.selectbox(key=key(at, "bounded_context", 0, f"{direction}:add")).set_value(
        NEW_EXTERNAL if name.startswith("new:") else name
    ).run()
    if name.startswith("new:"):
        at.text_input(key=key(at, "bounded_context", 0, f"{direction}:new")).input(name[4:]).run()
    at.button(key=key(at, "bounded_context", 0, f"{direction}:add-button")).click().run()
    assert not at.exception, at.exception


def test_every_section_of_a_bounded_context_canvas_is_saved_and_read_back(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, WORKSPACE, TEAM)
    add_context(app, "Alpha")
    add_context(app, "Beta")
    app.selectbox(key=key(app, "pick", "bounded_context")).set_value(0).run()
    fields = [f for _, f in BOUNDED_CONTEXT_CANVAS.fields() if f.kind is not FieldKind.COMMUNICATION]
    name = 'Alpha <Ä> & "1"'
    expected = fill_fields(app, ("bounded_context", 0), fields, team=TEAM, context="Beta", overrides={"name": name})
    add_collaborator(app, "inbound", "Beta")
    add_collaborator(app, "outbound", "new:Vendor LLM")
    entry_fields = [MESSAGES_FIELD, *COLLABORATOR_FIELDS]
    open_lane_details(app, "0:inbound[0]")
    open_lane_details(app, "0:outbound[0]")
    inbound = fill_fields(
        app,
        ("bounded_context", "0:inbound[0]"),
        entry_fields,
        team=TEAM,
        context="Beta",
        overrides={
            "pattern": "customer_supplier",
            "side": "downstream",
            "roles": ["ACL"],
            "collaborator_roles": ["PL"],
        },
    )
    outbound = fill_fields(
        app,
        ("bounded_context", "0:outbound[0]"),
        entry_fields,
        team=TEAM,
        context="Beta",
        overrides={
            "pattern": "upstream_downstream",
            "side": "downstream",
            "roles": ["CF"],
            "collaborator_roles": ["OHS", "PL"],
        },
    )
    assert [e.value for e in app.error] == []
    assert f"Saved '{WORKSPACE}'" in save(app)

    stored = stored_workspace(data_dir, WORKSPACE)
    canvas = stored["bounded_contexts"][0]
    for path, value in expected.items():
        assert get_path(canvas, path) == value, path
    for direction, values, collaborator in (("inbound", inbound, "Beta"), ("outbound", outbound, "Vendor LLM")):
        entry = canvas[direction][0]
        assert entry["collaborator"] == collaborator
        for path, value in values.items():
            assert entry[path] == value, (direction, path)
    assert {"name": "Vendor LLM", "kind": "external_system"}.items() <= stored["external_systems"][0].items()

    again = new_session()
    open_stored(again, data_dir, WORKSPACE)
    again.switch_page(BOUNDED_CONTEXTS).run()
    again.selectbox(key=key(again, "pick", "bounded_context")).set_value(0).run()
    assert again.text_input(key=key(again, "bounded_context", 0, "name")).value == name
    assert again.text_area(key=key(again, "bounded_context", 0, "purpose")).value == expected["purpose"]
    assert again.multiselect(key=key(again, "bounded_context", 0, "domain_roles")).value == expected["domain_roles"]
    assert again.selectbox(key=key(again, "bounded_context", "0:inbound[0]", "collaborator")).value == "Beta"


def test_every_section_of_an_architecture_communication_canvas_is_saved(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, WORKSPACE, TEAM)
    add_context(app, "Alpha")
    app.switch_page(ARCHITECTURE).run()
    app.text_input(key=key(app, "new", "architecture_communication")).input("Landscape").run()
    app.button(key=key(app, "add", "architecture_communication")).click().run()
    fields = [f for _, f in ARCHITECTURE_COMMUNICATION_CANVAS.fields()]
    expected = fill_fields(app, ("architecture_communication", 0), fields, team=TEAM, context="Alpha")
    assert [e.value for e in app.error] == []
    assert f"Saved '{WORKSPACE}'" in save(app)
    canvas = stored_workspace(data_dir, WORKSPACE)["architecture_canvases"][0]
    for path, value in expected.items():
        assert get_path(canvas, path) == value, path
    assert canvas["components"][0]["bounded_context"] == "Alpha"


def test_every_section_of_an_api_product_canvas_is_saved(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, WORKSPACE, TEAM)
    add_context(app, "Alpha")
    app.switch_page(API_PRODUCTS).run()
    app.selectbox(key=key(app, "new", "api_product")).set_value("Alpha").run()
    app.button(key=key(app, "add", "api_product")).click().run()
    fields = [f for _, f in API_PRODUCT_CANVAS.fields()]
    expected = fill_fields(app, ("api_product", 0), fields, team=TEAM, context="Alpha")
    assert [e.value for e in app.error] == []
    assert f"Saved '{WORKSPACE}'" in save(app)
    canvas = stored_workspace(data_dir, WORKSPACE)["api_products"][0]
    for path, value in expected.items():
        assert get_path(canvas, path) == value, path
    aggregate = canvas["sync_api"]["aggregates"][0]
    assert aggregate["name"].startswith("sync_api.aggregates Aggregate")
    assert aggregate["operations"][0]["responses"].startswith("sync_api.aggregates Responses")
