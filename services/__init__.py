"""The one use-case layer: the app and the command line call these modules, and nothing else reaches storage."""
