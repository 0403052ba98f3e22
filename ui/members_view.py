"""Who may do what in the open workspace: the members and their roles; owners add, change and remove them."""

import streamlit as st

from services import access
from services.access import Action, PermissionDenied, Role
from ui import state, ui_messages
from ui.literal_markdown import literal

ROLE_HELP = {
    Role.OWNER: "everything an editor may, and manage members, delete, restore",
    Role.EDITOR: "everything a reviewer may, and save",
    Role.REVIEWER: "read, export, comment, approve, accept risks",
    Role.VIEWER: "read and export",
}


def render_members() -> None:
    """The member list for everyone who may read the workspace; the add and remove controls for its owners."""
    workspace_id, person = st.session_state[state.WORKSPACE_ID], state.person()
    role = access.role_in(state.repository(), workspace_id, person)
    with st.expander("Members and roles", icon="👥"):
        st.markdown(ui_messages.YOUR_ROLE.format(role=role or "none"))  # markdown: a role name
        members = access.list_members(state.repository(), workspace_id, person)
        st.markdown("\n".join(f"- {literal(m.person)}: **{m.role}**" for m in members))  # markdown: roles escaped
        st.caption(" · ".join(f"{r}: {ROLE_HELP[r]}" for r in Role))  # markdown: the roles' fixed texts
        if state.can(Action.MANAGE_MEMBERS):
            _member_form(workspace_id)


def _member_form(workspace_id: str) -> None:
    with st.form("member-form", clear_on_submit=True, border=False):
        email = st.text_input("E-mail", placeholder="name@example.org", key="member-email")
        role = st.selectbox("Role", list(Role), index=1, format_func=str)
        add, remove = st.columns(2)
        adding = add.form_submit_button("Add or change", icon="➕")
        removing = remove.form_submit_button("Remove", icon="➖")
    if not (adding or removing):
        return
    try:
        if adding:
            access.add_member(
                state.repository(), workspace_id, state.person(), email=email, role=Role(role or Role.EDITOR)
            )
            state.flash("success", ui_messages.MEMBER_ADDED.format(email=literal(email.strip().lower()), role=role))
        else:
            access.remove_member(state.repository(), workspace_id, state.person(), email=email)
            state.flash("info", ui_messages.MEMBER_REMOVED.format(email=literal(email.strip().lower())))
    except (ValueError, PermissionDenied) as error:
        st.error(literal(str(error)))
        return
    st.rerun()
