"""Outline parser: recovers a document's numbered structure (I., 1., 1.1., a), -, +, Điều 3)
so that a bullet knows which section and which heading it sits under.

Input is the list of the document's non-empty lines; output is one ``Node`` per line.
Numbered levels form the section path ('IV.6', '2.1.a', 'Điều 3'); dash and plus bullets
are leaves that inherit the path of the numbered line above them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# (level, pattern) from outermost to innermost; the first group is the label.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*")),
    ("part", re.compile(r"^(?:Phần\s+|PHẦN\s+)?([IVXL]{1,6})\s*[.\-–/)]\s+")),
    ("numbered", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/]\s*(?=\S)")),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*")),
    ("bullet", re.compile(r"^([\-–—+•*])\s+")),
]


@dataclass(frozen=True)
class Node:
    marker: str | None
    section: str | None
    heading: str | None


def parse(lines: list[str]) -> list[Node]:
    part: str | None = None
    numbered: list[str] = []          # e.g. ['2', '1'] for 2.1.
    letter: str | None = None
    heading: str | None = None
    nodes: list[Node] = []
    for text in lines:
        marker = None
        for level, pattern in MARKERS:
            m = pattern.match(text)
            if not m:
                continue
            marker = m.group(0).strip()
            label = m.group(1)
            if level == "article":
                part, numbered, letter, heading = label, [], None, text
            elif level == "part":
                part, numbered, letter, heading = label, [], None, text
            elif level == "numbered":
                numbered, letter, heading = label.split("."), None, text
            elif level == "letter":
                letter, heading = label, text
            break
        path = [p for p in ([part] if part else []) + numbered + ([letter] if letter else [])]
        nodes.append(Node(marker=marker, section=".".join(path) or None, heading=heading))
    return nodes
