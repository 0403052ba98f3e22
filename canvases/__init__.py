"""Declarative canvas definitions, registered by key; the single source for forms, PDFs and diffs."""

from canvases.api_product import API_PRODUCT_CANVAS
from canvases.architecture_communication import ARCHITECTURE_COMMUNICATION_CANVAS
from canvases.bounded_context import BOUNDED_CONTEXT_CANVAS
from canvases.definition import CanvasDef

CANVASES: dict[str, CanvasDef] = {
    c.key: c for c in (BOUNDED_CONTEXT_CANVAS, ARCHITECTURE_COMMUNICATION_CANVAS, API_PRODUCT_CANVAS)
}
