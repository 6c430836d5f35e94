"""Extractors: from the SegmentedDocument to schema objects with evidence, one module per fact kind.

- the fact kinds: ``metadata`` (the document's own header and signature), ``citations``, ``targets``,
  ``deadlines``, ``wards``, ``obligations``, ``national_targets`` (per-province tables of a central appendix);
- the readers they share, each written once: ``agencies`` (the bodies a text names), ``letterhead``, ``body``
  (where the document starts and ends in a text), ``clauses``, ``task_tables``, ``grammar.time``, ``gazetteer``
  (administrative units and codes), ``common`` (dates, numbers, document kinds), ``ocr_names`` (names OCR
  misread, put back before any of them reads);
- ``spacy_pipeline`` runs the fact extractors as spaCy components; ``lean_imports`` loads spaCy without the
  parts extraction never runs. Rules are data in ``extractors/data/``.

``extract`` runs them all and assembles the contract object; it holds no rules of its own.
"""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.read.load import load_document
from pipeline.text.segment import SegmentedDocument, segment
from schemas.extraction import Extraction, Source

if TYPE_CHECKING:
    from spacy.language import Language


def extract_file(path: str | Path, executor: Executor | None = None, sha256: str | None = None) -> Extraction:
    """A file's facts: read it (OCR where needed), segment it, extract — what ``vanban extract`` prints.
    Raises ``UnreadableDocument`` with a clerk-readable reason when the file cannot be read."""
    return extract(segment(load_document(path, executor=executor, sha256=sha256)))


def extract(seg: SegmentedDocument) -> Extraction:
    """The contract object for one segmented document: agency names OCR misread put back (``ocr_names``), then
    the spaCy pipeline (``nlp()``) runs every extractor as a component, and its span groups are read back into
    the contract's lists."""
    from extractors.ocr_names import mend_ocr_names
    from extractors.spacy_pipeline import facts, run

    doc = run(mend_ocr_names(seg))
    source = seg.doc
    return Extraction(
        source=Source(
            path=source.path,
            sha256=source.sha256,
            media_type=source.media_type,
            pages=len(source.pages),
            ocr=source.ocr,
            ocr_confidence=source.ocr_confidence,
            encoding_repaired=source.encoding_repaired,
            page_issues=source.issues,
        ),
        document=doc._.meta,
        citations=facts(doc, "citations"),
        targets=facts(doc, "targets"),
        deadlines=facts(doc, "deadlines"),
        wards=facts(doc, "wards"),
        obligations=facts(doc, "obligations"),
        national_targets=facts(doc, "national_targets"),
    )


def nlp(words: bool = False) -> Language:
    """vanban's spaCy pipeline (see ``extractors.spacy_pipeline``): ``nlp()(text)`` in a notebook."""
    from extractors.spacy_pipeline import nlp as build

    return build(words)
