"""Vietnamese dictionaries, loaded once and lazily: syllables and syllable pairs from
underthesea's Viet74K word list and wordfreq's (which decoding of a legacy-font file is
Vietnamese, whether a word is a syllable), and the syllable model of real administrative texts
(which tone-mark variant an OCR'd word most likely is)."""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.cache import cached
from pipeline.text import unicode
from pipeline.text.unicode import WORD, fold, place_tone_marks

MODEL_PATH = Path(__file__).parent / "data" / "syllable_model.json.gz"


@dataclass(frozen=True)
class Lexicon:
    """The dictionaries OCR repair and legacy-font detection consult: known syllables, syllable pairs that form
    words, and the syllables behind each folded spelling."""

    syllables: frozenset[str]  # known lowercase syllables, traditional tone style
    pairs: frozenset[tuple[str, str]]  # adjacent syllables inside dictionary words
    by_fold: dict[str, tuple[str, ...]]  # fold(syllable) → known syllables


def _viet74k_path() -> Path:
    spec = importlib.util.find_spec("underthesea")  # no import: underthesea loads slowly
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("underthesea is needed for its Viet74K word list", name="underthesea")
    return Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"


def _wordfreq_vietnamese() -> list[Path]:
    """wordfreq's Vietnamese word lists, found without importing wordfreq (0.3 s)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is needed for its Vietnamese word list", name="wordfreq")
    return sorted((Path(spec.origin).parent / "data").glob("*_vi.msgpack.gz"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Syllables and syllable pairs from underthesea's Viet74K word list, and the syllables of wordfreq's
    Vietnamese word list; built once and kept in vanban's cache (0.8 s to build, 0.05 s to load)."""
    sources = [_viet74k_path(), *_wordfreq_vietnamese(), Path(unicode.__file__)]  # its spelling rules too
    return cached("lexicon", sources, _build_lexicon)


def _build_lexicon() -> Lexicon:
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
    for word in get_frequency_dict("vi"):
        word = place_tone_marks(word)
        if WORD.fullmatch(word):
            syllables.add(word)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for syl in syllables:
        by_fold[fold(syl)].append(syl)
    return Lexicon(frozenset(syllables), frozenset(pairs), {k: tuple(v) for k, v in by_fold.items()})


def is_syllable(word: str) -> bool:
    """True when the word, lower-cased with its tone mark placed the traditional way, is a known Vietnamese syllable:
    how a text layer or a header word is judged to be real Vietnamese."""
    return place_tone_marks(word.lower()) in lexicon().syllables


@dataclass(frozen=True)
class SyllableModel:
    """Syllable and adjacent-pair counts of real administrative texts (``data/syllable_model.json.gz``,
    built by ``python -m bench.tone_marks build``): how likely a syllable is after another, which
    is what tells 'sửa đổi' from 'sửa đối'."""

    unigrams: dict[str, int]
    pairs: dict[tuple[str, str], int]
    total: int
    by_fold: dict[str, tuple[str, ...]]  # fold(syllable) → its variants in the texts

    def probability(self, word: str) -> float:
        """The syllable's frequency, half a count for one never seen."""
        return (self.unigrams.get(word, 0) + 0.5) / (self.total + 0.5 * len(self.unigrams))


@lru_cache(maxsize=1)
def syllable_model() -> SyllableModel:
    """The corpus syllable model, loaded once (0.1 s)."""
    data = json.loads(gzip.decompress(MODEL_PATH.read_bytes()))
    unigrams: dict[str, int] = data["unigrams"]
    pairs = {tuple(key.split(" ")): n for key, n in data["pairs"].items()}
    by_fold: dict[str, list[str]] = defaultdict(list)
    for syllable in sorted(unigrams, key=unigrams.__getitem__, reverse=True):
        by_fold[fold(syllable)].append(syllable)
    return SyllableModel(
        unigrams,
        pairs,
        sum(unigrams.values()),
        {k: tuple(v) for k, v in by_fold.items()},
    )
