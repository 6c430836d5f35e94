"""Assignment recall without gold: over the corpus texts, every paragraph that carries an assignment cue of the
grammar's own lexicon ('chủ trì', 'phối hợp', 'Giao X', 'Đề nghị X', 'có trách nhiệm', 'Cơ quan thực hiện:', …)
or opens with a body under a task part, and whether an extracted obligation's evidence covers it. The uncovered
are grouped by a coarse form — the first cue, whether a body of the agency lexicon is named in the paragraph,
whether it sits under an item that names a body — with the documents and issuers each form is found in: a form
found in several documents of several issuers is a form of the genre, one in a single document is not evidence.
Many uncovered cues rightly assign nothing (conditions, definitions, past facts, rights: CONVENTIONS.md).
The reverse, a precision signal: obligations whose body the lexicon does not know, or a class with no name.

    python -m bench.assignment_probe [--corpus DIR] [--top 40] [--show FORM] [--limit 20]

Documents on the held-out side of the split (``bench.corpus.tuning_files``), golded or not, are skipped unread.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bench.corpus import CORPUS, tuning_files
from extractors.agencies import find_agencies, match_agency, parse_addressees
from extractors.body import document_span
from extractors.common import exact_alternation, load_json, phrase_alternation
from pipeline.text import fold, fold_in_place
from pipeline.text.paragraphs import BULLET, PARAGRAPH, marker_body, rank
from pipeline.text.segment import Line, SegmentedDocument

OPENS_WITH_BODY = "<body opens an item>"  # the cue of an item under a task part that opens with a body and a verb


@dataclass(frozen=True)
class _Cues:
    plain: re.Pattern[str]  # a cue wherever it stands; cues keep their tone marks ('giao' is not 'Giáo dục')
    addressed: re.Pattern[str]  # a cue when a body follows it or it opens the paragraph
    task_part: re.Pattern[str]  # the title of a part that assigns tasks
    item_prefix: re.Pattern[str]  # 'Trách nhiệm của', 'Đối với' before the body an item names
    end_of_body: re.Pattern[str]  # 'Nơi nhận'
    attachment: re.Pattern[str]  # '(Kèm theo Quyết định số …)'


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    grammar = load_json("obligations.json")
    probe = json.loads((Path(__file__).parent / "data" / "assignment_probe.json").read_text(encoding="utf-8"))
    plain = [
        *grammar["lead"],
        *grammar["support"],
        *grammar["duty_phrases"],
        *grammar["execution_phrases"],
        *(m.rstrip(":") for m in grammar["explicit_markers"] if m.endswith(":")),
        *probe["weak_cues"],
    ]
    return _Cues(
        plain=re.compile(rf"(?<!\w)(?:{exact_alternation(plain)})(?!\w)", re.IGNORECASE),
        addressed=re.compile(rf"(?<!\w)(?:{exact_alternation(probe['addressed_cues'])})(?!\w)", re.IGNORECASE),
        task_part=re.compile(
            rf"(?:{phrase_alternation(grammar['assignment_headings'] + grammar['assignment_sections'])})(?!\w)"
        ),
        item_prefix=re.compile(rf"(?:{phrase_alternation(grammar['item_prefixes'])})\s+"),
        end_of_body=re.compile(rf"^\W*(?:{phrase_alternation(grammar['end_of_body'])})\b"),
        attachment=re.compile(rf"(?:^\W*|\(\W*)(?:{phrase_alternation(grammar['attachment_openings'])})(?!\w)"),
    )


@dataclass
class Paragraph:
    document: str
    issuer: str
    text: str
    cue: str
    opening: str  # what the paragraph opens with: 'body', 'cue' or 'other'
    names_body: bool  # a body of the lexicon is named in it
    under_body: bool  # an item above it names a body ('2. Sở Y tế:' over its bullets)
    covered: bool

    @property
    def form(self) -> str:
        return " | ".join(
            (
                self.cue,
                f"opens with {self.opening}",
                "body" if self.names_body else "no body",
                "under body" if self.under_body else "-",
            )
        )


@dataclass
class Probe:
    documents: int = 0
    paragraphs: list[Paragraph] = field(default_factory=list)
    agencies: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind of doubt, agency) → obligations


def _opens_with_body(line: Line) -> bool:
    """Does the item open with a body of the lexicon (after 'Trách nhiệm của', 'Đối với')?"""
    body = marker_body(line)
    prefix = _cues().item_prefix.match(fold_in_place(body))
    offset = len(line.text) - len(body) + (prefix.end() if prefix else 0)
    return bool(parse_addressees(line.text, offset)[0])


def _first_cue(line: Line, in_task_part: bool) -> tuple[str, str] | None:
    """(the first cue of the paragraph, folded; what the paragraph opens with: 'body', 'cue' or 'other'). An item
    of a task part that opens with a body and a lowercase word has the cue OPENS_WITH_BODY when it holds no word
    cue. A task part's own title ('IV. TỔ CHỨC THỰC HIỆN') is no cue paragraph."""
    text, folded = line.text, fold_in_place(line.text)
    opening = len(text) - len(marker_body(line))
    title = _cues().task_part.match(folded, opening + len(folded[opening:]) - len(folded[opening:].lstrip(" #*_")))
    if title and len(folded) - title.end() < 20 and line.text.rstrip(" *_:")[-1:] != ".":
        return None
    found = [(m.start(), m.group()) for m in _cues().plain.finditer(text)]
    for m in _cues().addressed.finditer(text):
        if m.start() <= opening or parse_addressees(text, m.end(), folded)[0]:
            found.append((m.start(), m.group()))
    bodies, end = parse_addressees(text, opening, folded)
    opens_with_body = bool(bodies) and bodies[0].start == opening
    if found:
        at, cue = min(found)
        shape = "body" if opens_with_body else "cue" if not text[opening:at].strip(" *_") else "other"
        return " ".join(cue.lower().split()), shape
    if in_task_part and line.marker is not None and opens_with_body and text[end + 1 : end + 2].islower():
        return OPENS_WITH_BODY, "body"
    return None


def _body_paragraphs(seg: SegmentedDocument) -> list[Line]:
    """The document's own paragraphs, as the grammar reads them: not the web page around it, not the distribution
    list after 'Nơi nhận' (until an attached plan or regulation), not table rows."""
    start, end = document_span(seg)
    lines, reading = [], True
    for line in seg.lines:
        if not start <= line.start < end:
            continue
        folded = fold_in_place(line.text)
        if reading and _cues().end_of_body.match(folded):
            reading = False
        elif not reading and _cues().attachment.search(folded):
            reading = True
        if reading:
            lines.append(line)
    return [p for p in seg.paragraphs(lines) if seg.row_at(p.start) is None]


def probe_document(path: Path, probe: Probe) -> None:
    """Add the cue paragraphs of one document, each with whether an obligation covers it, and its doubtful
    agencies."""
    from extractors import extract
    from pipeline.read.load import load_document
    from pipeline.text.segment import segment

    seg = segment(load_document(path))
    facts = extract(seg)
    issuer = facts.document.issuer or "?"
    spans = [(o.evidence.start, o.evidence.end) for o in facts.obligations]
    paragraphs = _body_paragraphs(seg)
    ranks = [rank(p) for p in paragraphs]
    covered = [any(s < p.end and p.start < e for s, e in spans) for p in paragraphs]
    # a lead-in ending ':', or an item heading over deeper lines ('9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'
    # over a) b) c)), is covered when the tasks under it are
    for i in reversed(range(len(paragraphs))):
        if not covered[i] and (paragraphs[i].text.rstrip(" *_").endswith(":") or ranks[i] < BULLET):
            under = range(i + 1, _lead_in_end(ranks, i))
            covered[i] = any(covered[k] for k in under)
    stack: list[int] = []  # indices of the items above the current paragraph
    for i, p in enumerate(paragraphs):
        while stack and ranks[stack[-1]] >= ranks[i] and ranks[i] < PARAGRAPH:
            stack.pop()
        above = [paragraphs[k] for k in stack]
        in_task_part = any(_cues().task_part.match(fold_in_place(marker_body(a)).lstrip(" #*_")) for a in above)
        cue = _first_cue(p, in_task_part)
        if cue is not None:
            probe.paragraphs.append(
                Paragraph(
                    document=path.stem,
                    issuer=issuer,
                    text=p.text,
                    cue=cue[0],
                    opening=cue[1],
                    names_body=bool(find_agencies(p.text)),
                    under_body=any(_opens_with_body(a) for a in above),
                    covered=covered[i],
                )
            )
        if ranks[i] < PARAGRAPH:
            stack.append(i)
    for o in facts.obligations:
        if doubt := _doubt(o.agency):
            probe.agencies[(doubt, o.agency)] += 1
    probe.documents += 1


def _lead_in_end(ranks: list[int], i: int) -> int:
    """End of the lines a lead-in stands over: the deeper lines of an item, the items (or the one paragraph) after
    a plain paragraph ending ':'."""
    k = i + 1
    if ranks[i] == PARAGRAPH and k < len(ranks) and ranks[k] == PARAGRAPH:
        return k + 1
    while k < len(ranks) and (ranks[k] < PARAGRAPH if ranks[i] == PARAGRAPH else ranks[k] > ranks[i]):
        k += 1
    return k


def _doubt(agency: str) -> str | None:
    """Why an obligation's body is doubtful: the lexicon reads no body at its start ('unknown'), reads only its
    first words ('read past the lexicon'), or it is a class with no name of its own ('generic')."""
    found = match_agency(agency)
    if found is None:
        return "unknown"
    if found.end < len(agency.rstrip(" .,;:")):
        return "read past the lexicon"
    words = fold(agency).replace(",", " ").split()
    if found.collective and len(words) <= 3:
        return "generic"
    return None


def report(probe: Probe, top: int) -> str:
    cue_paragraphs = probe.paragraphs
    covered = sum(p.covered for p in cue_paragraphs)
    lines = [
        f"documents scanned    {probe.documents}",
        f"cue paragraphs       {len(cue_paragraphs)}",
        f"covered              {covered} ({covered / max(1, len(cue_paragraphs)):.1%})",
        f"uncovered            {len(cue_paragraphs) - covered}",
        "",
        "covered share by first cue:",
    ]
    by_cue: dict[str, list[Paragraph]] = defaultdict(list)
    for p in cue_paragraphs:
        by_cue[p.cue].append(p)
    for cue, ps in sorted(by_cue.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {sum(p.covered for p in ps):5d} / {len(ps):5d}  {cue}")
    lines += ["", f"uncovered by form (top {top}): paragraphs  documents  issuers  form"]
    forms: dict[str, list[Paragraph]] = defaultdict(list)
    for p in cue_paragraphs:
        if not p.covered:
            forms[p.form].append(p)
    ranked = sorted(forms.items(), key=lambda kv: (-len({p.document for p in kv[1]}), -len(kv[1])))
    for form, ps in ranked[:top]:
        lines.append(f"  {len(ps):5d} {len({p.document for p in ps}):5d} {len({p.issuer for p in ps}):5d}  {form}")
    doubts = Counter[str]()
    for (doubt, _), n in probe.agencies.items():
        doubts[doubt] += n
    lines += ["", "obligations whose body is doubtful (precision signal):"]
    for doubt, n in doubts.most_common():
        examples = [a for (d, a), _ in probe.agencies.most_common() if d == doubt][:8]
        lines.append(f"  {n:5d}  {doubt}: " + "; ".join(examples))
    return "\n".join(lines)


def show(probe: Probe, form: str, limit: int) -> str:
    """Uncovered paragraphs of one form (a prefix of the form's text is enough), one per document first."""
    chosen = [p for p in probe.paragraphs if not p.covered and p.form.startswith(form)]
    first = list({p.document: p for p in reversed(chosen)}.values())[::-1]
    rest = [p for p in chosen if p not in first]
    return "\n\n".join(f"[{p.document} | {p.issuer} | {p.form}]\n{p.text[:500]}" for p in (first + rest)[:limit])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--top", type=int, default=40, help="how many uncovered forms to list")
    parser.add_argument("--show", metavar="FORM", help="print uncovered paragraphs of this form (a prefix)")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    files = tuning_files(args.corpus)
    probe = Probe()
    for path in files:
        probe_document(path, probe)
    print(show(probe, args.show, args.limit) if args.show else report(probe, args.top))


if __name__ == "__main__":
    main()
