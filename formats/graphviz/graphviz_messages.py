"""Every user-facing text of drawing the context map with Graphviz, so wording is reviewed in one place."""

# What to install where a format cannot be rendered here; map_render fills in {install} and {package}.
INSTALL_GRAPHVIZ = "install Graphviz on the server: `apt-get install graphviz` (Debian/Ubuntu)"
SVG_NEEDS_GRAPHVIZ = "SVG needs Graphviz: {install}, or `pip install '{package}'`."
FORMAT_NEEDS_DOT = "{format} needs the Graphviz `dot` program: {install}."

# Rendering failed, or cannot start.
UNKNOWN_FORMAT = "unknown map format {format!r}; choose one of {formats}"
DOT_FAILED = "Graphviz could not render the map: {detail}"
RENDERING_NEEDS_DOT = "Rendering the map as {format} needs the Graphviz `dot` program: {install}."
RENDERING_SVG_NEEDS_GRAPHVIZ = (
    "Rendering the map as SVG needs Graphviz: {install}, or `pip install '{package}'` for SVG only."
)
WASM_FAILED = "Graphviz (WebAssembly) could not render the map: {reason}"
