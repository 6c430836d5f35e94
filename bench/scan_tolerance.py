"""How much of what a document says survives a scan: development documents printed and scanned with the sample
generator's degradation profiles, OCR'd once, and their extraction compared with the extraction of their own text
(the reference, not gold). The facts lost between the two are OCR-tolerance defects of the grammar, or pages the OCR
read badly. ``letterheads`` prints only a text's first page and its signed page (letterhead and signature block, the
signer's seal pressed over them: ``bench.samples.sealed``) and compares the document block field by field, as the
acceptance scorer matches them (right/false/lost: its tp/fp/fn).

    python -m bench.scan_tolerance texts NAME… [--profile scan-random] [--dpi 150 300] [--header-once] [--out DIR]
    python -m bench.scan_tolerance letterheads NAME… [--profile scan-random] [--dpi 200 300] [--grey] [--verbose]
    python -m bench.scan_tolerance letters [--out DIR]   # the born-digital dev scans, 100/200/300 dpi
    python -m bench.scan_tolerance paper   # every golded dev text's paper text read as plain text: no OCR, seconds

Only development documents: corpus texts of ``tests/corpus/gold/dev`` (``bench.corpus.tuning_files``) and the
born-digital PDFs of ``tests/corpus/scans`` (never the held-out scans). Each PDF's OCR is kept
(``bench.gold.predict`` with ``reuse_readings``), so a rule change re-runs in seconds.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from bench import acceptance_scorer as scorer
from bench.corpus import CORPUS, tuning_files
from bench.gold import SETS, predict
from bench.samples import (
    DEV_SCANS,
    LAYOUT,
    Sample,
    born_digital_scans,
    degrade,
    draw_degradation,
    hash_seed,
    make_real_scan,
    matches,
    rasterize,
    save_pdf,
    sealed,
)
from pipeline.read.load import document_from_text
from pipeline.text import fold
from pipeline.text.outline import continues
from pipeline.text.segment import segment
from pipeline.text.tables import NUMBER_HEADERS, read_tables
from pipeline.text.wraps import join_wrapped_lines

OUT = Path("/tmp/vanban-scan-tolerance")
LETTER_PRINTS = ((100, "scan-random"), (200, "fax-random"), (300, "scan-random"))


def _cells(lines: list[str]) -> list[list[str]]:
    """The cells of a web page's layout table whose '|' stand on lines of their own."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip() == "|":
            out.append([])
        else:
            out[-1].append(line)
    return [c for c in out if any(x.strip() for x in c)]


def _plain(line: str) -> str:
    return re.sub(r"\*+", "", line).strip()


_ROW_NUMBER = re.compile(r"\d{1,3}\.?")


class _Line(NamedTuple):
    start: int
    end: int
    text: str


def _data_tables(md: str) -> dict[int, tuple[int, str]]:
    """The web page's data tables as the one table reader (``pipeline.text.tables``) reads them, as TAB rows (one
    row a line) by the line of the '|' opening their header and with their last line. A web page glues what stood
    before the table (the letterhead, the signature, the annex title) into the rows before its row-number heading:
    that is left to the lines before it. A layout table (letterhead, signature: two cells a row) is not one."""
    lines, at = [], 0
    for raw in md.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = at + raw.index(stripped[0])
            lines.append(_Line(lead, lead + len(stripped), stripped))
        at += len(raw)
    out: dict[int, tuple[int, str]] = {}
    for table in read_tables(md, lines):
        if table.separator != "|" or sum(len(row) >= 3 for row in table.rows) < 2:
            continue
        texts = [[" ".join(c.text.split()) for c in row] for row in table.rows]
        numbers = [(n, k) for n, row in enumerate(texts) for k, c in enumerate(row) if _number_header(c)]
        first, number = numbers[0] if numbers else (0, 0)
        header = texts[first][number:]
        rows = "\n".join("\t".join(row) for row in [header, *_rows_of(texts[first + 1 :], len(header))])
        out[md.count("\n", 0, table.rows[first][number].start)] = (md.count("\n", 0, table.end), rows)
    return out


def _rows_of(rows: list[list[str]], width: int) -> list[list[str]]:
    """Rows no wider than the header: where the reader ran the next row on (a row of dots between, which a web page
    gives no '|' of its own), the rest goes on a row of its own, cut again before a cell holding a row's number."""
    out = []
    for row in rows:
        rest = row
        while len(rest) > width:
            out.append(rest[:width])
            rest = rest[width:]
            label = next((k for k, c in enumerate(rest) if k and _ROW_NUMBER.fullmatch(c)), None)
            if label is not None:
                out.append(rest[:label])
                rest = rest[label:]
        out.append(rest)
    return out


def _number_header(cell: str) -> bool:
    return fold(_plain(cell)).strip(" .") in NUMBER_HEADERS


def _paragraphs(lines: list[str], tables: dict[int, tuple[int, str]], first: int) -> list[str]:
    """Body lines (line ``first`` of the page on) as paper blocks: the web page's paragraphs as the reader reads the
    page itself (``_web_paragraphs``), each data table as its TAB rows. A blank line, a '|' or an empty bold cell
    ('** **') always ends a paragraph."""
    blocks: list[str | None] = []  # a table's rows, or None where a run of text lines goes
    runs: list[list[str]] = [[]]
    n = 0
    while n < len(lines):
        line = lines[n].strip()
        if first + n in tables:
            last, rows = tables[first + n]
            blocks.append(rows)
            runs.append([])
            n = last - first + 1
            continue
        if not re.search(r"\w", line):
            runs.append([])
        else:
            if not runs[-1]:
                blocks.append(None)
            runs[-1].append(line)
        n += 1
    paragraphs = iter(_web_paragraphs([run for run in runs if run]))
    return [paragraph for block in blocks for paragraph in ([block] if block else next(paragraphs))]


def _web_paragraphs(runs: list[list[str]]) -> list[list[str]]:
    """Each run of text lines (lines between blank lines) cut into paragraphs the way the reader cuts the web page:
    its wraps joined by ``pipeline.text.wraps.join_wrapped_lines`` (over the lines without emphasis, all runs at
    once so that it measures a full line on them all), and a line it kept apart joined again where
    ``pipeline.text.outline.continues`` reads it as the rest of the line above ('… ngày 12/11/2025 của' / 'Chính
    phủ và …'), as ``pipeline.text.paragraphs.join_paragraphs`` does: a line opening a heading, a bullet or a new
    paragraph stays a paragraph of its own ('3. Cục Đường bộ Việt Nam' / '- Chỉ đạo …'). Where most breaks left are
    blank lines, the page keeps a blank line between paragraphs and a run is one paragraph, as the reader reads it
    ('**Điều 18. Trách nhiệm của Sở' / 'Khoa học và Công nghệ**'), cut only before a list item or a bold line
    after a line that ends a sentence or a clause."""
    plain = [[_plain(line) for line in run] for run in runs]
    joined = join_wrapped_lines("\n\n\n".join("\n".join(run) for run in plain))
    sizes = iter(_letters(line) for line in joined.split("\n") if line.strip())
    cut: list[list[list[str]]] = []  # each run's paragraphs, as their source lines
    for run, bare in zip(runs, plain, strict=True):
        cut.append([])
        k = 0
        while k < len(run):
            want, start, got = next(sizes), k, 0
            while got < want and k < len(run):
                got += _letters(bare[k])
                k += 1
            piece = run[start:k]
            if cut[-1] and continues(_plain(" ".join(cut[-1][-1])), _plain(piece[0])):
                cut[-1][-1] += piece
            else:
                cut[-1].append(piece)
    inside = sum(len(pieces) - 1 for pieces in cut)
    if len(runs) - 1 + inside >= 10 and len(runs) - 1 >= inside:
        cut = [_cut_at_items(run) for run in runs]
    return [[" ".join(piece) for piece in pieces] for pieces in cut]


def _letters(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _cut_at_items(run: list[str]) -> list[list[str]]:
    """A blank-line paragraph cut before a list item or a bold line after a line that ends a sentence or a clause."""
    pieces: list[list[str]] = [[]]
    for line in run:
        opens = re.match(LAYOUT["list_marker"], _plain(line)) or line.startswith(("**", "*("))
        if pieces[-1] and opens and re.search(r"[.:;)]\**$|\*\*$", pieces[-1][-1]):
            pieces.append([])
        pieces[-1].append(line)
    return pieces


def _cell_after(lines: list[str], pipes: list[int], pattern: str) -> int | None:
    """Index in ``pipes`` of the first '|' line whose cell (up to the next '|') matches ``pattern``."""
    for k, (a, b) in enumerate(pairwise(pipes)):
        if re.search(pattern, " ".join(_plain(x) for x in lines[a + 1 : b])):
            return k
    return None


def paper_text(md: str) -> str:
    """A corpus text (a web page whose letterhead and signature are tables with '|' on lines of their own) as the
    sample generator's paper text: motto and place-date right, issuer and number left, a rule, the body's
    paragraphs with their hard wraps joined, its data tables as ruled tables (TAB rows: a task table with its wrapped
    cells), 'Nơi nhận' and the signature block, then what follows it (an appendix, its tables)."""
    lines = md.splitlines()
    pipes = [i for i, line in enumerate(lines) if line.strip() == "|"]
    dated = _cell_after(lines, pipes, LAYOUT["place_date"])
    if dated is not None and dated + 1 < len(pipes):
        head_end: int | None = pipes[dated + 1]  # the '|' closing the place-date's cell
    else:
        head_end = max((i for i in pipes if i < len(lines) // 2), default=None)
    after = [k for k, i in enumerate(pipes) if head_end is not None and i > head_end]
    if head_end is None or not after:
        raise ValueError("no letterhead table and signature table of '|' lines to lay out as paper")
    signed = after[0] + (_cell_after(lines, pipes[after[0] :], LAYOUT["recipients"]) or 0)
    sign_start = pipes[signed]
    sign_end = pipes[signed + 2] if signed + 2 < len(pipes) else len(lines)
    head = _cells(lines[pipes[0] : head_end + 1])
    motto_at = next((k for k, cell in enumerate(head) if k and any(matches("motto", _plain(x)) for x in cell)), 1)
    issuer, motto, *rest = head[motto_at - 1 :]
    motto_text = " ".join(_plain(x) for x in motto if re.search(r"\w", x))
    split = re.match(r"(CỘNG H[OÒ]A XÃ HỘI\s+CHỦ NGHĨA VIỆT NAM)\s*(.*)", motto_text)
    blocks = list(split.groups()) if split else [motto_text]
    blocks += [f"**{_plain(x)}**" for x in issuer if re.search(r"\w", x)]
    blocks += [" ".join(_plain(x) for x in cell if x.strip()) for cell in rest]
    blocks.append("-----")
    tables = _data_tables(md)
    blocks += _paragraphs(lines[head_end + 1 : sign_start], tables, head_end + 1)
    recipients, *signature = _cells(lines[sign_start : sign_end + 1])
    blocks.append("\n".join(x.strip() for x in recipients if x.strip()))
    blocks += [f"**{_plain(x)}**" for cell in signature for x in cell if x.strip()]
    blocks += _paragraphs(lines[sign_end + 1 :], tables, sign_end + 1)
    return "\n\n".join(b for b in blocks if b) + "\n"


def render_text(name: str, profile: str, out: Path, dpi: int | None = None, repeat_headers: bool = True) -> Path:
    """Corpus text ``name`` printed and scanned with a randomized ``profile`` (at ``dpi``, else a drawn resolution;
    a table's header printed once with ``repeat_headers`` off), as ``<name>.<profile>[.<dpi>dpi][.once].pdf``."""
    text = paper_text((CORPUS / f"{name}.md").read_text(encoding="utf-8"))
    sample = Sample(name, text, repeat_headers)
    d = draw_degradation(profile, hash_seed(f"{name}:{profile}"), dpi)
    out.mkdir(parents=True, exist_ok=True)
    suffix = (f".{dpi}dpi" if dpi else "") + ("" if repeat_headers else ".once")
    return save_pdf(sample.images(profile, dpi), d.dpi, out / f"{name}.{profile}{suffix}.pdf", d.jpeg)


def render_letterhead(name: str, profile: str, out: Path, dpi: int | None = None, grey: bool = False) -> Path:
    """The first page and the signed page (the last page holding the signature block) of corpus text ``name``,
    printed, sealed over the signature and scanned as ``render_text`` scans them (each page with the seed of its place
    in the whole text), grey with ``grey``: ``<name>.<profile>[.<dpi>dpi][.grey].head.pdf``."""
    text = paper_text((CORPUS / f"{name}.md").read_text(encoding="utf-8"))
    sample = Sample(name, text)
    base = hash_seed(f"{name}:{profile}")
    d = draw_degradation(profile, base, dpi)
    if grey:
        d = replace(d, colour=False)
    pages = sample.pages()
    signed = max((k for k, page in enumerate(pages) if page.signature), default=len(pages) - 1)
    legend = sample.legend()
    images = [
        degrade(sealed(rasterize(pages[k], 300), pages[k], base + k, legend), d, base + k, legend)
        for k in sorted({0, signed})
    ]
    out.mkdir(parents=True, exist_ok=True)
    suffix = (f".{dpi}dpi" if dpi else "") + (".grey" if grey else "")
    return save_pdf(images, d.dpi, out / f"{name}.{profile}{suffix}.head.pdf", d.jpeg)


DOCUMENT_FIELDS = scorer.DOC_FIELDS


def _only(block: dict, field: str) -> dict:
    """The document block holding ``field`` alone (its dotted path kept: 'signer.name'), for the scorer to count."""
    value = scorer.get(block, field)
    for part in reversed(field.split(".")):
        value = {part: value}
    return value


def field_counts(reference: dict, scanned: dict) -> dict[str, tuple[int, int, int]]:
    """Each document field of the scan against the reference's, counted by the acceptance scorer's own
    ``document_score`` on that field alone: (right, false, lost) = its (tp, fp, fn); a value where the reference has
    none is false, a wrong value is both."""
    counts = {}
    for field in DOCUMENT_FIELDS:
        tp, fp, fn, _, _ = scorer.document_score(_only(reference, field), _only(scanned, field))
        counts[field] = (tp, fp, fn)
    return counts


def _edge_lines(pdf: Path, head: int = 16, tail: int = 14) -> list[str]:
    """The OCR'd lines a document block is read from: the first page's top and the signed page's foot."""
    from bench.gold import read

    pages = read(pdf, True).pages
    first = [f"p1| {x}" for x in pages[0].text.splitlines() if x.strip()]
    last = [f"p{len(pages)}| {x}" for x in pages[-1].text.splitlines() if x.strip()]
    return first[:head] + last[max(head, len(last) - tail) if len(pages) == 1 else -tail :]


def compare_letterheads(names: list[str], profile: str, dpis: list[int], grey: bool, out: Path, verbose: bool) -> None:
    """Print each text's first and signed page at each resolution, read it, and count its document fields against
    the text's own extraction: per print the fields it got false or lost, then the totals per field."""
    totals: Counter[tuple[str, int]] = Counter()
    for name in names:
        reference = predict(CORPUS / f"{name}.md")["document"]
        for dpi in dpis or [None]:
            try:
                pdf = render_letterhead(name, profile, out / "letterheads", dpi, grey)
            except ValueError as error:
                print(f"{name}: skipped, {error}")
                break
            scanned = predict(pdf, reuse_readings=True)["document"]
            counts = field_counts(reference, scanned)
            for field, count in counts.items():
                for k, n in enumerate(count):
                    totals[field, k] += n
            wrong = [f for f, (right, false, lost) in counts.items() if false or lost]
            print(f"== {pdf.name}: " + ("all right" if not wrong else f"{len(wrong)} wrong"))
            for field in wrong:
                print(f"  {field}: want {scorer.get(reference, field)!r}, got {scorer.get(scanned, field)!r}")
            if verbose and wrong:
                print("\n".join(f"    {line}" for line in _edge_lines(pdf)))
    print(f"{'field':22} right false  lost")
    for field in DOCUMENT_FIELDS:
        print(f"{field:22} {totals[field, 0]:5} {totals[field, 1]:5} {totals[field, 2]:5}")
    right, false, lost = (sum(totals[f, k] for f in DOCUMENT_FIELDS) for k in range(3))
    print(f"{'document':22} {right:5} {false:5} {lost:5}")


def _key(value: object) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value)).lower().replace("uỷ", "ủy")).strip()


def facts(result: dict) -> Counter[tuple]:
    """What the acceptance scorer counts, as comparable keys (targets and wards by the scorer's own keys)."""
    d = result["document"]
    out: Counter[tuple] = Counter()
    for field in ("kind", "number", "issued_on", "place", "issuer", "subject"):
        out["document", field, _key(d.get(field))] += 1
    out["document", "signer", _key((d.get("signer") or {}).get("name"))] += 1
    out.update(("citations", c.get("number"), c.get("issued_on")) for c in result.get("citations", []))
    out.update(("targets", *key) for key in scorer.keys("targets", result.get("targets")))
    out.update(("deadlines", x.get("due"), x.get("relation")) for x in result.get("deadlines", []))
    out.update(("wards", *key) for key in scorer.keys("wards", result.get("wards")))
    out.update(
        ("obligations", _key(o.get("agency")), o.get("role"), o.get("due")) for o in result.get("obligations", [])
    )
    return out


ASSIGNMENT_PARTS = ("agency", "role", "due")


def changed_assignments(lost: Counter[tuple], extra: Counter[tuple]) -> list[tuple[str, tuple, tuple]]:
    """Lost obligations the scan still found with one part of their (agency, role, due) changed, each paired with
    the extra obligation that differs from it in that part only: ``(part, lost, extra)``. A lost obligation left
    unpaired was not found at all."""
    lost, extra = Counter(lost), Counter(extra)
    pairs = []
    for at, part in enumerate(ASSIGNMENT_PARTS, start=1):
        for want in sorted((k for k in lost.elements() if k[0] == "obligations"), key=str):
            same = [k for k in extra if extra[k] and k[0] == "obligations" and k[at] != want[at]]
            found = next((k for k in sorted(same, key=str) if all(k[i] == want[i] for i in (1, 2, 3) if i != at)), None)
            if found is not None and lost[want]:
                pairs.append((part, want, found))
                lost[want] -= 1
                extra[found] -= 1
    return pairs


def compare(reference: dict, scanned: dict, label: str, totals: Counter[tuple]) -> None:
    """Print what the scan lost and added against the reference, and add it to ``totals``; a lost obligation found
    with its agency, role or due changed is printed once as 'changed' (and counted as lost and extra as before)."""
    want, got = facts(reference), facts(scanned)
    lost, extra = want - got, got - want
    print(f"== {label}: lost {sum(lost.values())} of {sum(want.values())}, extra {sum(extra.values())}")
    changed = changed_assignments(lost, extra)
    paired_lost = Counter(w for _, w, _ in changed)
    paired_extra = Counter(x for _, _, x in changed)
    for part, was, now in changed:
        alike = scorer.similar(scorer.norm_agency(was[1]), scorer.norm_agency(now[1])) if part == "agency" else None
        print(f"  changed {part}: {was[1:]} -> {now[1:]}" + (f" (similarity {alike:.2f})" if alike else ""))
        totals["obligations", f"changed {part}"] += 1
    for k in sorted((lost - paired_lost).elements(), key=str):
        print("  lost ", k)
    for k in sorted((extra - paired_extra).elements(), key=str):
        print("  extra", k)
    for kind in {k[0] for k in want} | {k[0] for k in got}:
        totals[kind, "reference"] += sum(n for k, n in want.items() if k[0] == kind)
        totals[kind, "lost"] += sum(n for k, n in lost.items() if k[0] == kind)
        totals[kind, "extra"] += sum(n for k, n in extra.items() if k[0] == kind)
    # assignments as the acceptance scorer matches them: an agency at similarity >= 0.85 is the same agency
    _, added, missed, _, _ = scorer.obligation_score(reference["obligations"], scanned["obligations"], strict=True)
    if missed or added:
        print(f"  assignments as scored: lost {missed}, extra {added}")
    totals["assignments", "reference"] += len(reference["obligations"])
    totals["assignments", "lost"] += missed
    totals["assignments", "extra"] += added


def compare_paper(names: list[str], totals: Counter[tuple]) -> None:
    """Each text named (else each development text with gold) against its own paper text read as plain text, before
    any printing: what the print tool itself loses or adds (its paragraphs, its letterhead, its tables), not the
    OCR's."""
    from extractors import extract

    allowed = {p.stem for p in tuning_files()}
    documents = [CORPUS / f"{name}.md" for name in names] or [d for d, _ in SETS["corpus-dev"].pairs()]
    for document in documents:
        if document.stem not in allowed:
            continue
        try:
            text = paper_text(document.read_text(encoding="utf-8"))
        except ValueError as error:
            print(f"{document.stem}: skipped, {error}")
            continue
        printed = extract(segment(document_from_text(text, f"{document.stem}.txt"))).model_dump(mode="json")
        compare(predict(document), printed, document.stem, totals)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("texts", "letterheads", "letters", "paper"))
    parser.add_argument("names", nargs="*", help="corpus text names (tuning files only)")
    parser.add_argument("--profile", default="scan-random", choices=("scan-random", "fax-random"))
    parser.add_argument("--dpi", type=int, nargs="*", default=[], help="texts: print at these resolutions (150 300)")
    parser.add_argument("--header-once", action="store_true", help="texts: a table's header not printed again")
    parser.add_argument("--grey", action="store_true", help="letterheads: scanned grey, never in colour")
    parser.add_argument("--verbose", action="store_true", help="letterheads: the OCR'd lines of a print with a miss")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    totals: Counter[tuple] = Counter()
    if args.what in ("texts", "letterheads", "paper"):
        allowed = {p.stem for p in tuning_files()}
        strangers = [name for name in args.names if name not in allowed]
        if strangers:
            raise SystemExit(f"{', '.join(strangers)}: not tuning files")
    if args.what == "letterheads":
        compare_letterheads(args.names, args.profile, args.dpi, args.grey, args.out, args.verbose)
        return
    if args.what == "texts":
        for name in args.names:
            reference = predict(CORPUS / f"{name}.md")
            for dpi in args.dpi or [None]:
                try:
                    pdf = render_text(name, args.profile, args.out / "texts", dpi, not args.header_once)
                except ValueError as error:
                    print(f"{name}: skipped, {error}")
                    break
                compare(reference, predict(pdf, reuse_readings=True), pdf.name, totals)
    elif args.what == "paper":
        compare_paper(args.names, totals)
    else:
        for letter in born_digital_scans(DEV_SCANS):
            reference = predict(letter, reuse_readings=True)
            for dpi, profile in LETTER_PRINTS:
                pdf = make_real_scan(letter, dpi, args.out / "letters" / profile, profile)
                compare(reference, predict(pdf, reuse_readings=True), pdf.name, totals)
    for kind in sorted({k[0] for k in totals}):
        ref, lost, extra = (totals[kind, w] for w in ("reference", "lost", "extra"))
        print(f"{kind:12} reference {ref:4}  lost {lost:4}  extra {extra:4}")
    changed = {part: totals["obligations", f"changed {part}"] for part in ASSIGNMENT_PARTS}
    if any(changed.values()):
        print("obligations changed, of the lost: " + ", ".join(f"{part} {n}" for part, n in changed.items()))


if __name__ == "__main__":
    main()
