"""Scanned and born-digital renderings of the seed documents, each page with its ground truth.

Why: vanban must read scans, but the seeds exist only as text. This module lays each seed out like
its paper original (A4, 13 pt Liberation Serif, letterhead and signature block in two columns,
ruled landscape appendix table), prints the pages to images and degrades them like an office
scanner, a fax, a phone photo or a stamped copy. Every page keeps the exact text drawn on it in
reading order (table rows as TAB-separated cells), so bench/ocr.py can measure OCR error
rates. Everything is seeded: the same seed text always gives the same pages and the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.text import nfc

LAYOUT = json.loads((Path(__file__).parent / "data" / "sample_layout.json").read_text(encoding="utf-8"))
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
MM = 72 / 25.4  # PDF points per millimetre
A4 = (595.28, 841.89)
BODY_SIZE = 13.0
LEADING = 1.18  # line height / font size
INDENT = 10 * MM  # first-line indent of paragraphs
INK = (22, 22, 22)
STAMP_INK = (45, 40, 125)  # the incoming ("ĐẾN") stamp's violet ink
PROFILES = ("office", "fax", "photo", "stamped")
PROFILE_DPI = {"office": 300, "fax": 200, "photo": 230, "stamped": 300}
# Degradations nobody here designed page by page: every parameter drawn at random (seeded) for each
# document, or each page (see ``Degradation``).
RANDOM_PROFILES = ("scan-random", "fax-random", "photo-random")


# ---------------------------------------------------------------- seed text → blocks


@dataclass(frozen=True)
class Run:
    text: str
    style: str = "regular"  # regular | bold | italic | bolditalic


@dataclass
class Block:
    kind: str  # para | heading | title | centered | rule | columns | stamp | table | appendix | note
    lines: list[list[Run]] = field(default_factory=list)
    size: float = BODY_SIZE
    left: list[Block] = field(default_factory=list)  # columns
    right: list[Block] = field(default_factory=list)
    rows: list[list[tuple[str, bool]]] = field(default_factory=list)  # table cells (text, bold)
    gap_after: float = 0.0  # blank space after the block (room for a signature)
    signature: bool = False  # the right column holds the signature

    @property
    def text(self) -> str:
        return "\n".join("".join(r.text for r in line) for line in self.lines)


_MARKUP = re.compile(r"(\\\*|\*\*|\*|</?b>|</?i>)")
_STYLE = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bolditalic"}


def _substitute_glyphs(text: str) -> str:
    """Characters the font lacks are drawn as their nearest ASCII form, as a word processor would."""
    for char, replacement in LAYOUT["glyph_substitutes"].items():
        text = text.replace(char, replacement)
    return text


def parse_runs(text: str) -> list[list[Run]]:
    """Markdown/HTML emphasis of the seed text → styled runs, one list per hard line."""
    text = re.sub(r"</p>\s*<p>", " ", text)
    text = re.sub(r"</?p>", "", text)
    text = re.sub(r"(?m)^#+\s*", "", text)
    lines: list[list[Run]] = [[]]
    bold = italic = False
    for token in _MARKUP.split(text):
        if token in ("**", "<b>", "</b>"):
            bold = (token == "**" and not bold) or token == "<b>"
        elif token in ("*", "<i>", "</i>"):
            italic = (token == "*" and not italic) or token == "<i>"
        elif token:
            token = "*" if token == "\\*" else token
            for i, piece in enumerate(token.split("\n")):
                if i:
                    lines.append([])
                if piece:
                    lines[-1].append(Run(piece, _STYLE[bold, italic]))
    cleaned = []
    for line in lines:
        runs = [Run(re.sub(r"[ \t\u00a0]+", " ", r.text), r.style) for r in line]
        while runs and not runs[0].text.strip():
            runs.pop(0)
        while runs and not runs[-1].text.strip():
            runs.pop()
        if runs:
            runs[0] = Run(runs[0].text.lstrip(), runs[0].style)
            runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].style)
            cleaned.append(runs)
    return cleaned


def _plain(raw: str) -> str:
    return " ".join("".join(r.text for r in line) for line in parse_runs(raw))


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def matches(key: str, text: str) -> bool:
    """Does ``text`` match the layout pattern (or any of the patterns) named ``key`` in ``LAYOUT``?"""
    patterns = LAYOUT[key] if isinstance(LAYOUT[key], list) else [LAYOUT[key]]
    return any(re.search(p, text) for p in patterns)


PARAGRAPH_END = "\u2029"


def _raw_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; a block followed by a whitespace-only block (a wider gap in the
    original) ends with PARAGRAPH_END so that reflowing never joins across it."""
    text = _substitute_glyphs(nfc(text).replace("\r\n", "\n"))
    blocks: list[str] = []
    for b in re.split(r"\n[ \t\u00a0]*\n", text):
        if b.strip():
            blocks.append(b.strip("\n"))
        elif blocks and not blocks[-1].endswith(PARAGRAPH_END):
            blocks[-1] += PARAGRAPH_END
    return blocks


def _letterhead(raw: list[str]) -> tuple[Block | None, list[Block], int]:
    """The blocks above the addressee: issuer and number left, motto and date right, a received stamp."""
    left: list[Block] = []
    right: list[Block] = []
    extras: list[Block] = []
    i = 0
    while i < min(len(raw), 14):
        plain = _plain(raw[i])
        nxt = _plain(raw[i + 1]) if i + 1 < len(raw) else ""
        if matches("addressee", plain) or len(plain) > 160:
            break
        if matches("motto", plain):
            right.append(Block("centered", parse_runs(f"**{plain}**"), size=12.5))
        elif matches("place_date", plain):
            right.append(Block("centered", parse_runs(f"*{plain}*")))
        elif raw[i].strip() == "*":
            left.append(Block("centered", [[Run("*")]]))
        elif matches("number", plain):
            left.append(Block("centered", parse_runs(plain)))
        elif matches("subject", plain):
            left.append(Block("centered", parse_runs(raw[i]), size=11))
        elif "\t" in raw[i] and len(raw[i].splitlines()) > 1:
            extras.append(Block("stamp", parse_runs(raw[i].replace("\t", " "))))
        elif _is_upper(plain) and (matches("motto", nxt) or right):
            left.append(Block("centered", parse_runs(f"**{plain}**"), size=12.5))
        elif not left and not right and not extras:
            extras.append(Block("note", parse_runs(f"*{plain}*")))
        else:
            break
        i += 1
    if not left and not right:
        return None, [], 0
    notes = [b for b in extras if b.kind == "note"]
    stamps = [b for b in extras if b.kind == "stamp"]
    return Block("columns", left=left, right=right), notes + stamps, i


def _reflow(raw: list[str]) -> list[str]:
    """Join blocks that are one paragraph broken at a line or page end of the original."""
    out: list[str] = []
    for block in raw:
        if out and "\t" not in block and "\t" not in out[-1] and not out[-1].endswith(PARAGRAPH_END):
            prev = _plain(out[-1])
            cur = _plain(block)
            wrapped_line = cur[:1].islower() or re.search(r"(\S-|[^.:;!?\s][ \t]+)$", out[-1])
            if (
                wrapped_line
                and re.search(r"\w", prev)
                and prev[-1] not in ".:;!?"
                and not _is_upper(prev)
                and not _is_upper(cur)
                and not re.match(LAYOUT["list_marker"], cur)
                and not matches("recipients", cur)
                and not matches("addressee", prev)
                and not matches("appendix", cur)
                and not out[-1].rstrip().endswith("**")
            ):
                glue = "" if re.search(r"\S-$", out[-1].rstrip()) else " "
                out[-1] = out[-1].rstrip() + glue + block.lstrip()
                continue
        out.append(block)
    return out


def _table_rows(raw: list[str]) -> list[list[tuple[str, bool]]]:
    rows = []
    for line in "\n".join(raw).splitlines():
        if not line.strip():
            continue
        cells = []
        for cell in line.split("\t"):
            runs = [r for ln in parse_runs(cell) for r in ln]
            cells.append(
                (
                    " ".join("".join(r.text for r in ln) for ln in parse_runs(cell)),
                    bool(runs) and all(r.style.startswith("bold") for r in runs),
                )
            )
        rows.append(cells)
    width = max(len(r) for r in rows)
    rows = [r + [("", False)] * (width - len(r)) for r in rows]
    while all(not r[-1][0] for r in rows):  # a trailing TAB is not a column
        rows = [r[:-1] for r in rows]
    return rows


def _signature(raw: list[str], i: int) -> tuple[Block, int]:
    """'Nơi nhận' list on the left, signer's title, room to sign and name on the right."""
    title, *items = _plain_lines(raw[i]).split("\n")
    left = [Block("para", parse_runs(f"***{title}***"), size=12)]
    lines = [ln for ln in items if ln.strip()]
    i += 1
    while i < len(raw) and (_plain(raw[i]).startswith(("-", "+")) or (lines and raw[i].startswith("  "))):
        if _plain(raw[i]).startswith(("-", "+")):
            lines += _plain_lines(raw[i]).split("\n")
        else:  # an indented continuation of the item above
            lines[-1] += " " + _plain(raw[i])
        i += 1
    left.append(Block("para", [[Run(ln)] for ln in lines], size=11))
    right: list[Block] = []
    while i < len(raw) and _is_upper(_plain(raw[i])) and not matches("appendix", _plain(raw[i])):
        right.append(Block("centered", parse_runs(f"**{_plain_lines(raw[i])}**")))
        i += 1
    if right and i < len(raw) and len(_plain(raw[i]).split()) <= 6 and not matches("appendix", _plain(raw[i])):
        right[-1].gap_after = 62
        right.append(Block("centered", parse_runs(f"**{_plain(raw[i])}**")))
        i += 1
    return Block("columns", left=left, right=right, signature=True), i


def _plain_lines(raw: str) -> str:
    return "\n".join("".join(r.text for r in line) for line in parse_runs(raw))


def parse_seed(text: str) -> list[Block]:
    """A seed text → the blocks of its paper layout, in reading order."""
    raw = _raw_blocks(text)
    header, extras, i = _letterhead(raw)
    blocks = [b for b in extras if b.kind == "note"]
    if header:
        blocks.append(header)
    blocks += [b for b in extras if b.kind == "stamp"]
    raw = _reflow(raw[i:])
    i = 0
    body_started = False
    while i < len(raw):
        block, plain = raw[i], _plain(raw[i])
        if "\t" in block:
            j = i
            while j < len(raw) and ("\t" in raw[j]):
                j += 1
            blocks.append(Block("table", rows=_table_rows(raw[i:j])))
            i = j
            continue
        runs = parse_runs(block)
        all_bold = all(r.style.startswith("bold") for line in runs for r in line)
        if re.fullmatch(r"-{3,}", plain):
            blocks.append(Block("rule"))
        elif matches("recipients", plain):
            sig, i = _signature(raw, i)
            blocks.append(sig)
            if i < len(raw) and not matches("appendix", _plain(raw[i])):
                blocks.append(Block("appendix"))  # what follows the signature is an attachment
                body_started = False
            continue
        elif matches("appendix", plain):
            blocks.append(Block("appendix"))
            blocks.append(Block("title", parse_runs(f"**{plain}**"), size=14))
            body_started = False
        elif matches("addressee", plain):
            blocks.append(Block("centered", runs))
        elif not body_started and (
            all_bold or _is_upper(plain) or (blocks and blocks[-1].kind == "title" and plain[-1] not in ".:;")
        ):
            bold = [[Run(r.text, "bold") for r in line] for line in runs]
            blocks.append(Block("title", bold, size=14 if _is_upper(plain) and len(plain) < 40 else BODY_SIZE))
        elif all_bold or (_is_upper(plain) and len(plain) < 160):
            body_started = True
            blocks.append(Block("heading", [[Run(r.text, "bold") for r in line] for line in runs]))
        else:
            body_started = True
            blocks.append(Block("para", runs))
        i += 1
    return blocks


# ---------------------------------------------------------------- layout


@cache
def font(style: str, px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONT_FILES[style]), px, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=200_000)
def text_width(text: str, style: str, size: float) -> float:
    """Advance width in points, measured on a 1000-unit font so that it does not depend on the dpi."""
    return font(style, 1000).getlength(text) * size / 1000


@dataclass
class Op:
    kind: str  # text | line | rect | scribble
    x: float
    y: float  # text: baseline; others: top-left
    text: str = ""
    style: str = "regular"
    size: float = BODY_SIZE
    x1: float = 0.0
    y1: float = 0.0
    color: tuple[int, int, int] = INK
    width: float = 0.6
    points: tuple[tuple[float, float], ...] = ()

    def moved(self, dx: float, dy: float) -> Op:
        return Op(
            self.kind,
            self.x + dx,
            self.y + dy,
            self.text,
            self.style,
            self.size,
            self.x1 + dx,
            self.y1 + dy,
            self.color,
            self.width,
            tuple((px + dx, py + dy) for px, py in self.points),
        )


@dataclass
class Unit:
    """A piece of a page that is never split: one line of text, one table row, a column block."""

    height: float
    ops: list[Op] = field(default_factory=list)
    gt: list[str] = field(default_factory=list)
    signature: tuple[float, float, float, float] | None = None  # box, relative to the unit
    space: bool = False


@dataclass
class Page:
    width: float
    height: float
    ops: list[Op] = field(default_factory=list)
    gt: list[str] = field(default_factory=list)
    signature: tuple[float, float, float, float] | None = None  # where the signer signs, in points

    @property
    def text(self) -> str:
        return "\n".join(self.gt)


Word = list[Run]


def _words(line: list[Run]) -> list[Word]:
    words: list[Word] = [[]]
    for run in line:
        for i, piece in enumerate(re.split(r" +", run.text)):
            if i:
                words.append([])
            if piece:
                words[-1].append(Run(piece, run.style))
    return [w for w in words if w]


def _word_width(word: Word, size: float) -> float:
    return sum(text_width(r.text, r.style, size) for r in word)


def _wrap(words: list[Word], width: float, size: float, indent: float) -> list[list[Word]]:
    lines: list[list[Word]] = [[]]
    used = indent
    space = text_width(" ", "regular", size)
    for word in words:
        w = _word_width(word, size)
        if lines[-1] and used + space + w > width:
            lines.append([])
            used = 0.0
        used += (space if lines[-1] else 0) + w
        lines[-1].append(word)
    return [ln for ln in lines if ln]


def text_units(block: Block, width: float, align: str, indent: float = 0.0) -> list[Unit]:
    """Wrap a block's hard lines into visual lines, each one unit with word-positioned text."""
    size, lead = block.size, block.size * LEADING
    space = text_width(" ", "regular", size)
    units = []
    for hard in block.lines:
        wrapped = _wrap(_words(hard), width, size, indent)
        for n, words in enumerate(wrapped):
            first = indent if n == 0 else 0.0
            widths = [_word_width(w, size) for w in words]
            natural = sum(widths) + space * (len(words) - 1)
            gap = space
            x = first
            if align == "justify" and n < len(wrapped) - 1 and len(words) > 1:
                gap = (width - first - sum(widths)) / (len(words) - 1)
            elif align == "center":
                x = (width - natural) / 2
            elif align == "right":
                x = width - natural
            ops = []
            for n_word, (word, w) in enumerate(zip(words, widths)):
                cx = x
                for n_run, run in enumerate(word):
                    # a word keeps its trailing space, as a word processor's PDF does, so that text
                    # extraction sees the word boundary whatever the justified gap
                    last = n_run == len(word) - 1 and n_word < len(words) - 1
                    ops.append(Op("text", cx, size, run.text + (" " if last else ""), run.style, size))
                    cx += text_width(run.text, run.style, size)
                x += w + gap
            units.append(Unit(lead, ops, [" ".join("".join(r.text for r in w) for w in words)]))
    return units


def _stack(units: list[Unit], gap_after: float = 0.0) -> Unit:
    out = Unit(0.0)
    for u in units:
        out.ops += [op.moved(0, out.height) for op in u.ops]
        out.gt += u.gt
        out.height += u.height
    out.height += gap_after
    return out


def columns_unit(block: Block, width: float) -> Unit:
    """Two side-by-side columns of centred lines; reading order is the left column, then the right."""
    # a letterhead's columns as Nghị định 30/2020's template sets them (about 6.5 and 9.5 cm of 16): the motto in bold
    # fits its column on one line, as on every real letter
    split = 0.4 if not block.signature else 0.5
    widths = (width * split - 6, width * (1 - split))
    stacks = []
    for col, w in zip((block.left, block.right), widths):
        parts = []
        for b in col:
            align = "left" if (block.signature and col is block.left) else "center"
            parts.append(_stack(text_units(b, w, align), b.gap_after))
        stacks.append(_stack(parts))
    left, right = stacks
    x_right = width * split
    ops = left.ops + [op.moved(x_right, 0) for op in right.ops]
    if not block.signature and block.right:  # the short rule under the motto
        motto_w = max((text_width(ln, "bold", BODY_SIZE) for ln in right.gt[:1]), default=0)
        cx = x_right + widths[1] / 2
        y = BODY_SIZE * LEADING + 2
        ops.append(Op("line", cx - motto_w / 3, y, x1=cx + motto_w / 3, y1=y, width=0.7))
    signature = None
    if block.signature and block.right:
        signature = (x_right, 0.0, width, right.height)
        title_h = sum(BODY_SIZE * LEADING * len(b.lines) for b in block.right[:-1])
        cx = x_right + widths[1] / 2
        ops.append(_scribble(cx, title_h + 10, hash_seed("".join(right.gt))))
    return Unit(max(left.height, right.height) + 8, ops, left.gt + right.gt, signature)


def _scribble(cx: float, top: float, seed: int) -> Op:
    """A handwritten signature: a few loops of blue ink (not text, so not in the ground truth)."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 1, 90)
    xs = cx - 45 + 90 * t + 6 * np.sin(t * 19 + rng.uniform(0, 3))
    ys = top + 22 + 14 * np.sin(t * 13 + rng.uniform(0, 3)) * np.exp(-t) - 10 * t
    return Op("scribble", 0, 0, color=(25, 35, 120), width=1.3, points=tuple(zip(xs.tolist(), ys.tolist())))


def stamp_unit(block: Block, x: float) -> Unit:
    """The received-document stamp a secretariat prints on an incoming letter: violet lines in a box."""
    inner = _stack(text_units(Block("centered", block.lines, size=11), 200, "left"))
    ops = [Op(op.kind, op.x + 6, op.y + 6, op.text, op.style, op.size, color=STAMP_INK) for op in inner.ops]
    box_w = max(text_width(ln, "regular", 11) for ln in inner.gt) + 12
    ops.append(Op("rect", 0, 0, x1=box_w, y1=inner.height + 10, color=STAMP_INK, width=1.2))
    return Unit(inner.height + 18, [op.moved(x, 4) for op in ops], inner.gt)


def table_units(rows: list[list[tuple[str, bool]]], width: float, size: float) -> tuple[list[Unit], list[Unit]]:
    """A ruled table → (header row units, body row units); every cell framed, long cells wrapped."""
    pad = 2.5
    header_count = 1
    while header_count < len(rows) and not rows[header_count][0][0]:
        header_count += 1
    body = rows[header_count:] or rows
    natural = [
        float(np.mean([text_width(c[0], "bold" if c[1] else "regular", size) for c in col])) + 2 * pad
        for col in zip(*body)
    ]  # the mean, so that one long stray cell does not widen a column
    longest = [
        max((text_width(w, "bold", size) for c in col for w in c[0].split()), default=0) + 2 * pad for col in zip(*rows)
    ]
    natural = [max(n, m) for n, m in zip(natural, longest)]
    if sum(natural) <= width:
        widths = [w * width / sum(natural) for w in natural]
    else:
        extra = width - sum(longest)
        want = [max(a - b, 0) for a, b in zip(natural, longest)]
        widths = [b + extra * w / sum(want) for b, w in zip(longest, want)]
    units = []
    lead = size * LEADING
    for r, row in enumerate(rows):
        header = r < header_count
        cells = []
        for (text, bold), w in zip(row, widths):
            block = Block("para", [[Run(text, "bold" if bold or header else "regular")]] if text else [], size=size)
            numeric = bool(re.fullmatch(r"[\d.,%\s]+", text))
            cells.append(text_units(block, w - 2 * pad, "center" if header or numeric else "left"))
        height = max(len(c) for c in cells) * lead + 2 * pad + 1
        ops = []
        x = 0.0
        for cell, w in zip(cells, widths):
            top = (height - len(cell) * lead) / 2
            for k, u in enumerate(cell):
                ops += [op.moved(x + pad, top + k * lead - size * 0.18) for op in u.ops]
            ops.append(Op("rect", x, 0, x1=x + w, y1=height, width=0.6))
            x += w
        gt = "\t".join(" ".join(g for u in cell for g in u.gt) for cell in cells)
        units.append(Unit(height, ops, [gt]))
    return units[:header_count], units[header_count:]


# ---------------------------------------------------------------- pagination


@dataclass
class Geometry:
    left: float
    right: float
    top: float = 20 * MM
    bottom: float = 20 * MM


class Flow:
    """Pours units onto A4 pages; a table's header rows are repeated on each page it spans."""

    def __init__(self, geometry: Geometry):
        self.geometry = geometry
        self.pages: list[Page] = []
        self.landscape = False
        self.repeat: list[Unit] = []

    @property
    def width(self) -> float:
        page = self.pages[-1]
        if self.landscape:
            return page.width - 20 * MM - 15 * MM
        return page.width - self.geometry.left - self.geometry.right

    @property
    def x0(self) -> float:
        return 20 * MM if self.landscape else self.geometry.left

    def new_page(self, landscape: bool | None = None) -> None:
        if landscape is not None:
            self.landscape = landscape
        w, h = (A4[1], A4[0]) if self.landscape else A4
        page = Page(w, h)
        self.pages.append(page)
        self.y = self.geometry.top
        if len(self.pages) > 1:  # page number, top centre, from page 2 on
            number = str(len(self.pages))
            nx = (w - text_width(number, "regular", BODY_SIZE)) / 2
            page.ops.append(Op("text", nx, 12 * MM, number))
            page.gt.append(number)
        for unit in self.repeat:
            self.place(unit)

    def place(self, unit: Unit) -> None:
        page = self.pages[-1]
        fresh = self.y == self.geometry.top
        if unit.space:
            if not fresh:
                self.y += unit.height
            return
        if self.y + unit.height > page.height - self.geometry.bottom and not fresh:
            self.new_page()
            page = self.pages[-1]
        page.ops += [op.moved(self.x0, self.y) for op in unit.ops]
        page.gt += unit.gt
        if unit.signature:
            x0, y0, x1, y1 = unit.signature
            page.signature = (x0 + self.x0, y0 + self.y, x1 + self.x0, y1 + self.y)
        self.y += unit.height


def layout(blocks: list[Block], seed: int, repeat_headers: bool = True) -> list[Page]:
    """Blocks → pages of positioned text, lines and boxes, each page with its ground-truth lines; a table's header
    rows printed again on each page it spans unless ``repeat_headers`` is off (many offices print them once)."""
    rng = np.random.default_rng(seed)
    geometry = Geometry(left=30 * MM, right=float(rng.uniform(15, 20)) * MM)
    flow = Flow(geometry)
    flow.new_page(False)
    for n, block in enumerate(blocks):
        width = flow.width
        if block.kind == "appendix":
            wide = any(b.kind == "table" and len(b.rows[0]) > 6 for b in blocks[n:])
            flow.new_page(landscape=wide)
        elif block.kind == "note":
            for u in text_units(
                Block("para", [[Run(r.text, "italic") for r in ln] for ln in block.lines]), width, "right"
            ):
                u.ops = [Op(o.kind, o.x, o.y, o.text, o.style, o.size, color=(30, 40, 150)) for o in u.ops]
                flow.place(u)
        elif block.kind == "columns":
            flow.place(Unit(10 if block.signature else 0, space=True))
            flow.place(columns_unit(block, width))
        elif block.kind == "stamp":
            flow.place(stamp_unit(block, 10))
        elif block.kind == "rule":
            flow.place(Unit(12, [Op("line", width * 0.35, 5, x1=width * 0.65, y1=5, width=0.7)]))
        elif block.kind == "table":
            size = 9.5 if len(block.rows[0]) > 6 else 11
            header, body = table_units(block.rows, width, size)
            flow.place(Unit(6, space=True))
            flow.repeat = []
            for u in header:
                flow.place(u)
            flow.repeat = header if repeat_headers else []
            for u in body:
                flow.place(u)
            flow.repeat = []
            flow.place(Unit(6, space=True))
        elif block.kind in ("title", "centered"):
            flow.place(Unit(8 if block.kind == "title" else 6, space=True))
            for u in text_units(block, width, "center"):
                flow.place(u)
        else:
            flow.place(Unit(3 if block.kind == "para" else 5, space=True))
            for u in text_units(block, width, "justify", INDENT):
                flow.place(u)
    return flow.pages


def hash_seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big")


def render_pages(text: str, repeat_headers: bool = True) -> list[Page]:
    """A seed text → its laid-out pages (deterministic: the layout's randomness is seeded by the text)."""
    return layout(parse_seed(text), hash_seed(text), repeat_headers)


# ---------------------------------------------------------------- backends: raster and born-digital PDF


def rasterize(page: Page, dpi: int = 300) -> Image.Image:
    """Print a page at ``dpi`` on white paper (RGB)."""
    s = dpi / 72
    img = Image.new("RGB", (round(page.width * s), round(page.height * s)), "white")
    draw = ImageDraw.Draw(img)
    for op in page.ops:
        if op.kind == "text":
            draw.text((op.x * s, op.y * s), op.text, font=font(op.style, op.size * s), fill=op.color, anchor="ls")
        elif op.kind == "line":
            draw.line((op.x * s, op.y * s, op.x1 * s, op.y1 * s), fill=op.color, width=max(1, round(op.width * s)))
        elif op.kind == "rect":
            draw.rectangle(
                (op.x * s, op.y * s, op.x1 * s, op.y1 * s), outline=op.color, width=max(1, round(op.width * s))
            )
        elif op.kind == "scribble":
            draw.line(
                [(x * s, y * s) for x, y in op.points], fill=op.color, width=max(1, round(op.width * s)), joint="curve"
            )
    return img


def write_digital_pdf(pages: list[Page], path: Path) -> None:
    """A born-digital PDF: real text in the embedded Liberation Serif, as a word processor exports it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for style, file in FONT_FILES.items():
        if f"LiberationSerif-{style}" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(f"LiberationSerif-{style}", str(FONT_DIR / file)))
    c = canvas.Canvas(str(path), invariant=1, pageCompression=1)
    for page in pages:
        c.setPageSize((page.width, page.height))
        for op in page.ops:
            c.setStrokeColorRGB(*(v / 255 for v in op.color))
            c.setFillColorRGB(*(v / 255 for v in op.color))
            if op.kind == "text":
                c.setFont(f"LiberationSerif-{op.style}", op.size)
                c.drawString(op.x, page.height - op.y, op.text)
            elif op.kind == "line":
                c.setLineWidth(op.width)
                c.line(op.x, page.height - op.y, op.x1, page.height - op.y1)
            elif op.kind == "rect":
                c.setLineWidth(op.width)
                c.rect(op.x, page.height - op.y1, op.x1 - op.x, op.y1 - op.y)
        c.showPage()
    c.save()


def write_docx(blocks: list[Block], path: Path) -> str:
    """A .docx of the blocks (columns as successive paragraphs, tables as Word tables); returns its text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(BODY_SIZE)
    document.core_properties.created = document.core_properties.modified = datetime(2024, 1, 1)
    lines: list[str] = []

    def paragraph(block: Block, align) -> None:
        for hard in block.lines:
            p = document.add_paragraph()
            p.alignment = align
            for run in hard:
                r = p.add_run(run.text)
                r.bold = run.style.startswith("bold")
                r.italic = run.style.endswith("italic")
            lines.append("".join(r.text for r in hard))

    for block in blocks:
        if block.kind == "columns":
            for b in block.left + block.right:
                paragraph(b, WD_ALIGN_PARAGRAPH.CENTER)
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, (text, bold) in enumerate(row):
                    table.cell(r, c).paragraphs[0].add_run(text).bold = bold
                lines.append("\t".join(text for text, _ in row))
        elif block.kind in ("title", "centered", "note", "stamp"):
            paragraph(block, WD_ALIGN_PARAGRAPH.CENTER)
        elif block.lines:
            paragraph(block, WD_ALIGN_PARAGRAPH.JUSTIFY)
    buffer = io.BytesIO()
    document.save(buffer)
    _write_fixed_zip(buffer.getvalue(), path)
    return "\n".join(lines)


def _write_fixed_zip(data: bytes, path: Path) -> None:
    """Rewrite a zip with fixed timestamps so that the same document gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


# ---------------------------------------------------------------- degradation profiles (image → image)


def _rotate(arr: np.ndarray, degrees: float, border: float | tuple) -> np.ndarray:
    h, w = arr.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        arr, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def _flatbed(printed: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """What a flatbed scanner makes of a printed page (uint8, grey or RGB, white paper): greyish,
    slightly uneven paper, ink that is not quite black, a skew of at most 0.7°, sensor noise, blur."""
    h, w = printed.shape[:2]
    tone, ink_level = rng.uniform(228, 240), rng.uniform(20, 35)
    # page = ink + (paper − ink) · printed / 255, the paper's unevenness a smooth low-frequency field
    span = cv2.resize(
        (tone - ink_level + rng.normal(0, 3, (6, 8))).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC
    )
    if printed.ndim == 3:
        span = cv2.merge([span] * printed.shape[2])
    page = cv2.add(cv2.multiply(span, printed.astype(np.float32), scale=1 / 255), ink_level)
    page = _rotate(page, rng.uniform(-0.7, 0.7), (tone,) * 3)
    noise = rng.standard_normal(page.shape, dtype=np.float32)
    page = cv2.scaleAdd(noise, 3.0, page)
    return cv2.convertScaleAbs(cv2.GaussianBlur(page, (0, 0), 0.7))


def office(image: Image.Image, seed: int) -> Image.Image:
    """A 300 dpi greyscale office scan (see ``_flatbed``)."""
    return Image.fromarray(_flatbed(np.asarray(image.convert("L")), np.random.default_rng(seed)), "L")


def fax(image: Image.Image, seed: int) -> Image.Image:
    """A fine-mode fax: 200 dpi, thresholded to 1 bit, with speckle and horizontal streaks."""
    rng = np.random.default_rng(seed)
    g = np.asarray(image.convert("L"), dtype=np.float32)
    g = cv2.resize(g, (round(g.shape[1] * 2 / 3), round(g.shape[0] * 2 / 3)), interpolation=cv2.INTER_AREA)
    g = _rotate(g, rng.uniform(-1.0, 1.0), 255.0)
    g += rng.standard_normal(g.shape, dtype=np.float32) * 28
    g = cv2.GaussianBlur(g, (0, 0), 0.6)
    bits = g > rng.uniform(135, 160)
    for _ in range(int(rng.integers(3, 8))):  # dark streaks from a dirty scan bar
        y = int(rng.integers(0, bits.shape[0] - 3))
        x0 = int(rng.integers(0, bits.shape[1] // 2))
        bits[y : y + int(rng.integers(1, 3)), x0 : x0 + int(rng.integers(200, bits.shape[1]))] = False
    for _ in range(int(rng.integers(1, 4))):  # white drop-out lines
        y = int(rng.integers(0, bits.shape[0]))
        bits[y, :] = True
    speckle = rng.random(bits.shape) < 0.0008
    bits[speckle] = ~bits[speckle]
    return Image.fromarray((bits * 255).astype(np.uint8), "L").convert("1", dither=Image.Dither.NONE)


def photo(image: Image.Image, seed: int) -> Image.Image:
    """A phone photo of the page: ~230 dpi, perspective, uneven light, warm cast, blur (JPEG on save)."""
    rng = np.random.default_rng(seed)
    arr = np.asarray(image.convert("RGB"), dtype=np.float32)
    scale = PROFILE_DPI["photo"] / 300
    arr = cv2.resize(arr, (round(arr.shape[1] * scale), round(arr.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    h, w = arr.shape[:2]
    jitter = lambda: rng.uniform(0.005, 0.035)  # noqa: E731 - a corner's inward shift, as a fraction
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [
            [w * jitter(), h * jitter()],
            [w * (1 - jitter()), h * jitter()],
            [w * (1 - jitter()), h * (1 - jitter())],
            [w * jitter(), h * (1 - jitter())],
        ]
    )
    table_colour = tuple(float(v) for v in rng.uniform(60, 110, 3))
    arr = cv2.warpPerspective(
        arr,
        cv2.getPerspectiveTransform(src, dst),
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=table_colour,
    )
    yy, xx = np.mgrid[0:48, 0:64].astype(np.float32)  # the light, computed coarse: it is smooth
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xx / 63 + np.sin(angle) * yy / 47
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = rng.uniform(0.62, 0.75) + rng.uniform(0.25, 0.33) * ramp
    light = cv2.resize(light.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    cast = cv2.merge([light, light * 0.95, light * 0.85])  # a warm, yellowish indoor light
    arr = cv2.GaussianBlur(cv2.multiply(arr, cast), (0, 0), rng.uniform(0.7, 1.0))
    noise = rng.standard_normal((h, w), dtype=np.float32)
    arr = cv2.scaleAdd(cv2.merge([noise] * 3), 4.0, arr)
    return Image.fromarray(cv2.convertScaleAbs(arr), "RGB")


def red_stamp(size_px: int, legend: str, seed: int) -> np.ndarray:
    """The round red seal of the issuing body: two rings, the body's name around, a star in the middle.
    Returns ink coverage 0..1 (size_px × size_px)."""
    rng = np.random.default_rng(seed)
    layer = Image.new("L", (size_px, size_px), 0)
    draw = ImageDraw.Draw(layer)
    r = size_px / 2
    draw.ellipse((2, 2, size_px - 3, size_px - 3), outline=255, width=max(2, size_px // 45))
    inner = r * 0.68
    draw.ellipse((r - inner, r - inner, r + inner, r + inner), outline=255, width=max(1, size_px // 90))
    star = [
        (
            r + (r * 0.22 if k % 2 == 0 else r * 0.09) * np.sin(k * np.pi / 5),
            r - (r * 0.22 if k % 2 == 0 else r * 0.09) * np.cos(k * np.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=255)
    glyph_font = font("bold", size_px * 0.1)
    letters = list(legend.upper())
    span = 300.0
    for k, letter in enumerate(letters):
        angle = -span / 2 + span * (k + 0.5) / len(letters)
        tile = Image.new("L", (int(size_px * 0.16), int(size_px * 0.16)), 0)
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), letter, font=glyph_font, fill=255, anchor="mm")
        tile = tile.rotate(-angle, resample=Image.Resampling.BICUBIC)
        rad = np.deg2rad(angle)
        cx, cy = r + r * 0.84 * np.sin(rad), r - r * 0.84 * np.cos(rad)
        layer.paste(255, (int(cx - tile.width / 2), int(cy - tile.height / 2)), tile)
    ink = np.asarray(layer, dtype=np.float32) / 255
    ink *= (rng.random(ink.shape) > 0.18).astype(np.float32)  # uneven pad ink
    return cv2.GaussianBlur(ink, (0, 0), 1.2)


def stamped(
    image: Image.Image, seed: int, center: tuple[float, float] | None = None, legend: str = "ỦY BAN NHÂN DÂN"
) -> Image.Image:
    """An office scan in colour of a signed page: a semi-transparent red seal over the signature and
    the text around it. Pages without a signature are scanned like ``office`` (the scanner's auto-colour)."""
    if center is None:
        return office(image, seed)
    rng = np.random.default_rng(seed)
    arr = _press_seal(np.asarray(image.convert("RGB"), dtype=np.float32), center, rng, seed, legend)
    return Image.fromarray(_flatbed(arr.astype(np.uint8), rng), "RGB")


def _press_seal(
    arr: np.ndarray, center: tuple[float, float], rng: np.random.Generator, seed: int, legend: str
) -> np.ndarray:
    """``arr`` (an RGB page at 300 dpi, float) with the red seal pressed at ``center``, semi-transparent."""
    size = int(36 * MM * 300 / 72 * rng.uniform(0.95, 1.05))
    ink = red_stamp(size, legend, seed) * rng.uniform(0.75, 0.9)
    x0, y0 = max(0, int(center[0] - size / 2)), max(0, int(center[1] - size / 2))
    region = arr[y0 : y0 + size, x0 : x0 + size]
    region *= 1 - ink[: region.shape[0], : region.shape[1], None] * (1 - np.float32([205, 35, 45]) / 255)
    return arr


def seal_center(page: Page, dpi: int = 300) -> tuple[float, float] | None:
    """Where the issuing body's seal is pressed on a signed page, in pixels at ``dpi``: over the left third of the
    signature block, across the signer's title and the signature, as on a real signed page; None when unsigned."""
    if not page.signature:
        return None
    x0, y0, x1, y1 = page.signature
    s = dpi / 72
    return (x0 + (x1 - x0) * 0.3) * s, ((y0 + y1) / 2 - 8) * s


def sealed(image: Image.Image, page: Page, seed: int, legend: str = "ỦY BAN NHÂN DÂN") -> Image.Image:
    """A page printed at 300 dpi with the red seal pressed over its signature block (``seal_center``), before any
    scanning: what ``degrade`` then scans like the rest of the page. An unsigned page is returned as it is."""
    center = seal_center(page)
    if center is None:
        return image
    arr = _press_seal(
        np.asarray(image.convert("RGB"), dtype=np.float32), center, np.random.default_rng(seed), seed, legend
    )
    return Image.fromarray(arr.astype(np.uint8), "RGB")


def scan(page: Page, profile: str, seed: int, legend: str = "ỦY BAN NHÂN DÂN") -> Image.Image:
    """Print ``page`` and scan it with ``profile``."""
    image = rasterize(page, 300)
    if profile == "stamped":
        return stamped(image, seed, seal_center(page), legend)
    return {"office": office, "fax": fax, "photo": photo}[profile](image, seed)


@dataclass(frozen=True)
class Degradation:
    """One document's randomized scanning: what the scanner, fax or phone did to every page."""

    dpi: int  # 100-300: the resolution the pages end up at
    blur: float  # Gaussian sigma, in pixels of the 300-dpi print
    noise: float  # sensor noise sigma, grey levels
    skew: float  # the largest skew of a page, degrees (each page draws its own within it)
    jpeg: int  # JPEG quality of the saved pages; 0 for 1-bit fax pages
    dither: bool  # fax: Floyd-Steinberg dithering of the greys instead of one threshold
    bleed: float  # how dark the back page shows through, 0-1
    stamps: int  # red seals pressed anywhere on a page, at most
    perspective: float  # phone: the largest inward shift of a corner, as a share of the page
    colour: bool  # kept in colour (a stamp, a phone), else grey
    paper: float = 235.0  # grey level of the paper
    ink: float = 25.0  # grey level of the ink: a faint toner or a dark paper lowers the contrast

    def describe(self) -> str:
        return (
            f"{self.dpi} dpi, paper {self.paper:.0f} ink {self.ink:.0f}, blur {self.blur:.1f}, noise {self.noise:.0f}, "
            f"skew ±{self.skew:.1f}°, "
            + (f"JPEG q{self.jpeg}" if self.jpeg else "1-bit" + (" dithered" if self.dither else ""))
            + (f", bleed-through {self.bleed:.2f}" if self.bleed else "")
            + (f", up to {self.stamps} stamps" if self.stamps else "")
            + (f", perspective {self.perspective:.3f}" if self.perspective else "")
        )


def draw_degradation(profile: str, seed: int, dpi: int | None = None) -> Degradation:
    """A document's degradation in ``profile``, drawn from ``seed`` (``dpi`` imposed when given)."""
    rng = np.random.default_rng(seed)
    if profile == "scan-random":
        stamps = int(rng.integers(0, 3))
        d = Degradation(
            dpi=int(rng.integers(10, 31)) * 10,
            blur=float(rng.uniform(0, 1.6)),
            noise=float(rng.uniform(0, 10)),
            skew=float(rng.uniform(0, 3)),
            jpeg=int(rng.integers(20, 91)),
            dither=False,
            bleed=float(rng.uniform(0.03, 0.15)) if rng.random() < 0.5 else 0.0,
            stamps=stamps,
            perspective=0.0,
            colour=stamps > 0,
        )
    elif profile == "fax-random":
        d = Degradation(
            dpi=int(rng.choice([100, 150, 200])),
            blur=float(rng.uniform(0, 0.8)),
            noise=float(rng.uniform(10, 35)),
            skew=float(rng.uniform(0, 2)),
            jpeg=0,
            dither=bool(rng.random() < 0.5),
            bleed=0.0,
            stamps=int(rng.integers(0, 2)),
            perspective=0.0,
            colour=False,
        )
    elif profile == "photo-random":
        d = Degradation(
            dpi=int(rng.integers(12, 24)) * 10,
            blur=float(rng.uniform(0.5, 2.0)),
            noise=float(rng.uniform(2, 8)),
            skew=float(rng.uniform(0, 4)),
            jpeg=int(rng.integers(30, 81)),
            dither=False,
            bleed=float(rng.uniform(0, 0.1)),
            stamps=int(rng.integers(0, 2)),
            perspective=float(rng.uniform(0.01, 0.05)),
            colour=True,
        )
    else:
        raise ValueError(f"not a randomized profile: {profile!r}")
    d = replace(d, paper=float(rng.uniform(200, 245)), ink=float(rng.uniform(10, 90)))
    return replace(d, dpi=dpi) if dpi else d


def degrade(print_300: Image.Image, d: Degradation, seed: int, legend: str = "ỦY BAN NHÂN DÂN") -> Image.Image:
    """A page printed at 300 dpi, degraded by ``d`` (its page-level draws from ``seed``): stamps,
    the back page showing through, a phone's perspective and light, skew, blur, resolution, noise,
    and for a fax one bit per pixel."""
    rng = np.random.default_rng(seed)
    arr = d.ink + (d.paper - d.ink) / 255 * np.asarray(print_300.convert("RGB"), dtype=np.float32)
    h, w = arr.shape[:2]
    for _ in range(int(rng.integers(0, d.stamps + 1))):
        size = int(36 * MM * 300 / 72 * rng.uniform(0.9, 1.1))
        ink = red_stamp(size, legend, int(rng.integers(1 << 30))) * rng.uniform(0.6, 0.9)
        x0, y0 = int(rng.integers(0, max(1, w - size))), int(rng.integers(0, max(1, h - size)))
        region = arr[y0 : y0 + size, x0 : x0 + size]
        region *= 1 - ink[: region.shape[0], : region.shape[1], None] * (1 - np.float32([205, 35, 45]) / 255)
    if d.bleed:
        back = cv2.flip(arr, 1)  # the page's reverse side, seen through the paper
        shift = int(rng.integers(-40, 41))
        back = np.roll(back, shift, axis=0)
        arr = arr * (1 - d.bleed * (1 - cv2.GaussianBlur(back, (0, 0), 2.0) / 255))
    if d.perspective:
        jitter = lambda: rng.uniform(0.2, 1.0) * d.perspective  # noqa: E731 - one corner's inward shift
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        dst = np.float32(
            [
                [w * jitter(), h * jitter()],
                [w * (1 - jitter()), h * jitter()],
                [w * (1 - jitter()), h * (1 - jitter())],
                [w * jitter(), h * (1 - jitter())],
            ]
        )
        desk = tuple(float(v) for v in rng.uniform(60, 110, 3))
        arr = cv2.warpPerspective(arr, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=desk)
        ramp = np.linspace(rng.uniform(0.65, 0.8), 1.0, w, dtype=np.float32)[None, :, None]
        arr = arr * (ramp if rng.random() < 0.5 else ramp[:, ::-1])
    arr = _rotate(arr, rng.uniform(-d.skew, d.skew), (d.paper,) * 3)
    if d.blur:
        arr = cv2.GaussianBlur(arr, (0, 0), d.blur)
    scale = d.dpi / 300
    arr = cv2.resize(arr, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    arr = cv2.scaleAdd(rng.standard_normal(arr.shape, dtype=np.float32), d.noise, arr)
    out = cv2.convertScaleAbs(arr)
    if d.jpeg == 0:
        grey = Image.fromarray(cv2.cvtColor(out, cv2.COLOR_RGB2GRAY), "L")
        if d.dither:
            return grey.convert("1")  # Floyd-Steinberg
        threshold = (d.paper + d.ink) / 2
        return grey.point(lambda v: 255 if v > threshold else 0).convert("1", dither=Image.Dither.NONE)
    return Image.fromarray(out, "RGB") if d.colour else Image.fromarray(cv2.cvtColor(out, cv2.COLOR_RGB2GRAY), "L")


# ---------------------------------------------------------------- files

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
BENCH_DIR = SAMPLES_DIR / ".bench"  # bench-only profiles, regenerated on demand (hidden: the inbox skips it)
QUALITY = {"office": 35, "photo": 45, "stamped": 35, "fax": 0}
TIFF_SAMPLE, IMAGE_SAMPLE, DIGITAL_SAMPLES = 4, 1, (1, 2)  # indexes into the sorted seed list


@dataclass
class Sample:
    name: str  # seed file stem, e.g. 000_fe763d8399d59be6
    text: str
    repeat_headers: bool = True  # a table's header printed again on each page it spans

    def pages(self) -> list[Page]:
        return render_pages(self.text, self.repeat_headers)

    def legend(self) -> str:
        """The issuer's name for the seal: the letterhead's first line, else a generic body."""
        for block in parse_seed(self.text):
            if block.kind == "columns" and not block.signature and len(block.left) > 1:
                return block.left[0].text
        return "ỦY BAN NHÂN DÂN"

    def images(self, profile: str, dpi: int | None = None) -> list[Image.Image]:
        """The pages scanned in ``profile`` (a randomized one at ``dpi`` when given)."""
        base = hash_seed(f"{self.name}:{profile}")
        legend = self.legend()
        if profile in RANDOM_PROFILES:
            d = draw_degradation(profile, base, dpi)
            return [degrade(rasterize(p, 300), d, base + k, legend) for k, p in enumerate(self.pages())]
        return [scan(p, profile, base + k, legend) for k, p in enumerate(self.pages())]


def load_samples(text_dir: Path = SAMPLES_DIR / "text") -> list[Sample]:
    return [Sample(p.stem, p.read_text(encoding="utf-8")) for p in sorted(text_dir.glob("*.txt"))]


def ground_truth_path(document: Path) -> Path:
    """Where a document's ground truth lives: a hidden ``.truth`` folder beside it (the inbox skips
    hidden folders, so ingesting samples/ never reads a ground truth as a document).
    ``x.office.pdf`` / ``x.office.tiff`` / ``x.office.page-001.png`` → ``.truth/x.office.json``;
    ``x.pdf`` → ``.truth/x.json``; ``x.docx`` → ``.truth/x.docx.json``."""
    stem = document.name if document.suffix.lower() == ".docx" else re.sub(r"\.page-\d+$", "", document.stem)
    return document.parent / ".truth" / f"{stem}.json"


def read_ground_truth(document: Path) -> list[str]:
    """The ground-truth text of each page of ``document`` (for a single page image: that page)."""
    pages = json.loads(ground_truth_path(document).read_text(encoding="utf-8"))["pages"]
    m = re.search(r"\.page-(\d+)$", document.stem)
    return [pages[int(m.group(1)) - 1]] if m else pages


def _write_gt(document: Path, sample: Sample, kind: str, pages: list[str], dpi: int | None = None) -> Path:
    path = ground_truth_path(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"source": sample.name, "kind": kind, "dpi": dpi, "pages": pages}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    return path


def save_pdf(images: list[Image.Image], dpi: int, path: Path, quality: int) -> Path:
    """Page images → one PDF (JPEG pages; CCITT G4 for 1-bit), without timestamps so bytes are stable."""
    jpeg = {"quality": quality} if images[0].mode != "1" else {}
    images[0].save(
        path,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=float(dpi),
        creationDate=None,
        modDate=None,
        title=path.stem,
        **jpeg,
    )
    return path


def make_scans(sample: Sample, profile: str, out_dir: Path) -> list[Path]:
    """``<name>.<profile>.pdf`` and its ground truth (page texts in reading order; for a randomized
    profile also the degradation drawn)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    images = sample.images(profile)
    if profile in RANDOM_PROFILES:
        d = draw_degradation(profile, hash_seed(f"{sample.name}:{profile}"))
        dpi, quality, kind = d.dpi, d.jpeg, f"{profile}: {d.describe()}"
    else:
        dpi, quality, kind = PROFILE_DPI[profile], QUALITY.get(profile, 0), profile
    pdf = save_pdf(images, dpi, out_dir / f"{sample.name}.{profile}.pdf", quality)
    gt = _write_gt(pdf, sample, kind, [p.text for p in sample.pages()], dpi)
    return [pdf, gt]


def make_other_formats(tiff_sample: Sample, image_sample: Sample, out_dir: Path) -> list[Path]:
    """The office scan as a multi-page TIFF (one seed) and as single PNG/JPEG page images (another)."""
    dpi = PROFILE_DPI["office"]
    images = tiff_sample.images("office")
    tiff = out_dir / f"{tiff_sample.name}.office.tiff"
    images[0].save(
        tiff, save_all=True, append_images=images[1:], compression="jpeg", quality=QUALITY["office"], dpi=(dpi, dpi)
    )
    written = [tiff]
    images = image_sample.images("office")
    jpg = out_dir / f"{image_sample.name}.office.page-001.jpg"
    images[0].save(jpg, quality=QUALITY["office"], dpi=(dpi, dpi))
    png = out_dir / f"{image_sample.name}.office.page-{len(images):03d}.png"  # the last, least dense page
    images[-1].save(png, dpi=(dpi, dpi), optimize=True)
    return [*written, jpg, png]


def make_digital(sample: Sample, out_dir: Path) -> list[Path]:
    """Born-digital twins: a PDF with a real text layer and a .docx, each with its ground truth."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = sample.pages()
    pdf = out_dir / f"{sample.name}.pdf"
    write_digital_pdf(pages, pdf)
    docx_path = out_dir / f"{sample.name}.docx"
    docx_text = write_docx(parse_seed(sample.text), docx_path)
    return [
        pdf,
        _write_gt(pdf, sample, "digital-pdf", [p.text for p in pages]),
        docx_path,
        _write_gt(docx_path, sample, "docx", [docx_text]),
    ]


def bench_scan(sample_name: str, profile: str) -> Path:
    """The scan of one seed in one profile: committed for ``office``, else generated into BENCH_DIR once."""
    if profile == "office":
        return SAMPLES_DIR / "scans" / f"{sample_name}.office.pdf"
    pdf = BENCH_DIR / f"{sample_name}.{profile}.pdf"
    if not pdf.exists() or not ground_truth_path(pdf).exists():
        sample = next(s for s in load_samples() if s.name == sample_name)
        make_scans(sample, profile, BENCH_DIR)
    return pdf


REAL_SCANS = SAMPLES_DIR.parent.parent / "shared" / "corpus" / "scans"
DEV_SCANS = (
    SAMPLES_DIR.parent / "tests" / "corpus" / "scans"
)  # the development scans; the rest of REAL_SCANS is held out
REAL_DPIS = (100, 200, 300)


def born_digital_scans(folder: Path = DEV_SCANS) -> list[Path]:
    """The development PDFs that carry a real text layer (Word exports), not just a stamp: never a held-out scan, so
    that no OCR benchmark prints figures of one."""
    found = []
    for pdf in sorted(folder.glob("*.pdf")):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        if len(text) > 1000:
            found.append(pdf)
    return found


def make_real_scan(pdf: Path, dpi: int, out_dir: Path = BENCH_DIR / "real", profile: str = "scan-random") -> Path:
    """A real born-digital PDF printed and scanned at ``dpi`` with a randomized degradation. Poppler
    both draws it (``pdftoppm``, with the e-signature stamps and the numbers the e-office system
    wrote in) and gives its ground truth, page by page (``pdftotext``, in reading order: column after
    column); vanban uses neither."""
    out = out_dir / f"{pdf.stem}.{dpi}dpi.pdf"
    if out.exists() and ground_truth_path(out).exists():
        return out
    out_dir.mkdir(parents=True, exist_ok=True)
    seed = hash_seed(f"{pdf.name}:{dpi}")
    d = draw_degradation(profile, seed, dpi)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), f"{tmp}/page"], check=True)
        prints = sorted(Path(tmp).glob("page-*.png"))
        images = [degrade(Image.open(page), d, seed + k) for k, page in enumerate(prints)]
    truth = [
        subprocess.run(
            ["pdftotext", "-f", str(k), "-l", str(k), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for k in range(1, len(images) + 1)
    ]
    save_pdf(images, dpi, out, d.jpeg)
    _write_gt(out, Sample(pdf.stem, ""), f"real scan, {profile}: {d.describe()}", [nfc(t) for t in truth], dpi)
    return out


def _job(args: tuple[str, list[Sample], Path]) -> list[Path]:
    kind, samples, out_dir = args
    if kind == "digital":
        return make_digital(samples[0], out_dir)
    if kind == "formats":
        return make_other_formats(*samples, out_dir)
    return make_scans(samples[0], kind, out_dir)


def generate(
    root: Path = SAMPLES_DIR, seeds: Path | None = None, bench: bool = False, processes: int = 2
) -> list[Path]:
    """Write the committed samples (seed texts, office scans, other image formats, born-digital twins)
    and, with ``bench``, the fax/photo/stamped scans into ``root/.bench``. Returns the files written."""
    from multiprocessing import Pool

    text_dir = root / "text"
    if seeds:
        text_dir.mkdir(parents=True, exist_ok=True)
        for seed in sorted(seeds.glob("*.txt")):
            (text_dir / seed.name).write_bytes(seed.read_bytes())
    samples = load_samples(text_dir)
    jobs = [("office", [s], root / "scans") for s in samples]
    jobs += [("digital", [samples[i]], root / "digital") for i in DIGITAL_SAMPLES]
    jobs += [("formats", [samples[TIFF_SAMPLE], samples[IMAGE_SAMPLE]], root / "scans")]
    if bench:
        jobs += [(p, [s], root / ".bench") for p in PROFILES if p != "office" for s in samples]
    jobs.sort(key=lambda job: -sum(len(s.text) for s in job[1]))  # longest first: the pool ends together
    with Pool(processes) as pool:
        return [p for paths in pool.map(_job, jobs, chunksize=1) for p in paths]


RESAMPLED_DIR = BENCH_DIR / "resampled"
RESAMPLED_JPEG = 75  # a scanner's usual JPEG setting for grey pages


def resample(image: Image.Image, dpi: float, target_dpi: float, one_bit: bool = False) -> Image.Image:
    """The page as a scanner sampling it at ``target_dpi`` would give it: grey, each pixel the mean of the
    ``dpi`` pixels it covers (area averaging), and with ``one_bit`` thresholded at mid-grey like a fax."""
    grey = np.asarray(image.convert("L"))
    scale = target_dpi / dpi
    size = (max(1, round(grey.shape[1] * scale)), max(1, round(grey.shape[0] * scale)))
    sampled = grey if size == (grey.shape[1], grey.shape[0]) else cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    if one_bit:
        return Image.fromarray(sampled >= 128).convert("1")
    return Image.fromarray(sampled)


def resampled_pdf(pdf: Path, dpi: int, one_bit: bool = False, out_dir: Path = RESAMPLED_DIR) -> Path:
    """A development PDF as an image-only PDF scanned at ``dpi``: a scanned page's own picture resampled
    (``resample``), a born-digital page drawn by pdfium at ``dpi`` with its form widgets (the number and day an
    e-office signature stamps over 'Số:     /TB-UBND'), so that the ingest reads every page as a scan.
    The bytes depend only on the PDF and the arguments, so ``bench.gold``'s readings cache keys on them."""
    import pypdfium2

    from pipeline.ocr.page_image import PageImage
    from pipeline.read.pdf import read_pdf

    data = pdf.read_bytes()
    drawing = pypdfium2.PdfDocument(data)
    drawing.init_forms()
    images = []
    try:
        for page in read_pdf(data):
            if isinstance(page, PageImage):
                images.append(resample(page.picture(), page.dpi, dpi, one_bit))
            else:
                drawn = drawing[page.number - 1].render(scale=dpi / 72, grayscale=True, may_draw_forms=True)
                images.append(resample(drawn.to_pil(), dpi, dpi, one_bit))
    finally:
        drawing.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    return save_pdf(images, dpi, out_dir / f"{pdf.stem}.{dpi}dpi{'-1bit' if one_bit else ''}.pdf", RESAMPLED_JPEG)
