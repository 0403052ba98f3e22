"""The readiness report as data and as text."""
