"""Who is using this browser session: the identity from the sign-in provider (st.login), or, without a provider,
the one person of the local tool with the name they typed."""

import streamlit as st

from services.access import Person, local_person
from ui import ui_messages
from ui.literal_markdown import literal


def provider_configured() -> bool:
    """A provider is configured when the secrets hold an [auth] section (Streamlit's own rule for st.login)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


def current_person(typed_name: str) -> Person:
    if not provider_configured():
        return local_person(typed_name)
    user = st.user
    if not user.is_logged_in:
        return Person(name="", signed_in=True)  # nobody: a member of no workspace, so allowed nothing
    name, email, subject = (str(user.get(k) or "") for k in ("name", "email", "sub"))
    return Person(name=name or email, email=email, subject=subject, signed_in=True)


def require_sign_in() -> bool:
    """With a provider and nobody signed in, the sign-in page is all this session shows (no workspace, no data)."""
    if not provider_configured() or st.user.is_logged_in:
        return True
    st.title("Architecture Canvas Workbench")
    st.write(ui_messages.SIGN_IN_NEEDED)
    if st.button("Sign in", type="primary", icon="🔑", key="sign-in"):
        st.login()
    return False


def show_signed_in(person: Person) -> None:
    """The sidebar's identity line: who is signed in (never editable) and a way out."""
    st.caption(ui_messages.SIGNED_IN_AS.format(who=literal(person.author)))
    if st.button("Sign out", icon="🚪", key="sign-out"):
        st.logout()
