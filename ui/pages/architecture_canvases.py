"""Architecture Communication Canvas editor, laid out like the arc42 sheet's four columns."""

import streamlit as st

from canvases.architecture_communication import ARCHITECTURE_COMMUNICATION_CANVAS as CANVAS
from models.architecture_canvas import ArchitectureCommunicationCanvas
from ui import ui_messages
from ui.canvas_page import NewCanvas, canvas_toolbar, render_rows, require_workspace
from ui.sheet_parts import finish_sheet

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
new = NewCanvas(
    "Add architecture canvas", lambda name: ArchitectureCommunicationCanvas(name=name).model_dump(mode="json")
)
index = canvas_toolbar(CANVAS, new, ui_messages.NO_ARCHITECTURE_CANVASES)
if index is not None:
    render_rows(CANVAS, index, LAYOUT)
    finish_sheet()
st.caption(f"{CANVAS.attribution} · {CANVAS.licence}")
