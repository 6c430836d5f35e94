"""What each page and API answer shows, read from a read-only store: the obligations (filtered by
the store's one query builder, sorted, a keyset page with facet counts), a fact's evidence and its
page image, the documents and the inbox ledger, and the plans of a province against the national
trajectory.

What the API answers is a model of ``schemas.web``: the API returns it as JSON and the pages render it.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from pipeline.analysis import diff as plan_diff
from pipeline.analysis import findings as cross_checks
from pipeline.ingest.status import status as inbox_status
from pipeline.messages import reason, t
from pipeline.store import queries
from pipeline.store.db import Store, due_last_day
from pipeline.store.ledger import LedgerState
from pipeline.text import fold
from pipeline.web import images
from schemas.document import TextSource
from schemas.extraction import FACT_MODELS
from schemas.frames import fact_columns, plain
from schemas.web import (
    ChartPoint,
    CopyInfo,
    DocumentGroup,
    DocumentsOverview,
    Evidence,
    FacetCount,
    FactRef,
    LedgerFile,
    ObligationPage,
    ObligationRow,
    PageView,
    PlanDiff,
    ProvinceDiff,
    SortKey,
    SortOrder,
)

PAGE_SIZE = 50
PAGE_SIZE_MAX = 500
FACET_VALUES = 12  # the most frequent agencies shown; roles and years are few
OTHER_FACTS_MAX = 200  # a document's other facts listed beside one of them
LEDGER_ROWS = 200  # files of each state listed on the documents page
COUNTS_KEPT = 256  # filter sets whose total and facets are kept
# The metadata shown beside a fact (each has a ``web.meta.*`` name in the catalogues).
DOCUMENT_FIELDS = (
    "kind",
    "number",
    "issued_on",
    "place",
    "issuer",
    "subject",
    "recipients",
    "signer_name",
    "signer_position",
    "jurisdiction_province",
    "jurisdiction_locality",
    "ocr_confidence",
)


class NotFound(LookupError):
    """Nothing of that kind with that id (the API answers 404)."""


def encode_cursor(value: Any, row_id: int) -> str:
    """The position after a row, as an opaque token for the next page's URL."""
    return base64.urlsafe_b64encode(json.dumps([value, row_id]).encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[Any, int]:
    """A token made by ``encode_cursor``; anything else is a ``BadFilter``."""
    try:
        value, row_id = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(row_id, int) or not isinstance(value, str | int | float):
            raise ValueError(token)
        return value, row_id
    except (ValueError, TypeError, binascii.Error) as e:
        raise queries.BadFilter(t("web.bad_cursor")) from e


def obligations(
    store: Store,
    filters: queries.Filters,
    sort: SortKey = "due",
    order: SortOrder = "asc",
    after: str | None = None,
    before: str | None = None,
    limit: int = PAGE_SIZE,
    facets: bool = False,
) -> ObligationPage:
    """One keyset page of the obligations ``filters`` select (the conditions of ``vanban
    obligations``), ordered by ``sort`` then id: the first, the one after the cursor ``after`` or
    the one before ``before``; with the total, and the facet counts when asked for."""
    table, docs = store.schema.facts["obligations"], store.schema.documents
    limit = max(1, min(limit, PAGE_SIZE_MAX))
    backwards = before is not None and after is None  # the page before: walked the other way, then turned
    ascending = (order == "asc") != backwards
    cursor = after or before
    position = decode_cursor(cursor) if cursor else None
    # the page's ids from the sort's order index; then the wide rows of those ids only
    ids = queries.obligation_page(store, filters, sort, ascending, position, limit + 1).subquery()
    page = (
        sa.select(
            table.c.id,
            table.c.document_id,
            table.c.agency,
            table.c.role,
            table.c.due,
            table.c.task,
            table.c.section,
            table.c.page,
            table.c.bbox.is_not(None).label("has_box"),
            ids.c.sort_key,
            docs.c.number,
            docs.c.path,
            docs.c.kind,
            docs.c.issuer,
            docs.c.issued_on,
        )
        .join(ids, ids.c.id == table.c.id)
        .join(docs, docs.c.id == table.c.document_id)
        .order_by(*((ids.c.sort_key.asc(), ids.c.id.asc()) if ascending else (ids.c.sort_key.desc(), ids.c.id.desc())))
    )
    with store.engine.connect() as conn:
        found = conn.execute(page).all()
    total, counts = _counted(store, queries.data_version(store), filters, facets)
    more = len(found) > limit
    shown = found[:limit][::-1] if backwards else found[:limit]
    rows = [
        ObligationRow(
            id=r.id,
            document_id=r.document_id,
            document=queries.document_label(r.number, r.path, r.kind, r.issuer, r.issued_on),
            agency=r.agency,
            role=r.role,
            due=r.due,
            due_precision=queries.precision(r.due),
            task=r.task,
            section=r.section,
            page=r.page,
            has_box=bool(r.has_box),
        )
        for r in shown
    ]
    # a page reached through a cursor has rows on the cursor's side; the far side has more when the LIMIT cut
    after_last = shown[-1] if shown and (backwards or more) else None
    before_first = shown[0] if shown and (more if backwards else after is not None) else None
    return ObligationPage(
        rows=rows,
        total=total,
        next=encode_cursor(after_last.sort_key, after_last.id) if after_last is not None else None,
        previous=encode_cursor(before_first.sort_key, before_first.id) if before_first is not None else None,
        sort=sort,
        order=order,
        facets=counts,
    )


def facets(store: Store, filters: queries.Filters) -> dict[str, list[FacetCount]]:
    """The facet counts of the obligations ``filters`` select: a pass over every filtered row, so
    the home page loads them after its rows and the API only when asked (``facets=true``)."""
    return _counted(store, queries.data_version(store), filters, True)[1]


@lru_cache(maxsize=COUNTS_KEPT)
def _counted(
    store: Store, version: tuple, filters: queries.Filters, with_facets: bool
) -> tuple[int, dict[str, list[FacetCount]]]:
    """The number of rows ``filters`` select (and their facets): every filtered row is read, which
    over 100,000 rows takes longer than a page, so the figures are kept per filter set for as long as
    the store's data version holds (the next and previous pages, and the facets after the rows)."""
    table = store.schema.facts["obligations"]
    where = queries.conditions(store, "obligations", filters)
    with store.engine.connect() as conn:
        if with_facets:
            return _facets(conn, table, where)
        return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one(), {}


def _facets(conn: sa.Connection, table: sa.Table, where: list[sa.ColumnElement]) -> tuple[int, dict]:
    """The number of filtered rows and how many each agency (the most frequent), role and due year
    has, from one pass over them (a group per agency, role and year, summed here)."""
    year = sa.case((table.c.due.like("--%"), None), else_=sa.func.substr(due_last_day(table.c.due), 1, 4))
    # grouped by expressions, so SQLite reads the covering index instead of a one-column index's rows
    groups = conn.execute(
        sa.select(table.c.agency_fold.concat(""), table.c.agency, table.c.role.concat(""), year, sa.func.count())
        .where(*where)
        .group_by(table.c.agency_fold.concat(""), table.c.role.concat(""), year)
    ).all()
    total = 0
    counted: dict[str, Counter] = {"agency": Counter(), "role": Counter(), "year": Counter()}
    named: dict[str, str] = {}
    for folded, agency, role, due_year, n in groups:
        total += n
        if folded:
            counted["agency"][folded] += n
            named.setdefault(folded, agency)
        if role:
            counted["role"][role] += n
        if due_year:
            counted["year"][due_year] += n
    agencies = sorted(counted["agency"].items(), key=lambda item: (-item[1], item[0]))[:FACET_VALUES]
    return total, {
        "agency": [FacetCount(value=named[k], count=n) for k, n in agencies],
        "role": [FacetCount(value=k, count=n) for k, n in counted["role"].most_common()],
        "year": [FacetCount(value=k, count=n) for k, n in sorted(counted["year"].items())],
    }


def export_frame(store: Store, filters: queries.Filters):
    """Exactly the obligations ``filters`` select, in the columns ``vanban obligations`` exports."""
    return queries.facts(store, "obligations", filters)


# ----------------------------------------------------------------------------------------------
# Evidence
# ----------------------------------------------------------------------------------------------


def _copy_info(row: Any, archive: Path, store: Store) -> CopyInfo:
    return CopyInfo(
        id=row.id,
        path=row.path,
        media_type=row.media_type,
        reading=row.reading,
        version=row.version,
        used=bool(row.used),
        role=row.copy_role,
        choice=row.choice,
        pages=row.pages,
        ingested_at=row.ingested_at.isoformat(timespec="seconds") if row.ingested_at else None,
        archived=images.archived_original(store, row.id, archive) is not None,
    )


def evidence(store: Store, kind: str, fact_id: int, archive: Path) -> Evidence:
    """A fact with its page (image and box for a scan, text and span otherwise), its document,
    the copy it was read from with the document's other copies, and the document's other facts."""
    if kind not in FACT_MODELS:
        raise NotFound(kind)
    table, docs, pages = store.schema.facts[kind], store.schema.documents, store.schema.pages
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(table).where(table.c.id == fact_id)).first()
        if row is None:
            raise NotFound(f"{kind} {fact_id}")
        doc = conn.execute(sa.select(docs).where(docs.c.id == row.document_id)).one()
        group = conn.execute(
            sa.select(docs).where(docs.c.group_id == doc.group_id).order_by(docs.c.version, docs.c.id)
        ).all()
        page_row = (
            conn.execute(sa.select(pages).where(pages.c.document_id == doc.id, pages.c.number == row.page)).first()
            if row.page
            else None
        )
        others = _other_facts(conn, store, doc.id, (kind, fact_id))
    bbox = tuple(row.bbox) if row.bbox else None
    original = images.archived_original(store, doc.id, archive)
    page = None
    if page_row is not None:
        span = None
        if row.start is not None and row.end is not None:
            length = len(page_row.text)
            start = min(max(row.start - page_row.start, 0), length)
            span = (start, min(max(row.end - page_row.start, start), length))
        drawable = images.can_draw(doc.media_type) and original is not None
        if bbox is None and original is not None and row.quote and page_row.source == TextSource.text_layer.value:
            bbox = images.text_layer_box(original, page_row.number, row.quote)  # a born-digital PDF's page
        page = PageView(
            number=page_row.number,
            width=page_row.width,
            height=page_row.height,
            image=drawable and page_row.width is not None,
            text=page_row.text,
            span=span,
        )
    fact = {c: plain(getattr(row, c)) for c in fact_columns(kind) if c in row._fields}
    return Evidence(
        kind=kind,
        id=fact_id,
        fact=fact,
        bbox=bbox,
        page=page,
        document={name: plain(getattr(doc, name)) for name in DOCUMENT_FIELDS if name in doc._fields},
        document_label=queries.document_label(doc.number, doc.path, doc.kind, doc.issuer, doc.issued_on),
        read_from=_copy_info(doc, archive, store),
        copies=[_copy_info(r, archive, store) for r in group],
        others=others,
    )


def _other_facts(conn: sa.Connection, store: Store, document_id: int, this: tuple[str, int]) -> list[FactRef]:
    refs: list[FactRef] = []
    for kind, table in store.schema.facts.items():
        rows = conn.execute(
            sa.select(table.c.id, table.c.page, table.c.quote)
            .where(table.c.document_id == document_id)
            .order_by(table.c.position)
            .limit(OTHER_FACTS_MAX)
        )
        refs += [FactRef(kind=kind, id=r.id, page=r.page, quote=r.quote) for r in rows if (kind, r.id) != this]
    return refs[:OTHER_FACTS_MAX]


def page_image(store: Store, copy_id: int, number: int, archive: Path, cache: Path) -> Path:
    """The PNG of page ``number`` of a copy, drawn from its archived original (``images``)."""
    docs, pages = store.schema.documents, store.schema.pages
    with store.engine.connect() as conn:
        doc = conn.execute(sa.select(docs).where(docs.c.id == copy_id)).first()
        width = conn.execute(
            sa.select(pages.c.width).where(pages.c.document_id == copy_id, pages.c.number == number)
        ).scalar()
    if doc is None or width is None or not images.can_draw(doc.media_type):
        raise NotFound(f"{copy_id}/{number}")
    original = images.archived_original(store, copy_id, archive)
    if original is None:
        raise NotFound(f"{copy_id}")
    return images.page_png(original, doc.media_type, doc.sha256, number, width, cache)


def fact_at(store: Store, document_id: int, page: int | None, quote: str | None) -> tuple[str, int]:
    """The fact a diff row or a finding quotes (document, page, quote): where its evidence is shown."""
    with store.engine.connect() as conn:
        for kind, table in store.schema.facts.items():
            query = sa.select(table.c.id).where(table.c.document_id == document_id)
            if page is not None:
                query = query.where(table.c.page == page)
            if quote:
                query = query.where(table.c.quote == quote)
            found = conn.execute(query.order_by(table.c.position).limit(1)).scalar()
            if found is not None:
                return kind, found
    raise NotFound(f"document {document_id} page {page}")


# ----------------------------------------------------------------------------------------------
# Documents and the ledger
# ----------------------------------------------------------------------------------------------


def documents(store: Store, archive: Path) -> DocumentsOverview:
    """The ledger's counts and files by state (the quarantined with their reason), and every
    document with its versions and copies."""
    counted = inbox_status(store)
    files = store.schema.files
    by_state: dict[str, list[LedgerFile]] = {}
    with store.engine.connect() as conn:
        for state in LedgerState:
            rows = conn.execute(
                sa.select(files).where(files.c.state == state.value).order_by(files.c.id.desc()).limit(LEDGER_ROWS)
            ).all()
            by_state[state.value] = [
                LedgerFile(
                    path=str(Path(r.inbox) / r.path),
                    state=r.state,
                    reason=reason(r.reason) if r.reason else None,
                    document_id=r.document_id,
                    updated_at=r.updated_at.isoformat(timespec="seconds") if r.updated_at else None,
                )
                for r in rows
            ]
        docs = store.schema.documents
        every = conn.execute(sa.select(docs).order_by(docs.c.group_id, docs.c.version, docs.c.id)).all()
    grouped: dict[int, list[Any]] = defaultdict(list)
    for r in every:
        grouped[r.group_id or r.id].append(r)
    groups = []
    for group_id, members in grouped.items():
        used = next((m for m in members if m.used), members[0])
        groups.append(
            DocumentGroup(
                group=group_id,
                label=queries.document_label(used.number, used.path, used.kind, used.issuer, used.issued_on),
                copies=[_copy_info(m, archive, store) for m in members],
            )
        )
    return DocumentsOverview(
        counts={
            "processed": counted.processed,
            "duplicates": counted.duplicates,
            "quarantined": counted.quarantined,
            "pending": counted.pending,
        },
        files=by_state,
        documents=groups,
    )


# ----------------------------------------------------------------------------------------------
# Diff
# ----------------------------------------------------------------------------------------------


def province_diff(store: Store, province: str | None = None) -> ProvinceDiff:
    """The plans of one province (the first with a plan when none is asked) against the national
    trajectory, and the findings about its documents."""
    frames = queries.analysis_frames(store)
    if plan_diff.national_reference(frames["national_targets"], frames["documents"]).empty:
        return ProvinceDiff(provinces=[])
    rows = plan_diff.diff_plans(frames)
    provinces = sorted({r.province for r in rows if r.province}, key=fold)
    wanted = fold(province) if province else None
    chosen = next((p for p in provinces if fold(p) == wanted), provinces[0] if provinces else None)
    plans: dict[tuple[str, int | str], list] = defaultdict(list)
    for r in rows:
        if r.province == chosen:
            plans[(r.plan, r.plan_document_id)].append(r)
    shown = [
        PlanDiff(
            plan=plan,
            plan_document_id=document_id,
            province=chosen,
            locality=group[0].locality,
            reference=group[0].reference,
            chart=[ChartPoint(year=r.year, national=r.national_count, plan=r.plan_count) for r in group if r.year],
            rows=group,
        )
        for (plan, document_id), group in plans.items()
    ]
    ids = {str(p.plan_document_id) for p in shown}
    named = fold(chosen or "")
    found = [
        f
        for f in cross_checks.all_findings(frames)
        if ids & {str(i) for i in f.document_ids} or (named and named in fold(f.message))
    ]
    return ProvinceDiff(provinces=provinces, province=chosen, plans=shown, findings=found)
