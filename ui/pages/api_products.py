"""API Product Canvas editor: header, business row, sync and async API side by side, footer row."""

import streamlit as st

from canvases.api_product import API_PRODUCT_CANVAS as CANVAS
from models.api_product_canvas import ApiProductCanvas
from ui import ui_messages
from ui.canvas_page import NewCanvas, canvas_toolbar, render_rows, require_workspace
from ui.sheet_parts import finish_sheet

LAYOUT = [
    [(1, ["header"])],
    [(1, ["value_propositions"]), (1, ["core_functions"])],
    [(1, ["sync_api"]), (1, ["async_api"])],
    [(1, ["quality_requirements"]), (1, ["notes"])],
]

data = require_workspace()
st.title("API Product Canvas")
published = {a["bounded_context"] for a in data["api_products"]}
free = [c["name"] for c in data["bounded_contexts"] if c["name"] not in published]
new = NewCanvas(
    "Add API product canvas", lambda name: ApiProductCanvas(bounded_context=name).model_dump(mode="json"), free
)
index = canvas_toolbar(CANVAS, new, ui_messages.NO_API_PRODUCTS)
if index is not None:
    render_rows(CANVAS, index, LAYOUT)
    finish_sheet()
st.caption(f"{CANVAS.attribution} · {CANVAS.licence}")
