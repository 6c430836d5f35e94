"""Records an auditor can trust, driven through the `vanban` command on really ingested samples.

The five seed texts, the born-digital PDF and Word copies of two seeds, a photo of page 1 of the
Khánh Hòa resolution (OCR'd by real Tesseract) and a 2,500-character excerpt of the Ninh Bình
letter are ingested with `vanban ingest` — the page image and the excerpt last, where they used to
replace the full documents — and every query, export and status goes through the command line.
The slow test at the end runs the README's main job on every sample (scans included).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.store import export, queries
from pipeline.store.db import shown_url
from tests.databases import BACKENDS, database
from tests.paths import ROOT

VANBAN = str(Path(sys.executable).parent / "vanban")
TEXTS = sorted((ROOT / "samples" / "text").glob("*.txt"))
DIGITAL = sorted(p for p in (ROOT / "samples" / "digital").iterdir() if p.is_file())
PAGE_IMAGE = ROOT / "samples" / "scans" / "001_efde63602c576959.office.page-001.jpg"
NINH_BINH = ROOT / "samples" / "text" / "004_ac113182727c1ec2.txt"
runner = CliRunner()


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("home")
    excerpt = home.parent / "trích công văn Ninh Bình.txt"
    excerpt.write_text(NINH_BINH.read_text(encoding="utf-8")[:2500], encoding="utf-8")
    env = {**os.environ, "VANBAN_HOME": str(home)}
    env.pop("VANBAN_DB", None)
    files = [*TEXTS, *DIGITAL, PAGE_IMAGE, excerpt]
    with database(request.param, home) as url:
        done = subprocess.run(
            [VANBAN, "ingest", "--no-prefect", "--db", url, *map(str, files)],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().endswith(f"{len(files)} đã xử lý")
        yield url


def run(db: str, *args: str, code: int = 0):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def rows(db: str, *args: str) -> list[dict]:
    return json.loads(run(db, *args, "--format", "json").stdout)


def ids(db: str, *args: str) -> set[int]:
    return {r["id"] for r in rows(db, *args)}


# ---------------------------------------------------------------------------------------------
# Versions
# ---------------------------------------------------------------------------------------------


def test_the_copies_of_seed_001_are_one_document_read_from_its_born_digital_pdf(db):
    documents = rows(db, "documents")
    assert len(documents) == len(TEXTS)  # one per seed, whatever the number of files
    copies = [r for r in rows(db, "documents", "--versions") if "001_efde63602c576959" in r["file"]]
    assert {Path(r["file"]).suffix for r in copies} == {".txt", ".docx", ".pdf", ".jpg"}
    assert len({r["group"] for r in copies}) == 1
    [used] = [r for r in copies if r["used"]]
    assert (Path(used["file"]).name, used["reading"], used["choice"]) == (
        "001_efde63602c576959.pdf",
        "text-layer",
        "best",
    )
    [image] = [r for r in copies if r["file"].endswith(".jpg")]
    assert (image["role"], image["choice"], image["reading"]) == ("fragment", "fragment", "ocr")
    [khanh_hoa] = [d for d in documents if d["group"] == used["group"]]
    assert khanh_hoa["copies"] == 4 and khanh_hoa["document"] == "Nghị quyết của Ban Thường vụ Tỉnh ủy Khánh Hòa"


def test_a_fragment_and_a_page_image_do_not_supersede_the_full_document(db):
    copies = rows(db, "documents", "--versions")
    [excerpt] = [r for r in copies if "trích" in r["file"]]
    [full] = [r for r in copies if r["group"] == excerpt["group"] and r["used"]]
    assert full["file"] == str(NINH_BINH) and excerpt["choice"] == "fragment"
    ninh_binh = rows(db, "obligations", "--document", str(full["group"]))
    assert len(ninh_binh) == 10 and {r["document_id"] for r in ninh_binh} == {full["copy"]}
    # the excerpt's own facts stay reachable by asking for its copy
    assert {r["document_id"] for r in rows(db, "obligations", "--copy", str(excerpt["copy"]))} == {excerpt["copy"]}
    [image] = [r for r in copies if r["file"].endswith(".jpg")]
    assert len(rows(db, "obligations", "--document", str(image["group"]))) == 12
    said = run(db, "status").stdout
    assert "bản không được dùng cho truy vấn" in said and "2 chỉ là một phần văn bản" in said


@pytest.mark.ocr
def test_an_amendment_after_a_scan_is_a_new_version_and_replaces_the_original(tmp_path):
    """The Ninh Bình letter as text and as a scan (OCR makes the scan the longest copy), then a
    corrected re-issue moving a milestone from 2028 to 2027: a new version, read from then on;
    it was taken for one more copy of the original because it was compared with the scan only."""
    amended = tmp_path / "công văn Ninh Bình sửa đổi.txt"
    original = NINH_BINH.read_text(encoding="utf-8")
    amended.write_text(original.replace("Đến năm 2028, hoàn thành", "Đến năm 2027, hoàn thành"), encoding="utf-8")
    scan = ROOT / "samples" / "scans" / "004_ac113182727c1ec2.office.pdf"
    home = tmp_path / "home"
    done = _vanban("ingest", "--no-prefect", str(NINH_BINH), str(scan), str(amended), home=home, timeout=900)
    assert done.returncode == 0, done.stderr
    assert "phiên bản 2 của văn bản #1" in done.stdout.splitlines()[2], done.stdout
    db = f"sqlite:///{home / 'vanban.db'}"
    copies = {Path(r["file"]).name: r for r in rows(db, "documents", "--versions")}
    assert (copies[amended.name]["version"], copies[amended.name]["used"]) == (2, True)
    assert {(copies[name]["version"], copies[name]["choice"]) for name in (NINH_BINH.name, scan.name)} == {(1, "older")}
    dues = {r["due"] for r in rows(db, "deadlines")}
    assert "2027" in dues and "2028" not in dues
    assert "2 thuộc phiên bản cũ" in run(db, "status").stdout


def test_every_obligation_is_listed_once_from_the_copy_read(db):
    copies = rows(db, "documents", "--versions")
    used = {r["copy"]: r["group"] for r in copies if r["used"]}
    listed = rows(db, "obligations")
    assert {r["document_id"] for r in listed} <= set(used)
    per_copy = Counter(r["document_id"] for r in listed)
    for copy in per_copy:
        assert per_copy[copy] == len(rows(db, "obligations", "--copy", str(copy)))
    assert len(listed) == len({(r["document_group"], r["agency"], r["task"], r["start"]) for r in listed})


def test_diff_and_report_show_khanh_hoa_once(db, tmp_path):
    diff = rows(db, "diff")
    khanh_hoa = [r for r in diff if r["province"] == "Khánh Hòa"]
    assert khanh_hoa and len(khanh_hoa) == len({r["year"] for r in khanh_hoa})
    html = tmp_path / "báo cáo.html"
    said = run(db, "report", "--html", str(html)).stdout
    assert said.startswith(f"đã ghi {html}:")
    page = html.read_text(encoding="utf-8")
    assert page.count("<h2>Khánh Hòa") == 1
    assert "<td>đạt</td>" in page and "dưới mức tối thiểu" in page
    assert "<td>meets</td>" not in page and "below-floor" not in page


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

OBLIGATION_FILTERS = {
    "agency": ("--agency", "cong an"),
    "role": ("--role", "chủ trì"),
    "due_before": ("--due-before", "31/12/2030"),
    "due_after": ("--due-after", "2025"),
    "document": ("--document", "003_7fcb1b876ae03934"),
    "province": ("--province", "Khánh Hòa"),
    "text": ("--text", "an ninh"),
}
DEADLINE_FILTERS = {
    "due_before": ("--due-before", "31/12/2025"),
    "due_after": ("--due-after", "06/2024"),
    "document": ("--document", "177-KH"),
    "province": ("--province", "Lâm Đồng"),
    "text": ("--text", "cong an phuong"),
}


@pytest.mark.parametrize(
    "kind, filters",
    [("obligations", OBLIGATION_FILTERS), ("deadlines", DEADLINE_FILTERS)],
    ids=["obligations", "deadlines"],
)
def test_every_pair_of_filters_narrows_to_the_intersection(db, kind, filters):
    alone = {name: ids(db, kind, *option) for name, option in filters.items()}
    assert all(alone.values()), {k: len(v) for k, v in alone.items()}
    narrowed = 0
    for (a, option_a), (b, option_b) in itertools.combinations(filters.items(), 2):
        both = ids(db, kind, *option_a, *option_b)
        assert both == alone[a] & alone[b], (a, b)
        narrowed += both < alone[a] and both < alone[b]
    assert narrowed >= 3


def test_two_agencies_with_the_same_words_give_different_rows(db):
    police = ids(db, "obligations", "--agency", "cong an", "--text", "ma tuy")
    youth = ids(db, "obligations", "--agency", "doan thanh nien", "--text", "ma tuy")
    assert police and youth and not police & youth
    assert police <= ids(db, "obligations", "--agency", "cong an")
    assert youth <= ids(db, "obligations", "--agency", "doan thanh nien")


def _last_day(due: str) -> date:
    return queries.parse_period(due).last


def test_dates_as_vietnamese_offices_write_them(db):
    before = ids(db, "deadlines", "--due-before", "31/12/2025")
    assert before == ids(db, "deadlines", "--due-before", "2025-12-31") == ids(db, "deadlines", "--due-before", "2025")
    dues = {r["id"]: r["due"] for r in rows(db, "deadlines")}
    assert before == {i for i, due in dues.items() if not due.startswith("--") and _last_day(due) <= date(2025, 12, 31)}
    assert "2030" in dues.values() and not any(dues[i] == "2030" for i in before)
    month = ids(db, "deadlines", "--due-after", "12/2025", "--due-before", "12/2025")
    assert month == {i for i, due in dues.items() if due in ("2025", "2025-12") or due.startswith("2025-12-")}
    for wrong in ("31/13/2025", "hôm qua", "2025-13-45", "yesterday"):
        result = run(db, "obligations", "--due-before", wrong, code=2)
        assert f"không hiểu ngày '{wrong}'" in result.stderr and "31/12/2025" in result.stderr


def test_roles_in_both_languages_with_or_without_diacritics(db):
    lead = ids(db, "obligations", "--role", "lead")
    assert lead and all(ids(db, "obligations", "--role", r) == lead for r in ("chủ trì", "chu tri", "LEAD", "Chủ Trì"))
    assert ids(db, "obligations", "--role", "phối hợp") == ids(db, "obligations", "--role", "support")
    assert ids(db, "obligations", "--role", "được giao") == ids(db, "obligations", "--role", "assigned")
    assert "không có vai trò 'boss'" in run(db, "obligations", "--role", "boss", code=2).stderr


def test_agency_abbreviations_are_expanded(db):
    ubnd = ids(db, "obligations", "--agency", "ubnd")
    assert ubnd and ubnd == ids(db, "obligations", "--agency", "ủy ban nhân dân") == ids(
        db, "obligations", "--agency", "UBND"
    )
    city = ids(db, "obligations", "--agency", "UBND thành phố")
    assert city and city <= ubnd
    education = ids(db, "obligations", "--agency", "Sở GD&ĐT")
    assert education and education == ids(db, "obligations", "--agency", "so gd&dt")
    assert education == ids(db, "obligations", "--agency", "sở giáo dục và đào tạo")


def test_every_tone_mark_folds(db):
    so = ids(db, "obligations", "--agency", "so")
    assert so and so == ids(db, "obligations", "--agency", "Sở") == ids(db, "obligations", "--agency", "SỞ")
    number = ids(db, "obligations", "--text", "số")
    assert number and number == ids(db, "obligations", "--text", "so")
    assert ids(db, "obligations", "--text", "tế") == ids(db, "obligations", "--text", "te")


def test_no_document_label_is_blank(db):
    for kind in ("obligations", "targets", "deadlines"):
        labels = {r["document"] for r in rows(db, kind)}
        assert labels and all(label and label not in ("nan", "None") for label in labels), kind
    assert "Công văn của Tỉnh ủy Ninh Bình ngày 28/05/2026" in {r["document"] for r in rows(db, "obligations")}


# ---------------------------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------------------------


def test_the_readme_xlsx_query_opens_with_vietnamese_headers_and_date_cells(db, tmp_path):
    readme = tmp_path / "sở tư pháp.xlsx"
    run(db, "obligations", "--agency", "so tu phap", "--format", "xlsx", "--output", str(readme))
    sheet = openpyxl.load_workbook(readme).active
    header = [c.value for c in sheet[1]]
    assert sheet.title == "Nghĩa vụ" and sheet.max_row == 4
    assert {"văn bản", "cơ quan", "vai trò", "thời hạn", "độ chính xác thời hạn", "trích dẫn nguyên văn"} <= set(header)
    assert {c.value for c in sheet[openpyxl.utils.get_column_letter(header.index("vai trò") + 1)][1:]} <= {
        "chủ trì",
        "phối hợp",
        "được giao",
    }
    everything = tmp_path / "tất cả.xlsx"
    run(db, "obligations", "--format", "xlsx", "-o", str(everything))  # a page break inside a quote
    sheet = openpyxl.load_workbook(everything).active
    header = [c.value for c in sheet[1]]
    cells = list(sheet.iter_rows(min_row=2))
    issued = [row[header.index("ngày ban hành")] for row in cells if row[header.index("ngày ban hành")].value]
    assert issued and all(isinstance(c.value, datetime) and c.number_format == "DD/MM/YYYY" for c in issued)
    due = header.index("thời hạn")
    assert {(r[due].value, r[due + 1].value) for r in cells if r[due].value} >= {("2030", "năm")}
    quotes = [r[header.index("trích dẫn nguyên văn")].value or "" for r in cells]
    assert not any(ch in q for q in quotes for ch in "\f\x0b\x00") and any("\n" in q for q in quotes)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_full_day_is_a_date_cell_and_the_precision_has_a_typed_column(tmp_path):
    frame = pd.DataFrame(
        {"document": ["Kế hoạch 1/KH"] * 4, "due": ["2025-12-31", "2030", "2026-06", "--06-15"], "role": ["lead"] * 4}
    )
    frame["due_precision"] = frame["due"].map(queries.precision)
    export.write(frame, "xlsx", tmp_path / "d.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx").active
    assert [c.value for c in sheet[1]] == ["văn bản", "thời hạn", "vai trò", "độ chính xác thời hạn"]
    assert sheet["B2"].value == datetime(2025, 12, 31) and sheet["B2"].number_format == "DD/MM/YYYY"
    assert [sheet[f"B{i}"].value for i in (3, 4, 5)] == ["2030", "2026-06", "--06-15"]
    assert [sheet[f"D{i}"].value for i in range(2, 6)] == ["ngày", "năm", "tháng", "hằng năm"]
    export.write(frame, "parquet", tmp_path / "d.parquet")
    assert list(pd.read_parquet(tmp_path / "d.parquet")["due_precision"].cat.categories) == [
        "day",
        "month",
        "year",
        "yearly",
    ]


def test_a_failed_export_leaves_the_previous_file_and_no_half_written_one(tmp_path):
    output = tmp_path / "báo cáo.xlsx"
    output.write_bytes(b"the previous report")
    with pytest.raises(ValueError, match="sheet title"):  # openpyxl fails while the workbook is being written
        export.write(pd.DataFrame({"document": ["Kế hoạch 1/KH"]}), "xlsx", output, title="kế hoạch 1/KH")
    assert output.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["báo cáo.xlsx"]


# ---------------------------------------------------------------------------------------------
# Saying what is read, in Vietnamese first
# ---------------------------------------------------------------------------------------------


def test_status_names_the_database_and_the_data_directory(db):
    said = run(db, "status").stdout.splitlines()
    assert said[0] == f"cơ sở dữ liệu: {shown_url(db)}" and said[1].startswith("thư mục dữ liệu: ")
    counts = json.loads(run(db, "status", "--json").stdout)
    assert {"processed", "duplicates", "quarantined", "pending", "last_errors"} <= set(counts)
    assert (counts["database"], counts["documents"], counts["copies"]) == (shown_url(db), 5, 11)
    assert counts["copies_not_read"] == {"fragment": 2, "worse": 4}


def _vanban(*args: str, home: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "VANBAN_HOME": str(home), **env}
    environ.pop("VANBAN_DB", None)
    return subprocess.run([VANBAN, *args], env=environ, capture_output=True, text=True, timeout=timeout)


def test_a_missing_database_or_inbox_is_an_error_and_nothing_is_created(tmp_path):
    home = tmp_path / "không có"
    for args in (["status"], ["obligations"], ["documents"], ["watch", str(tmp_path / "khongco")]):
        done = _vanban(*args, home=home)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    said = _vanban("status", home=home).stderr
    assert said == f"vanban: chưa có cơ sở dữ liệu sqlite:///{home / 'vanban.db'}. Kiểm tra VANBAN_HOME / --db, " + (
        "hoặc chạy 'vanban ingest' để tạo (với 'watch': thêm --create)\n"
    )  # the folder's Vietnamese name as it is written, not percent-encoded
    assert "thư mục nhận" in _vanban("watch", str(tmp_path / "khongco"), home=home).stderr
    assert not home.exists() and not (tmp_path / "khongco").exists()
    nowhere = _vanban("obligations", "--db", "sqlite:////nonexistent/x.db", home=home)
    assert nowhere.returncode == 2 and "sqlite:////nonexistent/x.db" in nowhere.stderr
    assert not Path("/nonexistent").exists()


def test_a_database_that_cannot_be_opened_is_one_line_naming_it(tmp_path):
    """A mistyped URL, a file that is not a database, an engine whose driver is not installed: one
    line naming the database and why, exit 2, never a traceback."""
    not_a_database = tmp_path / "ghi chú.db"
    not_a_database.write_text("đây không phải cơ sở dữ liệu", encoding="utf-8")
    said = {
        "vanban.db": "'vanban.db' không phải URL cơ sở dữ liệu; viết như sqlite:////",
        f"sqlite:///{not_a_database}": f"không mở được cơ sở dữ liệu sqlite:///{not_a_database}: ",
        "mysql://kiemtoan@127.0.0.1/vanban": "chưa cài trình điều khiển cho loại cơ sở dữ liệu đó",
    }
    for url, sentence in said.items():
        for command in (["status"], ["obligations", "--agency", "ubnd"], ["ingest", "--no-prefect", str(NINH_BINH)]):
            done = _vanban(*command, "--db", url, home=tmp_path / "home")
            assert done.returncode == 2 and "Traceback" not in done.stderr, (url, command, done.stderr)
            assert done.stderr.startswith("vanban: ") and done.stderr.count("\n") == 1 and sentence in done.stderr
    assert not_a_database.read_text(encoding="utf-8") == "đây không phải cơ sở dữ liệu"
    english = _vanban("--lang", "en", "status", "--db", "vanban.db", home=tmp_path / "home")
    assert "'vanban.db' is not a database URL" in english.stderr
    unknown = _vanban("--lang", "fr", "status", home=tmp_path / "home")
    assert unknown.returncode == 2 and unknown.stderr == "vanban: không có ngôn ngữ 'fr'; chọn vi, en\n"


def test_vietnamese_by_default_english_for_developers(db):
    assert "Ví dụ" in _vanban("--help", home=Path("/nonexistent")).stdout
    assert "Ai phải làm gì" in _vanban("obligations", "--help", home=Path("/nonexistent")).stdout
    assert "Who must do what" in _vanban("--lang", "en", "obligations", "--help", home=Path("/nonexistent")).stdout
    bench = _vanban("bench", "ocr", "--help", home=Path("/nonexistent")).stdout
    assert "PDF điện tử thật" in bench and "born-digital" not in bench
    english = _vanban("status", "--db", db, home=Path("/nonexistent"), VANBAN_LANG="en").stdout
    assert english.startswith(f"database: {shown_url(db)}\ndata directory: ")
    wrong = _vanban("--lang", "en", "obligations", "--role", "boss", "--db", db, home=Path("/nonexistent"))
    assert "unknown role 'boss'" in wrong.stderr
    table = run(db, "obligations", "--agency", "so tu phap").stdout
    assert "cơ quan" in table and "Sở Tư pháp" in table and "agency" not in table


# ---------------------------------------------------------------------------------------------
# The README's main job
# ---------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.ocr
def test_the_main_job_counts_each_document_once(tmp_path):
    """Every sample, scans included, in the order `scripts/run-samples` ingests them."""
    home = tmp_path / "home"
    folders = [str(ROOT / "samples" / f) for f in ("text", "scans", "digital")]
    done = _vanban("ingest", "--no-prefect", *folders, home=home, timeout=1800)
    assert done.returncode == 0, done.stderr
    db = f"sqlite:///{home / 'vanban.db'}"
    documents = rows(db, "documents")
    assert len(documents) == 5 and sum(d["copies"] for d in documents) == 17
    used = {d["copy"] for d in documents}
    listed = rows(db, "obligations")
    assert {r["document_id"] for r in listed} <= used
    assert len(listed) == len({(r["document_group"], r["agency"], r["task"], r["start"]) for r in listed})
    diff = rows(db, "diff", "--province", "Khánh Hòa")
    assert len(diff) == len({r["year"] for r in diff}) == 8
    run(db, "report", "--html", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count("<h2>Khánh Hòa") == 1
    readings = {d["reading"] for d in documents}
    assert "ocr" not in readings  # a clean copy of every seed exists: no scan is read
