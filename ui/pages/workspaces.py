"""Workspaces: pick, create, rename, duplicate, delete, import and export; edit teams and external systems."""

from pathlib import Path

import streamlit as st

from canvases.workspace_settings import WORKSPACE_SETTINGS
from models.validation import WorkspaceInvalid, validate_workspace_data
from services import configuration, downloads, files, workspaces
from services.access import Action
from ui import members_view, state, ui_messages
from ui.canvas_page import finish_form
from ui.form import FormContext, render_section
from ui.literal_markdown import literal


def switch_to(summary: workspaces.WorkspaceSummary) -> None:
    if summary.workspace_id == st.session_state[state.WORKSPACE_ID]:
        return
    if state.is_dirty():  # asked first: the open workspace has unsaved changes
        st.session_state[state.SWITCH_TO] = summary.workspace_id
    else:
        state.open_workspace(summary.workspace_id)
    st.rerun()


def confirm_switch(summaries: list[workspaces.WorkspaceSummary]) -> None:
    """Leaving unsaved changes loses nothing (they stay as the person's draft), but it is said before it happens."""
    target = next((s for s in summaries if s.workspace_id == st.session_state.get(state.SWITCH_TO)), None)
    if target is None or not state.is_dirty():
        st.session_state[state.SWITCH_TO] = None
        return
    since = st.session_state.get(state.FIRST_CHANGE)
    when = since.astimezone().strftime("%H:%M") if since else ""
    st.warning(ui_messages.LEAVING_DRAFT.format(name=literal(state.draft()["name"]), when=when), icon="✏️")
    go, stay = st.columns(2)
    if go.button(f"Open '{literal(target.name)}'", key="switch-confirm", type="primary"):
        st.session_state[state.SWITCH_TO] = None
        state.open_workspace(target.workspace_id)
        st.rerun()
    if stay.button("Stay here", key="switch-cancel"):
        st.session_state[state.SWITCH_TO] = None
        st.rerun()


def workspace_list(summaries: list[workspaces.WorkspaceSummary]) -> None:
    st.subheader("Your workspaces")
    current = st.session_state[state.WORKSPACE_ID]
    for summary in summaries:
        left, right = st.columns([0.75, 0.25], vertical_alignment="center")
        icon = "▶ " if summary.workspace_id == current else ""
        left.markdown(f"{icon}**{literal(summary.name)}**  \n:gray[updated {summary.updated_at:%Y-%m-%d %H:%M} UTC]")
        if summary.problem:
            left.error(ui_messages.CANNOT_BE_OPENED.format(problem=literal(summary.problem)), icon="⚠️")
        elif right.button("Open", key=f"open-{summary.workspace_id}", disabled=summary.workspace_id == current):
            switch_to(summary)


def create_form() -> None:
    with st.form("create-workspace", clear_on_submit=True):
        name = st.text_input("Name of the new workspace", key="create-name")
        if st.form_submit_button("Create workspace", icon="➕"):
            if not name.strip():
                st.error(ui_messages.NAME_THE_WORKSPACE)
            else:
                kept = draft_kept_note()
                state.open_workspace(
                    workspaces.create_workspace(state.repository(), name.strip(), person=state.person())
                )
                state.flash("success", ui_messages.CREATED.format(name=literal(name.strip())) + kept)
                st.rerun()


def draft_kept_note() -> str:
    """Said when another workspace opens while this one has unsaved changes: they stay as this one's draft."""
    if not state.is_dirty():
        return ""
    return " " + ui_messages.DRAFT_KEPT.format(name=literal(state.draft()["name"]))


@st.cache_data(max_entries=2, show_spinner=False)
def read_cml(raw: bytes, filename: str) -> files.CmlImport:
    """Read once per uploaded file, not on every rerun of the page (a large model takes seconds)."""
    return files.preview_cml_upload(raw, filename)


def listed(lines: list[str]) -> str:
    """Lines of a file's problems or warnings as a Markdown list, each shown as typed."""
    return "\n".join(ui_messages.LISTED_LINE.format(line=literal(line)) for line in lines)


def open_imported(workspace_id: str, name: str, summary: str) -> None:
    kept = draft_kept_note()
    state.open_workspace(workspace_id)
    state.flash("success", ui_messages.IMPORTED.format(name=literal(name), summary=summary) + kept)
    st.rerun()


def cml_import(raw: bytes, filename: str) -> None:
    """A Context Mapper model: what it will create is shown first, and created only when confirmed."""
    try:
        preview = files.summarise_cml_import(read_cml(raw, filename))
    except files.WorkspaceFileError as error:
        st.error(ui_messages.NOTHING_CAN_BE_IMPORTED.format(lines=listed(str(error).splitlines())))
        return
    counts = "\n".join(f"- {count} {what}" for what, count in preview.counts if count)
    counts = counts or ui_messages.CML_PREVIEW_EMPTY
    st.info(ui_messages.CML_PREVIEW.format(file=literal(filename), name=literal(preview.workspace_name), counts=counts))
    if preview.relationships_by_pattern:
        st.caption(
            "Relationships: " + ", ".join(f"{label} {count}" for label, count in preview.relationships_by_pattern)
        )
    if preview.warnings:
        st.warning(ui_messages.IMPORTED_WITH_WARNINGS.format(lines=listed(preview.warnings)))
    if st.button("Create workspace from this model", icon="📥", key="import-cml-button"):
        workspace_id, workspace = workspaces.import_cml_workspace(
            state.repository(), raw, filename, person=state.person()
        )
        open_imported(workspace_id, workspace.name, workspaces.describe_workspace(workspace))


def import_form() -> None:
    upload = st.file_uploader(
        "Import a workspace file (.json) or a Context Mapper model (.cml, or a .zip of a model's .cml files)",
        type=["json", "cml", "zip"],
        key="import-file",
        max_upload_size=files.MAX_FILE_BYTES // (1024 * 1024),
    )
    if upload is not None and upload.name.lower().endswith((".cml", ".zip")):
        cml_import(upload.getvalue(), upload.name)
        return
    if upload is not None and st.button("Import as new workspace", icon="📥", key="import-button"):
        try:
            workspace_id, workspace = workspaces.import_workspace(
                state.repository(), upload.getvalue(), upload.name, person=state.person()
            )
        except files.WorkspaceFileError as error:
            st.error(ui_messages.NOTHING_IMPORTED.format(lines=listed(str(error).splitlines())))
            return
        open_imported(workspace_id, workspace.name, workspaces.describe_workspace(workspace))


def current_actions() -> None:
    data = state.draft()
    workspace_id = st.session_state[state.WORKSPACE_ID]
    columns = st.columns(3)
    try:
        filename, payload = downloads.export_workspace(validate_workspace_data(data))
        columns[0].download_button(
            "Export workspace file", payload, filename, "application/json", icon="📤", key="export-button"
        )
    except WorkspaceInvalid:
        columns[0].button("Export workspace file", disabled=True, help=ui_messages.FIX_PROBLEMS_FIRST, key="export-off")
    try:
        cml_name, cml_payload = downloads.export_cml_workspace(validate_workspace_data(data))
        columns[0].download_button(
            "Export CML",
            cml_payload,
            cml_name,
            "text/plain",
            icon="🗺️",
            key="export-cml-button",
            help="The context map as a Context Mapper model (.cml); canvas content CML cannot hold becomes comments.",
        )
    except WorkspaceInvalid:
        columns[0].button("Export CML", disabled=True, help=ui_messages.FIX_PROBLEMS_FIRST, key="export-cml-off")
    with columns[1].popover("Duplicate", icon="📑"):
        copy_name = st.text_input("Name of the copy", value=f"{data['name']} (copy)", key="duplicate-name")
        if st.button("Duplicate saved version", key="duplicate-button", disabled=not copy_name.strip()):
            workspaces.duplicate_workspace(state.repository(), workspace_id, copy_name.strip(), person=state.person())
            state.flash("success", ui_messages.DUPLICATED.format(name=literal(copy_name.strip())))
            st.rerun()
    if not state.can(Action.DELETE):
        return
    with columns[2].popover("Delete", icon="🗑️"):
        st.write(ui_messages.CONFIRM_DELETE_WORKSPACE.format(name=literal(data["name"])))
        if st.checkbox("Yes, delete this workspace", key="delete-confirm") and st.button(
            "Delete workspace", type="primary", key="delete-button"
        ):
            workspaces.delete_workspace(state.repository(), workspace_id, person=state.person())
            state.close_workspace()
            state.flash("info", ui_messages.DELETED_WORKSPACE.format(name=literal(data["name"])))
            st.rerun()


def settings() -> None:
    data = state.draft()
    ctx = FormContext(WORKSPACE_SETTINGS, data, 0, scope="", contexts=[c["name"] for c in data["bounded_contexts"]])
    for section in WORKSPACE_SETTINGS.sections:
        render_section(ctx, section)
    finish_form(ctx)


def database_picker(problem: str) -> None:
    """The app still starts when the database is damaged: say why, and offer to open or start another one."""
    st.error(problem, icon="🛑")
    suggestion = str(configuration.data_folder() / "workbench-new.db")
    with st.form("database-picker"):
        choice = st.text_input(
            "Open another database: a SQLite file (created when missing) or a URL such as postgresql+psycopg://…",
            value=suggestion,
            key="database-choice",
        )
        if st.form_submit_button("Open this database", icon="🗄️") and choice.strip():
            text = choice.strip()
            st.session_state[state.DATABASE_URL] = text if "://" in text else f"sqlite:///{Path(text).expanduser()}"
            st.session_state.pop(state.WORKSPACE_ID, None)  # init_state opens a workspace of the new database
            st.rerun()


st.title("Workspaces")
if problem := state.repository_problem():
    database_picker(problem)
    st.stop()
summaries = workspaces.list_workspaces(state.repository(), person=state.person())
left, right = st.columns([0.45, 0.55], gap="large")
with left:
    confirm_switch(summaries)
    workspace_list(summaries)
    create_form()
    import_form()
with right:
    if state.has_workspace():
        st.subheader(f"Open: {literal(state.draft()['name']) or '(unnamed)'}")
        current_actions()
        members_view.render_members()
        if state.can(Action.SAVE):
            settings()
    elif summaries or not state.person().signed_in:
        st.info(ui_messages.NO_WORKSPACE_OPEN_HERE)
    else:
        st.info(ui_messages.NO_WORKSPACE_SHARED.format(email=literal(state.person().email)))
