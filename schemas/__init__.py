"""Pydantic models: the single source of truth for the document model, the JSON
contract, the database tables and the pandas frames."""

from schemas.document import Document, Page, Table, TableCell, TextSource, Word
from schemas.extraction import (
    Citation,
    Deadline,
    DocumentMeta,
    Evidence,
    Extraction,
    Jurisdiction,
    NationalTarget,
    Obligation,
    Received,
    Signer,
    Source,
    Target,
    Ward,
)

__all__ = [
    "Citation",
    "Deadline",
    "Document",
    "DocumentMeta",
    "Evidence",
    "Extraction",
    "Jurisdiction",
    "NationalTarget",
    "Obligation",
    "Page",
    "Received",
    "Signer",
    "Source",
    "Table",
    "TableCell",
    "Target",
    "TextSource",
    "Ward",
    "Word",
]
