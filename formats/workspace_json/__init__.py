"""The workspace file: JSON read, validated and written, and its JSON Schema."""
