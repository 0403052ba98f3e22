"""The rule catalogue (docs/rules.md), generated from the rule registry and the rule texts."""
