"""The canonical form of a plain text: what every reader hands on (NFC, traditional tone marks,
no Markdown emphasis or invisible characters, wrapped lines joined, spaces tidied)."""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.text.legacy import repair_legacy
from pipeline.text.lexicon import is_syllable
from pipeline.text.ocr_repair import repair_mixed_script
from pipeline.text.pages import furniture_spans
from pipeline.text.unicode import nfc, place_tone_marks
from pipeline.text.wraps import join_wrapped_lines

_EMPHASIS_MARK = re.compile(r"(?=(\*\*|__))")  # every place a '**' or '__' starts, overlapping ones too
# one bold span closed and the next opened at once ('**phường**** Tuy Hòa**', '**xã**** Ea ****Knuếc**'): web
# conversions write these inside names, and pairing the four marks one by one leaves two of them in the text
_ADJACENT_BOLD = re.compile(r"(?<!\*)\*{4}(?!\*)")
# a footnote's reference glued to the word it notes ('Bộ Nội vụ[6]', 'ngày 22/3/2021[4].', 'a[2])'): web copies of
# consolidated texts (VBHN) print them inside names, dates and item markers; the footnotes themselves stay
_FOOTNOTE_REFERENCE = re.compile(r"(?<=[^\W_])\[\d{1,3}\]")
_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
# two words the web conversion glued, a lowercase one before a capitalised one ('Ủy ban nhân dân tỉnhThái Nguyên',
# 'phườngThủy Phương', the arrangement resolutions of 2025): split once, where both halves are Vietnamese syllables
_GLUED_WORDS = re.compile(
    rf"(?<![{_LOWER}{_LOWER.upper()}])([{_LOWER}]+)([{_LOWER.upper()}][{_LOWER}]+)(?![{_LOWER}{_LOWER.upper()}])"
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalize_text(s: str) -> str:
    """Canonical form of a plain-text document: NFC, legacy fonts repaired, then ``tidy_text``."""
    s, _ = repair_legacy(nfc(s))
    return tidy_text(s)


def tidy_text(s: str) -> str:
    """``normalize_text`` for text whose legacy fonts are already repaired (``decode_bytes``): NFC,
    '\\n' newlines, Cyrillic look-alikes inside Latin tokens put back in Latin ('NQ-СР'), no Markdown emphasis markers
    nor footnote references glued to a word, traditional tone marks, page numbers and running
    headers cut where form feeds join pages, wrapped lines joined, spaces tidied (TABs kept: tables use them), at most one blank line in a row."""
    s = nfc(s).replace("\r\n", "\n").replace("\r", "\n")
    s = repair_mixed_script(s.translate(_INVISIBLE).replace("\u00a0", " "))
    s = _strip_emphasis(s)
    s = _FOOTNOTE_REFERENCE.sub("", s)
    s = place_tone_marks(s)
    s = _GLUED_WORDS.sub(_split_glued, s)
    s = "\n".join(re.sub(r" {2,}", " ", line).strip(" ") for line in s.split("\n"))
    if "\f" in s:  # pages of a converted PDF (pdftotext): their page numbers cut sentences
        pages = s.split("\f")
        s = "\f".join(p[a:b] for p, (a, b) in zip(pages, furniture_spans(pages)))
    s = join_wrapped_lines(s)
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip("\n")


def _split_glued(m: re.Match[str]) -> str:
    """'tỉnhThái' → 'tỉnh Thái'; an ASCII pair ('getFile' in a link) is no Vietnamese evidence and stays."""
    left, right = m.groups()
    if not m.group().isascii() and is_syllable(left) and is_syllable(right):
        return f"{left} {right}"
    return m.group()


def _strip_emphasis(s: str) -> str:
    """Markdown emphasis markers removed: a '****' (a bold span closed and the next one opened) goes first,
    then a '**' or '__' before a non-space pairs with the nearest
    same marker at least one character on that follows a non-space (the pairs a lazy regex from
    each mark to its closing one finds), found with a sorted list of closing marks
    instead of a scan to the end of the text from every unpaired mark (quadratic: 20,000 stray
    '**' took 33 s)."""
    s = _ADJACENT_BOLD.sub("", s)
    marks = [m.start() for m in _EMPHASIS_MARK.finditer(s)]
    if not marks:
        return s
    closers: dict[str, list[int]] = {"**": [], "__": []}
    for j in marks:
        if j and not s[j - 1].isspace():
            closers[s[j : j + 2]].append(j)
    out: list[str] = []
    pos = 0
    for i in marks:
        if i < pos or i + 2 >= len(s) or s[i + 2].isspace():
            continue
        candidates = closers[s[i : i + 2]]
        k = bisect_left(candidates, i + 3)
        if k < len(candidates):
            j = candidates[k]
            out += [s[pos:i], s[i + 2 : j]]
            pos = j + 2
    out.append(s[pos:])
    return "".join(out)
