"""The history panel: every version with author, time, message and tags; open read-only, restore and tag."""

from typing import Any

import streamlit as st

from canvases import CANVASES
from models.workspace import Workspace
from services import downloads, reviews, saving, workspaces
from services.access import Action
from services.reviews import ReviewNote
from services.workspaces import SectionReading, VersionInfo, canvas_reading
from ui import layout, state, ui_messages
from ui.literal_markdown import literal

SETTINGS_LISTS = (
    ("teams", "Teams"),
    ("external_systems", "External systems"),
    ("relationships", "Relationships"),
    ("accepted_risks", "Accepted risks"),
)
LEADING_COLUMNS = ("name", "upstream", "pattern", "downstream", "rule", "subject")


def render_versions(versions: list[VersionInfo], notes: dict[int, list[ReviewNote]]) -> int:
    """The table of versions with their review state; returns the number picked below it."""
    rows = [
        {
            "Version": v.number,
            "Author": v.author or "–",
            "Saved (UTC)": v.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            "Message": v.message,
            "Tags": ", ".join(v.tags),
            "Review": reviews.review_state(notes.get(v.number, [])),
            "Parent": v.parent,
        }
        for v in versions
    ]
    st.dataframe(rows, hide_index=True, width="stretch", key="history-table")
    numbers = [v.number for v in versions]
    return int(st.selectbox("Version", numbers, format_func=lambda n: f"Version {n}", key="history-pick"))


def render_actions(version: VersionInfo, head: int) -> None:
    workspace_id = st.session_state[state.WORKSPACE_ID]
    left, middle, compare, right = st.columns(4)
    if left.button("Open read-only", icon="👁️", key="history-open"):
        st.session_state[state.VIEWED_VERSION] = version.number
        st.rerun()
    restore_help = ui_messages.RESTORE_NEWEST if version.number == head else ui_messages.RESTORE_HELP
    if state.can(Action.RESTORE) and middle.button(
        "Restore this version", icon="⏪", key="history-restore", disabled=version.number == head, help=restore_help
    ):
        _restore(workspace_id, version.number)
    if compare.button("Compare with the newest", icon="🔍", key="history-compare", disabled=version.number == head):
        # The Compare page reads its pickers from these keys.
        st.session_state.update(
            {state.COMPARE_HOW: state.COMPARE_PICKED, state.COMPARE_OLD: version.number, state.COMPARE_NEW: head}
        )
        st.switch_page("ui/pages/compare.py")
    if state.can(Action.SAVE):
        _tag_popover(right, workspace_id, version)


def _tag_popover(right: Any, workspace_id: str, version: VersionInfo) -> None:
    with right.popover("Tag", icon="🏷️"):
        tag = st.text_input("Tag or name", placeholder="after workshop 2", key="history-tag")
        if st.button("Tag this version", key="history-tag-button", disabled=not tag.strip()):
            workspaces.tag_version(state.repository(), workspace_id, version.number, tag.strip(), person=state.person())
            state.flash("success", ui_messages.TAGGED.format(number=version.number, tag=tag.strip()))
            st.rerun()
        for existing in version.tags:
            if st.button(f"Remove '{literal(existing)}'", key=f"history-untag-{existing}"):
                workspaces.untag_version(state.repository(), workspace_id, existing, person=state.person())
                st.rerun()


def _restore(workspace_id: str, number: int) -> None:
    if state.is_dirty():
        st.warning(ui_messages.SAVE_BEFORE_RESTORE)
        return
    outcome = saving.restore_version(state.repository(), workspace_id, number, person=state.person())
    layout.finish_save(outcome)
    state.bump_epoch()
    if outcome.created and outcome.version is not None:
        state.flash("success", ui_messages.RESTORED.format(number=number, new=outcome.version.number))
    st.rerun()


def render_read_only(workspace: Workspace, version: VersionInfo) -> None:
    st.info(ui_messages.READ_ONLY.format(number=version.number, name=literal(version.name)), icon="🔒")
    st.write(workspaces.describe_workspace(workspace))
    data = workspace.model_dump(mode="json")
    for canvas in CANVASES.values():
        for document in data.get(canvas.collection, []):
            with st.expander(f"{canvas.title}: {literal(str(document.get(canvas.name_field)))}"):
                render_reading(canvas_reading(canvas, document))
    with st.expander("Teams, external systems, relationships and accepted risks"):
        for title, rows in settings_tables(data):
            st.markdown(f"**{title}**")
            st.dataframe(rows, hide_index=True, width="stretch")
    name, payload = downloads.export_workspace(workspace)
    left, right = st.columns(2)
    left.download_button("Download this version", payload, f"v{version.number}-{name}", "application/json")
    if right.button("Close the read-only view", key="history-close"):
        st.session_state[state.VIEWED_VERSION] = None
        st.rerun()


def render_reading(sections: list[SectionReading]) -> None:
    if not sections:
        st.caption("Nothing filled in.")
    for section in sections:
        st.markdown(f"**{literal(section.title)}**")
        for f in section.fields:
            head = f"*{literal(f.label)}:* " if f.label else ""
            if f.rows:
                bullets = "\n".join(f"- {literal(line)}" for line in f.lines)
                st.markdown(f"{head}\n\n{bullets}" if head else bullets)
            else:
                st.markdown(head + literal(f.lines[0]))


def settings_tables(data: dict[str, Any]) -> list[tuple[str, list[dict[str, str]]]]:
    """The workspace's lists beside the canvases as table rows; lists of values joined by commas."""
    tables = []
    for key, title in SETTINGS_LISTS:
        rows = [
            {k.replace("_", " ").capitalize(): _cell(entry[k]) for k in sorted(entry, key=_column_order)}
            for entry in data.get(key, [])
        ]
        if rows:
            tables.append((title, rows))
    return tables


def _column_order(key: str) -> int:
    """Who and what first (a relationship's ends and pattern, a risk's rule and subject), the rest as stored."""
    return LEADING_COLUMNS.index(key) if key in LEADING_COLUMNS else len(LEADING_COLUMNS)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return "" if value is None else str(value)
