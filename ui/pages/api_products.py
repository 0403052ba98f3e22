"""API Product Canvas editor: header, business row, sync and async API side by side, footer row."""

import streamlit as st

from canvases.api_product import API_PRODUCT_CANVAS as CANVAS
from models.api_product_canvas import ApiProductCanvas
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
    [(1, ["value_propositions"]), (1, ["core_functions"])],
    [(1, ["sync_api"]), (1, ["async_api"])],
    [(1, ["quality_requirements"]), (1, ["notes"])],
]

data = require_workspace()
st.title("API Product Canvas")
published = {a["bounded_context"] for a in data["api_products"]}
free = [c["name"] for c in data["bounded_contexts"] if c["name"] not in published]
top = st.columns([0.5, 0.25, 0.25], vertical_alignment="bottom")
with top[0]:
    index = pick_canvas(CANVAS)
with top[1]:
    add_named_canvas(
        CANVAS,
        "Add API product canvas",
        free,
        lambda name: ApiProductCanvas(bounded_context=name).model_dump(mode="json"),
    )
if index is None:
    st.info("No API Product Canvas yet. Each bounded context can publish one: **Add API product canvas**.")
    st.stop()
with top[2]:
    delete_canvas(CANVAS, index)
context = form_context(CANVAS, index)
render_rows(context, LAYOUT)
finish_form(context)
st.caption(f"{CANVAS.attribution} · {CANVAS.licence}")
