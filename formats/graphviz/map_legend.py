"""The legend of the context map: sample nodes and a key to relationship lines and flags."""

from formats.graphviz.map_dot_text import html_text
from formats.graphviz.map_flags import ACCEPTED_STYLE, FLAG_STYLES
from formats.graphviz.map_style import AI_FILL, AI_INK, EXTERNAL_FILL, EXTERNAL_INK, FONT, INK, SEPARATE_WAYS_INK
from models.finding import Severity

LEGEND_ROWS = (
    ("U | OHS, PL  →  D | ACL", INK, "upstream (publishes) to downstream (consumes), with their roles"),
    ("U,S  →  D,C", INK, "Customer/Supplier: supplier upstream, customer downstream"),
    ("SK   P", INK, "Shared Kernel, Partnership: symmetric, no arrow"),
    ("- - - -", SEPARATE_WAYS_INK, "Separate Ways: no integration"),
    *(
        (f"{s.marker} {glyph}", s.colour, f"{s.meaning}: {desc}")
        for s, glyph, desc in (
            (FLAG_STYLES[Severity.ERROR], "━━━", "thick solid red"),
            (FLAG_STYLES[Severity.WARNING], "╍╍╍", "dashed orange"),
            (FLAG_STYLES[Severity.INFO], "┈┈┈", "dotted blue"),
            (ACCEPTED_STYLE, "───", "thin grey, still listed"),
        )
    ),
)


def _legend_table() -> str:
    rows = "".join(
        f'<TR><TD ALIGN="LEFT"><FONT COLOR="{colour}" POINT-SIZE="10"><B>{html_text(sample)}</B></FONT></TD>'
        f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>'
        for sample, colour, text in LEGEND_ROWS
    )
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{rows}</TABLE>>'


def legend_lines(indent: str = "  ") -> list[str]:
    """Sample nodes and a key to the edges, to sit inside a legend subgraph."""
    lines = [
        'graph [label=<<B>Legend</B>> style="rounded" color="#aab7c4" fontsize=10]',
        'node [fontsize=9 margin="0.08,0.04"]',
        "lg_ctx [label=<<B>Bounded context</B>>]",
        f'lg_ai [shape=doubleoctagon style=filled fillcolor="{AI_FILL}" color="{AI_INK}" '
        'label=<<B>AI component</B><BR/><FONT POINT-SIZE="7">AI · own model</FONT>>]',
        f'lg_ext [style="rounded,dashed,filled" fillcolor="{EXTERNAL_FILL}" color="{EXTERNAL_INK}" '
        f'fontcolor="{EXTERNAL_INK}" label=<External system<BR/><FONT POINT-SIZE="7">external</FONT>>]',
        f"lg_key [shape=plaintext margin=0 fontsize=8 label={_legend_table()}]",
    ]
    return [indent + line for line in lines]


def render_legend_dot(direction: str = "LR") -> str:
    """The legend alone, for maps large enough that it is shown beside the map instead of inside it."""
    head = [
        f'  graph [fontname="{FONT}" rankdir={direction} pad=0.1]',
        f'  node [fontname="{FONT}"]',
        f'  edge [fontname="{FONT}"]',
    ]
    return (
        "\n".join(["digraph legend {", *head, "  subgraph cluster_legend {", *legend_lines("    "), "  }", "}"]) + "\n"
    )
