"""Ingestion layer — in: files dropped into an inbox or named on the command line; out: each file
read, extracted, committed once and filed (archive or quarantine), with the ledger's status."""
