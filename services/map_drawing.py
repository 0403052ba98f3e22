"""The context map as the pages draw it: the view's nodes and layout, its DOT, the legend, images of both."""

from dataclasses import replace

from analysis.engine import Analysis
from formats.graphviz.context_map_dot import render_context_map_dot
from formats.graphviz.map_diff_dot import render_map_diff_dot
from formats.graphviz.map_layout import (
    Clusters,
    Detail,
    Direction,
    Focus,
    LayoutPlan,
    MapOptions,
    focus_nodes,
    plan_layout,
)
from formats.graphviz.map_legend import render_legend_dot
from formats.graphviz.map_render import MAP_FORMATS, MEDIA_TYPES, MapFormat, render_map_image, render_problem
from services.comparison import ComparedVersions

__all__ = [
    "MAP_FORMATS",
    "MEDIA_TYPES",
    "Clusters",
    "Detail",
    "Direction",
    "Focus",
    "LayoutPlan",
    "MapFormat",
    "MapOptions",
    "changes_dot",
    "layout_of",
    "legend_dot",
    "map_dot",
    "map_image",
    "nodes_shown",
    "why_not_rendered",
]


def nodes_shown(analysis: Analysis, options: MapOptions) -> set[str]:
    """The contexts and systems the picked view shows."""
    return focus_nodes(analysis.context_map, options)


def layout_of(analysis: Analysis, options: MapOptions) -> LayoutPlan:
    """How the picked view is laid out: dot for small views, sfdp and fewer labels for large ones."""
    return plan_layout(len(nodes_shown(analysis, options)), options.detail)


def map_dot(analysis: Analysis, options: MapOptions, *, legend: bool) -> str:
    """The view as DOT, with the findings marked; the legend inside for files, beside it on the page."""
    return render_context_map_dot(analysis, replace(options, legend=legend))


def legend_dot() -> str:
    return render_legend_dot()


def changes_dot(compared: ComparedVersions) -> str:
    """The newer version's map with what changed since the older one marked."""
    title = f"{compared.comparison.old_label} → {compared.comparison.new_label}"
    return render_map_diff_dot(compared.new_map, compared.comparison.diff.map, title)


def map_image(dot_source: str, fmt: MapFormat) -> bytes:
    """DOT, SVG or PNG of a drawing; raises MapRenderError when this server cannot render `fmt`."""
    return render_map_image(dot_source, fmt)


def why_not_rendered(fmt: MapFormat) -> str | None:
    """What to install for `fmt` to render on this server; None when it renders."""
    return render_problem(fmt)
