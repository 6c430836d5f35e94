"""The store's schema history: a database made by the previous vanban upgrades in place and
answers as before; the models and the revisions never differ; workers opening one new PostgreSQL
store at once make it once."""

from __future__ import annotations

import gzip
import json
import shutil
import threading

import sqlalchemy as sa

from pipeline.store import migrations, queries
from pipeline.store.db import Store
from schemas.extraction import DocumentMeta, Extraction, Source
from tests.paths import ROOT

# `vanban ingest --no-prefect` of samples/text by vanban at d9a5e80 (before revisions), and what
# that vanban's queries answered on it (row ids).
MADE_BY_MAIN = ROOT / "tests" / "data" / "store_main_d9a5e80.db.gz"
ANSWERED_BY_MAIN = json.loads((ROOT / "tests" / "data" / "store_main_d9a5e80.json").read_text(encoding="utf-8"))
QUESTIONS = {
    "obligations agency=sở tư pháp role=chủ trì due_before=31/12/2025": (
        "obligations",
        {"agency": "sở tư pháp", "role": "chủ trì", "due_before": "31/12/2025"},
    ),
    "obligations agency=ubnd text=ma túy": ("obligations", {"agency": "ubnd", "text": "ma túy"}),
    "obligations agency=so tu phap": ("obligations", {"agency": "so tu phap"}),
    "targets year=2025": ("targets", {"year": 2025}),
    "deadlines due_after=06/2024": ("deadlines", {"due_after": "06/2024"}),
    "wards": ("wards", {}),
    "citations": ("citations", {}),
}


def _head() -> str:
    from alembic.script import ScriptDirectory

    with sa.create_engine("sqlite://").connect() as conn:
        head = ScriptDirectory.from_config(migrations.config(conn, sa.MetaData())).get_current_head()
    assert head is not None
    return head


def test_a_store_made_by_the_previous_vanban_upgrades_in_place_and_answers_as_before(tmp_path):
    path = tmp_path / "vanban.db"
    with gzip.open(MADE_BY_MAIN) as packed, open(path, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    url = f"sqlite:///{path}"
    assert migrations.revision_of(sa.create_engine(url)) is None
    store = Store(url, create=False)
    assert migrations.revision_of(store.engine) == _head()
    assert migrations.differences(store.engine, store.schema.metadata) == []
    for question, (kind, filters) in QUESTIONS.items():
        answer = queries.facts(store, kind, queries.Filters.parse(**filters))["id"].tolist()
        assert answer == ANSWERED_BY_MAIN[question], question
    assert queries.documents(store)["document_id"].tolist() == ANSWERED_BY_MAIN["documents"]
    with store.begin() as conn:  # and it takes new documents, searchable like the old ones
        meta = DocumentMeta(kind="Kế hoạch", number="9/KH-UBND", issuer="UBND tỉnh Gia Lai", subject="về X")
        source = Source(path="new.txt", sha256="9" * 64, media_type="text/plain", pages=1, ocr=False)
        assert store.save(Extraction(source=source, document=meta), conn).status == "stored"
    assert len(queries.documents(store)) == len(ANSWERED_BY_MAIN["documents"]) + 1


def test_the_models_and_the_revisions_do_not_differ(database_url):
    """A change of the schemas needs its revision: `python -m pipeline.store.migrations "what changed"`."""
    store = Store(database_url)
    assert migrations.differences(store.engine, store.schema.metadata) == []
    assert migrations.revision_of(store.engine) == _head()


def test_workers_opening_a_new_store_at_once_make_it_once(database_url):
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            Store(database_url)
        except BaseException as e:
            errors.append(e)

    workers = [threading.Thread(target=open_store) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert errors == []
    assert migrations.revision_of(Store(database_url).engine) == _head()
