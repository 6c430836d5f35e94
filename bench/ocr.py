"""OCR benchmark: vanban's text layer side by side with bare Tesseract and OCRmyPDF, in one run on
the same scanned PDFs, against their ground truth.

Why: the text layer's preprocessing, table reading and OCR repairs are only worth their time if
they read Vietnamese better than `tesseract page.png - -l vie` does, and faster than the tool a
user would reach for instead (`ocrmypdf --force-ocr --sidecar`). For each document this prints
the character and word error rates (with diacritics: both sides NFC, one tone-mark style,
whitespace collapsed), the CER with the reading order forgiven (``line CER``: each line of the truth
against its best-matching stretch of vanban's text, so ``CER`` minus it is what blocks read out of
order cost), and the wall time of each tool, with the same two cores: bare Tesseract two
pages at a time (OMP_THREAD_LIMIT=1), OCRmyPDF with two jobs.

OCRmyPDF is not a dependency of vanban: install it in a throwaway environment and give its path
(`--ocrmypdf PATH` or `$OCRMYPDF`); without it its columns are left empty and a note says so.

    python -m bench.ocr ocr [--profile P | --profiles P,Q | --all] [--real] [--limit N] [--json]
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
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bench.samples import (
    DIGITAL_SAMPLES,
    PROFILES,
    RANDOM_PROFILES,
    REAL_DPIS,
    SAMPLES_DIR,
    bench_scan,
    born_digital_scans,
    load_samples,
    make_real_scan,
    read_ground_truth,
)
from pipeline.text import place_tone_marks
from pipeline.text.pages import furniture_spans

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
    line_errors: int = 0  # misread characters alone: ``misread_in_lines``

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
    ocrmypdf_errors: Errors | None = None
    ocrmypdf_seconds: float | None = None

    @property
    def cer(self) -> float:
        return self.errors.char_errors / max(self.errors.ref_chars, 1)

    @property
    def text_cer(self) -> float | None:
        return self.errors.text_char_errors / self.errors.text_ref_chars if self.errors.text_ref_chars else None

    @property
    def line_cer(self) -> float:
        """CER with the reading order forgiven (``misread_in_lines``): what is left of ``cer`` once the
        blocks read out of order are put back."""
        return self.errors.line_errors / max(self.errors.ref_chars, 1)

    @property
    def wer(self) -> float:
        return self.errors.word_errors / max(self.errors.ref_words, 1)

    @property
    def tesseract_cer(self) -> float | None:
        if self.tesseract_errors is None:
            return None
        return self.tesseract_errors.char_errors / max(self.tesseract_errors.ref_chars, 1)

    @property
    def ocrmypdf_cer(self) -> float | None:
        if self.ocrmypdf_errors is None:
            return None
        return self.ocrmypdf_errors.char_errors / max(self.ocrmypdf_errors.ref_chars, 1)


def canonical(text: str) -> str:
    """What is compared: NFC, traditional tone marks, any run of whitespace (TAB, newline) as one space."""
    return " ".join(place_tone_marks(text).split())


def is_table_page(reference: str) -> bool:
    """Ground truth writes a ruled table's rows with TAB-separated cells."""
    return "\t" in reference


def without_furniture(pages: list[str]) -> list[str]:
    """The pages without their printed page numbers and running headers (``pipeline.text.pages``):
    vanban leaves them out of its text, so no tool is charged for them, or for keeping them."""
    return [page[a:b] for page, (a, b) in zip(pages, furniture_spans(pages))]


def misread_in_lines(reference: str, hypothesis: str) -> int:
    """Edits from each line of the reference to its best-matching stretch of the hypothesis (whatever
    its place): the characters misread or lost, not those read in another order. Junk read where the
    reference has nothing (a seal's ring, a logo) is not counted either."""
    hyp = canonical(hypothesis)
    total = 0
    for line in reference.split("\n"):
        ref = canonical(line)
        if not ref:
            continue
        found = fuzz.partial_ratio_alignment(ref, hyp) if hyp else None
        total += Levenshtein.distance(ref, hyp[found.dest_start : found.dest_end]) if found else len(ref)
    return total


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
            misread_in_lines(raw[0], raw[1]) if hyp else len(ref),
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


def ocrmypdf_sidecar(document: Path, executable: Path, tmp: Path) -> tuple[list[str], float]:
    """`ocrmypdf --force-ocr --sidecar` on the PDF, two jobs on the two cores: the text of each page
    and the wall time. No optimisation of the output PDF (`-O 0`) and plain PDF output (PDF/A needs
    Ghostscript): the least work OCRmyPDF can be asked to do for the same text."""
    sidecar = tmp / "sidecar.txt"
    command = [str(executable), "--force-ocr", "--sidecar", str(sidecar), "-l", "vie", "--output-type", "pdf"]
    command += ["--optimize", "0", "--jobs", str(WORKERS), "--quiet", str(document), str(tmp / "ocrmypdf.pdf")]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    seconds = time.perf_counter() - start
    return sidecar.read_text(encoding="utf-8").split("\f"), seconds


def bench_document(
    document: Path,
    kind: str,
    sample: str,
    limit: int | None = None,
    compare_tesseract: bool = True,
    ocrmypdf: Path | None = None,
) -> Result:
    """Read ``document`` with vanban (and with bare Tesseract and OCRmyPDF) and score each against
    its ground truth."""
    from pipeline.errors import UnreadableDocument
    from pipeline.read.load import load_document

    reference = read_ground_truth(document)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if limit and document.suffix.lower() == ".pdf":
            document = _first_pages(document, limit, tmp)
            reference = reference[:limit]
        start = time.perf_counter()
        try:
            hypothesis = [p.text for p in load_document(document).pages]
        except UnreadableDocument:  # refused (nothing read on any page): every character is an error
            hypothesis = [""] * len(reference)
        seconds = time.perf_counter() - start
        if kind == "docx":
            hypothesis = ["\n".join(hypothesis)]
        reference = without_furniture(reference)
        result = Result(sample, kind, len(reference), count_errors(reference, hypothesis), seconds)
        if compare_tesseract:
            texts, result.tesseract_seconds = bare_tesseract(page_images(document, tmp))
            result.tesseract_errors = count_errors(reference, without_furniture(texts))
        if compare_tesseract and ocrmypdf and document.suffix.lower() == ".pdf":
            texts, result.ocrmypdf_seconds = ocrmypdf_sidecar(document, ocrmypdf, tmp)
            result.ocrmypdf_errors = count_errors(reference, without_furniture(texts[: len(reference)]))
    return result


ALL_PROFILES = PROFILES + RANDOM_PROFILES


def plan(profiles: list[str] | None = None, everything: bool = False) -> list[tuple[str, str]]:
    """(sample, profile) pairs: by default one designed profile per seed, turn by turn, so every
    profile is measured in one short run; ``profiles`` for those profiles on every seed;
    ``everything`` for every profile, the randomized ones too."""
    names = [s.name for s in load_samples()]
    if everything:
        return [(n, p) for p in ALL_PROFILES for n in names]
    if profiles:
        return [(n, p) for p in profiles for n in names]
    return [(n, PROFILES[k % len(PROFILES)]) for k, n in enumerate(names)]


def run(
    profiles: list[str] | None = None,
    limit: int | None = None,
    everything: bool = False,
    real: bool = False,
    ocrmypdf: Path | None = None,
    digital: bool = True,
    progress=None,
) -> list[Result]:
    """Benchmark the planned scans, the real born-digital PDFs scanned at 100-300 dpi (``real``), then
    the born-digital PDF and DOCX twins (``digital``)."""
    from pipeline.ocr.page import warm_up

    for profile in profiles or ():
        if profile not in ALL_PROFILES:
            raise ValueError(f"unknown profile {profile!r}; choose among {', '.join(ALL_PROFILES)}")
    warm_up()  # once per process in a long run (the watcher): keep it out of the first document's time
    results = []

    def add(result: Result) -> None:
        results.append(result)
        if progress:
            progress(result)

    for name, prof in plan(profiles, everything) if profiles or everything or not real else []:
        add(bench_document(bench_scan(name, prof), prof, name, limit, ocrmypdf=ocrmypdf))
    if real:
        for pdf in born_digital_scans():
            for dpi in REAL_DPIS:
                add(bench_document(make_real_scan(pdf, dpi), f"real {dpi}dpi", pdf.stem[:22], limit, ocrmypdf=ocrmypdf))
    if everything:
        for extra in sorted((SAMPLES_DIR / "scans").glob("*.office.*")):
            if extra.suffix.lower() in (".tiff", ".tif", ".png", ".jpg"):
                add(bench_document(extra, "office" + extra.suffix.lower(), extra.name.split(".")[0]))
    if digital:
        names = [s.name for s in load_samples()]
        for k in DIGITAL_SAMPLES:
            for document, kind in (
                (SAMPLES_DIR / "digital" / f"{names[k]}.pdf", "digital-pdf"),
                (SAMPLES_DIR / "digital" / f"{names[k]}.docx", "docx"),
            ):
                add(bench_document(document, kind, names[k], limit, compare_tesseract=False))
    return results


HEADER = (
    f"{'document':<22} {'profile':<13} {'pages':>5} {'CER %':>7} {'text CER':>8} {'line CER':>8} {'WER %':>7} "
    f"{'tess CER':>8} {'ocrmypdf':>8} {'s/page':>7} {'tess s/p':>8} {'ocrm s/p':>8} {'× tess':>7} {'× ocrm':>7}"
)


def _percent(value: float | None, width: int) -> str:
    return f"{'—' if value is None else f'{100 * value:.2f}':>{width}}"


def _per_page(seconds: float | None, pages: int, width: int) -> str:
    return f"{'—' if seconds is None else f'{seconds / pages:.2f}':>{width}}"


def _ratio(seconds: float, other: float | None, width: int) -> str:
    return f"{'—' if not other else f'{seconds / other:.2f}':>{width}}"


def format_row(r: Result) -> str:
    return (
        f"{r.sample:<22} {r.kind:<13} {r.pages:>5} {_percent(r.cer, 7)} {_percent(r.text_cer, 8)} {_percent(r.line_cer, 8)} "
        f"{_percent(r.wer, 7)} {_percent(r.tesseract_cer, 8)} {_percent(r.ocrmypdf_cer, 8)} "
        f"{r.seconds / r.pages:>7.2f} {_per_page(r.tesseract_seconds, r.pages, 8)} "
        f"{_per_page(r.ocrmypdf_seconds, r.pages, 8)} {_ratio(r.seconds, r.tesseract_seconds, 7)} "
        f"{_ratio(r.seconds, r.ocrmypdf_seconds, 7)}"
    )


def total(results: list[Result], label: str, kind: str = "") -> Result:
    def summed(values):
        values = list(values)
        return None if any(v is None for v in values) else sum(values[1:], values[0])

    return Result(
        label,
        kind,
        sum(r.pages for r in results),
        sum((r.errors for r in results), Errors()),
        sum(r.seconds for r in results),
        summed(r.tesseract_errors for r in results),
        summed(r.tesseract_seconds for r in results),
        summed(r.ocrmypdf_errors for r in results),
        summed(r.ocrmypdf_seconds for r in results),
    )


def format_table(results: list[Result], note: str | None = None) -> str:
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
    if note:
        lines.append(note)
    return "\n".join(lines)


def as_json_text(results: list[Result]) -> str:
    return json.dumps(
        [
            asdict(r)
            | {
                "cer": r.cer,
                "text_cer": r.text_cer,
                "line_cer": r.line_cer,
                "wer": r.wer,
                "tesseract_cer": r.tesseract_cer,
                "ocrmypdf_cer": r.ocrmypdf_cer,
            }
            for r in results
        ],
        ensure_ascii=False,
        indent=1,
    )


def report(
    profiles: list[str] | None = None,
    limit: int | None = None,
    everything: bool = False,
    real: bool = False,
    ocrmypdf: Path | str | None = None,
    digital: bool = True,
    as_json: bool = False,
    progress=None,
) -> str:
    """The benchmark run and printed (table or JSON); OCRmyPDF is left out, with a note, when
    ``ocrmypdf`` (default ``$OCRMYPDF``) names no executable."""
    ocrmypdf = ocrmypdf or os.environ.get("OCRMYPDF")
    found = Path(ocrmypdf) if ocrmypdf and Path(ocrmypdf).is_file() else None
    note = None if found else "ocrmypdf: not run (give its executable with --ocrmypdf PATH or $OCRMYPDF)"
    results = run(profiles, limit, everything, real, found, digital, progress=None if as_json else progress)
    return as_json_text(results) if as_json else format_table(results, note)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ocr", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ocr = sub.add_parser("ocr", help="OCR accuracy and speed on samples/, side by side with Tesseract and OCRmyPDF")
    ocr.add_argument("--profile", choices=ALL_PROFILES, help="this scan profile on every seed")
    ocr.add_argument("--profiles", help="these scan profiles (comma-separated) on every seed")
    ocr.add_argument("--limit", type=int, help="only the first N pages of each document")
    ocr.add_argument("--all", action="store_true", help="every profile of every seed, and every image format")
    ocr.add_argument("--real", action="store_true", help="the real born-digital corpus PDFs scanned at 100-300 dpi")
    ocr.add_argument("--no-digital", action="store_true", help="leave out the born-digital PDF and DOCX twins")
    ocr.add_argument("--ocrmypdf", help="the ocrmypdf executable (default $OCRMYPDF)")
    ocr.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    profiles = [args.profile] if args.profile else args.profiles.split(",") if args.profiles else None
    print(
        report(
            profiles,
            args.limit,
            args.all,
            args.real,
            args.ocrmypdf,
            not args.no_digital,
            args.json,
            progress=lambda r: print(format_row(r), file=sys.stderr, flush=True),
        )
    )


if __name__ == "__main__":
    main()
