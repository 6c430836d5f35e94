"""One preprocessing step of ``pipeline.ocr.preprocess`` on and off, page by page, in one process: CER of each page
read by ``ocr_page`` with the step and with it replaced by doing nothing.

    python -m bench.preprocess_steps descreen            # dithered and thresholded fax renders, 100-200 dpi
    python -m bench.preprocess_steps descreen PDF... [--limit N]    # the pages of these scans
    python -m bench.preprocess_steps seal PDF... [--limit N]   # the colour pages of these scans
    python -m bench.preprocess_steps ring                # sealed fax renders, 100-200 dpi, dithered and thresholded
    python -m bench.preprocess_steps specks              # the descreen renders: lone specks on dithered pages

``descreen`` and ``specks`` draw their own pages: each seed's first three pages (at 100, 150 and 200 dpi) and the first page of
each real born-digital letter drawn by poppler (at 100 and 200 dpi), degraded with the document's ``fax-random``
draw forced to Floyd-Steinberg dithering and, for comparison, to a threshold. ``ring`` draws the same prints (each
seed's first page, each real letter's first page) at 100, 150 and 200 dpi, dithered and thresholded, each with one
seal pressed where the page's own seed puts it.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import jiwer
import numpy as np
from PIL import Image

from bench.ocr import canonical, without_furniture
from bench.samples import (
    born_digital_scans,
    degrade,
    draw_degradation,
    hash_seed,
    load_samples,
    rasterize,
    read_ground_truth,
)
from pipeline.ocr import preprocess
from pipeline.ocr.page import ocr_page, warm_up
from pipeline.ocr.page_image import PageImage
from pipeline.text import nfc

# Each step: the function of ``pipeline.ocr.preprocess`` it is, and what stands in for it when it is off.
STEPS: dict[str, tuple[str, Callable]] = {
    "descreen": ("descreen", lambda gray: gray),
    "seal": ("without_seal_ink", lambda rgb, gray: gray),
    "ring": ("without_seal_rings", lambda gray, dpi: gray),
    "specks": ("without_lone_specks", lambda gray, dpi: gray),
}


def first_prints() -> Iterator[tuple[str, Image.Image, str, str]]:
    """(name, page printed at 300 dpi, truth, seal legend) of each seed's first page and each real letter's."""
    for sample in load_samples():
        page = sample.pages()[0]
        yield sample.name[:3], rasterize(page, 300), page.text, sample.legend()
    for pdf in born_digital_scans():
        printed, truth = first_page_printed(pdf)
        yield pdf.stem[:8], printed, truth, "ỦY BAN NHÂN DÂN"


def first_page_printed(pdf: Path) -> tuple[Image.Image, str]:
    """A born-digital PDF's first page printed at 300 dpi by poppler, and its text layer (the exact truth)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(pdf), f"{tmp}/p"], check=True)
        printed = Image.open(next(Path(tmp).glob("p-*.png")))
        printed.load()
    truth = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True)
    return printed, nfc(truth.stdout)


def sealed_fax_pages() -> Iterator[tuple[str, Image.Image, int, str]]:
    """(name, page, dpi, truth) of fax renders with one seal each: the document's ``fax-random`` draw with its
    resolution and dithering forced, and the first page seed from the document's that presses a seal."""
    for name, printed, truth, legend in first_prints():
        drawn = draw_degradation("fax-random", hash_seed(f"{name}:sealfax"))
        for dpi in (100, 150, 200):
            for dither in (True, False):
                seed = hash_seed(f"{name}:{dpi}:{dither}")
                while int(np.random.default_rng(seed).integers(0, 2)) != 1:  # degrade's first draw: how many seals
                    seed += 1
                page = degrade(printed, replace(drawn, dpi=dpi, dither=dither, stamps=1), seed, legend)
                yield f"{name} {dpi} {'dithered' if dither else 'threshold'}", page, dpi, truth


def fax_pages() -> Iterator[tuple[str, Image.Image, int, str]]:
    """(name, page, dpi, truth) of the dithered and thresholded fax renders."""
    for sample in load_samples():
        base = hash_seed(f"{sample.name}:fax-random")
        drawn, pages = draw_degradation("fax-random", base), sample.pages()
        for dpi, k in ((100, 0), (150, 1 % len(pages)), (200, min(2, len(pages) - 1))):
            printed = rasterize(pages[k], 300)
            for dither in (True, False):
                page = degrade(printed, replace(drawn, dpi=dpi, dither=dither), base + k, sample.legend())
                yield (
                    f"{sample.name[:3]} p{k + 1} {dpi} {'dithered' if dither else 'threshold'}",
                    page,
                    dpi,
                    pages[k].text,
                )
    for pdf in born_digital_scans():
        printed, truth = first_page_printed(pdf)
        seed = hash_seed(f"{pdf.name}:fax")
        drawn = draw_degradation("fax-random", seed)
        for dpi in (100, 200):
            for dither in (True, False):
                page = degrade(printed, replace(drawn, dpi=dpi, dither=dither), seed)
                yield f"{pdf.stem[:12]} {dpi} {'dithered' if dither else 'threshold'}", page, dpi, truth


def scanned_pages(pdfs: list[Path], limit: int, colour: bool = False) -> Iterator[tuple[str, PageImage, str]]:
    """(name, page, truth) of the scanned pages of ``pdfs`` (the first ``limit``), with ``colour`` only those in
    colour."""
    from pipeline.read.pdf import read_pdf

    for pdf in pdfs:
        truth = without_furniture(read_ground_truth(pdf))
        for k, page in enumerate(read_pdf(pdf.read_bytes())[:limit]):
            if isinstance(page, PageImage) and (not colour or page.picture().mode == "RGB"):
                yield f"{pdf.name.split('.')[0][:24]} {pdf.name.split('.')[-2]} p{k + 1}", page, truth[k]


def errors(page: PageImage, truth: str, step: str, on: bool) -> tuple[int, int]:
    """Character errors and reference length of the page read with ``step`` on or off."""
    if not on:
        name, nothing = STEPS[step]
        setattr(preprocess, name, nothing)
    reference, hypothesis = canonical(truth), canonical(ocr_page(page).text)
    chars = jiwer.process_characters(reference, hypothesis or " ")
    return chars.substitutions + chars.deletions + chars.insertions, len(reference)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=100, help="only the first N pages of each PDF")
    args = parser.parse_args(argv)
    if args.pdfs:
        pages = list(scanned_pages(args.pdfs, args.limit, colour=args.step == "seal"))
    else:
        drawn = sealed_fax_pages() if args.step == "ring" else fax_pages()
        pages = [(name, PageImage(1, image, dpi), truth) for name, image, dpi, truth in drawn]
    warm_up()
    totals: dict[tuple[str, bool], list[int]] = {}
    runs = {}
    for on in (False, True):  # a pool each: a worker that turned the step off keeps it off
        with ProcessPoolExecutor(2) as pool:
            runs[on] = list(pool.map(errors, *zip(*[(p, t, args.step, on) for _, p, t in pages])))
    print(f"{'page':40s} {'off':>7s} {'on':>7s}")
    for k, (name, _, _) in enumerate(pages):
        kind = name.split()[-1] if not args.pdfs else name.split()[-2]
        cells = []
        for on in (False, True):
            wrong, length = runs[on][k]
            cells.append(f"{100 * wrong / max(length, 1):6.2f}%")
            total = totals.setdefault((kind, on), [0, 0])
            total[0] += wrong
            total[1] += length
        print(f"{name:40s} {cells[0]:>7s} {cells[1]:>7s}")
    for kind in sorted({kind for kind, _ in totals}):
        without, with_step = (totals[(kind, flag)] for flag in (False, True))
        print(f"{'TOTAL ' + kind:40s} {100 * without[0] / without[1]:6.2f}% {100 * with_step[0] / with_step[1]:6.2f}%")


if __name__ == "__main__":
    main()
