"""A workshop loses nothing: drafts kept on the server, links that name the workspace, the example offered once,
and others' saves announced and taken into one's own draft."""

import re
from pathlib import Path
from typing import cast

from streamlit.testing.v1 import AppTest

from storage.sql import SqlWorkspaceRepository
from tests.ui.conftest import new_session
from tests.ui.driver import key
from tests.ui.flows import (
    BOUNDED_CONTEXTS,
    WORKSPACES,
    click,
    create_workspace,
    save,
    stored_repository,
    stored_workspace,
)
from ui import state

EXAMPLE = "Home Valuation Platform"


def purpose_field(at: AppTest) -> str:
    at.switch_page(BOUNDED_CONTEXTS).run()
    return key(at, "bounded_context", 0, "purpose")


def purpose(at: AppTest) -> str:
    """The purpose of the first context as the Bounded Context Canvas shows it."""
    field = purpose_field(at)
    return str(at.text_area(key=field).value)


def type_purpose(at: AppTest, text: str) -> None:
    field = purpose_field(at)
    at.text_area(key=field).input(text).run()
    assert not at.exception, at.exception


def sidebar_texts(at: AppTest) -> list[str]:
    return [m.value for m in [*at.sidebar.info, *at.sidebar.warning, *at.sidebar.success, *at.sidebar.caption]]


def test_a_draft_comes_back_after_a_reload_marked_unsaved_since_its_first_change(app: AppTest, data_dir: Path) -> None:
    type_purpose(app, "Typed before the reload")
    reloaded = new_session()
    texts = sidebar_texts(reloaded)
    assert purpose(reloaded) == "Typed before the reload"
    texts += sidebar_texts(reloaded)
    assert any(re.fullmatch(r"Unsaved changes since \d\d:\d\d", t) for t in texts), texts
    assert any(t.startswith("Restored your unsaved changes from ") and "version 1" in t for t in texts), texts
    assert stored_workspace(data_dir, EXAMPLE)["bounded_contexts"][0]["purpose"] != "Typed before the reload"


def test_a_saved_draft_leaves_nothing_behind_and_a_discarded_one_is_gone_everywhere(
    app: AppTest, data_dir: Path
) -> None:
    type_purpose(app, "Saved at once")
    assert "Saved" in save(app)
    assert new_session().session_state[state.FIRST_CHANGE] is None  # nothing restored: the save was the draft

    type_purpose(app, "Thrown away")
    app.button(key="discard-button").click().run()
    assert purpose(app) == "Saved at once"
    reloaded = new_session()
    assert purpose(reloaded) == "Saved at once"
    assert not any("Unsaved changes" in t for t in sidebar_texts(reloaded))


def test_a_discarded_draft_leaves_each_editor_on_the_canvas_it_showed(app: AppTest, data_dir: Path) -> None:
    """Discarding once put every editor back on its first canvas, where the next thing typed went unnoticed."""
    app.switch_page(BOUNDED_CONTEXTS).run()
    picker = app.selectbox(key=key(app, state.PICK, "bounded_context"))
    third = picker.options[2]
    picker.select_index(2).run()
    field = key(app, "bounded_context", 2, "purpose")
    app.text_area(key=field).input("Thrown away").run()
    app.button(key="discard-button").click().run()
    assert not app.exception, app.exception
    assert app.selectbox(key=key(app, state.PICK, "bounded_context")).value == 2
    assert app.text_input(key=key(app, "bounded_context", 2, "name")).value == third
    assert app.text_area(key=key(app, "bounded_context", 2, "purpose")).value != "Thrown away"


def test_drafts_are_kept_per_person(app: AppTest, data_dir: Path) -> None:
    app.sidebar.text_input(key="author-input").input("Ana").run()
    type_purpose(app, "Ana's words")
    bo = new_session()
    bo.sidebar.text_input(key="author-input").input("Bo").run()
    assert purpose(bo) != "Ana's words"
    bo.sidebar.text_input(key="author-input").input("Ana").run()  # the same person in another browser
    assert purpose(bo) == "Ana's words"


def test_switching_workspace_with_unsaved_changes_asks_first_and_keeps_them_as_a_draft(
    app: AppTest, data_dir: Path
) -> None:
    create_workspace(app, "Second")
    assert "Saved" in save(app)
    example_id = next(s.workspace_id for s in stored_repository(data_dir).list_workspaces() if s.name == EXAMPLE)
    app.switch_page(WORKSPACES).run()
    app.button(key=f"open-{example_id}").click().run()
    type_purpose(app, "Half-finished thought")
    second_id = next(s.workspace_id for s in stored_repository(data_dir).list_workspaces() if s.name == "Second")
    app.switch_page(WORKSPACES).run()
    app.button(key=f"open-{second_id}").click().run()
    assert app.session_state[state.WORKSPACE_ID] == example_id  # not yet: asked first
    assert any("stay as your draft" in w.value for w in app.warning)
    click(app, "Open 'Second'")
    assert app.session_state[state.WORKSPACE_ID] == second_id
    app.button(key=f"open-{example_id}").click().run()
    assert purpose(app) == "Half-finished thought"


def test_a_link_opens_its_workspace_and_the_url_follows_the_open_workspace(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, "Linked")
    linked_id = app.session_state[state.WORKSPACE_ID]
    assert app.query_params[state.WORKSPACE_PARAM] in (linked_id, [linked_id])
    assert new_session().session_state[state.WORKSPACE_ID] == linked_id  # no link: where this person was last
    example_id = next(s.workspace_id for s in stored_repository(data_dir).list_workspaces() if s.name == EXAMPLE)
    shared = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=30)
    shared.query_params[state.WORKSPACE_PARAM] = example_id
    shared.run()
    assert shared.session_state[state.WORKSPACE_ID] == example_id


def test_the_example_is_offered_on_the_first_start_only(app: AppTest, data_dir: Path) -> None:
    app.checkbox(key="delete-confirm").check().run()
    click(app, "Delete workspace")
    again = new_session()
    assert stored_repository(data_dir).list_workspaces() == []
    assert again.session_state[state.WORKSPACE_ID] is None
    assert any("No workspace is open" in i.value for i in again.info)


def test_a_save_by_someone_else_is_announced_and_taken_into_the_draft(app: AppTest, data_dir: Path) -> None:
    app.sidebar.text_input(key="author-input").input("Ana").run()
    bo = new_session()
    bo.sidebar.text_input(key="author-input").input("Bo").run()
    bo.switch_page(WORKSPACES).run()
    bo.text_area(key=key(bo, "workspace", 0, "description")).input("Bo's unsaved description").run()
    type_purpose(app, "Ana's saved purpose")
    assert "as version 2" in save(app)

    bo.run()  # the sidebar panel looks every few seconds; a run is one look
    texts = sidebar_texts(bo)
    notice = next(t for t in texts if t.startswith("Version 2 saved by Ana at "))
    assert re.fullmatch(r"Version 2 saved by Ana at \d\d:\d\d:\d\d: 1 context changed\.", notice), notice
    assert any(t.startswith("Here now: Ana (") for t in texts), texts
    click(bo, "Take it into my draft")
    draft = bo.session_state[state.DRAFT]
    assert draft["bounded_contexts"][0]["purpose"] == "Ana's saved purpose"
    assert draft["description"] == "Bo's unsaved description"
    assert bo.session_state[state.BASE_VERSION] == 2
    assert not any(t.startswith("Version 2 saved by") for t in sidebar_texts(bo))
    assert "as version 3" in save(bo)
    stored = stored_workspace(data_dir, EXAMPLE)
    assert (stored["description"], stored["bounded_contexts"][0]["purpose"]) == (
        "Bo's unsaved description",
        "Ana's saved purpose",
    )


def test_a_failing_database_keeps_the_draft_in_the_browser_and_says_so(app: AppTest, data_dir: Path) -> None:
    type_purpose(app, "Typed before the database broke")
    cast(
        SqlWorkspaceRepository, state.repository()
    ).close()  # the app's own connections: the next step opens the damaged file anew
    for name in ("workbench.db", "workbench.db-wal", "workbench.db-shm"):
        if (data_dir / name).exists():
            (data_dir / name).write_bytes(b"this is not a database " * 1000)
    type_purpose(app, "Typed while it is broken")
    assert not app.exception
    warnings = [w.value for w in app.sidebar.warning]
    assert any(w.startswith("Your changes are only in this browser for now: The database file ") for w in warnings)
    assert purpose(app) == "Typed while it is broken"


def test_a_link_or_a_reload_opens_the_editor_on_the_canvas_it_showed(app: AppTest, data_dir: Path) -> None:
    app.switch_page(BOUNDED_CONTEXTS).run()
    picker = app.selectbox(key=key(app, state.PICK, "bounded_context"))
    third = str(picker.options[2])
    picker.select_index(2).run()
    assert app.query_params[state.CANVAS_PARAM] in (third, [third])  # the URL follows the picker
    workspace_id = app.session_state[state.WORKSPACE_ID]

    reloaded = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=30)
    reloaded.query_params[state.WORKSPACE_PARAM] = workspace_id
    reloaded.query_params[state.CANVAS_PARAM] = third
    reloaded.switch_page(BOUNDED_CONTEXTS).run()
    assert not reloaded.exception, reloaded.exception
    assert reloaded.text_input(key=key(reloaded, "bounded_context", 2, "name")).value == third

    # Once the editor has shown the linked canvas, the picker decides.
    reloaded.selectbox(key=key(reloaded, state.PICK, "bounded_context")).select_index(0).run()
    assert reloaded.selectbox(key=key(reloaded, state.PICK, "bounded_context")).value == 0
    first = str(reloaded.selectbox(key=key(reloaded, state.PICK, "bounded_context")).options[0])
    assert reloaded.query_params[state.CANVAS_PARAM] in (first, [first])
