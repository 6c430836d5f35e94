"""Outline parser: recovers a document's numbered structure (I., 1., 1.1., a), -, +, Điều 3)
so that a bullet knows which section and which heading it sits under.

Input is the list of the document's non-empty lines; output is one ``Node`` per line.
Numbered levels form the section path ('IV.6', '2.1.a', 'Điều 3'); dash and plus bullets
are leaves that inherit the path of the numbered line above them. Text converted from Word or
PDF often keeps Markdown heading and emphasis marks ('### III. TỔ CHỨC THỰC HIỆN', '**2. …**');
they are skipped before the marker is read, and ``Node.marker`` is the marker as printed
('III.'), so ``line.text.find(marker)`` locates it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Markdown decoration before a marker: heading hashes, block quotes, emphasis stuck to the text.
_DECORATION = re.compile(r"^(?:#{1,6}\s*|>\s*|[*_]{1,3}(?=\S))*")

# (level, pattern) from outermost to innermost; the first group is the label.
# A number is a marker only when a word follows it: '1.000 người', '03/2010/NĐ-CP', '15/12)' are text.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*")),
    ("part", re.compile(r"^(?:Phần\s+|PHẦN\s+)?([IVXL]{1,6})\s*[.\-–)]\s+|^(?:Phần\s+|PHẦN\s+)?([IVXL]{1,6})\s*/\s+")),
    ("numbered", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]|\s*/(?=\s))\s*(?=[^\W\d_]|[\"“(])")),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*|^([a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("bullet", re.compile(r"^([\-–—+•*])\s+")),
]


@dataclass(frozen=True)
class Node:
    marker: str | None
    section: str | None
    heading: str | None


def _read_marker(text: str) -> tuple[str, str, str] | None:
    """(level, label, marker as printed) of the marker opening the line, if any."""
    body = text[_DECORATION.match(text).end():]
    for level, pattern in MARKERS:
        m = pattern.match(body)
        if m:
            label = next(g for g in m.groups() if g)
            return level, label, m.group(0).strip()
    return None


def parse(lines: list[str]) -> list[Node]:
    part: str | None = None
    numbered: list[str] = []          # e.g. ['2', '1'] for 2.1.
    letter: str | None = None
    heading: str | None = None
    nodes: list[Node] = []
    for text in lines:
        marker = None
        found = _read_marker(text)
        if found:
            level, label, marker = found
            if level in ("article", "part"):
                part, numbered, letter, heading = label, [], None, text
            elif level == "numbered":
                numbered, letter, heading = label.split("."), None, text
            elif level == "letter":
                letter, heading = label, text
        path = ([part] if part else []) + numbered + ([letter] if letter else [])
        nodes.append(Node(marker=marker, section=".".join(path) or None, heading=heading))
    return nodes
