"""Extractors: each module takes the SegmentedDocument and returns schema objects with evidence.

``extract`` runs them all and assembles the contract object; it holds no rules of its own.
"""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path

from extractors import citations, deadlines, metadata, national_targets, obligations, targets, wards
from pipeline.read.load import load_document
from pipeline.text.segment import SegmentedDocument, segment
from schemas.extraction import Extraction, Source


def extract_file(path: str | Path, executor: Executor | None = None, sha256: str | None = None) -> Extraction:
    """A file's facts: read it (OCR where needed), segment it, extract — what ``vanban extract`` prints.
    Raises ``UnreadableDocument`` with a clerk-readable reason when the file cannot be read."""
    return extract(segment(load_document(path, executor=executor, sha256=sha256)))


def extract(seg: SegmentedDocument) -> Extraction:
    """The contract object for one segmented document: source facts, metadata, then every extractor's facts. Metadata
    is read first because citations, wards, targets and deadlines use it, and targets are found once so deadlines
    can reuse their clause pairing."""
    doc = seg.doc
    meta = metadata.extract(seg)
    found_targets = targets.find(seg, meta)  # deadlines read the same pairs
    return Extraction(
        source=Source(
            path=doc.path,
            sha256=doc.sha256,
            media_type=doc.media_type,
            pages=len(doc.pages),
            ocr=doc.ocr,
            ocr_confidence=doc.ocr_confidence,
            encoding_repaired=doc.encoding_repaired,
        ),
        document=meta,
        citations=citations.extract(seg, meta),
        targets=[target for _, target in found_targets],
        deadlines=deadlines.extract(seg, meta, found_targets),
        wards=wards.extract(seg, meta),
        obligations=obligations.extract(seg, meta),
        national_targets=national_targets.extract(seg),
    )
