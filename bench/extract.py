"""Extraction speed: warm (in one process, text layer to facts) and cold (`vanban extract FILE
--json` as a new process, imports included) on the sample texts.

    python -m bench.extract [--repeat 20]

Pages are counted as the text's length over 3,000 characters (a typed A4 page), so the warm
figure per 10 pages is comparable across documents. Beside the wall-clock figures, CPU seconds
(``time.process_time``, the child's for cold), which the load of other processes on a shared
machine disturbs much less; and ``first cpu s``, the first extraction of a sample in a process
warmed on another one: the repeats of a warm run meet the lines they have folded and dated before
(the rules' caches), a document seen once does not.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from extractors import extract
from pipeline.read.load import document_from_text, load_document
from pipeline.text.segment import segment

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"
CHARS_PER_PAGE = 3000
# what the process is warmed on, so that no sample's first extraction is its warm-up
WARM_UP = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\nSố: 12/KH-UBND\n\n1. Sở Tư pháp chủ trì, hoàn thành trước ngày 30/6/2024.\n"
)


def _extract_timed(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of one extraction of ``path``, and its length in characters."""
    wall, cpu = time.perf_counter(), time.process_time()
    doc = load_document(path)
    extract(segment(doc))
    return time.perf_counter() - wall, time.process_time() - cpu, len(doc.text)


def warm_seconds(path: Path, repeat: int) -> tuple[float, float, float, int]:
    """Median wall and CPU seconds of ``repeat`` extractions after a first one (the CPU seconds of
    that first one, too), and the pages."""
    _, first_cpu, chars = _extract_timed(path)
    timed = [_extract_timed(path) for _ in range(repeat)]
    wall = statistics.median(t[0] for t in timed)
    cpu = statistics.median(t[1] for t in timed)
    return wall, cpu, first_cpu, max(1, round(chars / CHARS_PER_PAGE))


def cold_seconds(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the child's user + system) of ``vanban extract FILE --json``."""
    vanban = Path(sys.executable).with_name("vanban")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([str(vanban), "extract", str(path), "--json"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bytecode_cached() -> bool:
    """Whether the installed spaCy has its compiled bytecode. uv installs none unless asked
    (``scripts/bootstrap`` asks); where nothing can write ``__pycache__`` either
    (``PYTHONDONTWRITEBYTECODE``, a read-only install) every cold start compiles some 600 modules,
    1.1 CPU s of the 2.6 measured on seed 003 (docs/benchmarks-history.md, coldstart)."""
    spec = importlib.util.find_spec("spacy")
    return bool(spec and spec.origin and Path(importlib.util.cache_from_source(spec.origin)).exists())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    samples = sorted(SAMPLES.glob("*.txt"))
    extract(segment(document_from_text(WARM_UP)))  # load dictionaries, compile patterns
    if not bytecode_cached():
        print("spaCy's bytecode is not cached: the cold figures include compiling its modules (scripts/bootstrap)")
    print(
        f"{'sample':28} {'pages':>5} {'warm s':>7} {'warm s/10 pages':>15} {'warm cpu s':>10} "
        f"{'first cpu s':>11} {'cold s':>7} {'cold cpu s':>10}"
    )
    for path in samples:
        warm, warm_cpu, first_cpu, pages = warm_seconds(path, args.repeat)
        cold, cold_cpu = cold_seconds(path)
        print(
            f"{path.name:28} {pages:5d} {warm:7.3f} {warm / pages * 10:15.3f} {warm_cpu:10.3f} "
            f"{first_cpu:11.3f} {cold:7.2f} {cold_cpu:10.2f}"
        )


if __name__ == "__main__":
    main()
