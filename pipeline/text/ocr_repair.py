"""Repairs of OCR'd words: Latin look-alike characters, stray combining marks, digits read for
letters, and tone marks chosen among the variants of the same base letters by dictionary and
frequency (``correct_ocr_line``). Confusion tables are data in ``data/ocr_confusions.json``."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.text.lexicon import Lexicon, is_syllable, lexicon
from pipeline.text.unicode import TONES, WORD, fold, nfc, place_tone_marks

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _confusions() -> tuple[dict[int, str], dict[str, str]]:
    d = json.loads((DATA / "ocr_confusions.json").read_text(encoding="utf-8"))
    return str.maketrans(d["lookalikes"]), d["digit_for_letter"]


def _strip_stray_marks(word: str) -> str:
    """Combining marks NFC could not attach (a mark on a consonant, a second tone) are OCR noise."""
    out: list[str] = []
    for c in nfc(word):
        if unicodedata.combining(c) and (
            not out
            or not out[-1].isalpha()
            or unicodedata.normalize("NFD", out[-1])[-1:] in TONES
            or unicodedata.combining(out[-1])
        ):
            continue
        out.append(c)
    return nfc("".join(out))


def normalize_token(s: str) -> str:
    """One OCR'd word: NFC, Latin look-alikes, stray combining marks, '0' for 'o' inside a word
    (only when that gives a known syllable), traditional tone placement."""
    lookalikes, digit_for_letter = _confusions()
    word = _strip_stray_marks(nfc(s).translate(lookalikes))
    if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
        for digit, letter in digit_for_letter.items():
            if digit in word:
                candidate = "".join(
                    (letter.upper() if (i and word[i - 1].isupper()) else letter) if c == digit else c
                    for i, c in enumerate(word)
                )
                if WORD.fullmatch(candidate) and is_syllable(candidate):
                    word = candidate
    return place_tone_marks(word)


_SPLIT = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
UNKNOWN_ZIPF = 1.0  # a dictionary syllable wordfreq does not list
PAIR_BONUS = 2.5  # the candidate forms a dictionary word with a neighbour
MARK_PENALTY = 1.0  # per diacritic the candidate changes
STRONG_MARGIN = 4.0  # a known word is replaced only when the alternative is this much better


def _apply_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _syllable_score(cand: str, prev: str | None, nxt: str | None, lex: Lexicon) -> float:
    """Frequency, plus a bonus when the syllable makes a dictionary word with a neighbour (once:
    chains of overlapping two-syllable words are too easy to find to count twice)."""
    return lex.zipf.get(cand, UNKNOWN_ZIPF) + (PAIR_BONUS if _in_word(cand, prev, nxt, lex) else 0.0)


@lru_cache(maxsize=1 << 16)
def _mark_distance(a: str, b: str) -> int:
    """How many diacritics differ between two words with the same base letters (tone and vowel
    mark counted apart): OCR usually gets most of a word's marks right."""
    dist = 0
    for ca, cb in zip(a, b):
        if ca == cb:
            continue
        da, db = unicodedata.normalize("NFD", ca), unicodedata.normalize("NFD", cb)
        tone_a, tone_b = [c for c in da if c in TONES], [c for c in db if c in TONES]
        dist += (tone_a != tone_b) + ([c for c in da if c not in TONES] != [c for c in db if c not in TONES])
    return dist


def _in_word(cand: str, prev: str | None, nxt: str | None, lex: Lexicon) -> bool:
    return bool((prev and (prev, cand) in lex.pairs) or (nxt and (cand, nxt) in lex.pairs))


def _strongly_better(cand: str, word: str, prev: str | None, nxt: str | None, lex: Lexicon) -> bool:
    """A known syllable is replaced only if it makes no dictionary word with its neighbours, the
    candidate does, and the candidate's score is clearly higher."""
    if _in_word(word, prev, nxt, lex) or not _in_word(cand, prev, nxt, lex):
        return False
    return _syllable_score(cand, prev, nxt, lex) - _syllable_score(word, prev, nxt, lex) >= STRONG_MARGIN


@lru_cache(maxsize=1 << 15)
def _same_base_letters(word: str) -> tuple[str, ...]:
    return lexicon().by_fold.get(fold(word), ())


def _split(word: str) -> tuple[str, str, str]:
    """(leading punctuation, core, trailing punctuation) of one OCR word."""
    m = _SPLIT.match(word)
    assert m is not None  # every group may be empty and DOTALL spans newlines: it always matches
    lead, core, trail = m.groups()
    return lead, core, trail


def correct_ocr_line(words: list[str]) -> list[str]:
    """Repair Tesseract's diacritic confusions in one line of words (same length out).

    Candidates are the known syllables with the same base letters (fold, then re-expand); each is
    scored by its frequency and by whether it makes a dictionary word with a neighbour. An unknown
    word takes the best candidate; a known word changes only on strong evidence. Capitalized words
    (names) and all-caps abbreviations change only when they are not Vietnamese syllables at all."""
    lex = lexicon()
    parts = [_split(normalize_token(w)) for w in words]
    cores = [p[1].lower() for p in parts]  # left neighbours are updated as they get corrected
    out = []
    for i, (lead, core, trail) in enumerate(parts):
        low = cores[i]
        prev = cores[i - 1] if i > 0 and not parts[i - 1][2].strip() and not lead else None
        nxt = cores[i + 1] if i + 1 < len(parts) and not trail.strip() and not parts[i + 1][0] else None
        known = low in lex.syllables
        if (known and (core[:1].isupper() or _in_word(low, prev, nxt, lex))) or not WORD.fullmatch(core):
            out.append(lead + core + trail)
            continue
        candidates = _same_base_letters(low)
        if candidates:
            best = max(
                candidates, key=lambda c: _syllable_score(c, prev, nxt, lex) - MARK_PENALTY * _mark_distance(low, c)
            )
            if best != low and (not known or _strongly_better(best, low, prev, nxt, lex)):
                core, cores[i] = _apply_case(core, best), best
        out.append(lead + core + trail)
    return out
