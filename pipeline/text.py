"""The text layer: any file a secretariat receives → a Document (placeholder: text files only)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.errors import UnreadableDocument
from pipeline.normalize import normalize_text
from schemas.document import Document, Page, TextSource


def load_document(path: str | Path) -> Document:
    path = Path(path)
    data = path.read_bytes()
    if not data:
        raise UnreadableDocument(str(path), "the file is empty (0 bytes)")
    text = normalize_text(data.decode("utf-8"))
    doc = Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), media_type="text/plain",
                   pages=[Page(number=1, text=text, source=TextSource.plain)])
    return doc.with_offsets()
