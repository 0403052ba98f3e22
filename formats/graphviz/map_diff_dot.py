"""The context map of a comparison as Graphviz DOT: the newer map, drawn once, with what changed marked.

Added, changed, renamed and removed contexts and relationships each get a line style and a written mark
("added", "removed", ...) besides a colour, so the drawing reads in greyscale and for colour-blind readers.
Removed elements come from the older map and are drawn greyed, dashed or dotted, where they were.
"""

from analysis.context_map import ContextMap
from analysis.edges import Edge
from diff.diff_model import ChangeKind, EdgeDiff, MapDiff
from formats.graphviz.map_dot_text import attributes, html_text, quoted
from formats.graphviz.map_layout import plan_layout
from formats.graphviz.map_style import AI_FILL, AI_INK, EXTERNAL_FILL, EXTERNAL_INK, FONT, INK
from models.relationship import SYMMETRIC_PATTERNS, RelationshipPattern

ADDED_INK, CHANGED_INK, REMOVED_INK = "#1a7f37", "#9a6700", "#8c959f"
ABBREVIATIONS = {
    RelationshipPattern.SHARED_KERNEL: "SK",
    RelationshipPattern.PARTNERSHIP: "P",
    RelationshipPattern.CUSTOMER_SUPPLIER: "C/S",
    RelationshipPattern.UPSTREAM_DOWNSTREAM: "U/D",
    RelationshipPattern.SEPARATE_WAYS: "Separate Ways",
}
NODE_LOOKS: dict[ChangeKind, dict[str, object]] = {
    ChangeKind.ADDED: {"penwidth": 3.0, "color": ADDED_INK},
    ChangeKind.CHANGED: {"penwidth": 2.5, "color": CHANGED_INK, "style": "rounded,filled,dashed"},
    ChangeKind.RENAMED: {"penwidth": 2.5, "color": CHANGED_INK, "style": "rounded,filled,dashed"},
    ChangeKind.REMOVED: {
        "color": REMOVED_INK,
        "fontcolor": REMOVED_INK,
        "style": "rounded,dotted",
        "fillcolor": "white",
    },
}
EDGE_LOOKS: dict[ChangeKind, dict[str, object]] = {
    ChangeKind.ADDED: {"penwidth": 3.0, "color": ADDED_INK, "fontcolor": ADDED_INK},
    ChangeKind.CHANGED: {"penwidth": 2.5, "color": CHANGED_INK, "fontcolor": CHANGED_INK, "style": "dashed"},
    ChangeKind.REMOVED: {"color": REMOVED_INK, "fontcolor": REMOVED_INK, "style": "dotted"},
}


def _node_kinds(diff: MapDiff) -> dict[str, ChangeKind]:
    kinds = {name: ChangeKind.CHANGED for name in diff.nodes_changed}
    kinds |= {name: ChangeKind.RENAMED for name in diff.nodes_renamed.values()}
    kinds |= {name: ChangeKind.ADDED for name in diff.nodes_added}
    return kinds | {name: ChangeKind.REMOVED for name in diff.nodes_removed}


def _node_label(name: str, kind: ChangeKind | None, was: str | None) -> str:
    mark = "" if kind is None else f"renamed from {was}" if kind is ChangeKind.RENAMED and was else kind.value
    small = f'<BR/><FONT POINT-SIZE="9">{html_text(mark)}</FONT>' if mark else ""
    return f"<<B>{html_text(name)}</B>{small}>"


def _node_statement(node_id: str, name: str, cmap: ContextMap, diff: MapDiff, kind: ChangeKind | None) -> str:
    node = cmap.nodes.get(name)
    attrs: dict[str, object] = {"shape": "box", "style": "rounded,filled", "fillcolor": "white", "color": INK}
    if node is not None and node.is_ai:
        attrs |= {"shape": "doubleoctagon", "style": "filled", "fillcolor": AI_FILL, "color": AI_INK}
    elif (node is not None and not node.internal) or name in diff.external:
        attrs |= {"fillcolor": EXTERNAL_FILL, "color": EXTERNAL_INK}
    attrs |= NODE_LOOKS.get(kind, {}) if kind else {}
    was = next((old for old, new in diff.nodes_renamed.items() if new == name), None)
    attrs["tooltip"] = name + (f" ({kind.value})" if kind else "")
    return f"  {node_id} [label={_node_label(name, kind, was)} {attributes(attrs)}]"


def _edge_statement(ids: dict[str, str], up: str, down: str, pattern: str | None, kind: ChangeKind | None) -> str:
    parsed = RelationshipPattern(pattern) if pattern else None
    words = [ABBREVIATIONS.get(parsed, "") if parsed else "", kind.value if kind else ""]
    attrs: dict[str, object] = {"label": " ".join(w for w in words if w), "color": INK, "fontcolor": INK}
    if parsed in SYMMETRIC_PATTERNS:
        attrs["dir"] = "none"
    attrs |= EDGE_LOOKS.get(kind, {}) if kind else {}
    return f"  {ids[up]} -> {ids[down]} [{attributes(attrs)}]"


def _edge_pattern(edge: Edge) -> str | None:
    return edge.pattern.value if edge.pattern else None


def render_map_diff_dot(new_map: ContextMap, diff: MapDiff, title: str = "") -> str:
    """The newer map with the changes of `diff` marked, and the removed contexts and relationships greyed."""
    kinds = _node_kinds(diff)
    names = sorted(
        set(new_map.nodes) | diff.nodes_removed | {n for e in diff.edges for n in (e.upstream, e.downstream)}
    )
    ids = {name: f"n{i}" for i, name in enumerate(names)}
    plan = plan_layout(len(names))
    lines = [
        "digraph comparison {",
        f"  graph [{attributes({'layout': plan.engine, 'rankdir': 'TB', 'fontname': FONT, 'overlap': 'prism'})}"
        f" label={quoted(title)} labelloc=t]",
        f"  node [{attributes({'fontname': FONT, 'fontsize': plan.node_font, 'margin': '0.15,0.06'})}]",
        f"  edge [{attributes({'fontname': FONT, 'fontsize': plan.edge_font})}]",
    ]
    lines += [_node_statement(ids[name], name, new_map, diff, kinds.get(name)) for name in names]
    marked: dict[str, EdgeDiff] = {e.key: e for e in diff.edges}
    for edge in new_map.edges:
        change = marked.pop(edge.label, None)
        kind = None if change is None else change.kind
        lines.append(_edge_statement(ids, edge.upstream, edge.downstream, _edge_pattern(edge), kind))
    for gone in marked.values():  # removed relationships, and any the newer map does not draw
        lines.append(_edge_statement(ids, gone.upstream, gone.downstream, gone.pattern, gone.kind))
    return "\n".join([*lines, "}"]) + "\n"
