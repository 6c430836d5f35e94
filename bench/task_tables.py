"""Task tables over the real corpus, measured without gold: what the table reader sees, and whether every row of a
task table gives the obligations its cells name.

    python -m bench.task_tables [--corpus DIR] [--show DOC]

A task table ('Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành') is where a check needs no gold:
each data row should give one ``lead`` obligation per body its lead column names (catch-alls such as 'Các bộ, ngành
liên quan' excepted, CONVENTIONS.md), one ``support`` per body of its partner column, and its time cell as the due.
The probe reads headers by its own loose rule (a short cell with 'chủ trì', 'phối hợp', 'thời gian', …), not by the
extractor's header lexicon, so that a header the lexicon misses shows as a task table whose rows give nothing. Rows
are the table reader's (``SegmentedDocument.tables``); a row that does not line up with its header (a cell lost, two
rows run together) is counted as irregular. Lines that look like table rows (several '|', a TAB) outside every table
the reader returns are counted as unseen.

The documents are ``../shared/corpus/texts`` except the held-out side of the split, golded or not
(``bench.corpus.tuning_files``), which is never opened.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import CORPUS, tuning_files

# the probe's own reading of a header cell, folded; first match wins ('Thời gian thực hiện' is a time, not a body)
_KINDS = (
    ("partners", re.compile(r"\bphoi hop\b")),
    ("lead", re.compile(r"\bchu tri\b")),
    ("due", re.compile(r"\b(?:thoi gian|thoi han|tien do)\b")),
    ("other", re.compile(r"\b(?:dia diem|cach thuc|ket qua|san pham|ghi chu|kinh phi|linh vuc|can cu|phi)\b")),
    ("assigned", re.compile(r"\b(?:co quan|don vi|trach nhiem|nguoi)\b.*\bthuc hien\b|\bchiu trach nhiem\b")),
    ("task", re.compile(r"\b(?:nhiem vu|noi dung|cong viec|hoat dong|thu tuc|tthc|chi tieu|giai phap|de an)\b")),
)
_NUMBER = frozenset({"tt", "stt", "so tt", "so thu tu"})
_LABEL = re.compile(r"(?:(?:\d{1,3}|[IVXL]{1,5})(?:\.\d{1,2})*|[a-zđA-ZĐ])[.)]?")
_HEADER_CELL_CHARS = 70
_TITLE_CHARS = 300


def _flat(text: str) -> str:
    return " ".join(text.split()).strip(" *_")


def header_kinds(cells: Sequence[str]) -> dict[str, int] | None:
    """Column of each kind in a row read as a task table's header, or None: a task column and a lead or
    executing column, short cells, no figure."""
    from pipeline.text import fold

    kinds: dict[str, int] = {}
    for n, cell in enumerate(cells):
        folded = fold(_flat(cell))
        if len(folded) > _HEADER_CELL_CHARS or re.search(r"\d", folded):
            continue
        kind = next((k for k, pattern in _KINDS if pattern.search(folded)), None)
        if kind and kind != "other" and kind not in kinds:
            kinds[kind] = n
    return kinds if "task" in kinds and ({"lead", "assigned"} & kinds.keys()) else None


@dataclass
class RowCheck:
    """One data row of a task table: what its cells name and what the extractor gave from it."""

    text: str
    expected: list[tuple[str, str]]  # (body, role)
    found: list[tuple[str, str]]
    due: str | None  # what the time grammar reads in the time cell
    dues_found: int  # obligations of the row with that due

    @property
    def missed(self) -> list[tuple[str, str]]:
        found = {(b.casefold(), r) for b, r in self.found}
        return [(b, r) for b, r in self.expected if (b.casefold(), r) not in found]


@dataclass
class TableCheck:
    header: list[str]
    columns: dict[str, int]
    read: bool  # did the extractor give any obligation from its rows
    rows: list[RowCheck] = field(default_factory=list)
    irregular: list[str] = field(default_factory=list)  # rows that do not line up with the header


@dataclass
class DocCheck:
    name: str
    tables: int = 0
    task_tables: list[TableCheck] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)  # table-like lines outside every table
    abolished: int = 0  # task tables listing abolished procedures, which assign nothing

    def counts(self) -> dict[str, int]:
        rows = [r for t in self.task_tables for r in t.rows]
        named = [r for r in rows if r.expected]
        return {
            "tables": self.tables,
            "task": len(self.task_tables),
            "rows": len(rows) + sum(len(t.irregular) for t in self.task_tables),
            "irregular": sum(len(t.irregular) for t in self.task_tables),
            "named": len(named),
            "expected": sum(len(r.expected) for r in rows),
            "given": sum(len(r.expected) - len(r.missed) for r in rows),
            "rows_missed": sum(bool(r.missed) for r in rows),
            "timed": sum(r.due is not None for r in named),
            "due_given": sum(r.due is not None and r.dues_found == len(r.found) > 0 for r in named),
            "abolished": self.abolished,
            "unseen": len(self.unseen),
        }


def _header_in(texts: list[str]) -> tuple[int, dict[str, int]] | None:
    """(cell the header starts at, column of each kind counted from there) when a row holds a task table's header,
    from a row-number cell ('STT') or, without one, from its first cell."""
    starts = [k for k, t in enumerate(texts) if t.casefold() in _NUMBER] or [0]
    for first in starts:
        kinds = header_kinds(texts[first:])
        if kinds is not None:
            return first, kinds
    return None


def _abolished(before: str) -> bool:
    """Does the title over a header (from its last 'Danh mục' on) list procedures that no longer exist, and nothing
    else?"""
    from pipeline.text import fold

    title = fold(" ".join([line for line in before.splitlines() if line.strip(" |*_")][-3:]))
    title = title[title.rfind("danh muc") :] if "danh muc" in title else title
    return "bai bo" in title and not re.search(r"ban hanh|sua doi|bo sung|thay the", title)


def _bodies(text: str) -> list[str]:
    """The bodies a cell names, by the agency reader prose uses, catch-alls excepted."""
    from extractors.agencies import parse_addressees
    from extractors.obligations import is_catch_all

    found, _ = parse_addressees(_flat(text))
    return [b.name for b in found if not (b.collective and is_catch_all(b.name))]


def _row_due(text: str) -> str | None:
    from extractors.grammar.time import cell_due

    return cell_due(_flat(text))[0]


def check_document(path: Path) -> DocCheck:
    """The probe's figures for one document."""
    from extractors import obligations
    from pipeline.read.load import load_document
    from pipeline.text.segment import segment

    seg = segment(load_document(path))
    found = obligations.extract(seg)
    tables = seg.tables()
    out = DocCheck(path.stem, tables=len(tables))
    spans = [(t.start, t.end) for t in tables]
    for line in seg.lines:
        if (line.text.count("|") >= 2 or "\t" in line.text or line.text == "|") and not any(
            a <= line.start <= b for a, b in spans
        ):
            out.unseen.append(line.text)
    for table in tables:
        check: TableCheck | None = None
        for row in table.rows:
            texts = [_flat(c.text) for c in row]
            header = _header_in(texts)
            if header is not None:
                first, kinds = header
                check = TableCheck(texts[first:], kinds, read=False)
                if _abolished(seg.text[max(0, row[first].start - _TITLE_CHARS) : row[first].start]):
                    out.abolished += 1
                    check = None  # 'Danh mục thủ tục hành chính bị bãi bỏ': no task, read or not
                else:
                    out.task_tables.append(check)
                continue
            if check is None or not any(re.search(r"[^\W\d_]", t) for t in texts):
                continue  # before the first header; a row of column numbers
            if len(texts) <= 2 and (not texts or _LABEL.fullmatch(texts[0])):
                continue  # a group row: 'I | CÔNG TÁC TUYÊN TRUYỀN'
            cells, width, columns = row, len(check.header), check.columns
            if _flat(check.header[0]).casefold() in _NUMBER and not _LABEL.fullmatch(texts[0]):
                texts, cells = ["", *texts], (row[0], *row)  # a row without its number
            texts, cells = texts[:width], cells[:width]  # what a web page ran on after the last row
            if len(texts) <= max(columns.values()):
                check.irregular.append(" | ".join(t[:40] for t in texts))
                continue
            role = "lead" if "lead" in columns else "assigned"
            leads = _bodies(texts[columns[role]])
            partners = texts[columns["partners"]] if "partners" in columns else ""
            expected = [(b, role) for b in leads] + [
                (b, "support") for b in _bodies(partners) if b.casefold() not in {x.casefold() for x in leads}
            ]
            start, end = cells[0].start, cells[-1].end
            given = [o for o in found if start <= o.evidence.start <= end]
            due_cell = texts[columns["due"]] if "due" in columns else ""
            due = _row_due(due_cell) if due_cell else None
            check.rows.append(
                RowCheck(
                    " | ".join(t[:40] for t in texts),
                    expected,
                    [(o.agency, o.role) for o in given],
                    due,
                    sum(o.due == due for o in given) if due else 0,
                )
            )
    for check in out.task_tables:
        check.read = any(r.found for r in check.rows)
    return out


_COLUMNS = (
    "tables",
    "task",
    "abolished",
    "rows",
    "irregular",
    "named",
    "expected",
    "given",
    "rows_missed",
    "timed",
    "due_given",
)


def report(checks: list[DocCheck]) -> str:
    """Per document with a task table or unseen table lines, and the total."""
    lines = [f"{'document':24} " + " ".join(f"{c:>11}" for c in (*_COLUMNS, "unseen"))]
    total = dict.fromkeys((*_COLUMNS, "unseen"), 0)
    for check in checks:
        counts = check.counts()
        for k, v in counts.items():
            total[k] += v
        if counts["task"] or counts["unseen"]:
            lines.append(f"{check.name:24} " + " ".join(f"{counts[c]:>11}" for c in (*_COLUMNS, "unseen")))
    lines.append(f"{'TOTAL (' + str(len(checks)) + ' documents)':24} " + " ".join(f"{total[c]:>11}" for c in total))
    return "\n".join(lines)


def show(check: DocCheck) -> str:
    """The rows of one document that did not give what their cells name, its irregular rows and unseen lines."""
    out = []
    for t in check.task_tables:
        out.append(f"TABLE {' | '.join(t.header)}  columns={t.columns}")
        for r in t.rows:
            if r.missed or (r.due is not None and r.dues_found < len(r.found)):
                out.append(f"  MISSED {r.missed}  due={r.due} ({r.dues_found}/{len(r.found)} with it)\n    {r.text}")
        out += [f"  IRREGULAR {row}" for row in t.irregular]
    out += [f"UNSEEN {line[:120]}" for line in check.unseen]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", metavar="DOC", help="print the rows of DOC (a file stem) that were missed")
    args = parser.parse_args(argv)
    files = tuning_files(args.corpus)
    if args.show:
        if args.show not in {p.stem for p in files}:
            raise SystemExit(f"{args.show} is on the held-out side: not opened")
        print(show(check_document(args.corpus / f"{args.show}.md")))
        return
    print(report([check_document(p) for p in files]))


if __name__ == "__main__":
    main()
