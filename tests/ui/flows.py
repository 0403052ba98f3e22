"""User flows shared by the AppTest suites: create a workspace, add canvases, save, find what was stored."""

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from services import configuration
from storage.sql import SqlWorkspaceRepository
from tests.ui.driver import key, open_table

WORKSPACES = "ui/pages/workspaces.py"
BOUNDED_CONTEXTS = "ui/pages/bounded_contexts.py"
ARCHITECTURE = "ui/pages/architecture_canvases.py"
API_PRODUCTS = "ui/pages/api_products.py"


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def create_workspace(at: AppTest, name: str, team: str = "Team Ω") -> None:
    at.switch_page(WORKSPACES).run()
    at.text_input(key="create-name").input(name)
    click(at, "Create workspace")
    open_table(at, key(at, "workspace", 0, "teams"))
    at.session_state[key(at, "workspace", 0, "teams")] = {
        "edited_rows": {},
        "added_rows": [{"name": team, "description": "owns things"}],
        "deleted_rows": [],
    }
    at.run()


def add_context(at: AppTest, name: str) -> None:
    at.switch_page(BOUNDED_CONTEXTS).run()
    at.text_input(key=key(at, "new", "bounded_context")).input(name).run()
    at.button(key=key(at, "add", "bounded_context")).click().run()
    assert not at.exception, at.exception


def save(at: AppTest) -> str:
    at.button(key="save-button").click().run()
    assert not at.exception, at.exception
    messages = [m.value for m in at.sidebar.success] + [m.value for m in at.sidebar.error]
    return "\n".join(m for m in messages if m != "All changes saved")


def stored_repository(data_dir: Path) -> SqlWorkspaceRepository:
    """The database the app uses for this data folder, opened as a second process would."""
    return configuration.open_repository(data_dir)


def stored_workspace(data_dir: Path, name: str) -> dict[str, Any]:
    repo = stored_repository(data_dir)
    summary = next(s for s in repo.list_workspaces() if s.name == name)
    return repo.load(summary.workspace_id).model_dump(mode="json")


def open_stored(at: AppTest, data_dir: Path, name: str) -> None:
    repo = stored_repository(data_dir)
    summary = next(s for s in repo.list_workspaces() if s.name == name)
    at.switch_page(WORKSPACES).run()
    button = [b for b in at.button if b.key == f"open-{summary.workspace_id}"]
    if button and not button[0].disabled:
        button[0].click().run()
