"""Vietnamese dictionaries, loaded once and lazily: syllables and syllable pairs from
underthesea's Viet74K word list, syllable frequencies from wordfreq. They decide which decoding
of a legacy-font file is Vietnamese and which tone-mark variant an OCR'd word most likely is."""

from __future__ import annotations

import importlib.util
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.text.unicode import WORD, fold, place_tone_marks


@dataclass(frozen=True)
class Lexicon:
    """The dictionaries OCR repair and legacy-font detection consult: known syllables, syllable pairs that form
    words, frequencies, and the syllables behind each folded spelling."""

    syllables: frozenset[str]  # known lowercase syllables, traditional tone style
    pairs: frozenset[tuple[str, str]]  # adjacent syllables inside dictionary words
    zipf: dict[str, float]  # wordfreq 'vi' Zipf frequency of a syllable
    by_fold: dict[str, tuple[str, ...]]  # fold(syllable) → known syllables


def _viet74k_path() -> Path:
    spec = importlib.util.find_spec("underthesea")  # no import: underthesea loads slowly
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("underthesea is needed for its Viet74K word list", name="underthesea")
    return Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Syllables and syllable pairs from underthesea's Viet74K word list, frequencies from wordfreq."""
    from wordfreq import get_frequency_dict

    syllables: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    entries = place_tone_marks(_viet74k_path().read_text(encoding="utf-8").lower())
    for line in entries.splitlines():
        parts = line.replace("-", " ").split()
        if not all(WORD.fullmatch(p) for p in parts):
            continue
        syllables.update(parts)
        pairs.update(itertools.pairwise(parts))
    zipf: dict[str, float] = {}
    for word, freq in get_frequency_dict("vi").items():
        word = place_tone_marks(word)
        if WORD.fullmatch(word):
            zipf[word] = max(zipf.get(word, 0.0), math.log10(freq) + 9)
            syllables.add(word)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for syl in syllables:
        by_fold[fold(syl)].append(syl)
    return Lexicon(frozenset(syllables), frozenset(pairs), zipf, {k: tuple(v) for k, v in by_fold.items()})


def is_syllable(word: str) -> bool:
    """True when the word, lower-cased with its tone mark placed the traditional way, is a known Vietnamese syllable:
    how a text layer or a header word is judged to be real Vietnamese."""
    return place_tone_marks(word.lower()) in lexicon().syllables
