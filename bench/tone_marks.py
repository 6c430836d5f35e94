"""The syllable model behind OCR tone-mark correction: built from the real corpus texts, and measured
on pages it was not built from.

Why: what Tesseract still gets wrong on a clean scan is mostly a diacritic (chống → chông, triển →
triên, khẩn → khân, số → sô, để → đề, thẩm → thấm, đổi → đối). Which of the variants of a syllable's
base letters is meant depends on its neighbours ('sửa đổi', 'thẩm quyền'), and administrative
Vietnamese is repetitive enough for syllable and syllable-pair counts of real documents to tell.

    python -m bench.tone_marks build       # → pipeline/text/data/syllable_model.json.gz
    python -m bench.tone_marks measure [--profiles office,fax,photo] [--documents N]

``build`` counts syllables and adjacent pairs (no punctuation between) in the corpus texts
(``../shared/corpus/texts``), leaving out one text in ten, chosen by a hash of its name; pairs seen
once are dropped (they are mostly names and typos). ``measure`` lays out the held-out texts as
pages (bench.samples), prints and scans them in each profile, reads them with vanban's preprocessing
and Tesseract, and scores the text page by page against what was drawn: Tesseract's words as they
come (only NFC and look-alike letters repaired: ``normalize_token``), the dictionary-and-frequency
repair vanban used before (Viet74K and wordfreq), and the corpus model (``correct_ocr_line``). The
held-out texts are split in two by the same hash: ``dev`` set the model's three constants, ``test``
is reported. OCR results are cached in samples/.bench/tone_marks/.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from itertools import groupby, pairwise
from pathlib import Path

import jiwer

from pipeline.text import normalize_text
from pipeline.text.lexicon import MODEL_PATH
from pipeline.text.ocr_repair import split_word
from pipeline.text.unicode import WORD, place_tone_marks

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"
CACHE = ROOT / "samples" / ".bench" / "tone_marks"
MIN_PAIR_COUNT = 2
PAGES_PER_DOCUMENT = 2


def held_out(name: str) -> str | None:
    """'dev' or 'test' for the one text in ten the model is not built from, else None."""
    h = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    if h % 10:
        return None
    return "dev" if (h // 10) % 2 else "test"


def syllables(line: str):
    """The line's words as lowercase syllables, None where punctuation or a non-word breaks the run
    (so that only neighbours with nothing between them are counted as pairs)."""
    for chunk in line.split():
        lead, core, trail = split_word(chunk)
        word = core.lower()
        if lead:
            yield None
        yield word if WORD.fullmatch(word) else None
        if trail:
            yield None


def build(out: Path = MODEL_PATH) -> dict:
    """Count syllables and pairs in the corpus texts that are not held out; write the model."""
    unigrams: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    used = 0
    for path in sorted(CORPUS.glob("*.md")):
        if held_out(path.name):
            continue
        used += 1
        for line in normalize_text(path.read_text(encoding="utf-8")).lower().split("\n"):
            words = list(syllables(line))
            unigrams.update(w for w in words if w)
            pairs.update((a, b) for a, b in pairwise(words) if a and b)
    model = {
        "_about": (
            f"Syllable and syllable-pair counts of {used} real administrative texts (../shared/corpus/texts, "
            f"one in ten held out by a hash of the name); pairs seen fewer than {MIN_PAIR_COUNT} times dropped. "
            "Built by `python -m bench.tone_marks build`; read by pipeline.text.lexicon.syllable_model."
        ),
        "unigrams": dict(sorted(unigrams.items())),
        "pairs": {f"{a} {b}": n for (a, b), n in sorted(pairs.items()) if n >= MIN_PAIR_COUNT},
    }
    data = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return {"texts": used, "syllables": len(unigrams), "tokens": sum(unigrams.values()), "pairs": len(model["pairs"])}


# ---------------------------------------------------------------- measuring on held-out pages


def _body(path: Path) -> str:
    """A corpus text as it is laid out on paper: without its Markdown tables and source link."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(l for l in lines if "|" not in l and not l.startswith("*Source"))


def _ocr_job(job: tuple[str, str, int]) -> dict:
    """Lay out, print, scan in ``profile`` and read one page with vanban's preprocessing and Tesseract:
    the raw words line by line, and the truth."""
    from bench.samples import PROFILE_DPI, hash_seed, render_pages, scan
    from pipeline.ocr.preprocess import binarize, preprocess
    from pipeline.ocr.tesseract import recognize_words
    from pipeline.settings import settings

    name, profile, k = job
    page = render_pages(_body(CORPUS / name))[k]
    image = scan(page, profile, hash_seed(f"{name}:{profile}") + k)
    gray, sizing = preprocess(image, PROFILE_DPI[profile], settings().page_pixel_budget)
    words = recognize_words(binarize(gray, sizing.read_dpi), psm=3, dpi=round(sizing.read_dpi))
    lines = [[w.text for w in group] for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    return {"name": name, "profile": profile, "page": k, "truth": page.text, "lines": lines}


def ocr_pages(split: str, profiles: list[str], documents: int | None, workers: int = 2) -> list[dict]:
    """The held-out pages of ``split`` read in every profile (cached)."""
    from bench.samples import render_pages

    CACHE.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in CORPUS.glob("*.md") if held_out(p.name) == split)[:documents]
    jobs = []
    for name in names:
        n = min(len(render_pages(_body(CORPUS / name))), PAGES_PER_DOCUMENT)
        jobs += [(name, profile, k) for profile in profiles for k in range(n)]
    done, todo = [], []
    for job in jobs:
        cached = CACHE / f"{job[0]}.{job[1]}.{job[2]}.json"
        if cached.exists():
            done.append(json.loads(cached.read_text(encoding="utf-8")))
        else:
            todo.append(job)
    with ProcessPoolExecutor(workers) as pool:
        for job, result in zip(todo, pool.map(_ocr_job, todo)):
            (CACHE / f"{job[0]}.{job[1]}.{job[2]}.json").write_text(
                json.dumps(result, ensure_ascii=False), encoding="utf-8"
            )
            done.append(result)
    return done


def canonical(text: str) -> str:
    return " ".join(place_tone_marks(text).split())


def score(pages: list[dict], correct) -> tuple[int, int, float]:
    """(character errors, reference characters, seconds) with ``correct`` applied to each OCR line."""
    errors = chars = 0
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        hypothesis = "\n".join(" ".join(correct(line)) for line in page["lines"])
        seconds += time.perf_counter() - start
        ref = canonical(page["truth"])
        out = jiwer.process_characters(ref, canonical(hypothesis) or " ")
        errors += out.substitutions + out.deletions + out.insertions
        chars += len(ref)
    return errors, chars, seconds


def correctors() -> dict:
    """What is compared: Tesseract's words as they come, the dictionary repair vanban used before, the corpus model."""
    from pipeline.text import lexicon
    from pipeline.text.ocr_repair import correct_ocr_line, normalize_token

    lexicon()
    return {
        "Tesseract (NFC, look-alikes)": lambda words: [normalize_token(w) for w in words],
        "corpus syllable model": correct_ocr_line,
    }


def measure(split: str, profiles: list[str], documents: int | None) -> list[tuple[str, str, int, int, int, float]]:
    pages = ocr_pages(split, profiles, documents)
    rows = []
    for name, correct in correctors().items():
        for profile in profiles:
            chosen = [p for p in pages if p["profile"] == profile]
            errors, chars, seconds = score(chosen, correct)
            rows.append((name, profile, len(chosen), errors, chars, seconds))
    return rows


def changes(split: str, profiles: list[str], documents: int | None) -> Counter[tuple[str, str, str]]:
    """What the model changed, right or wrong, word by word where the line keeps its length."""
    from pipeline.text.ocr_repair import correct_ocr_line, normalize_token

    out: Counter[tuple[str, str, str]] = Counter()
    for page in ocr_pages(split, profiles, documents):
        truth = set(re.findall(r"[^\W\d_]+", page["truth"]))
        for line in page["lines"]:
            for raw, fixed in zip((normalize_token(w) for w in line), correct_ocr_line(line)):
                if raw != fixed:
                    core = split_word(fixed)[1]
                    out[(raw, fixed, "right" if core in truth else "wrong?")] += 1
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.tone_marks", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("build", help="build the syllable model from the corpus texts")
    m = sub.add_parser("measure", help="CER before and after correction on held-out pages")
    m.add_argument("--split", choices=["dev", "test"], default="test")
    m.add_argument("--profiles", default="office,fax,photo")
    m.add_argument("--documents", type=int)
    m.add_argument("--changes", action="store_true", help="list the words the model changed")
    args = parser.parse_args(argv)
    if args.what == "build":
        print(json.dumps(build(), ensure_ascii=False))
        return
    profiles = args.profiles.split(",")
    if args.changes:
        for (raw, fixed, verdict), n in changes(args.split, profiles, args.documents).most_common():
            print(f"{n:>4} {raw} → {fixed} ({verdict})")
        return
    print(f"{'repair':<32} {'profile':<8} {'pages':>5} {'errors':>7} {'chars':>8} {'CER %':>7} {'ms/page':>8}")
    for name, profile, pages, errors, chars, seconds in measure(args.split, profiles, args.documents):
        print(
            f"{name:<32} {profile:<8} {pages:>5} {errors:>7} {chars:>8} {100 * errors / max(chars, 1):>7.3f} "
            f"{1000 * seconds / max(pages, 1):>8.1f}"
        )


if __name__ == "__main__":
    sys.exit(main())
