"""Structured changes between two workspaces (canvases, map, findings, score) and the three-way merge of drafts."""
