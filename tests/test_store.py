"""The database: tables generated from the models, round trips, copies and versions, evidence
joins, WAL, a database made by an older vanban, and a missing database."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from pipeline.read.load import document_from_text
from pipeline.store import queries
from pipeline.store.db import Store, StoreUnavailable, version_key
from schemas.extraction import (
    FACT_MODELS,
    Citation,
    Deadline,
    DocumentMeta,
    Evidence,
    Extraction,
    Jurisdiction,
    NationalTarget,
    Obligation,
    Signer,
    Source,
    Target,
    Ward,
)

TEXT = (
    "KẾ HOẠCH\nThực hiện Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị\f"
    "1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản, hoàn thành trước ngày 30/6/2026.\n"
    "2. Phấn đấu đến năm 2026 có 80% phường đạt chuẩn văn minh đô thị.\n"
    "3. Phường Nha Trang thực hiện thí điểm trong năm 2026."
)


def ev(quote: str, page: int = 2, bbox=None) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(page=page, start=start, end=start + len(quote), quote=quote, bbox=bbox)


def extraction(sha: str = "a" * 64, number: str = "45/KH-UBND", subject: str = "thực hiện Nghị quyết 12") -> Extraction:
    return Extraction(
        source=Source(
            path="/inbox/kh45.pdf", sha256=sha, media_type="application/pdf", pages=2, ocr=True, ocr_confidence=91.5
        ),
        document=DocumentMeta(
            kind="Kế hoạch",
            number=number,
            issued_on="2025-07-01",
            place="Khánh Hòa",
            issuer="Ủy ban nhân dân tỉnh Khánh Hòa",
            subject=subject,
            recipients=["Các sở, ban, ngành"],
            signer=Signer(name="Nguyễn Văn A", position="Chủ tịch", capacity="TM. Ủy ban nhân dân"),
            jurisdiction=Jurisdiction(province="Khánh Hòa"),
            evidence={"kind": ev("KẾ HOẠCH", page=1)},
        ),
        citations=[
            Citation(
                kind="Nghị quyết",
                number="12-NQ/TW",
                issued_on="2022-03-15",
                issuer="Bộ Chính trị",
                evidence=ev("Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị", page=1),
            )
        ],
        targets=[
            Target(
                subject="phường đạt chuẩn văn minh đô thị",
                comparator=">=",
                value=80,
                unit="%",
                year=2026,
                recurrence=None,
                evidence=ev("80% phường đạt chuẩn văn minh đô thị"),
            )
        ],
        deadlines=[
            Deadline(
                due="2026-06-30",
                relation="before",
                recurrence=None,
                task="rà soát văn bản",
                agencies=["Sở Tư pháp"],
                evidence=ev("hoàn thành trước ngày 30/6/2026"),
            )
        ],
        wards=[
            Ward(
                name="Phường Nha Trang", locality=None, province="Khánh Hòa", year=2026, evidence=ev("Phường Nha Trang")
            )
        ],
        obligations=[
            Obligation(
                agency="Sở Tư pháp",
                role="lead",
                task="rà soát văn bản",
                partners=["Sở Nội vụ"],
                due="2026-06-30",
                section="1",
                evidence=ev(
                    "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản", bbox=(72.0, 100.5, 400.0, 118.0)
                ),
            )
        ],
        national_targets=[
            NationalTarget(
                province="Khánh Hòa",
                wards_total=48,
                year=2026,
                count=12,
                percent=25.0,
                carried=False,
                issues=["ô 'Tỷ lệ' không khớp"],
            )
        ],
    )


@pytest.fixture
def store(database_url):
    return Store(database_url)


def test_every_model_field_has_a_column(store):
    for name, model in FACT_MODELS.items():
        columns = set(store.tables[name].c.keys())
        assert {"document_id", "page", "start", "end", "quote", "bbox", "search_text"} <= columns
        assert set(model.model_fields) - {"evidence"} <= columns
    documents = set(store.tables["documents"].c.keys())
    assert {"number", "issuer", "signer_name", "jurisdiction_province", "received_on", "sha256", "version"} <= documents


def test_indexes_for_filtered_queries(store):
    indexed = {tuple(c.name for c in ix.columns) for ix in store.tables["obligations"].indexes}
    assert {("document_id",), ("agency_fold",), ("due",), ("role",)} <= indexed


def _plan(store, query) -> str:
    sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        return "\n".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize("sort", ["due", "agency", "role", "document"])
def test_a_keyset_page_walks_its_sort_index_instead_of_sorting_every_filtered_row(tmp_path, sort):
    url = f"sqlite:///{tmp_path / 'vanban.db'}"
    store = Store(url)
    with store.begin() as conn:
        store.save(extraction(), conn)
    store = Store(url)  # an existing database opens again: the order indexes are found, not made twice
    filters = queries.Filters.parse(agency="so tu phap", text="ra soat", role="chu tri", due_after="2026")
    first = _plan(store, queries.obligation_page(store, filters, sort, True, None, 51))
    # the word filters are a set each index entry is tested against, never the rows looked up one by one
    assert f"COVERING INDEX ix_obligations_by_{sort}" in first and "TEMP B-TREE" not in first, first
    assert "INTEGER PRIMARY KEY" not in first, first
    # a page before a cursor: two seeks from the cursor, (key, id) then key, never a walk from an end
    cursor = (5 if sort == "document" else "2026-06-30", 5)
    before = _plan(store, queries.obligation_page(store, filters, sort, False, cursor, 51))
    seeks = [line for line in before.splitlines() if "obligations USING" in line]
    assert len(seeks) == 2 and all(f"COVERING INDEX ix_obligations_by_{sort} (" in line for line in seeks), before
    assert "=? AND id<?)" in seeks[0] and seeks[1].endswith("<?)"), before
    with store.engine.connect() as conn:
        page = conn.execute(queries.obligation_page(store, filters, sort, True, None, 51)).all()
    assert [r.id for r in page] == list(queries.facts(store, "obligations", filters)["id"]) != []


def test_round_trip_rebuilds_the_extraction(store):
    original = extraction()
    with store.begin() as conn:
        saved = store.save(original, conn)
    assert saved.status == "stored"
    assert store.load_extraction(saved.document_id) == original


def test_same_hash_changes_nothing_and_says_so(store):
    with store.begin() as conn:
        first = store.save(extraction(), conn)
    with store.begin() as conn:
        again = store.save(extraction(), conn)
    assert (again.status, again.document_id) == ("duplicate", first.document_id)
    assert "không thay đổi gì" in again.describe()
    assert store.document_count() == 1
    assert store.fact_counts(first.document_id)["obligations"] == 1


def _used(store) -> dict[int, bool]:
    docs = store.tables["documents"]
    with store.engine.connect() as conn:
        return dict(conn.execute(sa.select(docs.c.id, docs.c.used)).all())


def test_an_amendment_under_the_same_number_is_a_new_version(store):
    """Same number and issuer, typed copies, a target changed: a new version that supersedes the
    first (between two OCR readings a changed figure may be a misread one); another number is
    another document."""
    first, amended = extraction(), extraction(sha="b" * 64, subject="thực hiện Nghị quyết 12 (sửa đổi)")
    for typed in (first, amended):
        typed.source = typed.source.model_copy(update={"ocr": False, "media_type": "text/plain"})
    amended.targets[0] = amended.targets[0].model_copy(update={"value": 90})
    with store.begin() as conn:
        v1 = store.save(first, conn, document_from_text(TEXT))
        v2 = store.save(amended, conn, document_from_text(TEXT.replace("80%", "90%")))
        other = store.save(extraction(sha="c" * 64, number="46/KH-UBND"), conn, document_from_text(TEXT))
    assert (v2.status, v2.version, v2.supersedes_id, v2.group_id) == ("new-version", 2, v1.document_id, v1.document_id)
    assert other.status == "stored"
    assert _used(store) == {v1.document_id: False, v2.document_id: True, other.document_id: True}


def test_another_reading_of_the_same_content_is_a_copy_and_the_better_reading_is_used(store):
    """The scan arrives after the text: a copy of the same version, and the text stays the one read."""
    text, scan = extraction(), extraction(sha="b" * 64)
    text.source = text.source.model_copy(update={"ocr": False, "media_type": "text/plain"})
    with store.begin() as conn:
        typed = store.save(text, conn, document_from_text(TEXT))
        scanned = store.save(scan, conn, document_from_text(TEXT.replace("Phấn đấu", "Phẩn đẩu")))
    assert (scanned.status, scanned.group_id, scanned.used_id, scanned.choice) == (
        "copy",
        typed.document_id,
        typed.document_id,
        "worse",
    )
    assert "một bản khác của văn bản #1" in scanned.describe()
    assert _used(store) == {typed.document_id: True, scanned.document_id: False}


def test_a_fragment_never_supersedes_whichever_arrives_first(store):
    """An excerpt with the header of the document (same number) is a fragment: the complete copy is
    read, whether the excerpt came before it or after it."""
    body = (
        TEXT + "\n" + "\n".join(f"{i}. Các sở, ngành báo cáo kết quả thực hiện nhiệm vụ số {i}." for i in range(4, 40))
    )
    excerpt = body[:300]
    with store.begin() as conn:
        early = store.save(extraction(sha="1" * 64), conn, document_from_text(excerpt))
        full = store.save(extraction(sha="2" * 64), conn, document_from_text(body))
        late = store.save(extraction(sha="3" * 64), conn, document_from_text(body[:250]))
    assert full.status == "copy" and full.used_id == full.document_id
    assert late.choice == "fragment" and late.used_id == full.document_id
    assert _used(store) == {early.document_id: False, full.document_id: True, late.document_id: False}


def test_subjects_match_by_similarity_but_not_across_places():
    from pipeline.store.versions import similar_subject

    base = "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Phú Thọ năm 2025"
    assert not similar_subject(base, base.replace("Phú Thọ", "Điện Biên"))
    assert similar_subject(base, "V/v " + base.lower() + ". Trên địa bàn tỉnh hiện có 35 Công an phường")
    assert similar_subject(base, base.replace("sắp xếp", "sắp xép"))  # a tone mark misread
    assert similar_subject(base, base.replace("đơn vị", "đơn vi").replace("cấp xã", "cấp xa"))
    assert similar_subject(base, base.replace("hành chính", "hành chinh").replace("năm", "nam"))
    assert similar_subject(base, base.replace("sắp xếp", "sắp xcp"))  # one word misread in a long subject
    assert not similar_subject("Về công tác phòng cháy", "Về công tác phòng dịch")


def _save(store, conn, sha: str, text: str, **meta):
    ex = Extraction(
        source=Source(path=f"/inbox/{sha[:4]}.txt", sha256=sha, media_type="text/plain", pages=1, ocr=False),
        document=DocumentMeta(**meta),
    )
    return store.save(ex, conn, document_from_text(text))


def test_a_page_without_header_joins_its_document_but_a_text_quoting_a_document_does_not(store):
    body = " ".join(
        f"Điều {i}. Cơ quan thứ {i} thực hiện nhiệm vụ bảo đảm an ninh trật tự số {i}." for i in range(1, 80)
    )
    decision = {"kind": "Quyết định", "subject": "về thực hiện chế độ đối với quân nhân", "issued_on": "2008-10-27"}
    with store.begin() as conn:
        page = _save(store, conn, "1" * 64, body[:1500])  # an inner page, no header read
        whole = _save(store, conn, "2" * 64, "QUYẾT ĐỊNH " + body, **decision)
        consolidated = _save(store, conn, "3" * 64, "Văn bản hợp nhất. " + body + " Điều 99. " * 200)
        other_place = _save(
            store, conn, "4" * 64, body[:2000], kind="Quyết định", subject="về chế độ đối với dân quân tự vệ"
        )
    assert (whole.status, whole.group_id, whole.used_id) == ("copy", page.document_id, whole.document_id)
    assert consolidated.status == "stored"  # it contains the decision, but the decision has a header
    assert other_place.status == "stored"  # contained, but its subject says it is another document


def test_a_document_with_a_header_is_not_a_part_of_a_text_without_one(store):
    """The consolidated text first, the decision it quotes whole afterwards: two documents."""
    body = " ".join(
        f"Điều {i}. Cơ quan thứ {i} thực hiện nhiệm vụ bảo đảm an ninh trật tự số {i}." for i in range(1, 80)
    )
    with store.begin() as conn:
        consolidated = _save(store, conn, "3" * 64, "Văn bản hợp nhất. " + body + " Điều 99. " * 200)
        decision = _save(store, conn, "2" * 64, body, kind="Quyết định", subject="về chế độ đối với quân nhân")
        excerpt = _save(store, conn, "5" * 64, body[:1200])  # no header, in both texts: the decision's
    assert (consolidated.status, decision.status) == ("stored", "stored")
    assert (excerpt.status, excerpt.group_id) == ("copy", decision.document_id)


def test_a_database_made_before_copies_were_grouped_is_grouped_when_opened(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    with store.begin() as conn:
        store.save(extraction(), conn, document_from_text(TEXT))
        store.save(extraction(sha="b" * 64), conn, document_from_text(TEXT + " "))
    with store.engine.begin() as conn:  # what an older vanban left: no grouping, no filing errors
        conn.exec_driver_sql("DROP INDEX ix_documents_used")
        conn.exec_driver_sql("ALTER TABLE documents DROP COLUMN used")
        conn.exec_driver_sql("ALTER TABLE files DROP COLUMN filing_error")
        conn.exec_driver_sql("UPDATE documents SET group_id = NULL")
        conn.exec_driver_sql("DELETE FROM document_shingles")
        conn.exec_driver_sql("DROP TABLE alembic_version")  # made before revisions
    reopened = Store(url)
    assert _used(reopened) == {1: True, 2: False}
    assert "filing_error" in {c["name"] for c in sa.inspect(reopened.engine).get_columns("files")}


def test_a_missing_database_is_an_error_unless_it_may_be_created(tmp_path):
    url = f"sqlite:///{tmp_path / 'home' / 'vanban.db'}"
    with pytest.raises(StoreUnavailable, match="chưa có cơ sở dữ liệu"):
        Store(url, create=False)
    assert not (tmp_path / "home").exists()
    Store(url, create=True)
    assert (tmp_path / "home" / "vanban.db").exists()


def test_an_empty_database_is_not_made_a_store_in_passing(database_url):
    """SQLite: no file; PostgreSQL: a database without vanban's tables. Both an error until created."""
    with pytest.raises(StoreUnavailable, match="chưa có cơ sở dữ liệu"):
        Store(database_url, create=False)
    Store(database_url, create=True)
    assert Store(database_url, create=False).document_count() == 0


def test_version_key_keeps_issuers_apart():
    assert version_key(DocumentMeta(kind="Kế hoạch")) is None
    a = version_key(DocumentMeta(number="15/KH-UBND", issuer="UBND tỉnh Khánh Hòa"))
    b = version_key(DocumentMeta(number="15/KH-UBND", issuer="UBND tỉnh Hà Tĩnh"))
    assert a != b
    assert a == version_key(DocumentMeta(number="15 /KH-UBND", issuer="UBND tỉnh Khánh Hoà"))


def test_any_fact_leads_back_to_document_page_and_quote(store):
    with store.begin() as conn:
        store.save(extraction(), conn)
    ob, docs = store.tables["obligations"], store.tables["documents"]
    query = (
        sa.select(docs.c.number, ob.c.page, ob.c.quote, ob.c.bbox)
        .join(docs, docs.c.id == ob.c.document_id)
        .where(ob.c.search_text.like("%so tu phap%"))
    )
    with store.engine.connect() as conn:
        row = conn.execute(query).one()
    assert row.number == "45/KH-UBND" and row.page == 2
    assert row.quote.startswith("Sở Tư pháp chủ trì") and row.bbox == [72.0, 100.5, 400.0, 118.0]
    with store.engine.connect() as conn:
        by_agency = conn.execute(sa.select(sa.func.count()).select_from(ob).where(ob.c.agency_fold == "so tu phap"))
        assert by_agency.scalar_one() == 1


def test_readers_are_not_blocked_by_a_writing_watcher(store):
    """An auditor's query answers while a write transaction is open (SQLite: WAL; PostgreSQL: MVCC)."""
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with store.begin() as writer:
        store.save(extraction(), writer)
        counts = []
        reader = threading.Thread(target=lambda: counts.append(store.document_count()))
        reader.start()
        reader.join(timeout=5)
        assert counts == [0]
    assert store.document_count() == 1
