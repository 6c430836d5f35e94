"""The canonical form of a plain text: what every reader hands on (NFC, traditional tone marks,
no Markdown emphasis or invisible characters, wrapped lines joined, spaces tidied)."""

from __future__ import annotations

import re

from pipeline.text.legacy import repair_legacy
from pipeline.text.unicode import nfc, place_tone_marks
from pipeline.text.wraps import join_wrapped_lines

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
