"""pandas frames of the extracted facts, their columns derived from the extraction models.

One column per model field; the nested ``evidence`` is flattened into ``page``, ``start``,
``end``, ``quote``, ``bbox`` — the same names the database tables use (pipeline/queries.py
reads the frames from SQL in these columns).
"""

from __future__ import annotations

import math

import pandas as pd

from schemas.extraction import EVIDENCE_COLUMNS, FACT_MODELS


def fact_columns(kind: str) -> list[str]:
    """The frame columns of a fact kind: the document id, the model's own fields, then the flattened evidence, the
    same names the database tables use."""
    fields = [f for f in FACT_MODELS[kind].model_fields if f != "evidence"]
    return ["document_id", *fields, *EVIDENCE_COLUMNS]


def plain(value):
    """A frame value as plain Python: numpy scalars unwrapped, NaN as None (for pydantic and JSON)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def without_nan(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None, so rows turn into pydantic models and JSON without NaN."""
    return frame.astype(object).where(frame.notna(), None)


DOCUMENT_COLUMNS = [
    "document_id",
    "path",
    "kind",
    "number",
    "issued_on",
    "issuer",
    "subject",
    "province",
    "locality",
    "label",
]
