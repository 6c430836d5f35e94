"""Prefect flows: composition of pipeline stages only (being built)."""
