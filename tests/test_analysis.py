"""The analysts' diff, the findings and the auditors' queries on really ingested samples.

The five seed documents and one further provincial plan (tests/data) are ingested through
the same path as `vanban ingest` into a temporary SQLite database; nothing is mocked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis import diff, findings
from pipeline.ingest import runner as ingest
from pipeline.store import export, queries
from pipeline.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TEXTS = sorted((ROOT / "samples" / "text").glob("*.txt"))
EXTRA_PLAN = ROOT / "tests" / "data" / "ke_hoach_binh_phuoc.txt"
# states each year as a count and its rounded percent: '1/32 Công an phường (3,13%)'
PERCENT_PLAN = ROOT / "tests" / "data" / "ke_hoach_binh_dinh.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    home = tmp_path_factory.mktemp("vanban")
    db = Store(f"sqlite:///{home / 'vanban.db'}")
    outcomes = ingest.ingest_folder(
        [*SAMPLE_TEXTS, EXTRA_PLAN, PERCENT_PLAN], db.url, home / "archive", home / "quarantine"
    )
    assert [o.state for o in outcomes] == ["processed"] * (len(SAMPLE_TEXTS) + 2)
    return db


@pytest.fixture(scope="module")
def frames(store):
    return queries.analysis_frames(store)


@pytest.fixture(scope="module")
def rows(frames):
    return diff.diff_plans(frames)


def _rows_of(rows, province):
    return {r.year: r for r in rows if r.province == province}


def test_khanh_hoa_resolution_meets_the_national_2023_2025_2030_figures(rows):
    kh = _rows_of(rows, "Khánh Hòa")
    for year, wards in ((2023, 1), (2025, 11), (2030, 35)):
        assert kh[year].status == "meets"
        assert kh[year].plan_count == kh[year].national_count == wards
        assert kh[year].plan_evidence.quote and kh[year].national_evidence.quote
    assert kh[2024].status == "not stated"


def test_da_lat_is_partial_scope_with_the_province_remainder(rows):
    dalat = _rows_of(rows, "Lâm Đồng")
    row = dalat[2030]
    assert row.locality == "Đà Lạt" and row.status == "partial scope"
    assert (row.plan_count, row.national_count, row.remainder) == (12, 18, 6)
    assert row.note == "Đà Lạt gồm 12 trong 18 phường của Lâm Đồng; phần còn lại của tỉnh vẫn phải đạt 6"
    assert dalat[2026].plan_count == 5 and dalat[2026].remainder == 3


def test_ha_noi_is_out_of_scope(rows):
    [row] = [r for r in rows if r.province == "Hà Nội"]
    assert row.status == "out of scope" and row.year is None


def test_ninh_binh_2026_is_compared_with_its_former_provinces(rows):
    nb = _rows_of(rows, "Ninh Bình")
    assert set(nb[2030].reference.split(" + ")) == {"Ninh Bình", "Hà Nam", "Nam Định"}
    assert nb[2030].national_total == 17 + 20 + 22
    assert nb[2026].national_count == 8 + 10 + 10


def test_a_plan_that_misses_and_exceeds_the_national_figure(rows):
    bp = _rows_of(rows, "Bình Phước")
    assert bp[2023].status == "meets"
    assert bp[2025].status == "below" and bp[2025].diff_wards == -1 and bp[2025].diff_points == -5.0
    assert bp[2027].status == "above" and bp[2027].diff_wards == 2
    assert bp[2030].status == "meets"
    assert bp[2024].status == "not stated"


def test_a_count_stated_with_its_rounded_percent_is_compared_as_the_count(rows):
    """'19/32 Công an phường (59,38%)': the count wins over the percent, and a percent alone
    ('78,13%') is the count it was rounded from (25 of 32), not the ceiling of 78.13 % × 32."""
    bd = _rows_of(rows, "Bình Định")
    national = {2023: 1, 2024: 4, 2025: 10, 2026: 15, 2027: 20, 2028: 25, 2029: 30, 2030: 32}
    stated = {2023: 1, 2024: 5, 2025: 10, 2026: 15, 2027: 19, 2028: 25, 2029: 30, 2030: 32}
    for year, wards in stated.items():
        assert bd[year].plan_count == wards, year
        assert bd[year].diff_wards == wards - national[year], year
    assert [bd[y].status for y in (2024, 2027, 2028)] == ["above", "below", "meets"]


def test_count_from_percent_is_the_count_the_percent_was_rounded_from():
    assert [diff.count_from_percent(p, 31) for p in (9.68, 25.81, 45.16, 100.0)] == [3, 8, 14, 31]
    assert [diff.count_from_percent(p, 32) for p in (3.13, 15.63, 59.38, 78.13)] == [1, 5, 19, 25]
    assert diff.count_from_percent(30, 10) == 3 and diff.count_from_percent(33.3, 3) == 1


def test_citation_conflicts_between_documents(frames):
    found = [f for f in findings.all_findings(frames) if f.kind == "citation-date-conflict"]
    twelve = [f for f in found if "12-NQ/TW" in f.message]
    assert twelve and "15/03/2022" in twelve[0].message and "16/03/2022" in twelve[0].message
    assert len(twelve[0].document_ids) >= 2


def test_conflicts_inside_a_document(frames):
    found = findings.all_findings(frames)
    conflict = [f for f in found if f.kind == "target-conflict"]
    assert any("5" in f.message and "6" in f.message for f in conflict)
    duplicated = [f for f in found if f.kind == "criteria-duplicated"]
    assert any("tiêu chí 17 và 18 có chỉ tiêu giống hệt nhau" in f.message for f in duplicated)


def test_appendix_rows_below_the_letters_own_30_percent_floor(frames):
    below = [f for f in findings.all_findings(frames) if f.kind == "below-floor"]
    assert any(f.message.startswith("An Giang 2025: 28.57%") for f in below)
    assert not any(f.message.startswith("Bắc Giang 2025") for f in below)  # exactly 30%
    assert all(f.evidence[0].quote for f in below)


def test_obligations_filter_is_diacritic_insensitive(store):
    frame = queries.facts(store, "obligations", queries.Filters.parse(agency="so tu phap"))
    assert len(frame) >= 1 and set(frame["agency"]) == {"Sở Tư pháp"}
    assert frame["quote"].notna().all() and frame["page"].notna().all()
    leads = queries.facts(store, "obligations", queries.Filters.parse(role="chủ trì", province="Hà Nội"))
    assert len(leads) and set(leads["role"]) == {"lead"}


def test_exports_open_with_vietnamese_text_and_dates(store, tmp_path):
    frame = queries.facts(store, "deadlines", queries.Filters.parse(due_after="2024"))
    assert len(frame) and (frame["due"] >= "2024").all()
    export.write(frame, "csv", tmp_path / "d.csv")
    assert (tmp_path / "d.csv").read_bytes().startswith("\ufeff".encode("utf-8"))
    export.write(frame, "xlsx", tmp_path / "d.xlsx")
    back = pd.read_excel(tmp_path / "d.xlsx")
    assert list(back["nhiệm vụ"]) == list(frame["task"])
    export.write(frame, "parquet", tmp_path / "d.parquet")
    assert len(pd.read_parquet(tmp_path / "d.parquet")) == len(frame)
    export.write(frame, "json", tmp_path / "d.json")
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))[0]["task"] == frame["task"].iloc[0]


def test_html_report_has_a_chart_per_province_and_the_findings(rows, frames, tmp_path):
    from pipeline.analysis import report

    html = report.render(rows, findings.all_findings(frames))
    assert html.count("<svg") == len({r.plan for r in rows if r.year is not None})
    assert "Khánh Hòa" in html and "12-NQ/TW" in html


def test_the_report_chart_draws_the_plan_only_where_it_states_a_figure():
    import re

    from pipeline.analysis import report
    from schemas.analysis import DiffRow

    rows = [
        DiffRow(plan_document_id=1, plan="5/KH", province="Lâm Đồng", year=y, status=s, national_count=n, plan_count=p)
        for y, n, p, s in [
            (2025, 5, 4, "below"),
            (2026, 8, None, "not stated"),
            (2027, 12, 12, "meets"),
            (2028, 15, 15, "meets"),
        ]
    ]
    svg = report._chart(rows)
    plan = svg[svg.index('<g id="plan">') :]
    line = re.search(r'<path d="([^"]+)"', plan)[1]
    markers = plan[: plan.index('<g id="patch')].count("<use ")
    # a line 2027-2028 only: 2025 stands alone (a move, no segment), 2026 has no figure
    assert re.findall(r"[ML]", line) == ["M", "M", "L"]
    assert markers == 3


def test_national_table_rules_flag_inconsistent_rows():
    from pipeline.analysis import national_checks

    rows = [
        ("Cao Bằng", 8, 2023, 1, 12.5),
        ("Cao Bằng", 8, 2024, 3, 25.0),  # 3/8 is 37.5%, not 25%
        ("Cao Bằng", 8, 2025, 2, 25.0),
        ("Cao Bằng", 8, 2026, 7, 87.5),
    ]  # count falls; never 100%
    table = pd.DataFrame(
        [
            dict(
                zip(("province", "wards_total", "year", "count", "percent"), r),
                document_id=1,
                page=2,
                quote=r[0],
                issues=[],
            )
            for r in rows
        ]
    )
    doc = pd.Series({"document_id": 1, "label": "1116-CV/ĐUCA"})
    messages = [f.message for f in national_checks.table_findings(table, doc)]
    assert any("tỷ lệ không bằng số lượng / tổng số" in m and "Cao Bằng 2024" in m for m in messages)
    assert any("số lũy kế giảm" in m for m in messages)
    assert any("năm cuối không đạt 100%" in m and "Cao Bằng 2026" in m for m in messages)
