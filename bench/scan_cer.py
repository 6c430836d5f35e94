"""CER of page 1 of each real development scan (``tests/corpus/scans``) read at a resampled resolution, by vanban
(``ocr_page``) and by bare ``tesseract -l vie`` on the same page picture, against the exact text of that page
(``tests/corpus/scans/truth/<scan>.page-001.txt``).

Why: the grammars can only read what the OCR gives. Where vanban's page reads worse than bare Tesseract's on the
same picture, that is a defect of the OCR stage; where both read badly, the picture is the limit.

    python -m bench.scan_cer [--reading 100-1bit 150-1bit 100 200-1bit ...] [--vanban-only]

A reading is ``N`` (grey, N dpi) or ``N-1bit`` (thresholded at mid-grey like a fax), as ``bench.gold scans --dpi N
[--one-bit]`` reads them (``bench.samples.resampled_pdf``). Bare Tesseract's texts do not move with vanban's code:
they are kept in ``BARE_CACHE`` by the picture's bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jiwer

from bench.ocr import canonical, misread_in_lines
from bench.samples import BENCH_DIR, resampled_pdf

SCANS_DIR = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "scans"
BARE_CACHE = BENCH_DIR / "scan_cer_bare.json"
READINGS = ("100-1bit", "150-1bit", "100", "200-1bit")


def first_page(scan: Path, reading: str):
    """Page 1 of ``scan`` resampled as ``reading`` says, as the ingest sees it (a ``PageImage``)."""
    from pipeline.read.pdf import read_pdf

    dpi, _, bits = reading.partition("-")
    pdf = resampled_pdf(scan, int(dpi), one_bit=bits == "1bit")
    return read_pdf(pdf.read_bytes())[0]


def truth(scan: Path) -> str:
    return (SCANS_DIR / "truth" / f"{scan.stem}.page-001.txt").read_text(encoding="utf-8")


def errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """Character errors of the page read whole, and of its lines each matched to its best stretch of the reading
    (``bench.ocr.misread_in_lines``: what was misread or lost, not what was read in another order)."""
    ref, hyp = canonical(reference), canonical(hypothesis)
    chars = jiwer.process_characters(ref, hyp or " ")
    return chars.substitutions + chars.deletions + chars.insertions, misread_in_lines(reference, hypothesis)


def vanban_text(scan: Path, reading: str) -> str:
    from pipeline.ocr.page import ocr_page

    return ocr_page(first_page(scan, reading)).text


def bare_text(scan: Path, reading: str, kept: dict[str, str]) -> tuple[str, str]:
    """(picture's digest, bare Tesseract's text of it), from ``kept`` when read before."""
    page = first_page(scan, reading)
    picture = page.picture()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        picture.save(path, dpi=(page.dpi, page.dpi))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in kept:
            return digest, kept[digest]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        out = subprocess.run(["tesseract", str(path), "-", "-l", "vie"], capture_output=True, text=True, env=env)
    return digest, out.stdout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scan_cer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reading", nargs="+", default=list(READINGS))
    parser.add_argument("--vanban-only", action="store_true", help="leave bare Tesseract out")
    parser.add_argument("--keep", type=Path, help="write each page's text read by vanban here")
    args = parser.parse_args(argv)
    from pipeline.ocr.page import warm_up

    warm_up()
    scans = sorted(p for p in SCANS_DIR.glob("*.pdf") if (SCANS_DIR / "truth" / f"{p.stem}.page-001.txt").exists())
    jobs = [(scan, reading) for reading in args.reading for scan in scans]
    bare = json.loads(BARE_CACHE.read_text()) if BARE_CACHE.exists() else {}
    with ProcessPoolExecutor(2) as pool:
        ours = list(pool.map(vanban_text, *zip(*jobs)))
        theirs = [] if args.vanban_only else list(pool.map(bare_text, *zip(*jobs), [bare] * len(jobs)))
    if theirs:
        bare.update({digest: text for digest, text in theirs})
        BARE_CACHE.write_text(json.dumps(bare, ensure_ascii=False))
    print(f"{'scan':28s} {'reading':>9s} {'vanban':>16s} {'bare':>16s}   (CER of the page / of its lines)")
    totals: dict[str, list[int]] = {}
    for k, ((scan, reading), text) in enumerate(zip(jobs, ours)):
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{scan.stem[:24]}.{reading}.txt").write_text(text, encoding="utf-8")
        ref = truth(scan)
        length = len(canonical(ref))
        row = totals.setdefault(reading, [0, 0, 0, 0, 0])
        cells = []
        for j, hypothesis in enumerate([text] + ([theirs[k][1]] if theirs else [])):
            page_errors, line_errors = errors(ref, hypothesis)
            row[2 * j] += page_errors
            row[2 * j + 1] += line_errors
            cells.append(f"{100 * page_errors / length:7.2f}/{100 * line_errors / length:6.2f}%")
        row[4] += length
        print(f"{scan.stem[:28]:28s} {reading:>9s} " + " ".join(f"{c:>16s}" for c in cells))
    for reading, row in totals.items():
        cells = [
            f"{100 * row[2 * j] / row[4]:7.2f}/{100 * row[2 * j + 1] / row[4]:6.2f}%" for j in range(1 + bool(theirs))
        ]
        print(f"{'TOTAL':28s} {reading:>9s} " + " ".join(f"{c:>16s}" for c in cells))


if __name__ == "__main__":
    main()
