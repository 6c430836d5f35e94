"""Facts extracted from one document: the pydantic twin of the JSON contract.

``Extraction.model_dump(mode="json")`` is exactly what ``vanban extract FILE --json``
prints and must validate against ``../shared/contract/extraction.schema.json``
(a copy lives in ``schemas/extraction.schema.json``). Keys may be added, never renamed.
The database tables and the pandas frames are derived from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1"

Comparator = Literal[">=", ">", "=", "<=", "<"]
Change = Literal["increase", "decrease"]
Recurrence = Literal["yearly", "half-yearly", "quarterly", "monthly", "weekly"]
Relation = Literal["before", "by", "on", "during"]
Role = Literal["lead", "support", "assigned"]


class Evidence(BaseModel):
    """Where a fact was read: 1-based page, offsets into the normalized full text,
    the quoted text, and the union of OCR word boxes when the page was OCR'd."""

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    bbox: tuple[float, float, float, float] | None = None


class Source(BaseModel):
    path: str
    sha256: str
    media_type: str
    pages: int = Field(ge=1)
    ocr: bool
    ocr_confidence: float | None = None
    encoding_repaired: str | None = None


class Signer(BaseModel):
    name: str | None = None
    position: str | None = None
    capacity: str | None = None


class Jurisdiction(BaseModel):
    province: str | None = None
    locality: str | None = None


class Received(BaseModel):
    number: str | None = None
    on: str | None = None  # ISO date
    by: str | None = None


class DocumentMeta(BaseModel):
    kind: str | None = None
    number: str | None = None
    issued_on: str | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    recipients: list[str] = Field(default_factory=list)
    signer: Signer | None = None
    jurisdiction: Jurisdiction | None = None
    received: Received | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)  # field name → where it was read


class Citation(BaseModel):
    kind: str
    number: str | None
    issued_on: str | None
    issuer: str | None = None
    title: str | None = None
    evidence: Evidence


class Target(BaseModel):
    subject: str
    comparator: Comparator
    change: Change | None = None
    value: float
    value_max: float | None = None
    unit: str
    count: int | None = None
    of: int | None = None
    year: int | None
    recurrence: Recurrence | None
    scope: str | None = None
    criterion: int | None = None
    evidence: Evidence


class Deadline(BaseModel):
    due: str = Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
    relation: Relation
    recurrence: Recurrence | None
    task: str
    agencies: list[str] = Field(default_factory=list)
    evidence: Evidence


class Ward(BaseModel):
    name: str
    locality: str | None
    province: str | None
    year: int | None
    gazetteer_code: str | None = None
    evidence: Evidence


class Obligation(BaseModel):
    agency: str
    role: Role
    task: str
    partners: list[str] = Field(default_factory=list)
    due: str | None = None
    recurrence: Recurrence | None = None
    section: str | None = None
    evidence: Evidence


class NationalTarget(BaseModel):
    province: str
    wards_total: int
    year: int
    count: int
    percent: float
    carried: bool
    evidence: Evidence | None = None
    issues: list[str] = Field(default_factory=list)  # cells that could not be reconciled


class Extraction(BaseModel):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    document: DocumentMeta
    citations: list[Citation] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    wards: list[Ward] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    national_targets: list[NationalTarget] = Field(default_factory=list)


# Fact kinds in the order of the Extraction fields they come from; the database tables, the
# pandas frames and the exports are built from these models.
FACT_MODELS: dict[str, type[BaseModel]] = {
    "citations": Citation,
    "targets": Target,
    "deadlines": Deadline,
    "wards": Ward,
    "obligations": Obligation,
    "national_targets": NationalTarget,
}
EVIDENCE_COLUMNS = list(Evidence.model_fields)
