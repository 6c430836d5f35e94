"""Extractors: each module takes the SegmentedDocument and returns schema objects with evidence.

``extract`` runs them all and assembles the contract object; it holds no rules of its own.
"""

from __future__ import annotations

from extractors import citations, deadlines, metadata, national_targets, obligations, targets, wards
from pipeline.text.segment import SegmentedDocument
from schemas.extraction import Extraction, Source


def extract(seg: SegmentedDocument) -> Extraction:
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
