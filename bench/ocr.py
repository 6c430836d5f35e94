"""OCR benchmark: vanban's text layer against bare Tesseract on the sample scans and their ground truth.

Why: the text layer's preprocessing, table reading and OCR repairs are only worth their time if
they read Vietnamese better than `tesseract page.png - -l vie` does. For each sample this prints
the character and word error rates (with diacritics: both sides NFC, one tone-mark style,
whitespace collapsed), vanban's seconds per page, and the ratio of its time to bare Tesseract's on
the very same page images, with the same two processes (one Tesseract per core, OMP_THREAD_LIMIT=1,
as the text layer runs it).

    python -m pipeline.bench ocr [--profile P] [--limit N] [--all] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, astuple, dataclass
from pathlib import Path

import jiwer

from bench.samples import DIGITAL_SAMPLES, PROFILES, SAMPLES_DIR, bench_scan, load_samples, read_ground_truth
from pipeline.text import place_tone_marks

WORKERS = os.cpu_count() or 1


@dataclass
class Errors:
    """Edit counts against the ground truth, over all pages and over its text pages alone (pages
    without a ruled table: the issue's CER targets are set on text pages)."""

    ref_chars: int = 0
    char_errors: int = 0
    ref_words: int = 0
    word_errors: int = 0
    text_ref_chars: int = 0
    text_char_errors: int = 0

    def __add__(self, other: Errors) -> Errors:
        return Errors(*(a + b for a, b in zip(astuple(self), astuple(other))))


@dataclass
class Result:
    sample: str
    kind: str  # a scan profile, or 'digital-pdf' / 'docx'
    pages: int
    errors: Errors
    seconds: float  # vanban's wall time for the document
    tesseract_errors: Errors | None = None
    tesseract_seconds: float | None = None

    @property
    def cer(self) -> float:
        return self.errors.char_errors / max(self.errors.ref_chars, 1)

    @property
    def text_cer(self) -> float | None:
        return self.errors.text_char_errors / self.errors.text_ref_chars if self.errors.text_ref_chars else None

    @property
    def wer(self) -> float:
        return self.errors.word_errors / max(self.errors.ref_words, 1)

    @property
    def tesseract_cer(self) -> float | None:
        if self.tesseract_errors is None:
            return None
        return self.tesseract_errors.char_errors / max(self.tesseract_errors.ref_chars, 1)


def canonical(text: str) -> str:
    """What is compared: NFC, traditional tone marks, any run of whitespace (TAB, newline) as one space."""
    return " ".join(place_tone_marks(text).split())


def is_table_page(reference: str) -> bool:
    """Ground truth writes a ruled table's rows with TAB-separated cells."""
    return "\t" in reference


def count_errors(reference: list[str], hypothesis: list[str]) -> Errors:
    """Edit counts page by page when the page counts agree, else over the whole document (which
    then counts as a text page only if none of its pages holds a table)."""
    if len(reference) != len(hypothesis):
        reference, hypothesis = ["\n".join(reference)], [" ".join(hypothesis)]
    total = Errors()
    for raw in zip(reference, hypothesis):
        ref, hyp = map(canonical, raw)
        if not ref:
            total.char_errors += len(hyp)
            continue
        chars = jiwer.process_characters(ref, hyp or " ")
        words = jiwer.process_words(ref, hyp or " ")
        char_errors = chars.substitutions + chars.deletions + chars.insertions
        text_page = not is_table_page(raw[0])
        total += Errors(
            len(ref),
            char_errors,
            len(ref.split()),
            words.substitutions + words.deletions + words.insertions,
            len(ref) if text_page else 0,
            char_errors if text_page else 0,
        )
    return total


def _first_pages(pdf: Path, limit: int, tmp: Path) -> Path:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf)
    if len(source) <= limit:
        return pdf
    cut = pdfium.PdfDocument.new()
    cut.import_pages(source, list(range(limit)))
    out = tmp / pdf.name
    cut.save(out)
    return out


def page_images(document: Path, tmp: Path) -> list[Path]:
    """The document's page images as files, pixel for pixel (pdfimages for a PDF, frames for a TIFF)."""
    if document.suffix.lower() == ".pdf":
        subprocess.run(["pdfimages", "-png", str(document), str(tmp / "page")], check=True)
        return sorted(tmp.glob("page-*.png"))
    if document.suffix.lower() in (".tif", ".tiff"):
        from PIL import Image, ImageSequence

        with Image.open(document) as tiff:
            paths = []
            for k, frame in enumerate(ImageSequence.Iterator(tiff)):
                paths.append(tmp / f"page-{k:03d}.png")
                frame.save(paths[-1], dpi=tiff.info.get("dpi", (300, 300)))
            return paths
    return [document]


def bare_tesseract(images: list[Path]) -> tuple[list[str], float]:
    """`tesseract img - -l vie` on every page, two at a time (one per core), single-threaded each."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(image: Path) -> str:
        return subprocess.run(
            ["tesseract", str(image), "-", "-l", "vie"], capture_output=True, text=True, env=env, check=True
        ).stdout

    start = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        texts = list(pool.map(one, images))
    return texts, time.perf_counter() - start


def bench_document(
    document: Path, kind: str, sample: str, limit: int | None = None, compare_tesseract: bool = True
) -> Result:
    """Read ``document`` with vanban (and with bare Tesseract) and score both against its ground truth."""
    from pipeline.read.load import load_document

    reference = read_ground_truth(document)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if limit and document.suffix.lower() == ".pdf":
            document = _first_pages(document, limit, tmp)
            reference = reference[:limit]
        start = time.perf_counter()
        doc = load_document(document)
        seconds = time.perf_counter() - start
        hypothesis = [p.text for p in doc.pages]
        if kind == "docx":
            hypothesis = ["\n".join(hypothesis)]
        result = Result(sample, kind, len(reference), count_errors(reference, hypothesis), seconds)
        if compare_tesseract:
            texts, result.tesseract_seconds = bare_tesseract(page_images(document, tmp))
            result.tesseract_errors = count_errors(reference, texts)
    return result


def plan(profile: str | None = None, everything: bool = False) -> list[tuple[str, str]]:
    """(sample, profile) pairs: by default one profile per seed, turn by turn, so every profile is
    measured in one short run; ``profile`` for that profile on every seed; ``everything`` for all."""
    names = [s.name for s in load_samples()]
    if everything:
        return [(n, p) for p in PROFILES for n in names]
    if profile:
        return [(n, profile) for n in names]
    return [(n, PROFILES[k % len(PROFILES)]) for k, n in enumerate(names)]


def run(profile: str | None = None, limit: int | None = None, everything: bool = False, progress=None) -> list[Result]:
    """Benchmark the planned scans, then the born-digital PDF and DOCX twins."""
    from pipeline.ocr.page import warm_up

    if profile and profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    warm_up()  # once per process in a long run (the watcher): keep it out of the first document's time
    results = []
    for name, prof in plan(profile, everything):
        results.append(bench_document(bench_scan(name, prof), prof, name, limit))
        if progress:
            progress(results[-1])
    if everything:
        for extra in sorted((SAMPLES_DIR / "scans").glob("*.office.*")):
            if extra.suffix.lower() in (".tiff", ".tif", ".png", ".jpg"):
                results.append(bench_document(extra, "office" + extra.suffix.lower(), extra.name.split(".")[0]))
                if progress:
                    progress(results[-1])
    names = [s.name for s in load_samples()]
    for k in DIGITAL_SAMPLES:
        for document, kind in (
            (SAMPLES_DIR / "digital" / f"{names[k]}.pdf", "digital-pdf"),
            (SAMPLES_DIR / "digital" / f"{names[k]}.docx", "docx"),
        ):
            results.append(bench_document(document, kind, names[k], limit, compare_tesseract=False))
            if progress:
                progress(results[-1])
    return results


HEADER = (
    f"{'sample':<22} {'profile':<12} {'pages':>5} {'CER %':>7} {'text CER %':>10} {'WER %':>7} "
    f"{'tess CER %':>10} {'s/page':>7} {'tess s/page':>11} {'× tess':>7}"
)


def _percent(value: float | None, width: int) -> str:
    return f"{'—' if value is None else f'{100 * value:.2f}':>{width}}"


def format_row(r: Result) -> str:
    tess_spp = "—" if r.tesseract_seconds is None else f"{r.tesseract_seconds / r.pages:.2f}"
    ratio = "—" if not r.tesseract_seconds else f"{r.seconds / r.tesseract_seconds:.2f}"
    return (
        f"{r.sample:<22} {r.kind:<12} {r.pages:>5} {_percent(r.cer, 7)} {_percent(r.text_cer, 10)} "
        f"{_percent(r.wer, 7)} {_percent(r.tesseract_cer, 10)} "
        f"{r.seconds / r.pages:>7.2f} {tess_spp:>11} {ratio:>7}"
    )


def total(results: list[Result], label: str, kind: str = "") -> Result:
    return Result(
        label,
        kind,
        sum(r.pages for r in results),
        sum((r.errors for r in results), Errors()),
        sum(r.seconds for r in results),
        sum((r.tesseract_errors for r in results), Errors()),
        sum(r.tesseract_seconds for r in results),
    )


def format_table(results: list[Result]) -> str:
    """The per-document table, then one total line per scan profile and one over all scans
    (born-digital rows are not OCR)."""
    scans = [r for r in results if r.tesseract_seconds is not None]
    lines = [HEADER, "-" * len(HEADER)] + [format_row(r) for r in results]
    if scans:
        lines.append("-" * len(HEADER))
        kinds = sorted({r.kind for r in scans})
        if len(kinds) > 1:
            lines += [format_row(total([r for r in scans if r.kind == k], "TOTAL", k)) for k in kinds]
        lines.append(format_row(total(scans, "TOTAL (scans)")))
    return "\n".join(lines)


def as_json(results: list[Result]) -> str:
    return json.dumps(
        [
            asdict(r) | {"cer": r.cer, "text_cer": r.text_cer, "wer": r.wer, "tesseract_cer": r.tesseract_cer}
            for r in results
        ],
        ensure_ascii=False,
        indent=1,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ocr = sub.add_parser("ocr", help="OCR accuracy and speed on samples/")
    ocr.add_argument("--profile", choices=PROFILES, help="this scan profile on every seed")
    ocr.add_argument("--limit", type=int, help="only the first N pages of each document")
    ocr.add_argument("--all", action="store_true", help="every profile of every seed, and every image format")
    ocr.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    results = run(
        args.profile,
        args.limit,
        args.all,
        progress=None if args.json else lambda r: print(format_row(r), file=sys.stderr, flush=True),
    )
    print(as_json(results) if args.json else format_table(results))


if __name__ == "__main__":
    main()
