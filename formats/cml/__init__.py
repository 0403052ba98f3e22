"""Context Mapper CML: the parser and reader (import) and the writer (export)."""
