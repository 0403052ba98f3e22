"""Workspaces: pick, create, rename, duplicate, delete, import and export; edit teams and external systems."""

from pathlib import Path

import streamlit as st

from canvases.workspace_settings import WORKSPACE_SETTINGS
from models.validation import WorkspaceInvalid, validate_workspace_data
from services import configuration, downloads, files, workspaces
from ui import state
from ui.canvas_page import finish_form
from ui.form import FormContext, render_section
from ui.literal_markdown import literal


def switch_to(summary: workspaces.WorkspaceSummary) -> None:
    if summary.workspace_id == st.session_state[state.WORKSPACE_ID]:
        return
    if state.is_dirty():
        st.warning("This workspace has unsaved changes. Save them or discard them (sidebar) before opening another.")
        return
    state.open_workspace(summary.workspace_id)
    st.rerun()


def workspace_list(summaries: list[workspaces.WorkspaceSummary]) -> None:
    st.subheader("Your workspaces")
    current = st.session_state[state.WORKSPACE_ID]
    for summary in summaries:
        left, right = st.columns([0.75, 0.25], vertical_alignment="center")
        marker = "▶ " if summary.workspace_id == current else ""
        left.markdown(f"{marker}**{literal(summary.name)}**  \n:gray[updated {summary.updated_at:%Y-%m-%d %H:%M} UTC]")
        if summary.problem:
            left.error(f"Cannot be opened: {literal(summary.problem)}", icon="⚠️")
        elif right.button("Open", key=f"open-{summary.workspace_id}", disabled=summary.workspace_id == current):
            switch_to(summary)


def create_form() -> None:
    with st.form("create-workspace", clear_on_submit=True):
        name = st.text_input("Name of the new workspace", key="create-name")
        if st.form_submit_button("Create workspace", icon="➕"):
            if not name.strip():
                st.error("Give the new workspace a name.")
            elif state.is_dirty():
                st.error("Save or discard the unsaved changes of the open workspace first.")
            else:
                state.open_workspace(workspaces.create_workspace(state.repository(), name.strip()))
                state.flash("success", f"Created workspace '{literal(name.strip())}'.")
                st.rerun()


@st.cache_data(max_entries=2, show_spinner=False)
def read_cml(raw: bytes, filename: str) -> files.CmlImport:
    """Read once per uploaded file, not on every rerun of the page (a large model takes seconds)."""
    return files.preview_cml_upload(raw, filename)


def open_imported(workspace_id: str, name: str, summary: str) -> None:
    if state.is_dirty():
        state.flash("success", f"Imported '{literal(name)}'. It is listed above; save your open work first.")
    else:
        state.open_workspace(workspace_id)
        state.flash("success", f"Imported '{literal(name)}': {summary}.")
    st.rerun()


def cml_import(raw: bytes, filename: str) -> None:
    """A Context Mapper model: what it will create is shown first, and created only when confirmed."""
    try:
        preview = files.summarise_cml_import(read_cml(raw, filename))
    except files.WorkspaceFileError as error:
        st.error("Nothing can be imported:\n\n" + "\n".join(f"- {literal(line)}" for line in str(error).splitlines()))
        return
    counts = "\n".join(f"- {count} {what}" for what, count in preview.counts if count)
    new_name = literal(preview.workspace_name)
    st.info(f"**{literal(filename)}** becomes the new workspace **{new_name}** with:\n\n{counts or '- nothing'}")
    if preview.relationships_by_pattern:
        st.caption(
            "Relationships: " + ", ".join(f"{label} {count}" for label, count in preview.relationships_by_pattern)
        )
    if preview.warnings:
        st.warning("Imported all the same:\n\n" + "\n".join(f"- {literal(warning)}" for warning in preview.warnings))
    if st.button("Create workspace from this model", icon="📥", key="import-cml-button"):
        workspace_id, workspace = workspaces.import_cml_workspace(state.repository(), raw, filename)
        open_imported(workspace_id, workspace.name, workspaces.describe_workspace(workspace))


def import_form() -> None:
    upload = st.file_uploader(
        "Import a workspace file (.json) or a Context Mapper model (.cml)",
        type=["json", "cml"],
        key="import-file",
        max_upload_size=files.MAX_FILE_BYTES // (1024 * 1024),
    )
    if upload is not None and upload.name.lower().endswith(".cml"):
        cml_import(upload.getvalue(), upload.name)
        return
    if upload is not None and st.button("Import as new workspace", icon="📥", key="import-button"):
        try:
            workspace_id, workspace = workspaces.import_workspace(state.repository(), upload.getvalue(), upload.name)
        except files.WorkspaceFileError as error:
            st.error("Nothing was imported:\n\n" + "\n".join(f"- {literal(line)}" for line in str(error).splitlines()))
            return
        if state.is_dirty():
            state.flash(
                "success", f"Imported '{literal(workspace.name)}'. It is listed above; save your open work first."
            )
        else:
            state.open_workspace(workspace_id)
            state.flash("success", f"Imported '{literal(workspace.name)}': {workspaces.describe_workspace(workspace)}.")
        st.rerun()


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
        columns[0].button(
            "Export workspace file", disabled=True, help="Fix the problems shown first.", key="export-off"
        )
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
        columns[0].button("Export CML", disabled=True, help="Fix the problems shown first.", key="export-cml-off")
    with columns[1].popover("Duplicate", icon="📑"):
        copy_name = st.text_input("Name of the copy", value=f"{data['name']} (copy)", key="duplicate-name")
        if st.button("Duplicate saved version", key="duplicate-button", disabled=not copy_name.strip()):
            workspaces.duplicate_workspace(state.repository(), workspace_id, copy_name.strip())
            state.flash("success", f"Created '{literal(copy_name.strip())}' from the last saved version.")
            st.rerun()
    with columns[2].popover("Delete", icon="🗑️"):
        st.write(f"Delete **{literal(data['name'])}** and everything in it? This cannot be undone.")
        if st.checkbox("Yes, delete this workspace", key="delete-confirm") and st.button(
            "Delete workspace", type="primary", key="delete-button"
        ):
            workspaces.delete_workspace(state.repository(), workspace_id)
            state.close_workspace()
            state.flash("info", f"Deleted workspace '{literal(data['name'])}'.")
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
summaries = workspaces.list_workspaces(state.repository())
left, right = st.columns([0.45, 0.55], gap="large")
with left:
    workspace_list(summaries)
    create_form()
    import_form()
with right:
    if state.has_workspace():
        st.subheader(f"Open: {literal(state.draft()['name']) or '(unnamed)'}")
        current_actions()
        settings()
    else:
        st.info("No workspace is open. Open one from the list or create a new one.")
