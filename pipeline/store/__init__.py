"""Storage layer — in: documents and their extractions; out: database rows (tables generated from
the schemas), the inbox ledger, filtered queries as frames, and exports (CSV, XLSX, JSON, Parquet)."""
