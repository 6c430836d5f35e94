"""What counts as one document, and which of its copies is read.

A document reaches the office as several files: the typed text, the Word file, the
born-digital PDF, the scan, a photo of one page, an excerpt pasted into a mail. Each file is a
*copy* (a row of ``documents``); copies of one document form a *group*; inside a group, copies
with the same content form a *version* (a later issue of the same number with other content — an
amendment, a corrected re-issue — is a new version). Queries read one copy per group: the best
reading of the current version.

- Copies of one document: the same số/ký hiệu and issuer; or the same kind, issuer and date with
  subjects that match by similarity (a subject that ran into the body or lost its 'V/v' still
  matches, one that names another province does not); or a text contained in the document's text
  when no header field contradicts — a page image, an excerpt — or, the other way round, a text
  that contains a document none of whose copies has a header (pages that arrived first). A
  document with a header is never a part of a text without one (a decision quoted whole in a
  consolidated text is not a copy of it).
- Same version: texts alike beyond OCR's noise, no conflicting date, and — between two exact
  readings — no fact of one replaced by another in the other (a changed target is an amendment,
  a table one reader missed is not).
- A fragment (under ``fragment_share`` of the longest copy's words, or fewer pages than a paged
  copy) is never the copy read while a complete one exists, and a later version that is only a
  fragment never becomes current.
- The copy read: a born-digital text layer over DOCX over plain text over OCR; then the longer
  text; then the first that arrived — never simply the latest file.

The thresholds live in ``data/versions.json``. Pure functions: ``db.Store`` feeds them the rows.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Indel

from pipeline.text import fold

RULES = json.loads((Path(__file__).parent / "data" / "versions.json").read_text(encoding="utf-8"))
READINGS: list[str] = RULES["reading_rank"]
_WORD = re.compile(r"[a-z0-9]+")


def reading_of(media_type: str, ocr: bool) -> str:
    """How a copy's text was obtained, best first in ``READINGS``: a PDF's own text layer, a Word
    file, a text file, or OCR of a picture."""
    if ocr:
        return "ocr"
    if media_type == "application/pdf":
        return "text-layer"
    if "wordprocessingml" in media_type:
        return "docx"
    return "text"


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text: what copies are compared by (markup, spacing and tone marks aside)."""
    return tuple(_WORD.findall(fold(text)))


def shingles(text_words: tuple[str, ...]) -> set[int]:
    """A sample of the text's word triples, chosen by their hash so that an excerpt's sample is a
    subset of the whole's: an index that finds the document a page image belongs to."""
    n, every = RULES["shingle_words"], RULES["shingle_sample"]
    hashes = (zlib.crc32(" ".join(text_words[i : i + n]).encode()) for i in range(len(text_words) - n + 1))
    return {h for h in hashes if h % every == 0}


def number_key(number: str | None, issuer: str | None) -> str | None:
    """The same số/ký hiệu from the same issuer (every province's People's Committee issues a '15/KH-UBND')."""
    if not number:
        return None
    return f"{fold(number).replace(' ', '')}|{fold(issuer or '')}"


@dataclass
class Copy:
    """One file's reading of a document, as far as grouping needs it."""

    id: int
    kind: str | None
    number: str | None
    issuer: str | None
    issued_on: str | None
    subject: str | None
    media_type: str
    reading: str
    pages: int
    words: tuple[str, ...] | None  # None when the text was not kept (a save without its Document)
    signature: frozenset = field(default_factory=frozenset)  # the facts that make its content
    version: int = 0  # inside its group; 0 before it is placed

    @property
    def size(self) -> int:
        return len(self.words) if self.words is not None else 0

    def rank(self) -> tuple:
        """Sort key of the copy to read: the best reading, then the longer text, then the first to arrive."""
        return (READINGS.index(self.reading), -self.size, self.id)


@dataclass(frozen=True)
class Placement:
    """What a copy is in its group: its version, its role there, and whether queries read it."""

    version: int
    role: str  # best | copy | fragment
    latest: bool  # its version is the current one
    used: bool  # the copy queries read
    choice: str  # why (a ``copy.*`` message): best, only, worse, fragment, older, incomplete
    supersedes_id: int | None = None


def similar_subject(a: str | None, b: str | None) -> bool:
    """Two subjects that say the same: the shorter one's folded words found in the longer one, in
    order (one may have run on into the body, or lost its 'V/v'), a long subject allowing one word
    misread; two subjects that differ by a place name ('tỉnh Phú Thọ' / 'tỉnh Điện Biên') do not."""
    if not a or not b:
        return False
    short, long = sorted((words(a), words(b)), key=len)
    if not short:
        return False
    replaced = (Indel.distance(short, long) - (len(long) - len(short))) / 2
    allowed = RULES["subject_replaced_max"] if len(short) >= RULES["subject_long_words"] else 0
    return replaced <= allowed


def same_header(a: Copy, b: Copy) -> bool:
    """Copies of one unnumbered document: the same kind, issuer and date, and a similar subject."""
    return (
        bool(a.kind and a.issuer)
        and a.kind == b.kind
        and fold(a.issuer or "") == fold(b.issuer or "")
        and a.issued_on == b.issued_on
        and similar_subject(a.subject, b.subject)
    )


def contradicts(a: Copy, b: Copy) -> bool:
    """Headers that cannot be one document: different numbers, dates, kinds or subjects where both
    were read, or issuers of which neither names the other."""
    if a.number and b.number and number_key(a.number, "") != number_key(b.number, ""):
        return True
    if a.issued_on and b.issued_on and a.issued_on != b.issued_on:
        return True
    if a.kind and b.kind and a.kind != b.kind:
        return True
    if a.subject and b.subject and not similar_subject(a.subject, b.subject):
        return True
    ia, ib = fold(a.issuer or ""), fold(b.issuer or "")
    return bool(ia and ib) and not (ia.startswith(ib) or ib.startswith(ia))


def containment(part: Copy, whole: Copy) -> float:
    """The share of ``part``'s words found, in order, in ``whole``."""
    if not part.size or not whole.size or part.words is None or whole.words is None:
        return 0.0
    common = (part.size + whole.size - Indel.distance(part.words, whole.words)) / 2
    return common / part.size


def relation(c: Copy, r: Copy) -> tuple[str, float]:
    """How copy ``c`` stands to ``r``: 'fragment' (c is part of r), 'covers' (r is part of c),
    'same' (the same content) or 'different'; with the texts' similarity."""
    if c.issued_on and r.issued_on and c.issued_on != r.issued_on:
        return "different", 0.0
    if c.words is None or r.words is None or not c.size or not r.size:
        return ("same", 1.0) if c.signature == r.signature else ("different", 0.0)
    share = RULES["fragment_share"]
    common = (c.size + r.size - Indel.distance(c.words, r.words)) / 2
    similarity = 2 * common / (c.size + r.size)
    if c.size < share * r.size and common / c.size >= RULES["contained_min"]:
        return "fragment", similarity
    if r.size < share * c.size and common / r.size >= RULES["contained_min"]:
        return "covers", similarity
    exact = c.reading != "ocr" and r.reading != "ocr"
    if similarity >= RULES["same_text_min"]["exact" if exact else "ocr"] and not (
        exact and _replaced(c.signature, r.signature)
    ):
        return "same", similarity
    return "different", similarity


def _replaced(a: frozenset, b: frozenset) -> bool:
    """Each has facts the other lacks: content changed, not merely read more or less fully."""
    return bool(a - b) and bool(b - a)


def assign_version(c: Copy, members: list[Copy]) -> int:
    """The version of its group that ``c`` belongs to: the one whose most complete copy it
    matches best, else a new one. A complete exact reading is the reference over a longer OCR
    one (OCR's noise often makes the scan the longest copy), so an amendment's changed facts are
    held against facts read exactly, not waved through by the OCR tolerance."""
    by_version: dict[int, list[Copy]] = defaultdict(list)
    for m in members:
        by_version[m.version].append(m)
    best, best_similarity = 0, -1.0
    for version, copies in by_version.items():
        longest = max(m.size for m in copies)
        whole = [m for m in copies if m.size >= RULES["fragment_share"] * longest] or copies
        reference = max(whole, key=lambda m: (m.reading != "ocr", m.size, -READINGS.index(m.reading)))
        kind, similarity = relation(c, reference)
        if kind != "different" and similarity > best_similarity:
            best, best_similarity = version, similarity
    return best or max(by_version, default=0) + 1


def _fragments(copies: list[Copy]) -> set[int]:
    """The ids of the copies that are only part of their version: far shorter than the longest,
    or fewer pages than a paged copy (and somewhat shorter)."""
    longest = max(c.size for c in copies)
    paged = [c.pages for c in copies if c.media_type in RULES["paginated_media"]]
    most_pages = max(paged, default=0)
    out = set()
    for c in copies:
        if c.words is None or not longest:
            continue
        if c.size < RULES["fragment_share"] * longest or (
            c.media_type in RULES["paginated_media"]
            and c.pages < most_pages
            and c.size < RULES["page_fragment_share"] * longest
        ):
            out.add(c.id)
    return out


def arrange(members: list[Copy]) -> dict[int, Placement]:
    """Every copy's place in its group: versions in order of issue (date, then arrival), the
    current one the last complete version, and in each version the copy to read."""
    by_version: dict[int, list[Copy]] = defaultdict(list)
    for m in members:
        by_version[m.version].append(m)
    longest = max(m.size for m in members)
    fragments: set[int] = set()
    best: dict[int, Copy] = {}
    complete: dict[int, bool] = {}
    for version, copies in by_version.items():
        fragments |= _fragments(copies)
        whole = [c for c in copies if c.id not in fragments] or copies
        best[version] = min(whole, key=Copy.rank)
        size = max(c.size for c in copies)
        complete[version] = (
            not longest or all(c.words is None for c in copies) or (size >= RULES["fragment_share"] * longest)
        )
    order = sorted(by_version, key=lambda v: (best[v].issued_on or "", min(c.id for c in by_version[v])))
    current = [v for v in order if complete[v]][-1]
    placements: dict[int, Placement] = {}
    previous: int | None = None
    for number, version in enumerate(order, start=1):
        chosen = best[version]
        supersedes = previous if complete[version] else None
        for c in by_version[version]:
            role = "best" if c is chosen else ("fragment" if c.id in fragments else "copy")
            if version != current:
                choice = "incomplete" if not complete[version] else "older"
            elif c is chosen:
                choice = "best" if len(by_version[version]) > 1 else "only"
            else:
                choice = role if role == "fragment" else "worse"
            placements[c.id] = Placement(
                version=number,
                role=role,
                latest=version == current,
                used=version == current and c is chosen,
                choice=choice,
                supersedes_id=supersedes if c is chosen else None,
            )
        if complete[version]:
            previous = chosen.id
    return placements
