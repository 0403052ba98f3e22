"""The context map's font and palette, shared by the map and its legend."""

FONT = "DejaVu Sans"  # on graph, nodes and edges: otherwise edge labels fall back to Times
INK = "#2c3e50"
AI_FILL, AI_INK = "#f0e6fa", "#6c3483"
EXTERNAL_FILL, EXTERNAL_INK = "#eeeeee", "#5f6a6a"
EXTERNAL_AI_FILL = "#ece4f3"
SEPARATE_WAYS_INK = "#95a5a6"
