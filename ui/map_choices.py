"""Remembered choices of the context map page that must stay among the options offered now."""

from typing import Any

import streamlit as st


def keep_valid_choice(key: str, options: list[Any]) -> None:
    """Forgets a remembered widget choice that is no longer offered (a renamed context, a fixed rule)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        del st.session_state[key]
