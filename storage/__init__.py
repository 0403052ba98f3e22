"""Persistence behind a small repository interface."""
