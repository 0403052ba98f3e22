"""The AI coupling score with its three parts, the biggest lever, and the pass/fail gate."""

from typing import Any

import pandas as pd
import streamlit as st

from services.analysing import Score
from ui import ui_messages
from ui.literal_markdown import literal

GATE_BADGES = {"pass": ("Gate: PASS", "green", "✅"), "fail": ("Gate: FAIL", "red", "⛔")}
# The lever re-runs every rule up to eight times: about 15 s on 300 contexts, during which the page
# cannot react. Beyond this size it is computed when asked for (and then cached for the draft).
LEVER_WITHOUT_ASKING = 80
BAND_COLOURS = {"loosely coupled": "green", "moderate": "blue", "elevated": "orange", "high": "red", "critical": "red"}


def render_score_summary(score: Score, counts: dict[str, int]) -> Any:
    """Score, band and gate in one row; returns the slot the biggest lever goes in once it is known."""
    number, gate, tally = st.columns([1, 1.5, 1.5], vertical_alignment="center")
    with number:
        st.metric(
            "AI coupling score",
            f"{score.value} / 100",
            help="0–100, higher means more tightly coupled: findings (A), structural pain (B), propagation (C). "
            "The Score tab explains each part.",
            border=True,
        )
    with gate:
        label, colour, icon = GATE_BADGES.get(score.gate, ("Gate: " + score.gate.upper(), "gray", "❔"))
        st.badge(label, color=colour, icon=icon)  # type: ignore[arg-type]
        st.badge(score.band, color=BAND_COLOURS.get(score.band, "gray"))  # type: ignore[arg-type]
        st.caption(f"Gate: {literal(score.gate_reason)}. It fails on any open error finding that is not accepted.")
    with tally:
        st.markdown("  \n".join(f"**{n}** {label}" for label, n in counts.items()))
    return st.container()


def render_score_parts(score: Score) -> Any:
    """The three parts with what drives each; returns the slot for the full text explanation."""
    parts = pd.DataFrame(
        [
            {
                "Part": p.name,
                "Points": f"{p.value:.1f} / {p.maximum:.0f}",
                "Share": round(100 * p.value / p.maximum),  # whole percents, like the points' one decimal
                "Why": p.detail,
            }
            for p in score.parts
        ]
    )
    st.dataframe(
        parts,
        hide_index=True,
        width="stretch",
        column_config={
            "Share": st.column_config.ProgressColumn("Of its maximum", format="%d %%", min_value=0, max_value=100),
            "Why": st.column_config.TextColumn("Why", width="large"),
        },
        key="score-parts",
    )
    st.caption("Bands: 0–19 loosely coupled, 20–39 moderate, 40–59 elevated, 60–79 high, 80–100 critical.")
    return st.empty()


def show_lever(summary_slot: Any, text_slot: Any | None, score: Score) -> None:
    with summary_slot.container():
        if score.lever:
            st.info(ui_messages.BIGGEST_LEVER.format(lever=literal(score.lever)), icon="🎯")
        else:
            st.caption(ui_messages.NO_LEVER)
    show_explanation(text_slot, score)


def show_explanation(text_slot: Any | None, score: Score) -> None:
    if text_slot is None:
        return
    with text_slot.container():
        st.markdown("**As text** (for a review or a ticket)")
        st.code(score.explanation(), language=None)
