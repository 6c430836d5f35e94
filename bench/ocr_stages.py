"""Where an OCR'd page's CPU goes: process time of each stage of ``ocr_page`` (cProfile's cumulative time of the
stage's function), and the page's CER, on the first pages of the bench's scans, read one after another in this
process (so the times are CPU, not wall, and do not move with the machine's load as much).

Why: vanban must read a page in well under bare Tesseract's time; what is not recognition is worth cutting
only where it costs, and only without paying in CER.

    python -m bench.ocr_stages [--profiles office,fax,fax-random] [--seeds 2] [--limit 2] [--real DPI,...]
                               [--variable NAME=VALUE ...] [--read-dpi DPI]    # a variant, against a run without
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import jiwer

from bench.ocr import canonical, without_furniture
from bench.samples import bench_scan, born_digital_scans, load_samples, make_real_scan, read_ground_truth
from schemas.document import Page

# (label, module file ending, function name): the stages of ``pipeline.ocr.page.ocr_page``, in order. Nested stages
# (the seal ink inside ``resample``) are counted in their own row and in their parent's.
STAGES = (
    ("draw the page", "page_image.py", "picture"),
    ("resample (all)", "preprocess.py", "resample"),
    ("  seal ink", "preprocess.py", "without_seal_ink"),
    ("  dotted? / descreen", "preprocess.py", "is_dotted"),
    ("  descreen", "preprocess.py", "descreen"),
    ("  print_dpi", "preprocess.py", "print_dpi"),
    ("flatten illumination", "preprocess.py", "flatten_illumination"),
    ("bilevel?", "preprocess.py", "is_bilevel"),
    ("seal rings", "preprocess.py", "without_seal_rings"),
    ("grey seals", "preprocess.py", "without_grey_seals"),
    ("despeckle", "preprocess.py", "despeckle"),
    ("deskew", "preprocess.py", "deskew"),
    ("table strokes", "ruled_tables.py", "page_strokes"),
    ("find tables", "ruled_tables.py", "find_ruled_tables"),
    ("blank out tables", "ruled_tables.py", "blank_out"),
    ("binarize", "preprocess.py", "binarize"),
    ("read tables", "ruled_tables.py", "read_tables"),
    ("noise check", "preprocess.py", "looks_like_noise"),
    ("recognize (Tesseract)", "tesseract.py", "recognize_words"),
    ("dropped lines read again", "dropped_lines.py", "read_dropped_lines"),
    ("handwritten blanks", "handwritten_blanks.py", "read_blanks"),
    ("OCR repair of lines", "page.py", "_line_words"),
    ("reading order", "reading_order.py", "reading_blocks"),
    ("assemble", "page.py", "_assemble"),
)


def scans(profiles: list[str], seeds: int, real_dpis: list[int]) -> Iterator[tuple[str, Path]]:
    """(profile, scan) pairs: the first ``seeds`` seeds of each profile, then the real born-digital letters at each
    of ``real_dpis``."""
    names = [s.name for s in load_samples()][:seeds]
    for profile in profiles:
        for name in names:
            yield profile, bench_scan(name, profile)
    for dpi in real_dpis:
        for pdf in born_digital_scans():
            yield f"real {dpi}dpi", make_real_scan(pdf, dpi)


def stage_seconds(profile: pstats.Stats) -> dict[str, float]:
    """Cumulative process time of each stage in ``STAGES`` from one cProfile run."""
    found: dict[str, float] = defaultdict(float)
    for (file, _line, name), (_cc, _nc, _tt, cumulative, _callers) in profile.stats.items():  # type: ignore[attr-defined]
        for label, ending, function in STAGES:
            if name == function and file.endswith(ending):
                found[label] += cumulative
    return found


def profile_page(page) -> tuple[Page, dict[str, float]]:
    """One ``PageImage`` read by ``ocr_page`` under cProfile: the page, and the process time of each stage and of
    the whole (``page (all)``)."""
    from pipeline.ocr.page import ocr_page

    profiler = cProfile.Profile(time.process_time)
    start = time.process_time()
    read = profiler.runcall(ocr_page, page)
    stages = stage_seconds(pstats.Stats(profiler))
    stages["page (all)"] = time.process_time() - start
    return read, stages


def measure(profiles: list[str], seeds: int, limit: int, real_dpis: list[int]) -> str:
    """Read each page with ``ocr_page`` under cProfile: a table of CPU seconds per page by stage and profile, and
    each profile's CER."""
    from pipeline.ocr.page import warm_up
    from pipeline.ocr.page_image import PageImage
    from pipeline.read.pdf import read_pdf

    warm_up()
    seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    pages: dict[str, int] = defaultdict(int)
    errors: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for profile, scan in scans(profiles, seeds, real_dpis):
        truth = without_furniture(read_ground_truth(scan))
        for page in read_pdf(scan.read_bytes())[:limit]:
            assert isinstance(page, PageImage)
            read, stages = profile_page(page)
            for label, value in stages.items():
                seconds[profile][label] += value
            pages[profile] += 1
            ref, hyp = canonical(truth[page.number - 1]), canonical(read.text)
            chars = jiwer.process_characters(ref or " ", hyp or " ")
            errors[profile][0] += chars.substitutions + chars.deletions + chars.insertions
            errors[profile][1] += len(ref)
    labels = ["page (all)"] + [label for label, _, _ in STAGES]
    kinds = list(pages)
    lines = [f"{'CPU s / page':<24}" + "".join(f"{k:>14}" for k in kinds)]
    lines += [f"{label:<24}" + "".join(f"{seconds[k][label] / pages[k]:>14.3f}" for k in kinds) for label in labels]
    lines.append(f"{'pages':<24}" + "".join(f"{pages[k]:>14}" for k in kinds))
    lines.append(f"{'CER %':<24}" + "".join(f"{100 * errors[k][0] / max(errors[k][1], 1):>14.2f}" for k in kinds))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ocr_stages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", default="office,fax,fax-random", help="scan profiles, comma-separated")
    parser.add_argument("--seeds", type=int, default=2, help="the first N seeds of each profile")
    parser.add_argument("--limit", type=int, default=2, help="the first N pages of each scan")
    parser.add_argument("--real", default="", help="also the real letters rendered at these dpi (e.g. 100,300)")
    parser.add_argument(
        "--variable", action="append", default=[], help="a Tesseract variable NAME=VALUE for this run (repeatable)"
    )
    parser.add_argument("--read-dpi", type=float, help="read the pages at this resolution instead of READ_DPI")
    args = parser.parse_args(argv)
    real = [int(d) for d in args.real.split(",") if d]
    from pipeline.ocr import preprocess, tesseract

    for assignment in args.variable:  # before warm_up: the workers' Tesseract is made with them
        name, _, value = assignment.partition("=")
        tesseract.VARIABLES[name] = value
    if args.read_dpi:
        preprocess.READ_DPI = args.read_dpi
    print(measure([p for p in args.profiles.split(",") if p], args.seeds, args.limit, real))


if __name__ == "__main__":
    main()
