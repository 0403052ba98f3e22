"""The coupling analysis as JSON-ready data and as plain text, for pipelines."""
