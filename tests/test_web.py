"""The web app end to end: real samples (three typed letters and a three-page scan, a hostile text
and an empty file) ingested by `vanban ingest` into a fresh home, `vanban serve` started on a free
port, and the pages driven in Debian's headless Chromium through Playwright."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image
from rapidfuzz import fuzz

from bench.processes import free_port
from pipeline.store.db import Store
from pipeline.text import fold
from pipeline.web.chart import plan_chart
from schemas.web import ChartPoint
from tests.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCAN = "004_ac113182727c1ec2.office.pdf"  # three pages, OCR'd: its facts carry boxes
TEXTS = ["000_fe763d8399d59be6.txt", "001_efde63602c576959.txt", "003_7fcb1b876ae03934.txt"]
DIGITAL = "002_00dce9b8d11a3a70.pdf"  # born-digital: a text layer, no OCR, no boxes stored
HOSTILE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/KH-UBND

Quảng Trị, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Thử nghiệm <script>window.vanbanPwned = 1</script> hiển thị văn bản

1. Giao Sở Thông tin và Truyền thông chủ trì kiểm tra "><img src=x onerror="window.vanbanPwned = 2"> cổng thông tin \
điện tử <script>window.vanbanPwned = 3</script>, hoàn thành trước ngày 30/6/2025.

2. Sở Tài chính phối hợp bố trí kinh phí thực hiện.
"""

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is installed by scripts/bootstrap"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def _vanban(home: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "VANBAN_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("VANBAN_DB", None)
    return [sys.executable, "-m", "cli"], env


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A data directory holding the samples as `vanban ingest` stores them."""
    root = tmp_path_factory.mktemp("web")
    inbox = root / "inbox"
    inbox.mkdir()
    for name in TEXTS:
        shutil.copy(ROOT / "samples" / "text" / name, inbox)
    shutil.copy(ROOT / "samples" / "scans" / SCAN, inbox)
    shutil.copy(ROOT / "samples" / "digital" / DIGITAL, inbox)
    (inbox / "thu-nghiem.txt").write_text(HOSTILE, encoding="utf-8")
    (inbox / "rỗng.pdf").write_bytes(b"")
    command, env = _vanban(root / "home")
    subprocess.run([*command, "ingest", "--no-prefect", str(inbox)], env=env, check=True, capture_output=True)
    return root / "home"


@pytest.fixture(scope="module")
def server(home: Path):
    """`vanban serve` on a free port; its base URL."""
    port = free_port()
    command, env = _vanban(home)
    process = subprocess.Popen(
        [*command, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/openapi.json", timeout=2)
            break
        except OSError as e:
            if process.poll() is not None:
                said = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"vanban serve stopped: {said}") from e
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, accept_downloads=True, viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    context.close()


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}{path}", timeout=30) as response:
        return json.loads(response.read())


def _all_ids(server: str, query: str) -> list[int]:
    """Every obligation id the API gives for ``query``, following the keyset pages."""
    ids, after = [], ""
    while True:
        found = _api(server, f"/api/obligations?{query}&limit=7{after}")
        ids += [r["id"] for r in found["rows"]]
        if not found["next"]:
            return ids
        after = f"&after={found['next']}"


def test_a_search_without_diacritics_finds_the_so_tu_phap(page, server):
    page.goto("/")
    page.fill("input[name=agency]", "so tu phap")
    page.press("input[name=agency]", "Enter")
    page.wait_for_url("**agency=so*tu*phap*")  # htmx swaps the results and pushes the URL
    sync_api.expect(page.locator("#obligations td.agency").first).to_have_text("Sở Tư pháp")
    agencies = page.locator("#obligations td.agency").all_inner_texts()
    assert agencies and set(agencies) == {"Sở Tư pháp"}
    # the facets follow the rows through htmx, counted over the same filters
    sync_api.expect(page.locator("#facets section").first).to_contain_text("Sở Tư pháp")
    facets = _api(server, "/api/obligations?agency=so+tu+phap&facets=true")
    assert facets["facets"]["agency"][0]["count"] == facets["total"]
    assert page.errors == []


def test_previous_page_leads_back_through_the_pages_the_next_links_showed(page, server):
    """Keyset pages forward with the next link, then back with the previous link: the same rows,
    page for page, and no previous link on the first page."""
    total = _api(server, "/api/obligations?limit=1")["total"]
    page.goto("/?sort=agency&order=desc")
    assert page.locator("#previous-page").count() == 0
    forward = [page.locator("#obligations tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")]
    while page.locator("#next-page").count():
        page.click("#next-page")
        page.wait_for_load_state()
        forward.append(page.locator("#obligations tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)"))
    assert len(forward) > 1 and sum(len(rows) for rows in forward) == total
    backward = [forward[-1]]
    while page.locator("#previous-page").count():
        page.click("#previous-page")
        page.wait_for_load_state()
        backward.append(page.locator("#obligations tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)"))
    assert backward[::-1] == forward
    assert page.errors == []


def test_the_evidence_shows_the_box_on_the_page_it_was_read_on(page, server, home, tmp_path):
    boxed = [r for r in _api(server, f"/api/obligations?document={SCAN}&limit=100")["rows"] if r["has_box"]]
    fact = next(r for r in boxed if r["page"] and r["page"] > 1)  # not the first page: the page must be chosen
    evidence = _api(server, f"/api/evidence/obligations/{fact['id']}")
    page.goto(f"/evidence/obligations/{fact['id']}")
    image = page.locator("#page-image image")
    assert page.locator("h2").first.inner_text().endswith(str(fact["page"]))
    assert image.get_attribute("href") == f"/documents/{evidence['read_from']['id']}/pages/{fact['page']}.png"
    _assert_the_box_frames_the_quote(page, evidence, tmp_path)


def _assert_the_box_frames_the_quote(page, evidence: dict, tmp_path: Path) -> None:
    """The frame drawn over the page image stands where the fact's box is, and Tesseract reads the
    fact's quote back from inside that box on the drawn page."""
    image, box = page.locator("#page-image image"), page.locator("#fact-box")
    shown, framed = image.bounding_box(), box.bounding_box()
    x0, y0, x1, y1 = evidence["bbox"]
    width, height = evidence["page"]["width"], evidence["page"]["height"]
    scale_x, scale_y = shown["width"] / width, shown["height"] / height
    # centres exactly; sizes up to the frame's stroke, which straddles the box's edge
    assert framed["x"] + framed["width"] / 2 - shown["x"] == pytest.approx((x0 + x1) / 2 * scale_x, abs=1.5)
    assert framed["y"] + framed["height"] / 2 - shown["y"] == pytest.approx((y0 + y1) / 2 * scale_y, abs=1.5)
    assert framed["width"] == pytest.approx((x1 - x0) * scale_x, abs=4)
    assert framed["height"] == pytest.approx((y1 - y0) * scale_y, abs=4)
    # what the box frames on the drawn page is the fact's quote: Tesseract reads it back
    png = page.request.get(image.get_attribute("href"))
    assert png.ok and png.headers["content-type"] == "image/png"
    drawn = Image.open(io.BytesIO(png.body()))
    scale = drawn.width / width
    crop = tmp_path / "box.png"
    drawn.crop((x0 * scale, y0 * scale, x1 * scale, y1 * scale)).save(crop)
    read = subprocess.run(["tesseract", str(crop), "-", "-l", "vie"], capture_output=True, text=True, check=True)
    assert fuzz.partial_ratio(fold(evidence["fact"]["quote"]), fold(read.stdout)) > 80
    assert page.errors == []


def test_a_born_digital_pdf_shows_the_box_found_from_its_text_layer(page, server, tmp_path):
    rows = _api(server, f"/api/obligations?document={DIGITAL}&limit=100")["rows"]
    assert rows and not any(r["has_box"] for r in rows)  # the text layer has no boxes of its own
    fact = next(r for r in rows if r["page"] and r["page"] > 1)
    evidence = _api(server, f"/api/evidence/obligations/{fact['id']}")
    assert evidence["read_from"]["reading"] != "ocr" and evidence["bbox"] is not None
    page.goto(f"/evidence/obligations/{fact['id']}")
    image = page.locator("#page-image image")
    assert image.get_attribute("href") == f"/documents/{evidence['read_from']['id']}/pages/{fact['page']}.png"
    _assert_the_box_frames_the_quote(page, evidence, tmp_path)


def test_a_typed_letter_shows_its_text_with_the_span_marked(page, server):
    row = _api(server, "/api/obligations?agency=so+tu+phap&limit=1")["rows"][0]
    evidence = _api(server, f"/api/evidence/obligations/{row['id']}")
    page.goto(f"/evidence/obligations/{row['id']}")
    assert page.locator("#fact-span").inner_text() == evidence["fact"]["quote"]


def test_the_download_holds_exactly_the_filtered_rows(page, server):
    query = "agency=cong+an&role=chu+tri"
    expected = _all_ids(server, query)
    assert len(expected) > 7  # more than one page of the API
    page.goto(f"/?{query}")
    with page.expect_download() as csv_download:
        page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8-sig"))))
    assert sorted(int(r["mã"]) for r in rows) == sorted(expected)
    assert {r["vai trò"] for r in rows} == {"chủ trì"}
    with page.expect_download() as xlsx_download:
        page.click("#download-xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    header = [c.value for c in sheet[1]]
    ids = [row[header.index("mã")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(expected)


def test_keyset_pages_cover_every_row_once_in_order(server):
    total = _api(server, "/api/obligations?limit=1")["total"]
    seen, after, dues = [], "", []
    while True:
        found = _api(server, f"/api/obligations?sort=agency&order=desc&limit=9{after}")
        seen += [r["id"] for r in found["rows"]]
        dues += [fold(r["agency"] or "") for r in found["rows"]]
        if not found["next"]:
            break
        after = f"&after={found['next']}"
    assert len(seen) == len(set(seen)) == total
    assert dues == sorted(dues, reverse=True)


def test_hostile_text_renders_inert(page, server):
    response = page.goto("/?text=cong+thong+tin+dien+tu")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    task = page.locator("#obligations td.task").first.inner_text()
    assert "<script>window.vanbanPwned = 3</script>" in task and 'onerror="window.vanbanPwned = 2"' in task
    assert page.locator("img[onerror], #obligations script").count() == 0
    page.locator("a.evidence").first.click()
    page.wait_for_url("**/evidence/**")
    assert "<script>" in page.locator("#page-text").inner_text()
    assert page.locator("main img[onerror], main script").count() == 0
    assert page.evaluate("window.vanbanPwned") is None
    assert page.errors == []


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/documents/1/pages/..%2f..%2f..%2f..%2fetc%2fpasswd.png",
        "/documents/..%2f..%2fetc%2fpasswd/original",
        "/evidence/..%2f..%2fetc/passwd",
    ],
)
def test_a_path_outside_the_archive_is_refused(server, path):
    connection = http.client.HTTPConnection(server.removeprefix("http://"), timeout=10)
    connection.request("GET", path)  # sent as written: a browser would fold the dots first
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    assert response.status in (400, 404, 422)
    assert "root:" not in body and "[project]" not in body


def test_the_documents_page_says_why_a_file_was_quarantined(page):
    page.goto("/documents")
    quarantined = page.locator("#files-quarantined").inner_text()
    assert "rỗng.pdf" in quarantined and "rỗng" in quarantined.split("rỗng.pdf", 1)[1]
    assert SCAN in page.locator("#documents").inner_text()


def test_the_web_process_cannot_write(home):
    store = Store.read_only(f"sqlite:///{home / 'vanban.db'}")
    import sqlalchemy as sa

    with store.engine.connect() as conn, pytest.raises(sa.exc.OperationalError):
        conn.execute(store.schema.files.delete())


def test_the_plan_line_is_not_drawn_across_an_unstated_year():
    chart = plan_chart(
        [
            ChartPoint(year=y, national=n, plan=p)
            for y, n, p in [(2025, 5, 4), (2026, 8, None), (2027, 12, 12), (2028, 15, 15)]
        ]
    )
    assert len(chart.plan_points) == 3 and len(chart.plan_segments) == 1  # 2027-2028 only
    assert len(chart.national_segments) == 3


@pytest.mark.parametrize(
    ("path", "status", "key"),
    [
        ("/khong-co-trang-nay", 404, "web.not_found"),
        ("/evidence/obligations/abc", 422, "web.bad_address"),
        ("/?sort=xyz", 422, "web.bad_address"),
    ],
)
def test_a_mistyped_address_is_answered_with_a_page_in_vietnamese(server, path, status, key):
    from html import unescape

    from pipeline.messages import t

    connection = http.client.HTTPConnection(server.removeprefix("http://"), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = unescape(response.read().decode("utf-8"))
    assert response.status == status
    assert response.getheader("Content-Type", "").startswith("text/html")
    assert t(key, "vi") in body


def test_the_api_keeps_its_json_answer_for_a_mistyped_address(server):
    connection = http.client.HTTPConnection(server.removeprefix("http://"), timeout=10)
    connection.request("GET", "/api/evidence/obligations/abc")
    response = connection.getresponse()
    assert response.status == 422
    assert json.loads(response.read())["detail"][0]["loc"] == ["path", "fact_id"]
