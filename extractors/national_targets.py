"""Per-province target tables (a central appendix: province, total units, then for each year the
count to reach and its percent of the total), one NationalTarget per province and year.

Rows are read from ruled-table grids (``Page.tables``, OCR'd cell by cell) when a page has them,
otherwise from the page text's TAB-separated lines. The year columns come from the header row,
never from an assumed first year. Every row is then verified against the table's own
redundancy, which is what lets OCR digit errors be repaired instead of guessed:

- percent = count / total (2 decimals): a percent that is an exact fraction of the total
  restores a misread count, a count consistent with its neighbours restores a misread percent;
- counts never decrease, and blank cells after a province reached 100 % are carried forward;
- the TỔNG SỐ row equals the column sums: a column that adds up confirms the cells repaired from
  a single reading, and one doubtful cell (unreadable, or read two plausible ways) is solved
  from the sum; two doubtful cells in a column that does not add up are reported, not guessed.

A cell none of these settles is reported in ``NationalTarget.issues``; a repaired one says what
was read and what it became.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz, process

from extractors import gazetteer
from extractors.common import load_json, parse_number
from extractors.grammar.time import year_cell
from pipeline.settings import settings
from pipeline.text import fold
from pipeline.text.segment import SegmentedDocument
from schemas.extraction import Evidence, NationalTarget

MARKUP = re.compile(r"<[^>]+>|\*+")
INTEGER = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")
PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$")
LETTER = re.compile(r"[^\W\d_]")


def _rules() -> dict:
    return load_json("national_targets.json")


@dataclass
class SourceRow:
    """One table row as read, before it is parsed: its cells, page and line in the text, so a grid row (OCR'd cell by
    cell) can still quote the text line it matches."""

    cells: list[str]
    page: int
    span: tuple[int, int] | None  # the row's line in the document text
    after_prose: bool = False  # running text came between this row and the last one


@dataclass
class Row:
    """One province row: what was read, then what verification settled."""

    name: str
    source: SourceRow
    total_read: str
    read: list[tuple[str, str]]  # (count, percent) as read, per year
    province: str | None = None
    total: int | None = None
    counts: list[int | None] = field(default_factory=list)
    percents: list[float | None] = field(default_factory=list)
    carried: list[bool] = field(default_factory=list)
    unsettled: list[bool] = field(default_factory=list)  # nothing readable
    options: list[list[int] | None] = field(default_factory=list)  # counts possible; None: unconfirmed
    issues: dict[int, list[str]] = field(default_factory=dict)  # year index (-1: row) → notes

    def note(self, y: int, text: str) -> None:
        """Record an issue for a year column (-1: the whole row); issues end up in ``NationalTarget.issues`` so a
        reader sees what was repaired or left unreconciled."""
        self.issues.setdefault(y, []).append(text)


# ---------------------------------------------------------------------------------------------
# Reading cells
# ---------------------------------------------------------------------------------------------


def _clean(cell: str) -> str:
    return " ".join(MARKUP.sub("", cell).split())


def _integer(text: str) -> int | None:
    text = text.strip()
    return int(re.sub(r"[.,]", "", text)) if INTEGER.match(text) else None


def _percent(text: str) -> float | None:
    m = PERCENT.match(text.strip())
    if not m:
        return None
    value = parse_number(m.group(1))
    return value if value is not None and 0 <= value <= 100 else None


def _is_number(cell: str) -> bool:
    return bool(cell) and (_integer(cell) is not None or _percent(cell) is not None)


def _expand(cells: list[str]) -> list[str]:
    """Split a cell that OCR merged ('3 14,29%', '314,29%') into its count and percent; without
    a space the split is the one whose count and percent agree with the row's total."""
    total = _integer(cells[0]) if cells else None
    out = cells[:1]
    for cell in cells[1:]:
        parts = cell.split()
        if len(parts) > 1 and all(_is_number(p) for p in parts) and any("%" in p for p in parts):
            out.extend(parts)
            continue
        if total and "%" in cell and _percent(cell) is None and re.fullmatch(r"\d+[.,]?\d*\s*%", cell):
            splits = [
                (cell[:i], cell[i:])
                for i in range(1, len(cell) - 1)
                if _agrees(_integer(cell[:i]), _percent(cell[i:]), total)
            ]
            if len(splits) == 1:
                out.extend(splits[0])
                continue
        out.append(cell)
    return out


def _header_years(cells: list[str]) -> list[int]:
    """The year columns of a header row: two years or more, and no percents (a data row has them)."""
    years = [year for c in cells if (year := year_cell(c))]
    if len(set(years)) < 2 or sum("%" in c for c in cells) >= 2:
        return []
    return _regular(years)


def _regular(years: list[int]) -> list[int]:
    """Year columns run at a fixed step: one misread year ('2021' among 2023…2030) is put back."""
    steps = Counter(b - a for a, b in pairwise(years))
    step = steps.most_common(1)[0][0]
    if step <= 0:
        return list(dict.fromkeys(years))
    base, agreeing = Counter(y - i * step for i, y in enumerate(years)).most_common(1)[0]
    if agreeing >= len(years) - 1:
        return [base + i * step for i in range(len(years))]
    return list(dict.fromkeys(years))


def _text_rows(seg: SegmentedDocument) -> list[SourceRow]:
    """TAB lines; a paragraph between two of them ends a table (a page number or footer does not)."""
    rows, prose = [], False
    for line in seg.lines:
        if "\t" in line.text:
            rows.append(
                SourceRow(
                    [_clean(c) for c in line.text.split("\t")], line.page, (line.start, line.end), after_prose=prose
                )
            )
            prose = False
        elif len(line.text) >= _rules()["prose_line_chars"]:
            prose = True
    return rows


def _grid_rows(seg: SegmentedDocument, text_rows: list[SourceRow]) -> list[SourceRow]:
    """Rows of the ruled-table grids, each tied to its TAB line in the text when there is one."""
    lines_by_key: dict[tuple[int, str], tuple[int, int] | None] = {}
    for r in text_rows:
        first = next((c for c in r.cells if c), "")
        lines_by_key.setdefault((r.page, gazetteer.compact(first)), r.span)
    rows = []
    for page in seg.doc.pages:
        for table in page.tables:
            for cells in table.grid():
                cells = [_clean(c) for c in cells]
                first = next((c for c in cells if c), "")
                rows.append(SourceRow(cells, page.number, lines_by_key.get((page.number, gazetteer.compact(first)))))
    return rows


def _parse(source: SourceRow, years: list[int]) -> Row | None:
    """A province (or sum) row: a name cell, then the total and (count, percent) per year."""
    rules = _rules()
    cells = source.cells
    name_at = next(
        (i for i, c in enumerate(cells[: rules["max_province_cell"] + 1]) if LETTER.search(c) and not _is_number(c)),
        None,
    )
    if name_at is None:
        return None
    values = _expand(cells[name_at + 1 :])
    while values and not values[-1]:
        values.pop()
    if sum(1 for v in values if _is_number(v)) < rules["min_values"] or not values[0]:
        return None  # (a misread total is restored from the percents)
    rest, n = values[1:], len(years)
    if len(rest) > 2 * n:
        rest = [v for v in rest if v]  # an empty cell OCR inserted in the middle
    filled = [v for v in rest if v]
    if len(rest) <= n and not any("%" in v for v in filled):
        read = [(v, "") for v in rest + [""] * (n - len(rest))]  # counts only
    elif len(rest) <= n and all("%" in v for v in filled):
        read = [("", v) for v in rest + [""] * (n - len(rest))]  # percents only
    else:
        rest += [""] * (2 * n - len(rest))
        read = [(rest[2 * i], rest[2 * i + 1]) for i in range(n)]
    return Row(name=cells[name_at], source=source, total_read=values[0], read=read)


def _table_rows(seg: SegmentedDocument) -> list[tuple[Row, list[int]]]:
    """Data rows with the year columns of the header above them, grids preferred per page."""
    text_rows = _text_rows(seg)
    grid_rows = _grid_rows(seg, text_rows)
    grid_pages = {r.page for r in grid_rows}
    sources = sorted(grid_rows + [r for r in text_rows if r.page not in grid_pages], key=lambda r: r.page)
    years: list[int] = []
    out = []
    for source in sources:
        if source.after_prose:
            years = []
        header = _header_years(source.cells)
        if header:
            years = header
            continue
        if years:
            row = _parse(source, years)
            if row:
                out.append((row, years))
    return out


# ---------------------------------------------------------------------------------------------
# Verification and repair
# ---------------------------------------------------------------------------------------------


def _pct(count: int, total: int) -> float:
    return round(count * 100 / total + 1e-9, 2)


def _agrees(count: int | None, percent: float | None, total: int | None) -> bool:
    return bool(
        total
        and count is not None
        and percent is not None
        and abs(_pct(count, total) - percent) < settings().percent_tolerance
    )


def _from_percent(percent: float | None, total: int) -> int | None:
    """The count a percent encodes, when the percent is exactly a fraction of the total."""
    if percent is None:
        return None
    count = round(percent * total / 100)
    return count if _agrees(count, percent, total) else None


def _settle_total(row: Row, counts: list[int | None], percents: list[float | None]) -> None:
    """The total as read, unless the (count, percent) pairs agree on another one."""
    read = _integer(row.total_read)
    votes: dict[int, int] = {}
    for c, p in zip(counts, percents):
        if c and p:
            implied = round(c * 100 / p)
            if _agrees(c, p, implied):
                votes[implied] = votes.get(implied, 0) + 1
    best = max(votes, key=lambda total: votes[total]) if votes else None
    read_votes = votes.get(read, 0) if read is not None else 0
    if best is not None and best != read and votes[best] >= 2 and read_votes < votes[best]:
        row.note(-1, f"repaired: total read '{row.total_read}', the counts and percents give {best}")
        row.total = best
    else:
        row.total = read


def _reconcile(row: Row, years: list[int]) -> None:
    """One row's count and percent for each year from what OCR read: a pair that agrees with the total is sure; else
    the reading that lies between the sure counts around it (counts never decrease), the percent's first; blank
    cells after 100 % are carried; a cell none of these settles is noted. Two readings that both fit are kept as
    ``options`` for the column sum to decide (``_check_sums``)."""
    counts = [_integer(c) if c else None for c, _ in row.read]
    percents = [_percent(p) if p else None for _, p in row.read]
    _settle_total(row, counts, percents)
    total = row.total
    if total and not any(p for _, p in row.read):  # a table of counts alone
        percents = [_pct(c, total) if c is not None else None for c in counts]
    elif total and not any(c for c, _ in row.read):  # a table of percents alone
        counts = [_from_percent(p, total) for p in percents]
    n = len(years)
    row.counts, row.percents = [None] * n, [None] * n
    row.carried, row.unsettled, row.options = [False] * n, [False] * n, [None] * n
    if not total:
        row.note(-1, f"unreconciled: total '{row.total_read}' unreadable")
        row.unsettled = [True] * n
        return
    sure = [_agrees(c, p, total) for c, p in zip(counts, percents)]
    confirmed = [c if ok else None for c, ok in zip(counts, sure)]  # a sure pair has both values
    for y in range(n):
        c, p = counts[y], percents[y]
        if sure[y] and c is not None:
            row.counts[y], row.percents[y], row.options[y] = c, p, [c]
            continue
        lo = max([k for k in confirmed[:y] if k is not None] + [row.counts[i] or 0 for i in range(y)] + [0])
        hi = min([k for k in confirmed[y + 1 :] if k is not None] + [total])
        raw_c, raw_p = row.read[y]
        if not raw_c and not raw_p:
            if lo == total:
                row.counts[y], row.percents[y], row.carried[y] = total, 100.0, True
                row.options[y] = [total]
            else:
                row.unsettled[y], row.options[y] = True, None
                row.note(y, f"unreconciled: {years[y]} cells are blank before reaching 100%")
            continue
        by_percent = _from_percent(p, total)
        by_percent = by_percent if by_percent is not None and lo <= by_percent <= hi else None
        by_count = c if c is not None and lo <= c <= hi else None
        chosen = by_percent if by_percent is not None else by_count
        if chosen is None:
            row.unsettled[y], row.options[y] = True, None
            row.note(y, f"unreconciled: {years[y]} read count '{raw_c}', percent '{raw_p}' of total {total}")
            continue
        row.counts[y], row.percents[y] = chosen, _pct(chosen, total)
        if by_percent is not None and by_count is not None and by_count != by_percent:
            row.options[y] = [by_percent, by_count]  # both readings fit: the column sum decides
        else:
            row.options[y] = None  # one reading alone: nothing confirms it yet
        if chosen != c:
            row.note(y, f"repaired: {years[y]} count read '{raw_c}' → {chosen} (percent '{raw_p}' of {total})")
        elif not _agrees(c, p, total):
            row.note(y, f"repaired: {years[y]} percent read '{raw_p}' → {_pct(chosen, total):g} ({chosen} of {total})")


def _check_monotone(row: Row, years: list[int]) -> None:
    last = 0
    for y, c in enumerate(row.counts):
        if c is None:
            continue
        if c < last:
            row.note(y, f"unreconciled: {years[y]} count {c} is below the year before ({last})")
        last = max(last, c)


def _column_sum(sum_row: Row, y: int, grand_total: int) -> int | None:
    """The TỔNG SỐ count of a column, when its count and percent agree (or one settles the other)."""
    raw_c, raw_p = sum_row.read[y]
    count, percent = _integer(raw_c) if raw_c else None, _percent(raw_p) if raw_p else None
    if count is not None and (percent is None or _agrees(count, percent, grand_total)):
        return count
    return _from_percent(percent, grand_total)


def _check_sums(rows: list[Row], sum_row: Row, years: list[int]) -> None:
    """Columns must add up to the TỔNG SỐ row (its own count checked against its percent)."""
    grand_total = sum(r.total or 0 for r in rows)
    total_read = _integer(sum_row.total_read)
    if total_read is not None and total_read != grand_total:
        for row in rows:
            if any(i.startswith("repaired: total") for i in row.issues.get(-1, [])):
                row.note(-1, f"unreconciled: totals add up to {grand_total}, TỔNG SỐ row says {total_read}")
    for y in range(len(years)):
        expected = _column_sum(sum_row, y, grand_total)
        if expected is not None:
            _settle_column(rows, y, years[y], expected)


def _settle_column(rows: list[Row], y: int, year: int, expected: int) -> None:
    """A column that adds up confirms its cells; one that does not is repaired only when its doubt
    is a single cell, since two errors in a column can hide each other."""
    doubtful = [r for r in rows if (options := r.options[y]) is None or len(options) > 1]
    known = sum(r.counts[y] or 0 for r in rows)
    if known == expected and not any(r.unsettled[y] for r in rows):
        return
    if len(doubtful) == 1 and (total := doubtful[0].total):
        row = doubtful[0]
        lo = max([c for c in row.counts[:y] if c is not None] + [0])
        hi = min([c for c in row.counts[y + 1 :] if c is not None] + [total])
        fill = expected - (known - (row.counts[y] or 0))
        if lo <= fill <= hi and ((options := row.options[y]) is None or fill in options):
            if fill != row.counts[y]:
                row.issues[y] = [
                    (
                        f"repaired: {year} count read '{row.read[y][0]}' → {fill} "
                        f"so the column adds up to TỔNG SỐ ({expected})"
                    )
                ]
            row.counts[y], row.percents[y], row.unsettled[y] = fill, _pct(fill, total), False
            return
    for row in doubtful or rows:
        row.note(y, f"unreconciled: {year} column adds up to {known}, TỔNG SỐ row says {expected}")


def _name_provinces(rows: list[Row]) -> None:
    """Provinces via the gazetteer; a name it cannot place, or a second row of one province,
    is matched among the provinces no other row took."""
    taken: set[str] = set()
    pending = []
    for row in rows:
        province = gazetteer.match_province(row.name)
        if province and province not in taken:
            row.province = province
            taken.add(province)
        else:
            pending.append(row)
    free = {gazetteer.compact(p): p for p in gazetteer.province_names() if p not in taken}
    for row in pending:
        hit = process.extractOne(
            gazetteer.compact(row.name),
            list(free),
            scorer=fuzz.ratio,
            score_cutoff=_rules()["unused_province_min_score"],
        )
        if hit:
            row.province = free.pop(hit[0])
            row.note(-1, f"repaired: province read '{row.name}' → {row.province}")
        else:
            row.province = row.name
            row.note(-1, f"unreconciled: province '{row.name}' not recognized")


def _is_sum_row(name: str) -> bool:
    folded = fold(name)
    return any(folded == w or folded.startswith(w + " ") for w in _rules()["total_row"])


def extract(seg: SegmentedDocument) -> list[NationalTarget]:
    """One NationalTarget per province and year of every table whose rows mostly name provinces, after each row is
    reconciled (percents against counts, monotone counts, the TỔNG SỐ row). A year left unsettled gives no target;
    its issues go to the province's last target."""
    tables: dict[tuple[int, ...], tuple[list[Row], list[Row]]] = {}
    for row, years in _table_rows(seg):
        rows, sums = tables.setdefault(tuple(years), ([], []))
        (sums if _is_sum_row(row.name) else rows).append(row)
    out: list[NationalTarget] = []
    for years_key, (rows, sums) in tables.items():
        years = list(years_key)
        named = sum(gazetteer.match_province(r.name) is not None for r in rows)
        if named < _rules()["min_province_share"] * len(rows):
            continue  # a table of districts, wards or criteria, not provinces
        _name_provinces(rows)
        for row in rows:
            _reconcile(row, years)
        for row in rows:
            _check_monotone(row, years)
        if sums:
            _check_sums(rows, sums[-1], years)
        for row in rows:
            evidence = _evidence(seg, row.source)
            for y, year in enumerate(years):
                count, percent = row.counts[y], row.percents[y]
                if count is None or row.total is None:
                    continue
                # _name_provinces names every row; reconciliation sets a count and its percent together
                assert row.province is not None and percent is not None
                out.append(
                    NationalTarget(
                        province=row.province,
                        wards_total=row.total,
                        year=year,
                        count=count,
                        percent=percent,
                        carried=row.carried[y],
                        evidence=evidence,
                        issues=row.issues.get(-1, []) + row.issues.get(y, []),
                    )
                )
            for y in range(len(years)):
                if row.counts[y] is None and out and out[-1].province == row.province:
                    out[-1].issues.extend(row.issues.get(y, []))
    return out


def _evidence(seg: SegmentedDocument, source: SourceRow) -> Evidence | None:
    return seg.evidence(*source.span) if source.span else None
