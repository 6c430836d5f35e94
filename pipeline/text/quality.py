"""How much a text looks like real Vietnamese, 0-1: decides whether a PDF's embedded text layer is
kept or its page OCR'd (``pipeline.read.pdf``).

A layer made by an OCR engine or a font map that does not know Vietnamese can still be mostly
valid syllables ('CONG HOA XA HOI', the Latin-1 letters 'Thông báo' kept) but never holds the
letters only Vietnamese has (ư, ơ, ă, đ, ạ, ả, ế, ộ …). So the score is the share of words that
are Vietnamese syllables, scaled down when too few of them carry a Vietnamese-only letter; the
lines of an e-signature stamp ('Ký bởi: …') are left out, so that a stamp in real Vietnamese does
not lift the garbage layer under it. Measured by ``python -m bench.text_layer`` (page-sized and
300-character pieces of 40 real corpus texts, each as a good layer and mangled three ways, half
under a real e-signature stamp, and the 27 born-digital pages of the real and sample PDFs): good
layers score 0.92-1.00 on full pages and 0.76-1.00 on short ones, garbage 0.00-0.07 on full pages
and 0.00-0.33 on short ones; see docs/benchmarks.md."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.text.lexicon import is_syllable
from pipeline.text.unicode import WORD

DATA = Path(__file__).parent / "data"

# A text layer scoring below this is OCR'd: good layers measured 0.76 and more, garbage 0.33 and less.
MIN_TEXT_QUALITY = 0.5
# Share of words that are syllables with a Vietnamese-only letter, from which a text counts as fully
# Vietnamese: full corpus pages have 0.39-0.71, garbage layers 0-0.11.
EXPECTED_VIETNAMESE_SHARE = 0.25


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], int, re.Pattern[str]]:
    d = json.loads((DATA / "text_layer.json").read_text(encoding="utf-8"))
    signature = re.compile("|".join(f"(?:{p})" for p in d["signature_lines"]))
    return signature, d["signature_line_max_chars"], re.compile(f"[{d['vietnamese_only_letters']}]")


def _signature_line(line: str) -> bool:
    """A line of an e-signature stamp, not text the stamp was read into."""
    signature, max_chars, _ = _rules()
    line = line.strip()
    return len(line) <= max_chars and signature.search(line) is not None


def text_quality(text: str) -> float:
    """0-1: how much ``text`` looks like real Vietnamese — the share of its words that are
    Vietnamese syllables, scaled down when too few carry a letter only Vietnamese has; the lines of
    an e-signature stamp are not judged."""
    vietnamese = _rules()[2]
    text = "\n".join(line for line in text.split("\n") if not _signature_line(line))
    words = WORD.findall(text)
    if len(words) < 3:
        # Nothing to judge by: a page of figures is fine, an empty page is not text.
        return 1.0 if len(re.sub(r"\s", "", text)) >= 20 else 0.0
    valid = [w for w in words if is_syllable(w)]
    own = sum(1 for w in valid if vietnamese.search(w)) / len(words)
    return round(len(valid) / len(words) * min(1.0, own / EXPECTED_VIETNAMESE_SHARE), 3)
