"""The context map as Graphviz DOT, and DOT rendered to SVG or PNG."""
