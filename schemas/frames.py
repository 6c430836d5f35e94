"""pandas frames derived from the extraction models.

One column per model field; the nested ``evidence`` is flattened into ``page``, ``start``,
``end``, ``quote``, ``bbox`` — the same names the database tables use, so a frame read from
SQL and a frame built from an ``Extraction`` in memory look alike.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from schemas.extraction import (Citation, Deadline, Evidence, Extraction, NationalTarget,
                                Obligation, Target, Ward)

# Fact kinds in the order of the Extraction fields they come from.
FACT_MODELS: dict[str, type[BaseModel]] = {
    "citations": Citation, "targets": Target, "deadlines": Deadline, "wards": Ward,
    "obligations": Obligation, "national_targets": NationalTarget,
}
EVIDENCE_COLUMNS = list(Evidence.model_fields)


def fact_columns(kind: str) -> list[str]:
    fields = [f for f in FACT_MODELS[kind].model_fields if f != "evidence"]
    return ["document_id", *fields, *EVIDENCE_COLUMNS]


def fact_row(document_id, item: BaseModel) -> dict:
    row = {"document_id": document_id, **item.model_dump(mode="json", exclude={"evidence"})}
    evidence = getattr(item, "evidence", None)
    row.update(evidence.model_dump(mode="json") if evidence else dict.fromkeys(EVIDENCE_COLUMNS))
    return row


def facts_frame(kind: str, extractions: dict[object, Extraction]) -> pd.DataFrame:
    """One frame of ``kind`` facts over many documents, keyed by their document ids."""
    rows = [fact_row(doc_id, item) for doc_id, ex in extractions.items() for item in getattr(ex, kind)]
    return pd.DataFrame(rows, columns=fact_columns(kind))


def documents_frame(extractions: dict[object, Extraction]) -> pd.DataFrame:
    rows = []
    for doc_id, ex in extractions.items():
        d = ex.document
        rows.append({
            "document_id": doc_id, "path": ex.source.path, "kind": d.kind, "number": d.number,
            "issued_on": d.issued_on, "issuer": d.issuer, "subject": d.subject,
            "province": d.jurisdiction.province if d.jurisdiction else None,
            "locality": d.jurisdiction.locality if d.jurisdiction else None,
            "label": document_label(d.number, ex.source.path, d.kind, d.issuer),
        })
    return without_nan(pd.DataFrame(rows, columns=DOCUMENT_COLUMNS))


def plain(value):
    """A frame value as plain Python: numpy scalars unwrapped, NaN as None (for pydantic and JSON)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def without_nan(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None, so rows turn into pydantic models and JSON without NaN."""
    return frame.astype(object).where(frame.notna(), None)


DOCUMENT_COLUMNS = ["document_id", "path", "kind", "number", "issued_on", "issuer", "subject",
                    "province", "locality", "label"]


def document_label(number: str | None, path: str, kind: str | None = None, issuer: str | None = None) -> str:
    """How a document is named in reports: its số/ký hiệu, else its kind and issuer, else its file name."""
    if number:
        return number
    if kind and issuer:
        return f"{kind} ({issuer})"
    return Path(path).name
