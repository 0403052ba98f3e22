"""File formats, one package each, reader and writer only: CML, PDF, Graphviz, review reports, workspace JSON."""
