"""The context map as Graphviz DOT in DDD notation: U/D ends with roles, symmetric patterns, AI, flags, legend."""

from dataclasses import replace

from analysis.context_map import ContextMap
from analysis.edges import Edge
from analysis.engine import Analysis
from analysis.nodes import Node
from canvases.vocabulary import AI_KIND_LABELS, DOMAIN_LABELS
from formats.graphviz.map_dot_text import attributes, html_text, quoted
from formats.graphviz.map_flags import Flag, MapFlags, flag_map
from formats.graphviz.map_layout import UNCLASSIFIED, LayoutPlan, MapOptions, cluster_of, focus_nodes, plan_layout
from formats.graphviz.map_legend import legend_lines
from formats.graphviz.map_style import (
    AI_FILL,
    AI_INK,
    EXTERNAL_AI_FILL,
    EXTERNAL_FILL,
    EXTERNAL_INK,
    FONT,
    INK,
    SEPARATE_WAYS_INK,
)
from models.relationship import RelationshipPattern, Role

SYMMETRIC_ABBREVIATIONS = {
    RelationshipPattern.SHARED_KERNEL: ("SK", "Shared Kernel (SK)"),
    RelationshipPattern.PARTNERSHIP: ("P", "Partnership (P)"),
    RelationshipPattern.SEPARATE_WAYS: ("", "Separate Ways"),
}
ROLE_ORDER = list(Role)


def render_context_map_dot(analysis: Analysis, options: MapOptions | None = None) -> str:
    """The analysed map as DOT; the view, groups and detail follow `options`, the engine follows the size."""
    options = options or MapOptions()
    cmap = analysis.context_map
    if options.focus == "context" and options.focus_context not in cmap.nodes:
        options = replace(options, focus="all")  # a context renamed or deleted since it was picked
    shown = focus_nodes(cmap, options)
    plan = plan_layout(len(shown), options.detail)
    flags = flag_map(cmap, analysis.findings)
    ids = {name: f"n{i}" for i, name in enumerate(cmap.nodes) if name in shown}
    lines = ["digraph context_map {", *_defaults(analysis.workspace, options, plan)]
    lines += _node_lines(cmap, ids, flags, plan, options)
    for i, edge in enumerate(cmap.edges):
        if edge.upstream in ids and edge.downstream in ids:
            attrs = _edge_attributes(edge, flags.edges.get(i), plan)
            lines.append(f"  {ids[edge.upstream]} -> {ids[edge.downstream]} [{attrs}]")
    if options.legend and plan.legend_inside:
        lines += ["  subgraph cluster_legend {", *legend_lines("    "), "  }"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _title(workspace: str, options: MapOptions) -> str:
    view = {"all": "", "ai_neighbourhood": " · AI components and their neighbours"}.get(options.focus)
    if view is None:
        view = f" · {html_text(options.focus_context)} and its neighbours"
    return f"<<B>Context map</B> · {html_text(workspace)}{view}>"


def _defaults(workspace: str, options: MapOptions, plan: LayoutPlan) -> list[str]:
    graph = {
        "fontname": FONT,
        "layout": plan.engine,
        "rankdir": options.direction,
        "splines": plan.splines,
        "labelloc": "t",
        "fontsize": plan.node_font + 3,
        "pad": 0.2,
        "outputorder": "edgesfirst",
    }
    if plan.engine == "dot":
        graph |= {"nodesep": 0.35, "ranksep": 0.7}
    else:
        graph |= {"overlap": "prism", "sep": "+6", "K": 0.8}
    node = {
        "fontname": FONT,
        "fontsize": plan.node_font,
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#ffffff",
        "color": INK,
        "fontcolor": INK,
        "margin": "0.14,0.06",
    }
    edge = {
        "fontname": FONT,
        "fontsize": plan.edge_font,
        "labelfontsize": plan.edge_font,
        "color": INK,
        "fontcolor": INK,
        "arrowsize": 0.8,
        "labeldistance": 1.8,
    }
    return [
        f"  graph [{attributes(graph)} label={_title(workspace, options)}]",
        f"  node [{attributes(node)}]",
        f"  edge [{attributes(edge)}]",
    ]


def _node_lines(
    cmap: ContextMap, ids: dict[str, str], flags: MapFlags, plan: LayoutPlan, options: MapOptions
) -> list[str]:
    """Node statements, grouped into one cluster per team or domain when asked for."""
    groups: dict[str, list[str]] = {}
    lines: list[str] = []
    for name, node_id in ids.items():
        statement = f"{node_id} [{_node_attributes(cmap.nodes[name], flags.nodes.get(name), plan)}]"
        group = cluster_of(cmap, name, options.clusters)
        if group is None:
            lines.append(f"  {statement}")
        else:
            groups.setdefault(group, []).append(statement)
    order = [d for d in (*DOMAIN_LABELS, UNCLASSIFIED) if d in groups] if options.clusters == "domain" else groups
    clustered: list[str] = []
    for i, group in enumerate(order):
        clustered += [
            f"  subgraph cluster_{i} {{",
            f'    graph [label={_group_label(group, options)} style="rounded,filled" fillcolor="#f7f9fb" '
            f'color="#aab7c4" fontsize={plan.node_font + 1}]',
            *(f"    {s}" for s in groups[group]),
            "  }",
        ]
    return clustered + lines


def _group_label(group: str, options: MapOptions) -> str:
    if options.clusters == "team":
        return f'<<FONT POINT-SIZE="8">team</FONT><BR/><B>{html_text(group)}</B>>'
    return f"<<B>{DOMAIN_LABELS.get(group, 'Unclassified')}</B>>"


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]


def _node_markers(node: Node, detail: str) -> list[str]:
    """The small lines under a node's name that say what kind of thing it is."""
    markers = []
    if node.is_ai:
        markers.append(f"AI · {_lowered(AI_KIND_LABELS[node.ai_kind.value])}")
    if not node.internal and not node.external_ai:
        markers.append("external")
    if node.big_ball_of_mud:
        markers.append("Big Ball of Mud")
    if detail == "full":
        markers += [DOMAIN_LABELS[node.domain.value]] if node.domain else []
        markers += [f"team {node.owner}"] if node.owner else []
    return markers


def _node_attributes(node: Node, flag: Flag | None, plan: LayoutPlan) -> str:
    attrs: dict[str, object] = {}
    style = ["rounded", "filled"]
    if node.is_ai:
        attrs |= {"shape": "doubleoctagon", "fillcolor": AI_FILL, "color": AI_INK}
        style = ["filled"]
    if not node.internal:
        attrs |= {"fontcolor": EXTERNAL_INK, "color": EXTERNAL_INK}
        attrs["fillcolor"] = EXTERNAL_AI_FILL if node.is_ai else EXTERNAL_FILL
        style.append("dashed")
    name = html_text(node.name)
    tooltip = [node.name]
    if flag is not None:
        look = flag.style
        style = [s for s in style if s != "dashed"] + [look.line]
        attrs |= {"color": look.colour, "penwidth": look.width}
        name = f'<FONT COLOR="{look.colour}"><B>{html_text(look.marker)}</B></FONT> {name}'
        tooltip += flag.notes
    attrs["style"] = ",".join(style)
    label = f"<B>{name}</B>" if node.internal else name
    markers = _node_markers(node, plan.detail) if plan.detail != "compact" else []
    if flag is not None and plan.detail != "compact":
        markers.insert(0, flag.rule_summary)
    if markers:
        small = plan.node_font - 2
        label += f'<BR/><FONT POINT-SIZE="{small:g}">{html_text(" · ".join(markers))}</FONT>'
    return f"{attributes(attrs)} tooltip={quoted(chr(10).join(tooltip))} label=<{label}>"


def _roles(roles: set[Role]) -> str:
    return ", ".join(r.value for r in sorted(roles, key=ROLE_ORDER.index))


def end_labels(edge: Edge) -> tuple[str, str]:
    """The DDD labels at the upstream and downstream end, e.g. ("U,S | PL", "D,C")."""
    supplier = edge.pattern is RelationshipPattern.CUSTOMER_SUPPLIER
    up, down = ("U,S", "D,C") if supplier else ("U", "D")
    if edge.up_roles:
        up += f" | {_roles(edge.up_roles)}"
    if edge.down_roles:
        down += f" | {_roles(edge.down_roles)}"
    return up, down


def _middle_label(edge: Edge, detail: str) -> str:
    parts = []
    if edge.pattern in SYMMETRIC_ABBREVIATIONS:
        short, long = SYMMETRIC_ABBREVIATIONS[edge.pattern]
        parts.append(long if detail == "full" or not short else short)
    if detail == "full":
        parts += [edge.runtime.value] if edge.runtime else []
        parts += [edge.data_use.value] if edge.data_use else []
    return " · ".join(p for p in parts if p and (detail != "compact" or p != "Separate Ways"))


def _edge_tooltip(edge: Edge, flag: Flag | None) -> str:
    up, down = end_labels(edge)
    pattern = edge.pattern.value.replace("_", " ") if edge.pattern else "no pattern given"
    facts = [pattern, edge.runtime.value if edge.runtime else "", edge.data_use.value if edge.data_use else ""]
    lines = [edge.label, " · ".join(f for f in facts if f)]
    if not edge.symmetric:
        lines.append(f"{edge.upstream}: {up}; {edge.downstream}: {down}")
    return "\n".join(lines + (flag.notes if flag else []))


def _edge_attributes(edge: Edge, flag: Flag | None, plan: LayoutPlan) -> str:
    attrs: dict[str, object] = {}
    if edge.symmetric:
        attrs["dir"] = "none"
    elif plan.end_labels:
        attrs["taillabel"], attrs["headlabel"] = end_labels(edge)
    if edge.pattern is RelationshipPattern.SEPARATE_WAYS:
        attrs |= {"style": "dashed", "color": SEPARATE_WAYS_INK, "fontcolor": SEPARATE_WAYS_INK}
    elif edge.pattern in SYMMETRIC_ABBREVIATIONS:
        attrs["penwidth"] = 1.8
    label = _middle_label(edge, plan.detail)
    if flag is not None:
        look = flag.style
        attrs |= {"style": look.line, "color": look.colour, "fontcolor": look.colour, "penwidth": look.width}
        rules = "" if plan.detail == "compact" else f" {flag.rule_summary}"
        label = f"{look.marker}{rules} {label}".strip()
    if label:
        attrs["label"] = label
    attrs["tooltip"] = _edge_tooltip(edge, flag)
    return attributes(attrs)
