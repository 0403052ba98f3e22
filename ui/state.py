"""Session-state keys and the one place that initialises and changes them."""

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from services import access, configuration, inferred_facts, room, workspaces
from services.access import Action, Person, local_person
from services.workspaces import StorageUnavailable, VersionInfo, WorkspaceRepository
from ui import sign_in, ui_messages

WORKSPACE_ID = "workspace_id"
DRAFT = "draft"  # the workspace being edited, as JSON-like data
SAVED = "saved"  # the workspace as last loaded or saved, to mark unsaved changes
EPOCH = "epoch"  # part of every widget key: bumped to rebuild widgets from the draft
SELECTED = "selected_canvas"  # canvas kind -> index of the canvas shown in its editor
FLASH = "flash"  # (level, text) shown once after a rerun
AUTHOR = "author"
BASE_VERSION = "base_version"  # the version the draft was loaded or saved as: the parent of the next save
PENDING = "pending_merge"  # a save that met conflicting newer edits; the draft stays until it is resolved
DATABASE_URL = "database_url"  # a database picked in this session instead of the configured one
MESSAGE_ROUND = "message_round"  # part of the save-message key, so the field empties after a save
VIEWED_VERSION = "viewed_version"  # the old version shown read-only on the History page
FIRST_CHANGE = "first_change"  # when the draft's first unsaved change was made (UTC), None while all is saved
KEPT_DRAFT = "kept_draft"  # the draft as last kept on the server (JSON text), to write only what changed
SESSION = "session"  # this browser session's id, for the list of who is here
PAGE = "page"  # the title of the page this session shows
ARRIVAL = "arrival"  # the newer version someone else saved, with what it changed, while it is not taken
SWITCH_TO = "switch_to"  # a workspace to open once the person confirms leaving unsaved changes as a draft
WORKSPACE_PARAM = "workspace"  # the URL's query parameter that names the open workspace
CANVAS_PARAM = "canvas"  # the URL's query parameter that names the canvas a canvas editor shows
CANVAS_LINKS_FOLLOWED = "canvas_links_followed"  # the canvas kinds whose editor has read CANVAS_PARAM
FULL_RUN = "full_run"  # True while the whole app runs; False in a run of one fragment (a part of a sheet)
SHEET_PARTS = "sheet_parts"  # the parts of the canvas sheet drawn in this full run, filled with problems at its end
SHOWN_PROBLEMS = "shown_problems"  # the draft's problems (path, message) as the page last showed them
SHOWN_DIRTY = "shown_dirty"  # whether the sidebar last said there are unsaved changes


@st.cache_resource
def _open_repository(folder: str, url: str | None) -> WorkspaceRepository:
    repo = configuration.open_repository(Path(folder), url=url)
    # Once per app process, not per command: a read (a diff against the database, a backup) never writes versions.
    inferred_facts.infer_stored_facts(repo)
    workspaces.ensure_example_workspace(repo)
    return repo


def repository() -> WorkspaceRepository:
    """The repository of the configured (or picked) database, opened once; raises StorageUnavailable."""
    return _open_repository(str(configuration.data_folder()), st.session_state.get(DATABASE_URL))


def repository_problem() -> str | None:
    """Why the database cannot be used, or None. A failed open is not cached, so a fix is seen at once."""
    try:
        repository()
    except StorageUnavailable as error:
        return str(error)
    return None


def init_state() -> None:
    st.session_state.setdefault(EPOCH, 0)
    st.session_state.setdefault(SELECTED, {})
    st.session_state.setdefault(FLASH, None)
    st.session_state.setdefault(AUTHOR, "")
    st.session_state.setdefault(MESSAGE_ROUND, 0)
    st.session_state.setdefault(SESSION, uuid.uuid4().hex)
    if WORKSPACE_ID not in st.session_state:
        st.session_state[WORKSPACE_ID] = None
        if repository_problem() is not None:
            return  # the Workspaces page explains and offers another database
        first = first_workspace()
        if first is not None:
            open_workspace(first)


def begin_full_run() -> None:
    st.session_state[FULL_RUN] = True
    st.session_state[SHEET_PARTS] = []


def end_full_run() -> None:
    st.session_state[FULL_RUN] = False


def in_full_run() -> bool:
    """False while only a fragment reruns: app.py's code, which sets it, runs in full runs only."""
    return bool(st.session_state.get(FULL_RUN, True))


def first_workspace() -> str | None:
    """What a new browser session opens: the workspace its link names, else the one this person had open last;
    else none, and the Workspaces page lists them all."""
    repo = repository()
    readable = {s.workspace_id for s in workspaces.list_workspaces(repo, person=person()) if s.problem is None}
    linked = st.query_params.get(WORKSPACE_PARAM)
    if linked in readable:
        return linked
    last = room.last_workspace(repo, person=person())
    if last in readable:
        return last
    return next(iter(readable)) if len(readable) == 1 else None


def open_workspace(workspace_id: str) -> None:
    """Opens the newest version, or this person's kept draft of the workspace with the version it started from."""
    repo = repository()
    kept = room.restore_draft(repo, workspace_id, person=person())
    base = (
        kept.base_version
        if kept is not None
        else workspaces.list_history(repo, workspace_id, person=person())[0].number
    )
    saved = workspaces.load_workspace(repo, workspace_id, person=person(), version=base).model_dump(mode="json")
    if st.session_state.get(WORKSPACE_ID) != workspace_id:
        st.session_state[SELECTED] = {}  # another workspace; the same one again (a discard) keeps each editor's canvas
        if st.session_state.get(WORKSPACE_ID) is not None:
            st.query_params.pop(CANVAS_PARAM, None)  # it named a canvas of the workspace open before
    st.session_state[WORKSPACE_ID] = workspace_id
    st.session_state[DRAFT] = kept.data if kept is not None else copy.deepcopy(saved)
    st.session_state[SAVED] = saved
    st.session_state[BASE_VERSION] = base
    st.session_state[FIRST_CHANGE] = kept.first_change_at if kept is not None else None
    st.session_state[KEPT_DRAFT] = None
    st.session_state[PENDING] = None
    st.session_state[ARRIVAL] = None
    st.session_state[VIEWED_VERSION] = None
    st.query_params[WORKSPACE_PARAM] = workspace_id
    if kept is not None:
        when = kept.first_change_at.astimezone().strftime("%H:%M")
        flash("info", ui_messages.DRAFT_RESTORED.format(when=when, base=base))
    bump_epoch()


def discard_draft() -> None:
    """Drops the person's draft here and on the server, and opens the newest version."""
    room.discard_draft(repository(), st.session_state[WORKSPACE_ID], person=person())
    open_workspace(st.session_state[WORKSPACE_ID])


def change_person(name: str) -> None:
    """The sidebar name changed: an unsaved draft moves to the new name; a clean session takes up the draft the
    new name has kept of this workspace, if any."""
    old, workspace_id = author(), st.session_state.get(WORKSPACE_ID)
    st.session_state[AUTHOR] = name
    if workspace_id is None:
        return
    if is_dirty():
        room.discard_draft(repository(), workspace_id, person=local_person(old))
        st.session_state[KEPT_DRAFT] = None  # kept under the new name at the end of this run
    elif room.restore_draft(repository(), workspace_id, person=local_person(name)) is not None:
        open_workspace(workspace_id)


def keep_link() -> None:
    """The URL names the open workspace, so a reload keeps it and a copied link opens it for someone else."""
    workspace_id = st.session_state.get(WORKSPACE_ID)
    if workspace_id is not None and st.query_params.get(WORKSPACE_PARAM) != workspace_id:
        st.query_params[WORKSPACE_PARAM] = workspace_id


def follow_canvas_link(kind: str, names: list[str]) -> None:
    """A link or a reload that names a canvas opens its editor on it. Read once per session and kind: after that
    the picker decides, and the URL follows it (link_canvas)."""
    followed: set[str] = st.session_state.setdefault(CANVAS_LINKS_FOLLOWED, set())
    if kind in followed:
        return
    followed.add(kind)
    linked = st.query_params.get(CANVAS_PARAM)
    if linked in names:
        select(kind, names.index(linked))


def link_canvas(name: str) -> None:
    """The URL names the canvas shown, so a reload or a copied link opens the editor on the same canvas."""
    if st.query_params.get(CANVAS_PARAM) != name:
        st.query_params[CANVAS_PARAM] = name


def close_workspace() -> None:
    st.session_state[WORKSPACE_ID] = None
    for key in (DRAFT, SAVED, BASE_VERSION, PENDING, VIEWED_VERSION, FIRST_CHANGE, KEPT_DRAFT, ARRIVAL):
        st.session_state.pop(key, None)
    st.query_params.pop(WORKSPACE_PARAM, None)


def draft() -> dict[str, Any]:
    return st.session_state[DRAFT]  # type: ignore[no-any-return]


def has_workspace() -> bool:
    return st.session_state.get(WORKSPACE_ID) is not None


def is_dirty() -> bool:
    return has_workspace() and st.session_state[DRAFT] != st.session_state[SAVED]


def mark_saved(data: dict[str, Any], version: int | None = None) -> None:
    st.session_state[DRAFT] = data
    st.session_state[SAVED] = copy.deepcopy(data)
    st.session_state[FIRST_CHANGE] = None
    if version is not None:
        st.session_state[BASE_VERSION] = version


def record_decision(change: Callable[[dict[str, Any]], None], version: VersionInfo) -> None:
    """A decision stored at once as `version` (an acceptance, say) is applied to the draft and to what counts
    as saved, so it never shows as unsaved. The draft moves onto that version only when it directly follows
    the one the draft started from: otherwise the versions between hold others' changes the draft lacks."""
    change(st.session_state[DRAFT])
    change(st.session_state[SAVED])
    if version.parent == st.session_state.get(BASE_VERSION):
        st.session_state[BASE_VERSION] = version.number


def bump_epoch() -> None:
    """Rebuild every editor widget from the draft (after loading, adding or deleting canvases)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.endswith(TABLE_BASE_SUFFIX)]:
        del st.session_state[key]
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1


def widget_key(*parts: object) -> str:
    return "|".join(str(p) for p in (st.session_state[EPOCH], *parts))


def author() -> str:
    """The name this person gave in the sidebar (or on a form) of the local tool, for versions and decisions."""
    return str(st.session_state.get(AUTHOR, ""))


def person() -> Person:
    """Who acts in this session: the signed-in identity, or the local tool's person with the typed name."""
    return sign_in.current_person(author())


def acting_as(typed_name: str) -> Person:
    """Who signs a note or a decision: the signed-in identity whatever a form says, or the local tool's person
    with the name typed on the form."""
    if sign_in.provider_configured():
        return person()
    return local_person(typed_name.strip())


def role() -> str | None:
    workspace_id = st.session_state.get(WORKSPACE_ID)
    found = None if workspace_id is None else access.role_in(repository(), workspace_id, person())
    return None if found is None else str(found)


def can(action: Action) -> bool:
    """Whether the person's role in the open workspace allows `action`, to show only the controls they may use."""
    workspace_id = st.session_state.get(WORKSPACE_ID)
    return workspace_id is not None and access.may_do(repository(), workspace_id, person(), action)


AUTHOR_INPUT = "author-input"  # the sidebar's "Your name" field
AUTHOR_TYPED = "author_typed"  # a name typed on a form, put into the sidebar's field on the next run


def remember_author(name: str) -> None:
    """A name typed on a form (who accepts, who reviews) becomes the sidebar's name from the next run on;
    the sidebar's field is drawn before the page, so it cannot take it in this run."""
    if name.strip() and name.strip() != author():
        st.session_state[AUTHOR_TYPED] = name.strip()


def take_typed_author() -> None:
    """Before the sidebar's field is drawn: a name remembered from a form becomes its value."""
    typed = st.session_state.pop(AUTHOR_TYPED, None)
    if typed:
        st.session_state[AUTHOR_INPUT] = typed


def flash(level: str, text: str) -> None:
    st.session_state[FLASH] = (level, text)


def selected_index(kind: str) -> int:
    return int(st.session_state[SELECTED].get(kind, 0))


def select(kind: str, index: int) -> None:
    st.session_state[SELECTED][kind] = index


# Context map page: its view options, finding filters and forms keep their values across reruns.
RELATIONSHIP_KIND = "relationship"  # SELECTED key of the relationship shown in the editor
MAP_VIEW = "map_view"
MAP_FOCUS_CONTEXT = "map_focus_context"
MAP_CLUSTERS = "map_clusters"
MAP_DETAIL = "map_detail"
MAP_DIRECTION = "map_direction"
FINDINGS_SEVERITY = "findings_severity"
FINDINGS_RULE = "findings_rule"
FINDINGS_STATUS = "findings_status"
FINDINGS_CONTEXT = "findings_context"
FINDING_PICKED = "finding_picked"
ACCEPT_REASON = "accept_reason"
ACCEPT_BY = "accept_by"
ACCEPT_UNTIL = "accept_until"
MAP_INTERACTIVE = "map_interactive"
MAP_TAB = "map_tab"  # the open tab under the map; only its content is drawn

MAP_LEVER = "map_lever"  # asked for the biggest lever of a large map

# Print & export page.
EXPORT_REPORT = "export_report"  # {"file", "pdf", "warnings", "source", "size"} of the last report built
EXPORT_PAGE_SIZE = "export-page-size"
EXPORT_KIND = "export-kind"

# Compare page: which versions; History's "Compare with the newest" sets them before switching pages.
COMPARE_HOW = "compare-how"
COMPARE_PICKED = "picked"  # the COMPARE_HOW choice of two versions picked by hand
COMPARE_OLD = "compare-old"
COMPARE_NEW = "compare-new"
PICK = "pick"  # with a canvas kind, the widget key of the canvas (or relationship) picker
TABLE_BASE_SUFFIX = "::base"  # a table editor's key + this: the rows it was first given
TABLE_START_SUFFIX = "::start"  # a table editor's key + this: the button that stands for it while it is empty
TABLE_TO_OPEN = "table_to_open"  # the key of the empty table whose button was clicked: drawn as a grid in this run
SAVE_MESSAGE = "save-message"  # with MESSAGE_ROUND: the save message field's key


def message_key() -> str:
    """The save message's widget key; a new round after each save empties the field."""
    return f"{SAVE_MESSAGE}-{st.session_state[MESSAGE_ROUND]}"


ADD_PROBLEM = "add-problem"  # with a canvas kind: why the last click on its Add did not add


def add_problem_key(kind: str) -> str:
    return f"{ADD_PROBLEM}:{kind}"


def table_base_key(key: str) -> str:
    return f"{key}{TABLE_BASE_SUFFIX}"
