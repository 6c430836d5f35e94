"""The same queries on SQLite and PostgreSQL give the same rows.

The seed texts and half of the real corpus texts (27) are read and extracted once, the same extractions
stored in a new database on each engine, and every query the auditors' commands build is asked of
both: word filters (whole names, first words, an unfinished last word, with and without tone
marks, drawn from the stored agencies and tasks themselves), roles, dates, years, provinces,
documents, and their pairs. The word search is FTS5 on one and a regular expression over trigram
indexes on the other (``pipeline/store/dialects.py``); the rows must not differ.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from pipeline.ingest.runner import extract_facts, hash_file, read_document
from pipeline.store import queries
from pipeline.store.db import Store
from pipeline.text import fold
from tests.databases import database
from tests.paths import ROOT

CORPUS = sorted((ROOT / "tests" / "corpus" / "texts").iterdir())
FILES = sorted((ROOT / "samples" / "text").glob("*.txt")) + CORPUS[::2]  # half the corpus keeps it under 10 s


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Store]:
    read = [(read_document(f, hash_file(f)), f) for f in FILES]
    extracted = [(document, extract_facts(document)) for document, _ in read]
    out = {}
    with (
        database("sqlite", tmp_path_factory.mktemp("sqlite")) as lite,
        database("postgresql", tmp_path_factory.mktemp("pg")) as pg,
    ):
        for name, url in (("sqlite", lite), ("postgresql", pg)):
            store = Store(url)
            with store.begin() as conn:
                for document, extraction in extracted:
                    store.save(extraction, conn, document)
            out[name] = store
        yield out


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _same(stores: dict[str, Store], kind: str, **filters) -> int:
    parsed = queries.Filters.parse(**filters)
    lite, pg = (_records(queries.facts(stores[n], kind, parsed)) for n in ("sqlite", "postgresql"))
    assert lite == pg, (kind, filters, len(lite), len(pg))
    return len(lite)


def _needles(values: list[str]) -> list[str]:
    """Each value whole, its first two words, and its first words with the last one cut short."""
    out: set[str] = set()
    for value in values:
        words = value.split()
        out |= {value, " ".join(words[:2]), fold(" ".join(words[:2]))[:-2]}
    return sorted(n for n in out if n.strip())


def test_word_filters_give_the_same_rows(stores):
    ob = queries.facts(stores["sqlite"], "obligations")
    agencies = sorted(set(ob["agency"].dropna()))[::12]
    tasks = [" ".join(task.split()[2:5]) for task in sorted(set(ob["task"].dropna()))[::40]]
    assert len(agencies) >= 10 and len(tasks) >= 10
    found = [_same(stores, "obligations", agency=needle) for needle in _needles(agencies)]
    found += [_same(stores, kind, text=needle) for kind in ("obligations", "deadlines") for needle in _needles(tasks)]
    for needle in ("so tu pha", "Sở Tư pháp", "UBND", "ubnd tinh", "công an", "tu", "ma túy", "an ninh", "2025", "x"):
        for kind in ("obligations", "targets", "deadlines", "citations", "wards"):
            found.append(_same(stores, kind, text=needle))
    assert sum(n > 0 for n in found) > len(found) / 2  # most questions have answers: the test compares rows


def test_every_other_filter_and_their_pairs_give_the_same_rows(stores):
    options = {
        "role": ["chủ trì", "phoi hop"],
        "due_before": ["31/12/2025"],
        "due_after": ["01/07/2024"],
        "province": ["Lâm Đồng", "ha noi"],
        "document": ["177-KH", "15", "cb-file"],
        "agency": ["ubnd"],
        "text": ["ma tuy"],
    }
    singles = [(name, value) for name, values in options.items() for value in values]
    for kind in ("obligations", "deadlines"):
        for (a, x), (b, y) in itertools.combinations(singles, 2):
            if a != b:
                _same(stores, kind, **{a: x, b: y})
    for year in (2025, 2030):
        _same(stores, "targets", year=year)


def test_documents_and_copies_are_the_same(stores):
    lite, pg = (queries.documents(stores[n]) for n in ("sqlite", "postgresql"))
    assert _records(lite) == _records(pg)
    lite, pg = (queries.copies(stores[n], every_copy=True).drop(columns="ingested_at") for n in stores)
    assert _records(lite) == _records(pg)
