"""Latency of the web app over 100,000 obligations: p50/p95 of the home page and of the API.

The store is built in a temporary folder: the samples' typed letters ingested as usual, then their
obligation rows replicated (with the agencies of all rows shuffled over them and dues spread over
2024-2030) until the table holds ``--rows``; the full-text index follows through its triggers.
`vanban serve` is started on it as a subprocess and each URL is fetched ``--repeat`` times after
one warm-up, so the figures include HTTP, the query, the count and the template; the first request of each
URL (which counts the filtered rows; the total and facets are then kept per filter set) is
reported apart.

    python -m bench.web [--rows 100000] [--repeat 40]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import sqlalchemy as sa

from bench.processes import free_port
from pipeline.ingest.runner import ingest_folder
from pipeline.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
# (what, URL): filtered pages as auditors open them, and the API the pages are built from
CASES = [
    ("trang: cơ quan 'so tu phap'", "/?agency=so+tu+phap"),
    ("trang: cơ quan + vai trò + hạn", "/?agency=cong+an&role=chu+tri&due_after=2025&due_before=12%2F2027"),
    ("trang: từ khóa 'ra soat'", "/?text=ra+soat"),
    ("trang: không lọc, sắp theo hạn", "/"),
    ("trang: trang sau (con trỏ)", "/?after={next}"),  # the first page's cursors
    ("trang: trang trước (con trỏ)", "/?before={previous}"),
    (
        "trang: số đếm (htmx) cơ quan + vai trò + hạn",
        "/facets?agency=cong+an&role=chu+tri&due_after=2025&due_before=12%2F2027",
    ),
    ("trang: số đếm (htmx) không lọc", "/facets"),
    # the API's filters spelled with diacritics: the same rows, counted apart from the pages' (first ms)
    ("API: cơ quan 'Sở Tư pháp'", "/api/obligations?agency=S%E1%BB%9F+T%C6%B0+ph%C3%A1p"),
    (
        "API: cơ quan + vai trò + hạn",
        "/api/obligations?agency=C%C3%B4ng+an&role=lead&due_after=01%2F2025&due_before=31%2F12%2F2027",
    ),
    ("API: không lọc", "/api/obligations"),
    ("API: từ khóa 'rà soát'", "/api/obligations?text=r%C3%A0+so%C3%A1t"),
    ("API: không lọc, có số đếm", "/api/obligations?facets=true"),
]


def build(folder: Path, rows: int, seed: int = 7) -> str:
    """A store of ``rows`` obligations grown from the samples' real rows; its URL."""
    url = f"sqlite:///{folder / 'vanban.db'}"
    Store(url, create=True)
    ingest_folder([ROOT / "samples" / "text"], db=url, archive=folder / "archive", quarantine=folder / "q")
    store = Store(url)
    table = store.schema.facts["obligations"]
    with store.engine.connect() as conn:
        real = [dict(r._mapping) for r in conn.execute(sa.select(table))]
    agencies = [(r["agency"], r["agency_fold"]) for r in real if r["agency"]]
    rng = random.Random(seed)
    batch = []
    with store.engine.begin() as conn:
        for n in range(rows - len(real)):
            row = dict(real[n % len(real)])
            row.pop("id")
            row["agency"], row["agency_fold"] = rng.choice(agencies)
            year, month, day = rng.randint(2024, 2030), rng.randint(1, 12), rng.randint(1, 28)
            row["due"] = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}", None])
            row["search_text"] = f"{row['agency_fold']} | {row['search_text']}"
            batch.append(row)
            if len(batch) == 10_000:
                conn.execute(table.insert(), batch)
                batch = []
        if batch:
            conn.execute(table.insert(), batch)
        conn.exec_driver_sql("ANALYZE")
    return url


def _get(url: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body


def measure(db_url: str, repeat: int) -> list[tuple[str, float, float, float]]:
    """(case, first ms, p50 ms, p95 ms) of every case, against `vanban serve` in its own process.
    The first request of a filter set also counts its rows (the total is kept per filter set
    afterwards, as auditors page on), so it is reported apart from the repeated ones."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VANBAN_HOME": str(Path(tempfile.gettempdir()) / "vanban-bench-web")}
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port), "--db", db_url],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                _get(f"{base}/api/openapi.json")
                break
            except OSError:
                time.sleep(0.2)
        import json

        second = json.loads(
            _get(f"{base}/api/obligations?after=" + json.loads(_get(f"{base}/api/obligations")[1])["next"])[1]
        )
        results = []
        for name, path in CASES:
            path = path.format(next=second["next"], previous=second["previous"])
            first = _get(base + path)[0]
            times = sorted(_get(base + path)[0] for _ in range(repeat))
            results.append((name, first, statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]))
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-bench-web-") as folder:
        started = time.perf_counter()
        url = build(Path(folder), args.rows)
        store = Store(url)
        with store.engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(store.schema.facts["obligations"])).scalar()
        print(f"{count} obligations built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        print(f"load average before: {os.getloadavg()[0]:.1f}", file=sys.stderr)
        print(f"| {'case':<44} | first ms | p50 ms | p95 ms |\n|{'-' * 46}|---------:|-------:|-------:|")
        for name, first, p50, p95 in measure(url, args.repeat):
            print(f"| {name:<44} | {first:8.1f} | {p50:6.1f} | {p95:6.1f} |")
        print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
