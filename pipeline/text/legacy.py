"""Decoding text files: UTF-8, UTF-16, Windows-1258, and text typed in the legacy TCVN3/ABC
and VNI fonts (tables as data in ``data/legacy_encodings.json``). Which decoding is right is
decided by measurement: the one with the most valid Vietnamese syllables."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.text.lexicon import lexicon
from pipeline.text.unicode import WORD, nfc, place_tone_marks

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _legacy_tables() -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
    data = json.loads((DATA / "legacy_encodings.json").read_text(encoding="utf-8"))
    tables = {}
    for name in ("TCVN3", "VNI"):
        table = data[name]
        keys = sorted(table, key=len, reverse=True)
        tables[name] = (re.compile("|".join(map(re.escape, keys))), table)
    return tables


def _uppercase_caps_words(text: str) -> str:
    """TCVN3 has no capital toned letters: headings were typed in lowercase codes with a caps font
    (.VnTimeH). A line whose plain letters are all capitals, or a word with two or more plain
    capitals and no plain small letters, is in capitals."""

    def fix_word(m: re.Match[str]) -> str:
        """The word in capitals when its plain letters are two or more capitals and no small letters, else unchanged."""
        plain = [c for c in m.group() if c.isascii()]
        return m.group().upper() if len(plain) >= 2 and all(c.isupper() for c in plain) else m.group()

    lines = []
    for line in text.split("\n"):
        plain = [c for c in line if c.isascii() and c.isalpha()]
        lines.append(line.upper() if len(plain) >= 4 and all(c.isupper() for c in plain) else WORD.sub(fix_word, line))
    return "\n".join(lines)


def _decode_legacy(text: str, name: str) -> str:
    pattern, table = _legacy_tables()[name]
    out = pattern.sub(lambda m: table[m.group()], text)
    return _uppercase_caps_words(out) if name == "TCVN3" else out


_EDGE_NON_LETTERS = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def _vietnamese_score(text: str) -> int:
    """Known syllables minus unknown words, over the space-separated words that have non-ASCII
    characters — the words on which candidate decodings of one text differ. Legacy codes that are
    not letters ('C«ng') make a word unknown just as well as wrong letters do."""
    known = lexicon().syllables
    score = 0
    for chunk in text.split():
        word = _EDGE_NON_LETTERS.sub("", chunk)
        if word and not word.isascii():
            score += 1 if place_tone_marks(word.lower()) in known else -1
    return score


LEGACY_MARGIN = 2  # one word going from unknown (-1) to known (+1): the least evidence to act on


def repair_legacy(s: str) -> tuple[str, str | None]:
    """Repair text typed in a legacy Vietnamese font (TCVN3/ABC or VNI) and read as Latin-1.

    Decides by measurement: the decoding with more valid Vietnamese syllables than the text as it
    stands wins; Unicode Vietnamese text scores highest as it is and is returned unchanged."""
    if not any("\u00a1" <= c <= "\u00ff" for c in s):
        return s, None
    best, best_name, best_score = s, None, _vietnamese_score(s)
    for name in ("TCVN3", "VNI"):
        candidate = _decode_legacy(s, name)
        score = _vietnamese_score(candidate)
        if score >= best_score + LEGACY_MARGIN:
            best, best_name, best_score = candidate, name, score
    return best, best_name


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a text file: UTF-8 (BOM or not), UTF-16 (BOM, or unmarked with NUL bytes), Windows-1258,
    and text in TCVN3/VNI fonts. Returns the NFC text and the legacy encoding repaired, if any."""
    if data.startswith(b"\xef\xbb\xbf"):
        return repair_legacy(nfc(data[3:].decode("utf-8", errors="replace")))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return repair_legacy(nfc(data.decode("utf-16", errors="replace")))
    if len(data) >= 4 and data.count(0) >= len(data) // 4:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        codec = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        return repair_legacy(nfc(data.decode(codec, errors="replace")))
    try:
        return repair_legacy(nfc(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    candidates = [(nfc(data.decode("cp1258", errors="replace")), "Windows-1258")]
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = data.decode("latin-1")
    for name in ("TCVN3", "VNI"):
        candidates.append((_decode_legacy(latin, name), name))
    return max(candidates, key=lambda c: _vietnamese_score(c[0]))
