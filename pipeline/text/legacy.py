"""Decoding text files: UTF-8, UTF-16, Windows-1258, and text typed in the legacy TCVN3/ABC
and VNI fonts (tables as data in ``data/legacy_encodings.json``). Which decoding is right is
decided by measurement: the one with the most valid Vietnamese syllables."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from pipeline.messages import reason_en
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


# UTF-8 read as Windows-1252 or Latin-1 and saved again ('Tá»\x88NH á»¦Y' for 'TỈNH ỦY'): a lead byte
# read as Â-ô followed by one to three continuation bytes read as Windows-1252 or Latin-1 characters.
MOJIBAKE = "UTF-8 read as Windows-1252"
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_RUN = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")


def _byte(c: str) -> bytes:
    try:
        return c.encode("cp1252")
    except UnicodeEncodeError:
        return c.encode("latin-1")  # C1 controls: Latin-1 keeps the bytes Windows-1252 leaves undefined


def _undo_mojibake(match: re.Match[str]) -> str:
    try:
        return b"".join(map(_byte, match.group())).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def _decode_legacy(text: str, name: str) -> str:
    if name == MOJIBAKE:
        return _MOJIBAKE_RUN.sub(_undo_mojibake, text)
    pattern, table = _legacy_tables()[name]
    out = pattern.sub(lambda m: table[m.group()], text)
    return _uppercase_caps_words(out) if name == "TCVN3" else out


_EDGE_NON_LETTERS = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_LATIN1_LETTER = re.compile("[\u00a1-\u00ff]")  # every legacy code has one: other words decode to themselves
# A whitespace-separated word holding such a letter, tried only where a word starts (linear).
_LATIN1_WORD = re.compile("(?<!\\S)[^\\s\u00a1-\u00ff]*[\u00a1-\u00ff]\\S*")


def _word_score(word: str) -> int:
    """+1 for a known syllable, -1 for an unknown word, 0 for a word without non-ASCII letters."""
    word = _EDGE_NON_LETTERS.sub("", word)
    if not word or word.isascii():
        return 0
    return 1 if place_tone_marks(word.lower()) in lexicon().syllables else -1


def _vietnamese_score(words: Counter[str]) -> int:
    """Known syllables minus unknown words, over the words that have non-ASCII characters — the words
    on which candidate decodings of one text differ. Legacy codes that are not letters ('C«ng') make
    a word unknown just as well as wrong letters do."""
    return sum(count * _word_score(word) for word, count in words.items())


LEGACY_MARGIN = 2  # one word going from unknown (-1) to known (+1): the least evidence to act on


def repair_legacy(s: str) -> tuple[str, str | None]:
    """Repair text typed in a legacy Vietnamese font (TCVN3/ABC or VNI) and read as Latin-1, or UTF-8
    that was read as Windows-1252 and saved again ('Tá»\x88NH á»¦Y').

    Decides by measurement: the decoding with more valid Vietnamese syllables than the text as it
    stands wins; Unicode Vietnamese text scores highest as it is and is returned unchanged. Only the
    distinct words holding a Latin-1 letter are scored (the others read the same in every decoding),
    so a 30 MB file is judged in seconds."""
    if not _LATIN1_LETTER.search(s):
        return s, None
    words = Counter(m.group() for m in _LATIN1_WORD.finditer(s))
    best_name, best_score = None, _vietnamese_score(words)
    for name in ("TCVN3", "VNI", MOJIBAKE):
        decoded: Counter[str] = Counter()
        for word, count in words.items():
            decoded[_decode_legacy(word, name)] += count
        score = _vietnamese_score(decoded)
        if score >= best_score + LEGACY_MARGIN:
            best_name, best_score = name, score
    return (s, None) if best_name is None else (nfc(_decode_legacy(s, best_name)), best_name)


class UndecodableText(ValueError):
    """A text file that no encoding reads as Vietnamese; ``reason`` says so (a ``reason.*`` sentence, see
    ``messages``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# A file is refused when more of its characters than this share (and than MAX_DAMAGE_COUNT) come out
# damaged: a byte cut by `head -c` or flipped on a disk is one damaged character, not a reason to
# read the whole file in another encoding.
MAX_DAMAGE_SHARE = 0.01
MAX_DAMAGE_COUNT = 10
# Lines not in UTF-8 are read in a legacy encoding only when at least this share of their words with
# diacritics are then Vietnamese syllables (a seed paragraph in Windows-1258, TCVN3 or VNI: all of them).
MIN_LEGACY_KNOWN_SHARE = 0.5
_REPLACEMENT = "\ufffd"


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a text file: UTF-8 (BOM or not), UTF-16 (BOM, or unmarked with NUL bytes), Windows-1258,
    and text in TCVN3/VNI fonts. Returns the NFC text and what was repaired, if anything: the legacy
    encoding, or the damaged characters of a UTF-8 file.

    A file that is not valid UTF-8 as a whole is read line by line: lines in UTF-8 stay UTF-8, a line
    that is mostly UTF-8 keeps its few damaged bytes as U+FFFD, and the other lines are read in the
    legacy encoding that makes them Vietnamese. A file with much damage, or whose other lines no
    encoding makes Vietnamese, raises ``UndecodableText``: never a whole file read as Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data[3:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, "utf-16")
    if len(data) >= 4 and data.count(0) >= len(data) // 4:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        return _utf16(data, "utf-16-le" if odd_nuls > even_nuls else "utf-16-be")
    return _decode_utf8(data)


def _utf16(data: bytes, codec: str) -> tuple[str, str | None]:
    """UTF-16 (damaged code units as U+FFFD, counted), legacy fonts typed into it repaired."""
    text, font = repair_legacy(nfc(data.decode(codec, errors="replace")))
    text, damage = _checked(text, "UTF-16")
    return text, " + ".join(label for label in (font, damage) if label) or None


def _decode_utf8(data: bytes) -> tuple[str, str | None]:
    try:
        return repair_legacy(nfc(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    texts: list[str | None] = [None] * len(lines)
    legacy: list[int] = []
    for i, line in enumerate(lines):
        try:
            texts[i] = line.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        replaced = line.decode("utf-8", errors="replace")
        damaged = replaced.count(_REPLACEMENT)
        if sum(1 for c in replaced if c > "\x7f") - damaged >= damaged:
            texts[i] = replaced  # mostly UTF-8: keep what is there, mark what is lost
        else:
            legacy.append(i)
    unicode_part = [i for i, t in enumerate(texts) if t is not None]
    repaired, legacy_font = repair_legacy(nfc("\n".join(texts[i] or "" for i in unicode_part)))
    for i, text in zip(unicode_part, repaired.split("\n")):
        texts[i] = text
    labels = [legacy_font] if legacy_font else []
    if legacy:
        name, decoded = _best_legacy([lines[i] for i in legacy])
        if decoded is None:
            if len(legacy) > MAX_DAMAGE_COUNT or len(legacy) > MAX_DAMAGE_SHARE * len(lines):
                raise UndecodableText(reason_en("reason.text_no_encoding", lines=len(legacy)))
            decoded = [lines[i].decode("utf-8", errors="replace") for i in legacy]
        else:
            labels.append(name)
        for i, text in zip(legacy, decoded):
            texts[i] = text
    text, damage = _checked(nfc("\n".join(t or "" for t in texts)), "UTF-8")
    return text, " + ".join([*labels, *([damage] if damage else [])]) or None


def _best_legacy(lines: list[bytes]) -> tuple[str, list[str] | None]:
    """The legacy encoding whose reading of ``lines`` has the most Vietnamese syllables, and that
    reading; (name, None) when even the best is not Vietnamese."""
    joined = b"\n".join(lines)
    try:
        latin = joined.decode("cp1252")
    except UnicodeDecodeError:
        latin = joined.decode("latin-1")
    candidates = [("Windows-1258", nfc(joined.decode("cp1258", errors="replace")))]
    candidates += [(name, _decode_legacy(latin, name)) for name in ("TCVN3", "VNI")]
    scored = []
    for name, text in candidates:
        words = Counter(w for w in text.split() if not w.isascii())
        scored.append((_vietnamese_score(words), name, text, words))
    score, name, text, words = max(scored, key=lambda c: c[0])
    judged = sum(count for word, count in words.items() if _word_score(word))
    known = (score + judged) / 2  # score = known - unknown over the judged words
    if not judged or known < MIN_LEGACY_KNOWN_SHARE * judged:
        return name, None
    return name, text.split("\n")


def _checked(text: str, codec: str) -> tuple[str, str | None]:
    """``text`` and a note of its damaged characters, if any; too many refuse the file."""
    damaged = text.count(_REPLACEMENT)
    if not damaged:
        return text, None
    if damaged > MAX_DAMAGE_COUNT and damaged > MAX_DAMAGE_SHARE * sum(1 for c in text if not c.isspace()):
        raise UndecodableText(reason_en("reason.text_damaged", damaged=damaged, codec=codec))
    return text, f"{codec}, {damaged} damaged character{'s' if damaged > 1 else ''}"
