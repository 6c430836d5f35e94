"""Extraction speed: warm (in one process, text layer to facts) and cold (`vanban extract FILE
--json` as a new process, imports included) on the sample texts.

    python -m bench.extract [--repeat 20]

Pages are counted as the text's length over 3,000 characters (a typed A4 page), so the warm
figure per 10 pages is comparable across documents.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from extractors import extract
from pipeline.read.load import load_document
from pipeline.text.segment import segment

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"
CHARS_PER_PAGE = 3000


def warm_seconds(path: Path, repeat: int) -> tuple[float, int]:
    extract(segment(load_document(path)))  # load dictionaries, compile patterns
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        doc = load_document(path)
        extract(segment(doc))
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(1, round(len(doc.text) / CHARS_PER_PAGE))


def cold_seconds(path: Path) -> float:
    vanban = Path(sys.executable).with_name("vanban")
    t = time.perf_counter()
    subprocess.run([str(vanban), "extract", str(path), "--json"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"{'sample':28} {'pages':>5} {'warm s':>7} {'warm s/10 pages':>15} {'cold s':>7}")
    for path in sorted(SAMPLES.glob("*.txt")):
        warm, pages = warm_seconds(path, args.repeat)
        cold = cold_seconds(path)
        print(f"{path.name:28} {pages:5d} {warm:7.3f} {warm / pages * 10:15.3f} {cold:7.2f}")


if __name__ == "__main__":
    main()
