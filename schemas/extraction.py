"""Facts extracted from one document: the pydantic twin of the JSON contract.

``Extraction.model_dump(mode="json")`` is exactly what ``vanban extract FILE --json``
prints and must validate against ``../shared/contract/extraction.schema.json``
(a copy lives in ``schemas/extraction.schema.json``). Keys may be added, never renamed.
The database tables and the pandas frames are derived from these models.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, Field

from schemas.document import PageIssue

SCHEMA_VERSION: Final = "1"

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
    """The file the facts were read from: path, hash, type, page count and how the text was obtained (OCR and its
    confidence, a repaired legacy encoding, the pages that could not be read), so a reader knows how far to trust
    it."""

    path: str
    sha256: str
    media_type: str
    pages: int = Field(ge=1)
    ocr: bool
    ocr_confidence: float | None = None
    encoding_repaired: str | None = None
    page_issues: list[PageIssue] = Field(default_factory=list)  # pages kept empty: the rest was read


class Signer(BaseModel):
    """The signature block: the signer's name, position and the capacity they sign in ('T/M Ban Thường vụ', 'KT. Chủ
    tịch')."""

    name: str | None = None
    position: str | None = None
    capacity: str | None = None


class Jurisdiction(BaseModel):
    """The area whose bodies the document binds: a province (without 'tỉnh'/'thành phố') and, when narrower, a
    district-level locality."""

    province: str | None = None
    locality: str | None = None


class Received(BaseModel):
    """The incoming-document stamp ('CÔNG VĂN ĐẾN', 'ĐẾN Ngày: …'): the receiving office's number, the ISO date
    received and the office."""

    number: str | None = None
    on: str | None = None  # ISO date
    by: str | None = None


class DocumentMeta(BaseModel):
    """What a document says about itself in its header and signature block, with the evidence of each field keyed by
    the field's name."""

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
    """One document the text cites, once per distinct (number, date); ``kind`` from the words before it or the
    letters of its symbol."""

    kind: str
    number: str | None
    issued_on: str | None
    issuer: str | None = None
    title: str | None = None
    evidence: Evidence


class Target(BaseModel):
    """A numeric target (chỉ tiêu): a level to reach, or a change to make when ``change`` is set, by ``year`` or
    every ``recurrence`` period; ``count``/``of`` when the text gives a share ('11/35')."""

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
    """A time-bound commitment: a task due by, before, on or during a year, month or day (``due`` in ISO form,
    '--MM-DD' for a day every year) and the bodies it falls to."""

    due: str = Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
    relation: Relation
    recurrence: Recurrence | None
    task: str
    agencies: list[str] = Field(default_factory=list)
    evidence: Evidence


class Ward(BaseModel):
    """A ward-level unit the document names, with the year it is scheduled for, its locality and province, and its
    official code when the gazetteer knows it."""

    name: str
    locality: str | None
    province: str | None
    year: int | None
    gazetteer_code: str | None = None
    evidence: Evidence


class Obligation(BaseModel):
    """One task assigned to one named body, with its role (chủ trì → lead, phối hợp → support), its partners and its
    due date."""

    agency: str
    role: Role
    task: str
    partners: list[str] = Field(default_factory=list)
    due: str | None = None
    recurrence: Recurrence | None = None
    section: str | None = None
    evidence: Evidence


class NationalTarget(BaseModel):
    """One province and year of a per-province target table (the central appendix), after reconciliation; ``issues``
    say what was repaired or could not be settled."""

    province: str
    wards_total: int
    year: int
    count: int
    percent: float
    carried: bool
    evidence: Evidence | None = None
    issues: list[str] = Field(default_factory=list)  # cells that could not be reconciled


class Extraction(BaseModel):
    """The contract object for one document: what ``vanban extract --json`` prints and the store saves; keys may be
    added, never renamed (``schemas/extraction.schema.json``)."""

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
