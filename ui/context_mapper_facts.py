"""What a Context Mapper import kept for a context that no canvas field shows, read-only below its canvas."""

from typing import Any

import streamlit as st

from ui.literal_markdown import literal

LABELS = {
    "type": "Type",
    "implementation_technology": "Implementation technology",
    "responsibilities": "Responsibilities",
    "implements": "Implements",
    "knowledge_level": "Knowledge level",
    "refines": "Refines",
    "realizes": "Realizes",
    "business_model": "Business model as written",
    "aggregate_owners": "Aggregate owners",
}


def show_context_mapper_facts(kept: dict[str, Any]) -> None:
    """An expander listing the kept facts; nothing when the context came from the workbench itself."""
    lines = [f"- **{LABELS[key]}:** {literal(_text(value))}" for key, value in kept.items() if value and key in LABELS]
    if not lines:
        return
    with st.expander("From Context Mapper (kept for the export)", icon="🗺️"):
        st.caption("The model this context was imported from says this; the CML export writes it back as it was.")
        st.markdown("\n".join(lines))  # markdown: our labels, each value escaped by literal


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
