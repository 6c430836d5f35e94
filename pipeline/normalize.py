"""Vietnamese text normalization — the one place for it.

Everything that turns raw characters into the project's canonical text lives here: Unicode NFC,
one tone-mark placement (the traditional 'hòa, thủy, Ủy ban' style of the contract and gold files),
decoding of text files including legacy font encodings (TCVN3/ABC, VNI, Windows-1258), joining of
visually wrapped lines, OCR repairs, and ``fold`` — the diacritic-insensitive key for matching.
Vocabularies (encoding tables, look-alike characters, line-joining cues) are data files in
``pipeline/data``; dictionaries (underthesea's Viet74K, wordfreq 'vi') are loaded once, lazily.
"""
from __future__ import annotations

import importlib.util
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Tone marks as NFD combining characters; the vowel-quality marks (circumflex, breve, horn) are not tones.
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# ----------------------------------------------------------------------------------------------
# Tone-mark placement
# ----------------------------------------------------------------------------------------------

# A syllable whose whole rhyme is oa / oe / uy: the new style marks the second vowel (hoà, thuỷ),
# the traditional style the first (hòa, thủy). With onset 'q' the u belongs to the onset (quý), so
# the mark on y is right in both styles and the syllable is left alone.
_TONED_AEY = "".join(nfc(v + t) for v in "aeyAEY" for t in sorted(TONES))
_NEW_STYLE = re.compile(
    rf"(?<![^\W\d_])(?P<onset>[bcdđghklmnprstvxBCDĐGHKLMNPRSTVX]{{0,3}})"
    rf"(?P<v1>[oOuU])(?P<v2>[{_TONED_AEY}])(?![^\W\d_])")
_RHYMES = {"oa", "oe", "uy"}


def _to_traditional(m: re.Match[str]) -> str:
    v2 = unicodedata.normalize("NFD", m["v2"])
    if (m["v1"] + v2[0]).lower() not in _RHYMES:
        return m.group()
    return m["onset"] + nfc(m["v1"] + v2[1]) + v2[0]


def place_tone_marks(s: str) -> str:
    """Rewrite new-style oa/oe/uy syllables (hoà, thuỷ, Uỷ) to the traditional style (hòa, thủy, Ủy)."""
    return _NEW_STYLE.sub(_to_traditional, nfc(s))


# ----------------------------------------------------------------------------------------------
# Folding
# ----------------------------------------------------------------------------------------------

def fold(s: str) -> str:
    """Diacritic- and case-insensitive key: 'Sở Tư pháp' → 'so tu phap' (đ → d, spaces collapsed)."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


_FOLD_TABLE: dict[int, str] = {}   # code point → its one-character fold, filled as characters are met


def _fold_char(c: str) -> str:
    if c.isspace():
        return c          # line breaks and TABs delimit lines and table cells: keep them
    f = fold(c)
    return f if len(f) == 1 else (f[:1] or c.lower()[:1] or c)


def fold_in_place(text: str) -> str:
    """``fold`` character by character, keeping the length: an offset found in the folded twin
    ('so 12-nq/tw ngay 16/3/2022') is an offset in ``text``. Matchers search the twin and quote the text."""
    for c in set(text):
        if ord(c) not in _FOLD_TABLE:
            _FOLD_TABLE[ord(c)] = _fold_char(c)
    return text.translate(_FOLD_TABLE)


# ----------------------------------------------------------------------------------------------
# Dictionaries (lazy, loaded once)
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Lexicon:
    syllables: frozenset[str]                  # known lowercase syllables, traditional tone style
    pairs: frozenset[tuple[str, str]]          # adjacent syllables inside dictionary words
    zipf: dict[str, float]                     # wordfreq 'vi' Zipf frequency of a syllable
    by_fold: dict[str, tuple[str, ...]]        # fold(syllable) → known syllables


def _viet74k_path() -> Path:
    spec = importlib.util.find_spec("underthesea")      # no import: underthesea loads slowly
    return Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Syllables and syllable pairs from underthesea's Viet74K word list, frequencies from wordfreq."""
    from wordfreq import get_frequency_dict

    syllables: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    entries = place_tone_marks(_viet74k_path().read_text(encoding="utf-8").lower())
    for line in entries.splitlines():
        parts = line.replace("-", " ").split()
        if not all(_WORD.fullmatch(p) for p in parts):
            continue
        syllables.update(parts)
        pairs.update(zip(parts, parts[1:]))
    zipf: dict[str, float] = {}
    for word, freq in get_frequency_dict("vi").items():
        word = place_tone_marks(word)
        if _WORD.fullmatch(word):
            zipf[word] = max(zipf.get(word, 0.0), math.log10(freq) + 9)
            syllables.add(word)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for syl in syllables:
        by_fold[fold(syl)].append(syl)
    return _Lexicon(frozenset(syllables), frozenset(pairs), zipf,
                    {k: tuple(v) for k, v in by_fold.items()})


def is_syllable(word: str) -> bool:
    return place_tone_marks(word.lower()) in lexicon().syllables


# ----------------------------------------------------------------------------------------------
# Legacy encodings (TCVN3, VNI, Windows-1258)
# ----------------------------------------------------------------------------------------------

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
        plain = [c for c in m.group() if c.isascii()]
        return m.group().upper() if len(plain) >= 2 and all(c.isupper() for c in plain) else m.group()

    lines = []
    for line in text.split("\n"):
        plain = [c for c in line if c.isascii() and c.isalpha()]
        lines.append(line.upper() if len(plain) >= 4 and all(c.isupper() for c in plain)
                     else _WORD.sub(fix_word, line))
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


LEGACY_MARGIN = 2      # one word going from unknown (-1) to known (+1): the least evidence to act on


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


# ----------------------------------------------------------------------------------------------
# Line joining
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _JoinRules:
    outline_start: tuple[re.Pattern[str], ...]
    sentence_end: str
    closing_chars: str
    symbol_break: re.Pattern[str]
    wrap_min_width_ratio: float
    heading_max_length: int
    max_visual_line_width: int


@lru_cache(maxsize=1)
def _join_rules() -> _JoinRules:
    d = json.loads((DATA / "line_joining.json").read_text(encoding="utf-8"))
    return _JoinRules(tuple(re.compile(p) for p in d["outline_start"]), d["sentence_end"],
                      d["closing_chars"], re.compile(d["symbol_break"]),
                      d["wrap_min_width_ratio"], d["heading_max_length"], d["max_visual_line_width"])


def _is_caps_heading(line: str, rules: _JoinRules) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line) <= rules.heading_max_length


def line_separator(prev_line: str, next_line: str, full_width: int | None = None) -> str:
    """How two consecutive visual lines join: '' (a symbol broken after '-' or '/', '12-' + 'NQ/TW'),
    ' ' (a wrapped sentence) or '\\n' (a real break). ``full_width`` is the length of a full line of
    the page, when known: a line that long without end punctuation was wrapped by the layout."""
    rules = _join_rules()
    prev, nxt = prev_line.strip(), next_line.strip()
    if not prev or not nxt or "\t" in prev_line or "\t" in next_line:
        return "\n"
    if any(p.match(nxt) for p in rules.outline_start):
        return "\n"
    if rules.symbol_break.search(prev) and nxt[0].isalnum() and not nxt[0].islower():
        return ""
    end = prev.rstrip(rules.closing_chars)[-1:] or prev[-1]
    if end == ";" and nxt[0].islower():
        return " "                       # an enumeration inside one sentence, wrapped after its ';'
    if end in rules.sentence_end or prev[-1] in rules.sentence_end:
        return "\n"
    if _is_caps_heading(prev, rules):
        return "\n"
    if nxt[0].islower() or nxt[0].isdigit():
        return " "
    if prev[-1] in ",-–":
        return " "
    if full_width and len(prev) >= rules.wrap_min_width_ratio * full_width:
        return " "
    return "\n"


def _visual_line_width(lines: list[str]) -> int | None:
    """The width of a full line when the text is made of visual lines (PDF extraction): the 90th
    percentile of line lengths; None for text whose lines are whole paragraphs."""
    widths = sorted(len(l.strip()) for l in lines if l.strip())
    if len(widths) < 6:
        return None
    width = widths[int(0.9 * (len(widths) - 1))]
    return width if width <= _join_rules().max_visual_line_width else None


def _blank_separated_wraps(lines: list[str]) -> bool:
    """PDF text where every visual line is followed by a blank line (seed 003's shape): lines are
    visual lines and most are followed by exactly one blank line before more text."""
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    followed_by_single_blank = sum(
        1 for i in nonblank if i + 2 < len(lines) and not lines[i + 1].strip() and lines[i + 2].strip())
    return _visual_line_width(lines) is not None and followed_by_single_blank >= 0.5 * len(nonblank)


def join_wrapped_lines(text: str) -> str:
    """Join the visual lines of wrapped paragraphs. In PDF text with a blank line after every visual
    line (seed 003's shape) a single blank line does not end a paragraph — the line cues decide.
    Elsewhere a single blank line is a paragraph break unless the next line plainly continues the
    sentence (lowercase start, broken symbol); two or more blank lines always are."""
    out_pages = []
    for page in text.split("\f"):
        lines = page.split("\n")
        blank_wraps = _blank_separated_wraps(lines)
        width = _visual_line_width(lines)
        out: list[str] = []
        pending_blanks = 0
        for line in lines:
            if not line.strip():
                pending_blanks += 1
                continue
            if not out:
                out.append("\n" * pending_blanks + line if pending_blanks else line)
                pending_blanks = 0
                continue
            prev = out[-1].rsplit("\n", 1)[-1]
            if pending_blanks == 0 or (blank_wraps and pending_blanks == 1):
                sep = line_separator(prev, line, width)
            elif pending_blanks == 1:
                # a paragraph cut by a stray blank line (page break, conversion): only the
                # strongest cues join — a lowercase start or a broken symbol
                sep = line_separator(prev, line)
                if sep == " " and not line.lstrip()[:1].islower():
                    sep = "\n"
            else:
                sep = "\n"
            if sep == "\n" and pending_blanks:
                sep = "\n" * (pending_blanks + 1)
            if sep in ("", " "):
                out[-1] = out[-1].rstrip() + sep + line.strip()
            else:
                out[-1] = out[-1] + sep + line
            pending_blanks = 0
        page_text = "".join(out)
        out_pages.append(page_text + "\n" * pending_blanks if out else page)
    return "\f".join(out_pages)


# ----------------------------------------------------------------------------------------------
# Plain-text normalization
# ----------------------------------------------------------------------------------------------

_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalize_text(s: str) -> str:
    """Canonical form of a plain-text document: NFC, legacy fonts repaired, then ``tidy_text``."""
    s, _ = repair_legacy(nfc(s))
    return tidy_text(s)


def tidy_text(s: str) -> str:
    """``normalize_text`` for text whose legacy fonts are already repaired (``decode_bytes``): NFC,
    '\\n' newlines, no Markdown emphasis markers, traditional tone marks, wrapped lines joined,
    spaces tidied (TABs kept: tables use them), at most one blank line in a row."""
    s = nfc(s).replace("\r\n", "\n").replace("\r", "\n")
    s = s.translate(_INVISIBLE).replace("\u00a0", " ")
    s = _MD_EMPHASIS.sub(r"\2", s)
    s = place_tone_marks(s)
    s = "\n".join(re.sub(r" {2,}", " ", line).strip(" ") for line in s.split("\n"))
    s = join_wrapped_lines(s)
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip("\n")


# ----------------------------------------------------------------------------------------------
# OCR repairs
# ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _confusions() -> tuple[dict[int, str], dict[str, str]]:
    d = json.loads((DATA / "ocr_confusions.json").read_text(encoding="utf-8"))
    return str.maketrans(d["lookalikes"]), d["digit_for_letter"]


def _strip_stray_marks(word: str) -> str:
    """Combining marks NFC could not attach (a mark on a consonant, a second tone) are OCR noise."""
    out = []
    for c in nfc(word):
        if unicodedata.combining(c) and (not out or not out[-1].isalpha() or
                                         unicodedata.normalize("NFD", out[-1])[-1:] in TONES
                                         or unicodedata.combining(out[-1])):
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
                    for i, c in enumerate(word))
                if _WORD.fullmatch(candidate) and is_syllable(candidate):
                    word = candidate
    return place_tone_marks(word)


_SPLIT = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
UNKNOWN_ZIPF = 1.0          # a dictionary syllable wordfreq does not list
PAIR_BONUS = 2.5            # the candidate forms a dictionary word with a neighbour
MARK_PENALTY = 1.0          # per diacritic the candidate changes
STRONG_MARGIN = 4.0         # a known word is replaced only when the alternative is this much better


def _apply_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _syllable_score(cand: str, prev: str | None, nxt: str | None, lex: _Lexicon) -> float:
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


def _in_word(cand: str, prev: str | None, nxt: str | None, lex: _Lexicon) -> bool:
    return bool((prev and (prev, cand) in lex.pairs) or (nxt and (cand, nxt) in lex.pairs))


def _strongly_better(cand: str, word: str, prev: str | None, nxt: str | None, lex: _Lexicon) -> bool:
    """A known syllable is replaced only if it makes no dictionary word with its neighbours, the
    candidate does, and the candidate's score is clearly higher."""
    if _in_word(word, prev, nxt, lex) or not _in_word(cand, prev, nxt, lex):
        return False
    return _syllable_score(cand, prev, nxt, lex) - _syllable_score(word, prev, nxt, lex) >= STRONG_MARGIN


@lru_cache(maxsize=1 << 15)
def _same_base_letters(word: str) -> tuple[str, ...]:
    return lexicon().by_fold.get(fold(word), ())


def correct_ocr_line(words: list[str]) -> list[str]:
    """Repair Tesseract's diacritic confusions in one line of words (same length out).

    Candidates are the known syllables with the same base letters (fold, then re-expand); each is
    scored by its frequency and by whether it makes a dictionary word with a neighbour. An unknown
    word takes the best candidate; a known word changes only on strong evidence. Capitalized words
    (names) and all-caps abbreviations change only when they are not Vietnamese syllables at all."""
    lex = lexicon()
    parts = [_SPLIT.match(normalize_token(w)).groups() for w in words]
    cores = [p[1].lower() for p in parts]          # left neighbours are updated as they get corrected
    out = []
    for i, (lead, core, trail) in enumerate(parts):
        low = cores[i]
        prev = cores[i - 1] if i > 0 and not parts[i - 1][2].strip() and not lead else None
        nxt = cores[i + 1] if i + 1 < len(parts) and not trail.strip() and not parts[i + 1][0] else None
        known = low in lex.syllables
        if known and (core[:1].isupper() or _in_word(low, prev, nxt, lex)) or not _WORD.fullmatch(core):
            out.append(lead + core + trail)
            continue
        candidates = _same_base_letters(low)
        if candidates:
            best = max(candidates, key=lambda c: _syllable_score(c, prev, nxt, lex) - MARK_PENALTY * _mark_distance(low, c))
            if best != low and (not known or _strongly_better(best, low, prev, nxt, lex)):
                core, cores[i] = _apply_case(core, best), best
        out.append(lead + core + trail)
    return out
