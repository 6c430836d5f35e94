"""What the analysts' diff and the cross-document checks produce.

Rows carry evidence on both sides (document, page, quote) so a reader can check each
status against the national table and against the plan.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.frames import plain

Status = Literal["meets", "above", "below", "not stated", "partial scope", "out of scope"]


class Side(BaseModel):
    """One side of a comparison: where a figure was read."""

    document_id: int | str | None = None
    document: str | None = None  # số/ký hiệu or file name
    page: int | None = None
    quote: str | None = None

    @classmethod
    def read_at(cls, document_id, label: str, row=None) -> Side:
        """The side for a document, at the page and quote of a fact row when one is given."""
        if row is None:
            return cls(document_id=plain(document_id), document=label)
        return cls(
            document_id=plain(document_id), document=label, page=plain(row.get("page")), quote=plain(row.get("quote"))
        )


class DiffRow(BaseModel):
    """One plan against the national table for one year: both figures, the status and the difference in wards and
    percentage points, with evidence on both sides."""

    plan_document_id: int | str
    plan: str  # số/ký hiệu or file name of the plan
    province: str | None  # the plan's province as it names itself
    locality: str | None = None
    reference: str | None = None  # province(s) of the national table compared with, '+'-joined when merged
    year: int | None = None
    status: Status
    national_total: int | None = None
    national_count: int | None = None
    national_percent: float | None = None
    plan_count: int | None = None  # wards the plan commits to by this year (cumulative)
    plan_percent: float | None = None
    plan_comparator: str | None = None
    diff_wards: int | None = None  # plan − national
    diff_points: float | None = None  # percentage points, plan − national
    remainder: int | None = None  # partial scope: what the rest of the province must still deliver
    note: str | None = None
    national_evidence: Side = Field(default_factory=Side)
    plan_evidence: Side = Field(default_factory=Side)


class Finding(BaseModel):
    """Something an analyst should look at — a conflict between or inside documents, or a check the national table
    fails — with the documents and places it was seen."""

    kind: Literal[
        "citation-date-conflict",
        "citation-number-conflict",
        "target-conflict",
        "criteria-duplicated",
        "table-inconsistent",
        "below-floor",
    ]
    message: str
    document_ids: list[int | str] = Field(default_factory=list)
    evidence: list[Side] = Field(default_factory=list)
