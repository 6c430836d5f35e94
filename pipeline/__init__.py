"""The stages of vanban, each a subpackage with small data-in, data-out functions:

    read (any file → Document; ocr: page image → Page) → text (Document → SegmentedDocument)
    → extractors (SegmentedDocument → Extraction) → store (Extraction → database rows)
    → ingest (inbox → read, extract, commit, file) → analysis (rows → diff, findings, report)

Layers only import downwards (checked by import-linter, see ``pyproject.toml``):
schemas, settings, errors < text < ocr < read < extractors < store < ingest, analysis < flows < cli.
"""
