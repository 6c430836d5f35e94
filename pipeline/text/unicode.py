"""Unicode form of Vietnamese text: NFC, one tone-mark placement, and ``fold``, the
diacritic-insensitive key every matcher and every user search uses.

The contract and gold files write tone marks the traditional way ('hòa, thủy, Ủy ban'); text in
the new style is rewritten to it so that one word always has one spelling."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tone marks as NFD combining characters; the vowel-quality marks (circumflex, breve, horn) are not tones.
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
WORD = re.compile(r"[^\W\d_]+")


def nfc(s: str) -> str:
    """Unicode NFC: the one composed form vanban stores and compares."""
    return unicodedata.normalize("NFC", s)


# A syllable whose whole rhyme is oa / oe / uy: the new style marks the second vowel (hoà, thuỷ),
# the traditional style the first (hòa, thủy). With onset 'q' the u belongs to the onset (quý), so
# the mark on y is right in both styles and the syllable is left alone.
_TONED_AEY = "".join(nfc(v + t) for v in "aeyAEY" for t in sorted(TONES))
_NEW_STYLE = re.compile(
    rf"(?<![^\W\d_])(?P<onset>[bcdđghklmnprstvxBCDĐGHKLMNPRSTVX]{{0,3}})"
    rf"(?P<v1>[oOuU])(?P<v2>[{_TONED_AEY}])(?![^\W\d_])"
)
_RHYMES = {"oa", "oe", "uy"}


def _to_traditional(m: re.Match[str]) -> str:
    v2 = unicodedata.normalize("NFD", m["v2"])
    if (m["v1"] + v2[0]).lower() not in _RHYMES:
        return m.group()
    return m["onset"] + nfc(m["v1"] + v2[1]) + v2[0]


def place_tone_marks(s: str) -> str:
    """Rewrite new-style oa/oe/uy syllables (hoà, thuỷ, Uỷ) to the traditional style (hòa, thủy, Ủy)."""
    return _NEW_STYLE.sub(_to_traditional, nfc(s))


# Folds are cached because the rules fold the same headings and lines again and again (a 440 KB ordinance:
# 32,000 calls, 3,900 distinct strings); only strings up to this length, so that a long-running worker keeps a few
# MB, not the whole documents it has read.
_CACHED_CHARS = 4096


def fold(s: str) -> str:
    """Diacritic- and case-insensitive key: 'Sở Tư pháp' → 'so tu phap' (đ → d, spaces collapsed)."""
    return _fold_cached(s) if len(s) <= _CACHED_CHARS else _fold(s)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


_fold_cached = lru_cache(maxsize=1 << 13)(_fold)


def _fold_char(c: str) -> str:
    if c.isspace():
        return c  # line breaks and TABs delimit lines and table cells: keep them
    f = fold(c)
    return f if len(f) == 1 else (f[:1] or c.lower()[:1] or c)


class _FoldTable(dict[int, str]):
    """Code point → its one-character fold, computed the first time ``str.translate`` meets it."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_in_place(text: str) -> str:
    """``fold`` character by character, keeping the length: an offset found in the folded twin
    ('so 12-nq/tw ngay 16/3/2022') is an offset in ``text``. Matchers search the twin and quote the text."""
    return _fold_in_place_cached(text) if len(text) <= _CACHED_CHARS else text.translate(_FOLD_TABLE)


@lru_cache(maxsize=1 << 13)
def _fold_in_place_cached(text: str) -> str:
    return text.translate(_FOLD_TABLE)
