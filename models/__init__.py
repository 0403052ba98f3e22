"""Pydantic types of the workbench's domain: workspace, canvases and relationships; no I/O."""
