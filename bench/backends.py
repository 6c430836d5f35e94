"""The store on each engine: ingest of the samples and the README's queries, timed.

    python -m bench.backends [--pg URL] [--repeat 20]

For SQLite (a temporary file) and, with ``--pg`` (or ``$VANBAN_TEST_PG_URL``), an empty PostgreSQL
database: the time to open a new store (its Alembic upgrade included), ``ingest_folder`` of
``samples/text`` and ``samples/digital`` without Prefect (their text layers: no OCR), then each
of the README's queries ``--repeat`` times (median and max, ms), with the rows it returned. The
extraction models are loaded once before any timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.ingest import runner
from pipeline.store import queries
from pipeline.store.db import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
README_QUERIES = {
    'obligations --agency "sở tư pháp" --role "chủ trì" --due-before 31/12/2025': (
        "obligations",
        {"agency": "sở tư pháp", "role": "chủ trì", "due_before": "31/12/2025"},
    ),
    'obligations --agency ubnd --text "ma túy"': ("obligations", {"agency": "ubnd", "text": "ma túy"}),
    "targets --year 2025": ("targets", {"year": 2025}),
    "deadlines --due-after 06/2024": ("deadlines", {"due_after": "06/2024"}),
    "obligations (all)": ("obligations", {}),
}


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.1f} / {max(seconds) * 1000:.1f}"


def run(url: str, repeat: int) -> list[tuple[str, str]]:
    """(what, figure) for one engine."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store = Store(url)
        out.append(("open a new store (upgrade to head)", f"{time.perf_counter() - started:.2f} s"))
        files = [SAMPLES / "text", SAMPLES / "digital"]
        started = time.perf_counter()
        outcomes = runner.ingest_folder(files, url, Path(tmp) / "archive", Path(tmp) / "quarantine")
        took = time.perf_counter() - started
        out.append((f"ingest samples/text + samples/digital ({len(outcomes)} files)", f"{took:.1f} s"))
        started = time.perf_counter()
        Store(url)
        out.append(("open the store again", f"{time.perf_counter() - started:.2f} s"))
        for shown, (kind, filters) in README_QUERIES.items():
            parsed, times = queries.Filters.parse(**filters), []
            for _ in range(repeat):
                started = time.perf_counter()
                rows = len(queries.facts(store, kind, parsed))
                times.append(time.perf_counter() - started)
            out.append((f"`vanban {shown}` ({rows} rows), median / max ms", _ms(times)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("VANBAN_TEST_PG_URL"), help="an empty PostgreSQL database")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    first = sorted((SAMPLES / "text").glob("*.txt"))[0]
    runner.extract_facts(runner.read_document(first, runner.hash_file(first)))  # models loaded before any timing
    with tempfile.TemporaryDirectory() as tmp:
        engines = {"SQLite": f"sqlite:///{Path(tmp) / 'vanban.db'}"}
        if args.pg:
            engines["PostgreSQL"] = args.pg
        results = {name: run(url, args.repeat) for name, url in engines.items()}
    load = os.getloadavg()[0]
    print(f"| measured (load average {load:.1f}, {os.cpu_count()} cores) | " + " | ".join(results) + " |")
    print("|---|" + "---:|" * len(results))
    for i, (what, _) in enumerate(next(iter(results.values()))):
        print(f"| {what} | " + " | ".join(r[i][1] for r in results.values()) + " |")


if __name__ == "__main__":
    main()
