"""The stages of vanban, each a module with a small data-in, data-out function:

text (any file → Document) → segment (Document → SegmentedDocument) →
extractors (SegmentedDocument → Extraction) → store (Extraction → database rows).
"""
