"""Session-state keys and the one place that initialises and changes them."""

import copy
from pathlib import Path
from typing import Any

import streamlit as st

import services
from storage.repository import WorkspaceRepository

WORKSPACE_ID = "workspace_id"
DRAFT = "draft"  # the workspace being edited, as JSON-like data
SAVED = "saved"  # the workspace as last loaded or saved, to mark unsaved changes
EPOCH = "epoch"  # part of every widget key: bumped to rebuild widgets from the draft
SELECTED = "selected_canvas"  # canvas kind -> index of the canvas shown in its editor
FLASH = "flash"  # (level, text) shown once after a rerun
AUTHOR = "author"


@st.cache_resource
def _open_repository(folder: str) -> WorkspaceRepository:
    repo = services.open_repository(Path(folder))
    services.ensure_example_workspace(repo)
    return repo


def repository() -> WorkspaceRepository:
    """The repository of the configured data folder, opened once per folder."""
    return _open_repository(str(services.data_folder()))


def init_state() -> None:
    st.session_state.setdefault(EPOCH, 0)
    st.session_state.setdefault(SELECTED, {})
    st.session_state.setdefault(FLASH, None)
    st.session_state.setdefault(AUTHOR, "")
    if WORKSPACE_ID not in st.session_state:
        readable = [s for s in repository().list_workspaces() if s.problem is None]
        if readable:
            open_workspace(readable[0].workspace_id)
        else:
            st.session_state[WORKSPACE_ID] = None


def open_workspace(workspace_id: str) -> None:
    workspace = repository().load(workspace_id)
    data = workspace.model_dump(mode="json")
    st.session_state[WORKSPACE_ID] = workspace_id
    st.session_state[DRAFT] = data
    st.session_state[SAVED] = copy.deepcopy(data)
    st.session_state[SELECTED] = {}
    bump_epoch()


def close_workspace() -> None:
    st.session_state[WORKSPACE_ID] = None
    st.session_state.pop(DRAFT, None)
    st.session_state.pop(SAVED, None)


def draft() -> dict[str, Any]:
    return st.session_state[DRAFT]  # type: ignore[no-any-return]


def has_workspace() -> bool:
    return st.session_state.get(WORKSPACE_ID) is not None


def is_dirty() -> bool:
    return has_workspace() and st.session_state[DRAFT] != st.session_state[SAVED]


def mark_saved(data: dict[str, Any]) -> None:
    st.session_state[DRAFT] = data
    st.session_state[SAVED] = copy.deepcopy(data)


def bump_epoch() -> None:
    """Rebuild every editor widget from the draft (after loading, adding or deleting canvases)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.endswith("::base")]:
        del st.session_state[key]
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1


def widget_key(*parts: object) -> str:
    return "|".join(str(p) for p in (st.session_state[EPOCH], *parts))


def flash(level: str, text: str) -> None:
    st.session_state[FLASH] = (level, text)


def selected_index(kind: str) -> int:
    return int(st.session_state[SELECTED].get(kind, 0))


def select(kind: str, index: int) -> None:
    st.session_state[SELECTED][kind] = index
