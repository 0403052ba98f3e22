"""Architecture Communication Canvas editor, laid out like the arc42 sheet's four columns."""

import streamlit as st

from canvases.architecture_communication import ARCHITECTURE_COMMUNICATION_CANVAS as CANVAS
from models.architecture_canvas import ArchitectureCommunicationCanvas
from ui.canvas_page import (
    add_named_canvas,
    delete_canvas,
    finish_form,
    form_context,
    pick_canvas,
    render_rows,
    require_workspace,
)

LAYOUT = [
    [(1, ["header"])],
    [
        (1, ["value_proposition", "key_stakeholders"]),
        (1, ["core_functions", "quality_requirements"]),
        (1, ["core_decisions"]),
        (1, ["technologies"]),
    ],
    [(1, ["business_context"]), (1, ["components"])],
    [(1, ["risks"])],
]

require_workspace()
st.title("Architecture Communication Canvas")
top = st.columns([0.5, 0.25, 0.25], vertical_alignment="bottom")
with top[0]:
    index = pick_canvas(CANVAS)
with top[1]:
    add_named_canvas(
        CANVAS,
        "Add architecture canvas",
        None,
        lambda name: ArchitectureCommunicationCanvas(name=name).model_dump(mode="json"),
    )
if index is None:
    st.info("This workspace has no Architecture Communication Canvas yet. Add one with **Add architecture canvas**.")
    st.stop()
with top[2]:
    delete_canvas(CANVAS, index)
context = form_context(CANVAS, index)
render_rows(context, LAYOUT)
finish_form(context)
st.caption(f"{CANVAS.attribution} · {CANVAS.licence}")
