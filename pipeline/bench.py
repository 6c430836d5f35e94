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
from dataclasses import asdict, dataclass
from pathlib import Path

import jiwer

from pipeline.normalize import place_tone_marks
from pipeline.samples import DIGITAL_SAMPLES, PROFILES, SAMPLES_DIR, bench_scan, load_samples, read_ground_truth

WORKERS = os.cpu_count() or 1


@dataclass
class Result:
    sample: str
    kind: str                        # a scan profile, or 'digital-pdf' / 'docx'
    pages: int
    ref_chars: int
    char_errors: int
    ref_words: int
    word_errors: int
    seconds: float                   # vanban's wall time for the document
    tesseract_char_errors: int | None = None
    tesseract_seconds: float | None = None

    @property
    def cer(self) -> float:
        return self.char_errors / max(self.ref_chars, 1)

    @property
    def wer(self) -> float:
        return self.word_errors / max(self.ref_words, 1)

    @property
    def tesseract_cer(self) -> float | None:
        return None if self.tesseract_char_errors is None else self.tesseract_char_errors / max(self.ref_chars, 1)


def canonical(text: str) -> str:
    """What is compared: NFC, traditional tone marks, any run of whitespace (TAB, newline) as one space."""
    return " ".join(place_tone_marks(text).split())


def errors(reference: list[str], hypothesis: list[str]) -> tuple[int, int, int, int]:
    """(reference characters, character edits, reference words, word edits), page by page when the
    page counts agree, else over the whole document."""
    if len(reference) != len(hypothesis):
        reference, hypothesis = [" ".join(reference)], [" ".join(hypothesis)]
    totals = [0, 0, 0, 0]
    for ref, hyp in zip(map(canonical, reference), map(canonical, hypothesis)):
        if not ref:
            totals[1] += len(hyp)
            continue
        chars = jiwer.process_characters(ref, hyp or " ")
        words = jiwer.process_words(ref, hyp or " ")
        totals[0] += len(ref)
        totals[1] += chars.substitutions + chars.deletions + chars.insertions
        totals[2] += len(ref.split())
        totals[3] += words.substitutions + words.deletions + words.insertions
    return tuple(totals)


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
        return subprocess.run(["tesseract", str(image), "-", "-l", "vie"], capture_output=True, text=True,
                              env=env, check=True).stdout

    start = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        texts = list(pool.map(one, images))
    return texts, time.perf_counter() - start


def bench_document(document: Path, kind: str, sample: str, limit: int | None = None,
                   compare_tesseract: bool = True) -> Result:
    """Read ``document`` with vanban (and with bare Tesseract) and score both against its ground truth."""
    from pipeline.text import load_document

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
        result = Result(sample, kind, len(reference), *errors(reference, hypothesis), seconds)
        if compare_tesseract:
            texts, result.tesseract_seconds = bare_tesseract(page_images(document, tmp))
            result.tesseract_char_errors = errors(reference, texts)[1]
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


def run(profile: str | None = None, limit: int | None = None, everything: bool = False,
        progress=None) -> list[Result]:
    """Benchmark the planned scans, then the born-digital PDF and DOCX twins."""
    from pipeline.normalize import lexicon

    if profile and profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    lexicon()    # loaded once per process by the text layer: keep it out of the first document's time
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
        for document, kind in ((SAMPLES_DIR / "digital" / f"{names[k]}.pdf", "digital-pdf"),
                               (SAMPLES_DIR / "digital" / f"{names[k]}.docx", "docx")):
            results.append(bench_document(document, kind, names[k], limit, compare_tesseract=False))
            if progress:
                progress(results[-1])
    return results


HEADER = f"{'sample':<22} {'profile':<12} {'pages':>5} {'CER %':>7} {'WER %':>7} {'tess CER %':>10} " \
         f"{'s/page':>7} {'tess s/page':>11} {'× tess':>7}"


def format_row(r: Result) -> str:
    tess_cer = "—" if r.tesseract_cer is None else f"{100 * r.tesseract_cer:.2f}"
    tess_spp = "—" if r.tesseract_seconds is None else f"{r.tesseract_seconds / r.pages:.2f}"
    ratio = "—" if not r.tesseract_seconds else f"{r.seconds / r.tesseract_seconds:.2f}"
    return (f"{r.sample:<22} {r.kind:<12} {r.pages:>5} {100 * r.cer:>7.2f} {100 * r.wer:>7.2f} {tess_cer:>10} "
            f"{r.seconds / r.pages:>7.2f} {tess_spp:>11} {ratio:>7}")


def format_table(results: list[Result]) -> str:
    """The per-document table and a total line over the scans (born-digital rows are not OCR)."""
    scans = [r for r in results if r.tesseract_seconds is not None]
    lines = [HEADER, "-" * len(HEADER)] + [format_row(r) for r in results]
    if scans:
        total = Result("TOTAL (scans)", "", sum(r.pages for r in scans), sum(r.ref_chars for r in scans),
                       sum(r.char_errors for r in scans), sum(r.ref_words for r in scans),
                       sum(r.word_errors for r in scans), sum(r.seconds for r in scans),
                       sum(r.tesseract_char_errors for r in scans), sum(r.tesseract_seconds for r in scans))
        lines += ["-" * len(HEADER), format_row(total)]
    return "\n".join(lines)


def as_json(results: list[Result]) -> str:
    return json.dumps([asdict(r) | {"cer": r.cer, "wer": r.wer, "tesseract_cer": r.tesseract_cer}
                       for r in results], ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ocr = sub.add_parser("ocr", help="OCR accuracy and speed on samples/")
    ocr.add_argument("--profile", choices=PROFILES, help="this scan profile on every seed")
    ocr.add_argument("--limit", type=int, help="only the first N pages of each document")
    ocr.add_argument("--all", action="store_true", help="every profile of every seed, and every image format")
    ocr.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    results = run(args.profile, args.limit, args.all,
                  progress=None if args.json else lambda r: print(format_row(r), file=sys.stderr, flush=True))
    print(as_json(results) if args.json else format_table(results))


if __name__ == "__main__":
    main()
