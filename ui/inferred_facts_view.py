"""The facts a workspace upgrade inferred from wording, listed until their author confirms them."""

import streamlit as st

from canvases.wording_inference import awaiting_confirmation, confirm_inferred
from models.access import Action
from ui import state, ui_messages
from ui.literal_markdown import literal


def show_facts_to_confirm() -> None:
    """A closed expander naming each inferred fact, with one button that confirms them all in the draft."""
    facts = awaiting_confirmation(state.draft())
    if not facts or not state.can(Action.SAVE):
        return
    with st.expander(ui_messages.FACTS_TO_CONFIRM.format(count=len(facts)), icon="🔎"):
        st.markdown(ui_messages.FACTS_TO_CONFIRM_INTRO)
        st.markdown("\n".join(f"- {literal(fact.describe())}" for fact in facts))  # markdown: escaped by literal
        st.button(ui_messages.CONFIRM_FACTS, on_click=_confirm, args=(len(facts),))


def _confirm(count: int) -> None:
    confirm_inferred(state.draft())
    state.bump_epoch()  # the tables' "To confirm" ticks are drawn from the draft again
    state.flash("success", ui_messages.FACTS_CONFIRMED.format(count=count))
