"""A page that cannot be read stays visible after ingest: a three-page TIFF whose second page image is
really corrupt (its compressed data garbled) is stored with its other two pages, and the page's issue
is in the database, in `vanban status`, `vanban documents` and `vanban extract --json`, said in
Vietnamese or English. Real Tesseract, real SQLite, the real CLI in this process."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.store.db import Store
from tests.conftest import LETTER
from tests.paths import ROOT
from tests.test_ocr_engine import corrupt_tiff

CONTRACT = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


@pytest.mark.ocr
def test_a_corrupt_page_inside_a_scan_is_stored_as_an_issue_and_shown_after_ingest(tmp_path, configure):
    configure(VANBAN_HOME=str(tmp_path / "home"))
    fax = corrupt_tiff(tmp_path / "công văn fax.tif", LETTER[3:6], bad=1)
    db = f"sqlite:///{tmp_path / 'vanban.db'}"

    said = run("ingest", "--no-prefect", "--db", db, str(fax))
    assert "1 đã xử lý" in said

    store = Store(db, create=False)
    with store.engine.connect() as conn:
        (document_id,) = conn.execute(store.schema.documents.select()).all()[0][:1]
        pages = conn.execute(store.schema.pages.select().order_by(store.schema.pages.c.number)).all()
        issues = conn.execute(store.schema.page_issues.select()).all()
    assert [p.text for p in pages] == [LETTER[3], "", LETTER[5]]  # the other pages are stored
    assert [(i.document_id, i.page, i.kind) for i in issues] == [(document_id, 2, "damaged")]
    assert [i.model_dump(mode="json") for i in store.load_extraction(document_id).source.page_issues] == [
        {"page": 2, "kind": "damaged"}
    ]

    status = json.loads(run("status", "--json", "--db", db))
    assert status["copies_with_unread_pages"] == 1
    (unread,) = status["unread_pages"]
    assert (unread["document"], unread["page"], unread["kind"]) == (document_id, 2, "damaged")
    assert unread["reason"] == "trang 2: ảnh của trang bị hỏng, không giải mã được; hãy quét lại trang này"
    assert "trang 2: ảnh của trang bị hỏng" in run("status", "--db", db)
    configure(VANBAN_HOME=str(tmp_path / "home"), VANBAN_LANG="en")
    assert "page 2: the page's image is damaged and cannot be decoded; rescan this page" in run("status", "--db", db)

    listed = tmp_path / "documents.json"
    run("documents", "--versions", "--format", "json", "--output", str(listed), "--db", db)
    (copy,) = json.loads(listed.read_text(encoding="utf-8"))
    assert (copy["copy"], copy["pages"], copy["unread_pages"]) == (document_id, 3, [2])

    extracted = json.loads(run("extract", str(fax), "--json"))
    jsonschema.validate(extracted, CONTRACT)
    assert extracted["source"]["pages"] == 3
    assert extracted["source"]["page_issues"] == [{"page": 2, "kind": "damaged"}]
    assert "Not read: page 2: the page's image is damaged" in run("extract", str(fax))
