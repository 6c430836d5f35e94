"""What the web app's JSON API answers (``/api``, its OpenAPI schema generated from these models).

The pages are rendered from the same objects, so what a page shows and what the API returns
cannot drift apart. Keys may be added, never renamed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas.analysis import DiffRow, Finding

SortKey = Literal["due", "agency", "role", "document", "id"]
SortOrder = Literal["asc", "desc"]


class ObligationRow(BaseModel):
    """One obligation as the home page lists it, with the copy it was read from."""

    id: int
    document_id: int
    document: str  # the document's label, never blank
    agency: str | None = None
    role: str | None = None
    due: str | None = None
    due_precision: str | None = None
    task: str | None = None
    section: str | None = None
    page: int | None = None
    has_box: bool = False  # the fact's box on the scan is known


class FacetCount(BaseModel):
    """One value of a facet and how many filtered rows have it."""

    value: str
    count: int


class ObligationPage(BaseModel):
    """One page of filtered obligations: keyset pagination (``next`` is the cursor of the page
    after this one, None on the last; ``previous`` of the page before, None on the first), the
    total, and the facet counts of all filtered rows when asked for (``facets=true``)."""

    rows: list[ObligationRow]
    total: int
    next: str | None = None
    sort: SortKey = "due"
    order: SortOrder = "asc"
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)  # agency, role, year
    previous: str | None = None


class CopyInfo(BaseModel):
    """One stored file of a document: which copy it is, how it was read, whether queries read it and why."""

    id: int
    path: str
    media_type: str
    reading: str | None = None
    version: int | None = None
    used: bool = False
    role: str | None = None
    choice: str | None = None
    pages: int | None = None
    ingested_at: str | None = None
    archived: bool = False  # the original is in the archive and can be shown


class PageView(BaseModel):
    """The page a fact is on: its size in PDF points and whether an image of it can be drawn; its
    text with the span of the fact (offsets inside the page text) for text inputs."""

    number: int
    width: float | None = None
    height: float | None = None
    image: bool = False  # the page can be drawn from the archived original
    text: str = ""
    span: tuple[int, int] | None = None


class FactRef(BaseModel):
    """Another fact of the same document, as a link."""

    kind: str
    id: int
    page: int | None = None
    quote: str | None = None


class Evidence(BaseModel):
    """A fact with everything an auditor checks it against: the page (image and box, or text and
    span), the document's metadata, its other facts and the copy it came from."""

    kind: str
    id: int
    fact: dict[str, Any]
    bbox: tuple[float, float, float, float] | None = None
    page: PageView | None = None
    document: dict[str, Any]
    document_label: str
    read_from: CopyInfo  # the copy the fact was read from
    copies: list[CopyInfo] = Field(default_factory=list)  # every copy of the document, this one included
    others: list[FactRef] = Field(default_factory=list)


class LedgerFile(BaseModel):
    """One file that arrived: what became of it and, when quarantined, why (in the current language)."""

    path: str
    state: str
    reason: str | None = None
    document_id: int | None = None
    updated_at: str | None = None


class DocumentGroup(BaseModel):
    """A document with its versions and copies."""

    group: int
    label: str
    copies: list[CopyInfo]


class DocumentsOverview(BaseModel):
    """The secretariat's view of the watched folder and the archive."""

    counts: dict[str, int]  # processed, duplicates, quarantined, pending
    files: dict[str, list[LedgerFile]]  # by state
    documents: list[DocumentGroup]


class ChartPoint(BaseModel):
    """One year of a plan's chart: the national figure, and the plan's only where the plan states one."""

    year: int
    national: int | None = None
    plan: int | None = None


class PlanDiff(BaseModel):
    """One plan of a province against the national trajectory."""

    plan: str
    plan_document_id: int | str
    province: str | None = None
    locality: str | None = None
    reference: str | None = None
    chart: list[ChartPoint] = Field(default_factory=list)
    rows: list[DiffRow]


class ProvinceDiff(BaseModel):
    """The Diff page: the provinces with a plan, the plans of the one chosen, and the findings."""

    provinces: list[str]
    province: str | None = None
    plans: list[PlanDiff] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
