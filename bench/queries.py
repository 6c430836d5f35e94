"""Query latency benchmark: filtered obligation queries over a generated database.

    python -m bench.queries [--obligations 100000] [--queries 300] [--db URL]

``--db`` builds in the given (empty) database, e.g. PostgreSQL; the default is a temporary SQLite file.

Generates documents whose obligations reuse real agency names and task sentences (the
obligations of the sample texts, shuffled with other years, roles and provinces), stores
them through ``Store.save`` like any ingestion, then times ``queries.facts`` with the
filters auditors use and prints p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from extractors import extract
from pipeline.read.load import load_document
from pipeline.store import queries
from pipeline.store.db import Store
from pipeline.text.segment import segment
from schemas.extraction import DocumentMeta, Extraction, Jurisdiction, Obligation, Source

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"
PROVINCES = ["Khánh Hòa", "Lâm Đồng", "Hà Nội", "Ninh Bình", "Bình Phước", "Nghệ An", "Đồng Nai", "Cà Mau"]
PER_DOCUMENT = 100


def _seed_obligations() -> list[Obligation]:
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        found += extract(segment(load_document(path))).obligations
    return found


def build(store: Store, n_obligations: int, rng: random.Random) -> None:
    pool = _seed_obligations()
    for d in range(n_obligations // PER_DOCUMENT):
        province = rng.choice(PROVINCES)
        items = []
        for _ in range(PER_DOCUMENT):
            o = rng.choice(pool).model_copy()
            o.role = rng.choice(["lead", "support", "assigned"])
            o.due = rng.choice(
                [None, None, str(rng.randint(2023, 2030)), f"{rng.randint(2023, 2030)}-12-15", "--06-15"]
            )
            items.append(o)
        ex = Extraction(
            source=Source(path=f"bench/{d}.txt", sha256=f"{d:064x}", media_type="text/plain", pages=1, ocr=False),
            document=DocumentMeta(
                kind="Kế hoạch",
                number=f"{d}/KH-UBND",
                issuer=f"Ủy ban nhân dân tỉnh {province}",
                jurisdiction=Jurisdiction(province=province),
            ),
            obligations=items,
        )
        with store.begin() as conn:
            store.save(ex, conn)


FILTERS = [
    queries.Filters.parse(agency="so tu phap"),
    queries.Filters.parse(agency="cong an", role="lead"),
    queries.Filters.parse(due_before="2025-12-31", due_after="2025"),
    queries.Filters.parse(province="Khánh Hòa", role="support"),
    queries.Filters.parse(text="tuyen truyen"),
    queries.Filters.parse(agency="uy ban nhan dan", due_before="2027"),
]


def run(n_obligations: int, n_queries: int, db: str | None = None) -> dict:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        build(store, n_obligations, rng)
        built = time.perf_counter() - t0
        timings, rows = [], []
        for i in range(n_queries):
            f = FILTERS[i % len(FILTERS)]
            t = time.perf_counter()
            frame = queries.facts(store, "obligations", f, limit=500)
            timings.append((time.perf_counter() - t) * 1000)
            rows.append(len(frame))
    timings.sort()
    return {
        "engine": store.engine.dialect.name,
        "obligations": n_obligations,
        "queries": n_queries,
        "build_s": round(built, 1),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 1),
        "max_ms": round(timings[-1], 1),
        "mean_rows": round(statistics.mean(rows)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--obligations", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", help="an empty database to build in (SQLAlchemy URL); default a temporary SQLite file")
    args = parser.parse_args()
    result = run(args.obligations, args.queries, args.db)
    print("  ".join(f"{k} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
