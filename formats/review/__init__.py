"""A comparison of two versions as text, Markdown, JSON and the PDF review report."""
