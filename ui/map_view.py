"""The context map on the page: view options, the drawing (laid out in the browser), the downloads."""

from typing import Any, cast

import graphviz  # type: ignore[import-untyped]
import streamlit as st

from services.analysing import Analysis
from services.downloads import file_stem
from services.map_drawing import (
    MAP_FORMATS,
    MEDIA_TYPES,
    Clusters,
    Detail,
    Direction,
    Focus,
    MapFormat,
    MapOptions,
    layout_of,
    legend_dot,
    map_dot,
    map_image,
    nodes_shown,
    why_not_rendered,
)
from ui import state
from ui.map_choices import keep_valid_choice

NATURAL_SIZE_UP_TO = 10  # contexts and systems drawn at their natural size rather than the page's width
VIEWS: dict[str, str] = {
    "all": "Whole map",
    "ai_neighbourhood": "AI components and their neighbours",
    "context": "One context and its neighbours",
}
CLUSTERS: dict[str, str] = {"none": "No groups", "team": "By owner team", "domain": "By domain type"}
DETAILS: dict[str, str] = {
    "auto": "By size",
    "full": "Full (team, domain, sync, data use)",
    "standard": "Standard",
    "compact": "Names only",
}


def _choice(label: str, choices: dict[str, str], key: str, *, radio: bool = False) -> str:
    if radio:
        value = st.radio(label, list(choices), format_func=choices.__getitem__, key=key, horizontal=True)
    else:
        value = st.selectbox(label, list(choices), format_func=choices.__getitem__, key=key)
    return str(value)


def map_options(analysis: Analysis) -> MapOptions:
    """The view the user picked above the map."""
    view, around, group, detail, direction = st.columns([1.3, 1.3, 1, 1, 0.8], vertical_alignment="bottom")
    with view:
        focus = _choice("Show", VIEWS, state.MAP_VIEW)
    focus_context = ""
    with around:
        names = list(analysis.context_map.nodes)
        if focus == "context" and names:
            keep_valid_choice(state.MAP_FOCUS_CONTEXT, names)
            focus_context = str(st.selectbox("Context", names, key=state.MAP_FOCUS_CONTEXT))
        else:
            st.caption("Pick **One context and its neighbours** to centre the map on a context.")
    with group:
        clusters = _choice("Group", CLUSTERS, state.MAP_CLUSTERS)
    with detail:
        level = _choice("Detail", DETAILS, state.MAP_DETAIL)
    with direction:
        flow = _choice("Direction", {"TB": "↓", "LR": "→"}, state.MAP_DIRECTION, radio=True)
    return MapOptions(
        direction=cast(Direction, flow),
        focus=cast(Focus, focus),
        focus_context=focus_context,
        clusters=cast(Clusters, clusters),
        detail=cast(Detail, level),
    )


def interactive_map(analysis: Analysis, options: MapOptions) -> bool:
    """For large views only: whether to lay the map out in the browser instead of on the server."""
    if layout_of(analysis, options).engine == "dot":
        return False
    return st.toggle(
        "Lay out in the browser (hover tooltips; takes seconds beyond about 100 contexts)",
        key=state.MAP_INTERACTIVE,
    )


def render_map(analysis: Analysis, options: MapOptions, *, interactive: bool = False) -> None:
    """Draws the map; the legend sits beside it.

    Small maps are laid out in the browser (st.graphviz_chart, with tooltips). Larger ones are laid out
    once on the server with sfdp and shown as an image: drawing a few hundred nodes with the browser's
    Graphviz and d3 took seconds, the image well under one (see README, Context map).
    """
    shown = nodes_shown(analysis, options)
    plan = layout_of(analysis, options)
    source = map_dot(analysis, options, legend=False)
    alt = f"Context map of {analysis.workspace}: {len(shown)} contexts and external systems"
    if plan.engine == "dot" or interactive or why_not_rendered("svg") is not None:
        # Stretched, a map of a few contexts would fill the screen with giant boxes.
        chart = graphviz.Source(browser_dot(source), engine=plan.engine)
        if len(shown) > NATURAL_SIZE_UP_TO:
            st.graphviz_chart(chart, width="stretch", alt=alt)
        else:
            st.graphviz_chart(chart, width="content", alt=alt)
    else:
        st.image(map_image(source, "svg").decode("utf-8"), width="stretch", caption=alt)
    if plan.engine != "dot":
        st.caption(
            f"{len(shown)} contexts and systems: laid out with the fast sfdp engine and straight lines"
            f"{'' if plan.end_labels else ', roles only in the tooltips of the downloaded SVG'}. "
            "Pick a smaller view above for the full DDD notation."
        )
    with st.expander("Legend"):
        legend_alt = "Legend of the context map notation"
        if why_not_rendered("svg") is None:
            # Drawn on the server: the browser's Graphviz bundle would cost a large map's first view seconds.
            st.image(map_image(legend_dot(), "svg").decode("utf-8"), caption=legend_alt)
        else:
            st.graphviz_chart(legend_dot(), width="content", alt=legend_alt)


def browser_dot(source: str) -> str:
    """The DOT for the browser's d3-graphviz, which lays it out and redraws it in place after every edit.

    d3-graphviz cannot redraw a graph whose `outputorder` is `edgesfirst`: the chart kept showing the
    map as first drawn (no new edges, old flags) until the page was left. The files keep the attribute.
    """
    return source.replace(' outputorder="edgesfirst"', "")


def render_downloads(analysis: Analysis, options: MapOptions) -> None:
    """DOT, SVG and PNG of the view shown, with the legend inside when the map is small enough for it.

    Each file is rendered only when its button is pressed (and then cached by its DOT source).
    """
    source = map_dot(analysis, options, legend=True)
    columns = st.columns(len(MAP_FORMATS) + 1, vertical_alignment="center")
    for column, fmt in zip(columns, MAP_FORMATS, strict=False):
        problem = why_not_rendered(fmt)
        with column:
            st.download_button(
                f"Download {fmt.upper()}",
                data=_deferred(source, fmt),
                file_name=f"{file_stem(analysis.workspace)}-context-map.{fmt}",
                mime=MEDIA_TYPES[fmt],
                key=f"map-download-{fmt}",
                on_click="ignore",
                disabled=problem is not None,
                help=problem,
                icon="⬇️",
            )
    with columns[-1]:
        for problem in {p for p in (why_not_rendered("svg"), why_not_rendered("png")) if p}:
            st.caption(problem)


def _deferred(source: str, fmt: MapFormat) -> Any:
    return lambda: map_image(source, fmt)
