"""Compare versions: two saved versions' canvases side by side, the map with its changes, the findings, the review."""

import streamlit as st

from services import comparison, reviews, workspaces
from services.map_drawing import changes_dot, map_image, why_not_rendered
from ui import compare_versions, review_notes, state, ui_messages
from ui.canvas_page import require_workspace
from ui.compare_view import render_documents, render_findings_diff, render_summary
from ui.map_view import NATURAL_SIZE_UP_TO

MAP_KEY = (
    "Marks: **added** thick green · **changed** dashed orange (renamed ones say from what) · "
    "**removed** dotted grey. Each also says so in words, for greyscale prints."
)


def render_changes_map(compared: comparison.ComparedVersions) -> None:
    diff = compared.comparison.diff
    source = changes_dot(compared)
    if diff.map.is_empty:
        st.caption("Nothing on the context map changed.")
    drawn = len(compared.new_map.nodes) + len(diff.map.nodes_removed)
    if why_not_rendered("svg") is None:
        picture = map_image(source, "svg").decode("utf-8")
        caption = "Context map with the changes marked"
        if drawn > NATURAL_SIZE_UP_TO:
            st.image(picture, width="stretch", caption=caption)
        else:  # a few contexts stretched to the page width would be giant boxes
            st.image(picture, width="content", caption=caption)
    else:
        st.graphviz_chart(source, width="stretch", alt="Context map with the changes marked")
    st.caption(MAP_KEY)


def render_review_downloads(compared: comparison.ComparedVersions) -> None:
    left, right = st.columns(2)
    name, markdown = comparison.export_review(compared.comparison, "md")
    left.download_button("Download the review as Markdown", markdown, name, "text/markdown", icon="⬇️", key="compare-md")
    pdf_name = name.removesuffix(".md") + ".pdf"
    right.download_button(
        "Download the review report (PDF)",
        data=lambda: comparison.export_review(compared.comparison, "pdf")[1],
        file_name=pdf_name,
        mime="application/pdf",
        on_click="ignore",
        icon="⬇️",
        key="compare-pdf",
    )


require_workspace()
st.title("Compare versions")
workspace_id = st.session_state[state.WORKSPACE_ID]
repo = state.repository()
versions = workspaces.list_history(repo, workspace_id, person=state.person())
if len(versions) < 2:
    st.info(ui_messages.ONE_VERSION_ONLY, icon="🕓")
    st.stop()
old, new = compare_versions.pick_versions(versions)
if old.number == new.number:
    st.warning(ui_messages.SAME_VERSION_TWICE)
    st.stop()
if old.number > new.number:
    st.caption(ui_messages.OLDER_ON_THE_RIGHT)
compared = compare_versions.compare(repo, workspace_id, old, new)
render_summary(compared.comparison)
render_review_downloads(compared)
canvases_tab, map_tab, findings_tab, review_tab = st.tabs(["Canvases", "Context map", "Findings", "Review"])
with canvases_tab:
    render_documents(compared.comparison)
with map_tab:
    render_changes_map(compared)
with findings_tab:
    render_findings_diff(compared.comparison.findings)
with review_tab:
    notes = [
        n for n in reviews.list_notes(repo, workspace_id, person=state.person()) if n.number in (old.number, new.number)
    ]
    left, right = st.columns([1, 1.2])
    with left:
        review_notes.render_note_form(
            workspace_id,
            new.number,
            workspaces.load_workspace(repo, workspace_id, person=state.person(), version=new.number).model_dump(
                mode="json"
            ),
            key="compare",
        )
    with right:
        review_notes.render_notes(notes, empty=f"No review notes on versions {old.number} and {new.number} yet.")
