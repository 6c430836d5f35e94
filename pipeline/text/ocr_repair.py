"""Repairs of OCR'd words: Latin look-alike characters, stray combining marks, digits read for
letters, and tone marks chosen among the variants of the same base letters by a syllable model of
real administrative texts (``correct_ocr_line``). Confusion tables are data in
``data/ocr_confusions.json``; the model is ``data/syllable_model.json.gz``."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import lru_cache, partial
from pathlib import Path

from pipeline.text.lexicon import SyllableModel, is_syllable, lexicon, syllable_model
from pipeline.text.unicode import TONES, WORD, fold, nfc, place_tone_marks

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def confusion_tables() -> dict:
    """The OCR confusion tables (``data/ocr_confusions.json``), read once for every repair that uses them."""
    return json.loads((DATA / "ocr_confusions.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _confusions() -> tuple[dict[int, str], dict[str, str]]:
    d = confusion_tables()
    return str.maketrans(d["lookalikes"]), d["digit_for_letter"]


# a token holding a Cyrillic or Greek letter, and one holding a Latin letter or a digit
_FOREIGN_TOKEN = re.compile(r"\S*[\u0370-\u03ff\u0400-\u04ff]\S*")
_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def repair_mixed_script(text: str) -> str:
    """The Cyrillic and Greek look-alikes of a token that also holds Latin letters or digits put back in Latin
    ('66/NQ-СР' with a Cyrillic 'СР', copied from a file whose font mapped them so: HĐND thành phố Huế 35/2025,
    UBND tỉnh Hà Tĩnh), one character for one so that offsets keep; a token wholly in another script is left."""
    lookalikes = _confusions()[0]

    def latin(m: re.Match[str]) -> str:
        token = m.group()
        return token.translate(lookalikes) if _LATIN_OR_DIGIT.search(token) else token

    return _FOREIGN_TOKEN.sub(latin, text)


@lru_cache(maxsize=1)
def _slips() -> tuple[tuple[re.Pattern[str], str], ...]:
    slips = confusion_tables()["slips"]
    return tuple((re.compile(p.replace("{list_head}", slips["list_head"])), r) for p, r in slips["patterns"])


def mend_slips(text: str) -> str:
    """OCR'd ``text`` with the slips of ``ocr_confusions.json`` ``slips`` put back, each at the same length so that
    offsets outside a mend hold: '(rước ngày 10/02/2025)' → 'trước ngày 10/02/2025)' (the deadline's word),
    '(ước ngày 10/02/2025)' → 'trước ngày 10/02/2025', 'ngày 29/1 1/2022' → 'ngày  29/11/2022' (a date, not a
    share '29/1'); and a date's day or month read as look-alikes (``date_lookalikes``): 'ngày I7/9/2024'. A pattern
    runs again while it mends, for a slip whose context is a slip of its own kind: two commas of a list read as stops
    in a row ('Chủ tịch UBND Thị xã.' / 'Giám đốc Sở Địa chính. Giám đốc Sở Xây dựng', UBND Cao Bằng 157/QĐ-NĐ-UB at
    150 dpi), the second known for a list's once the first is mended."""
    for pattern, replacement in _slips():
        mended = pattern.sub(partial(_same_length, replacement), text)
        while mended != text:
            text, mended = mended, pattern.sub(partial(_same_length, replacement), mended)
    for frame, largest in _date_lookalikes():
        text = frame.sub(partial(_figure, largest), text)
    return text


@lru_cache(maxsize=1)
def _marker_lookalikes() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = confusion_tables()["marker_lookalikes"]["patterns"]
    return tuple((re.compile(p), r) for p, r in patterns)


def mend_ocr_marker(line: str) -> str:
    """``line`` (stripped) with the outline marker OCR misread at its head put back, at the same length so that
    offsets hold: '~ Đánh giá …' → '- Đánh giá …' (a dash bullet read as a tilde on faxed and scanned pages),
    '€) Sở Xây dựng …' → 'c) Sở Xây dựng …', '1, Chủ tịch …' → '1. Chủ tịch …', specks before the number dropped
    ('`. 1, Sở Y tế:' → '1.    Sở Y tế:', the marker padded with spaces). Without the marker the line is read as
    the rest of the line above, and an agency heading loses the tasks under it."""
    for pattern, replacement in _marker_lookalikes():
        m = pattern.match(line)
        if m:
            return line[: m.start()] + m.expand(replacement).ljust(m.end() - m.start()) + line[m.end() :]
    return line


@lru_cache(maxsize=1)
def braced_letter_marker() -> re.Pattern[str]:
    """A lettered item's marker whose bracket OCR read as one of ``letter_bracket_lookalikes`` ('a} Tổ chức …'), to
    be put back where the list around it agrees (``outline.mend_letter_markers``)."""
    brackets = re.escape(confusion_tables()["letter_bracket_lookalikes"]["brackets"])
    return re.compile(rf"^([a-zđ])[{brackets}](?=\s+\w)")


@lru_cache(maxsize=1)
def _date_lookalikes() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(frame), largest) for frame, largest in confusion_tables()["date_lookalikes"]["frames"])


def _figure(largest: int, m: re.Match[str]) -> str:
    """The date ``m`` with its day's or month's look-alikes read as digits ('ngày 15 tháng I1' → 'ngày 15 tháng 11',
    'ngày I7/9/2024' → 'ngày 17/9/2024'), when every character is a digit or a look-alike and the figure is a real
    day or month (1 to ``largest``); else the date as printed."""
    digits = confusion_tables()["date_lookalikes"]["digits"]
    figure = "".join(digits.get(c, c) for c in m[1])
    if figure == m[1] or not figure.isdigit() or not 1 <= int(figure) <= largest:
        return m[0]
    return m[0][: m.start(1) - m.start()] + figure + m[0][m.end(1) - m.start() :]


def _same_length(replacement: str, m: re.Match[str]) -> str:
    mended = m.expand(replacement)
    return mended if len(mended) == len(m[0]) else m[0]


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
# The three constants of the tone-mark choice, set on the held-out 'dev' pages of bench.tone_marks
# (office, fax and photo scans of real texts the model was not built from):
MARK_COST = 4.0  # log-odds against each diacritic a variant changes: OCR keeps most of a word's marks
MIN_GAIN = 6.0  # a word changes only when a variant is this much more probable (log: ~400 times)
PAIR_WEIGHT = 4.0  # how many pair observations the syllable's own frequency counts as, for a pair never seen


def _apply_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


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


@lru_cache(maxsize=1 << 15)
def _variants(word: str) -> tuple[str, ...]:
    """The syllables with the same base letters as ``word``: in the corpus model or the dictionary."""
    key = fold(word)
    return tuple(dict.fromkeys((*syllable_model().by_fold.get(key, ()), *lexicon().by_fold.get(key, ()))))


def _log_probability(model: SyllableModel, word: str, prev: str | None, nxt: str | None) -> float:
    """log P(word | prev) + log P(nxt | word): each pair's count, with the word's own frequency
    standing in for pairs never seen (weighted as PAIR_WEIGHT observations)."""
    p = model.probability(word)
    if prev is not None:
        p = (model.pairs.get((prev, word), 0) + PAIR_WEIGHT * p) / (model.unigrams.get(prev, 0) + PAIR_WEIGHT)
    score = math.log(p)
    if nxt is not None:
        after = model.probability(nxt)
        score += math.log(
            (model.pairs.get((word, nxt), 0) + PAIR_WEIGHT * after) / (model.unigrams.get(word, 0) + PAIR_WEIGHT)
        )
    return score


def split_word(word: str) -> tuple[str, str, str]:
    """(leading punctuation, core, trailing punctuation) of one OCR word."""
    m = _SPLIT.match(word)
    assert m is not None  # every group may be empty and DOTALL spans newlines: it always matches
    lead, core, trail = m.groups()
    return lead, core, trail


def correct_ocr_line(words: list[str]) -> list[str]:
    """Repair Tesseract's diacritic confusions in one line of words (same length out).

    Each word may become another syllable with the same base letters (chông → chống, thấm → thẩm,
    đối → đổi), chosen by the corpus syllable model (``lexicon.syllable_model``): how probable the
    variant is after the word before it and before the word after it, less MARK_COST for each
    diacritic it changes. A word changes only when the best variant beats the word as read by
    MIN_GAIN; words broken off by punctuation are judged on their own frequency."""
    parts = [split_word(normalize_token(w)) for w in words]
    cores = [p[1].lower() for p in parts]  # left neighbours are updated as they get corrected
    out = []
    for i, (lead, core, trail) in enumerate(parts):
        low = cores[i]
        candidates = _variants(low) if WORD.fullmatch(core) else ()
        if not candidates or candidates == (low,):
            out.append(lead + core + trail)
            continue
        prev = cores[i - 1] if i > 0 and not parts[i - 1][2].strip() and not lead else None
        nxt = cores[i + 1] if i + 1 < len(parts) and not trail.strip() and not parts[i + 1][0] else None
        best = _best_variant(low, prev, nxt)
        if best != low:
            core, cores[i] = _apply_case(core, best), best
        out.append(lead + core + trail)
    return out


@lru_cache(maxsize=1 << 16)
def _best_variant(low: str, prev: str | None, nxt: str | None) -> str:
    """The variant of ``low`` to write between ``prev`` and ``nxt``: ``low`` itself unless another beats it by
    MIN_GAIN. Cached: the same three words recur on every page of administrative text, and scoring every
    variant took 0.14 s of a page's 1.5 s of work (cProfile over six office and real-scan pages)."""
    model = syllable_model()
    as_read = _log_probability(model, low, prev, nxt)
    best, gain = low, 0.0
    for candidate in _variants(low):
        if candidate != low:
            score = _log_probability(model, candidate, prev, nxt) - MARK_COST * _mark_distance(low, candidate)
            if score - as_read > gain:
                best, gain = candidate, score - as_read
    return best if gain >= MIN_GAIN else low
