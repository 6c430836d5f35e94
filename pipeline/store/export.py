"""Writing result frames for people: a terminal table, or CSV / JSON / Excel / Parquet files.

What people open (the terminal, CSV, Excel) reads in their language: Vietnamese headers and
values ('chủ trì', not 'lead'), control characters that Excel refuses (a page break inside a
quote) turned into line breaks or spaces, dates as real date cells wherever a value is a whole
day, with the due's precision in a column of its own. What programs read (JSON, Parquet) keeps
the stable English column names and codes. A file is written under a temporary name and renamed
only when complete, so a failure never leaves half a spreadsheet behind.
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline.messages import has, label, t

FORMATS = ("table", "csv", "json", "xlsx", "parquet")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Columns whose whole-day values become date cells in Excel (other values stay text beside them).
DATE_COLUMNS = {"due", "issued_on", "document_issued_on", "on", "received_on", "ingested_at"}
# Columns whose values are codes with a name for people: column → group of ``messages.label``.
CODED_COLUMNS = {
    "role": "role",
    "due_precision": "precision",
    "relation": "relation",
    "recurrence": "recurrence",
    "change": "change",
    "status": "status",
    "reading": "reading",
    "choice": "choice",
    "used": "used",
}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LIST_SEPARATOR = "; "
TABLE_WIDTH_WHEN_PIPED = 160
SHEET_NAME_MAX = 31
DATE_CELL, DATETIME_CELL = "DD/MM/YYYY", "DD/MM/YYYY HH:MM"


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(lambda v: _LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def clean_text(value):
    """Text a spreadsheet accepts: a page break becomes a line break, other control characters a space."""
    if not isinstance(value, str):
        return value
    return CONTROL.sub(" ", value.replace("\f", "\n"))


def for_people(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as people read it: lists joined, codes named, control characters cleaned, headers
    in the current language."""
    out = _flat(frame)
    for col in out.columns:
        group = CODED_COLUMNS.get(str(col))
        if group:
            out[col] = out[col].map(lambda v, g=group: v if _missing(v) else label(g, v))
        else:
            out[col] = out[col].map(clean_text)
    return out.rename(columns=header)


def header(column) -> str:
    """A column's header in the current language (its code when the catalogue has no name for it)."""
    key = f"column.{column}"
    return t(key) if has(key) else str(column)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _date_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Whole-day values of the date columns as dates (Excel date cells); a year, a month or a
    yearly day stays text, its precision said in its own column."""
    out = frame.copy()
    for col in out.columns:
        if col not in DATE_COLUMNS:
            continue
        out[col] = out[col].map(_as_date).astype(object)
    return out


def _as_date(value):
    if isinstance(value, str) and ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, pd.Timestamp):
        return _as_date(value.to_pydatetime())
    return value


def check_format(fmt: str, output: Path | None) -> None:
    """``ValueError`` with the reason when ``fmt`` cannot be written to ``output``: checked by ``write``,
    and by a command before it runs its query, so a mistyped format fails at once."""
    if fmt not in FORMATS:
        raise ValueError(t("export.bad_format", fmt=fmt, formats=", ".join(FORMATS)))
    if fmt in ("xlsx", "parquet") and output is None:
        raise ValueError(t("export.needs_output", fmt=fmt))


def write(
    frame: pd.DataFrame,
    fmt: str,
    output: Path | None = None,
    columns: list[str] | None = None,
    title: str | None = None,
) -> None:
    """Write ``frame`` as ``fmt`` to ``output`` (stdout for table, csv and json when None).
    ``columns`` chooses the terminal table's columns; ``title`` names the table and the sheet."""
    check_format(fmt, output)
    if fmt == "table":
        _print_table(frame[[c for c in columns if c in frame]] if columns else frame, title)
        return
    if output is None:
        sys.stdout.write(_csv(frame) if fmt == "csv" else _json(frame))
        return
    with _complete_or_nothing(output) as partial:
        if fmt == "csv":
            partial.write_text(_csv(frame), encoding="utf-8-sig")
        elif fmt == "json":
            partial.write_text(_json(frame), encoding="utf-8")
        elif fmt == "xlsx":
            _xlsx(frame, partial, title)
        else:
            _parquet(frame, partial)


def _csv(frame: pd.DataFrame) -> str:
    return for_people(frame).to_csv(index=False)


def _json(frame: pd.DataFrame) -> str:
    records = json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _xlsx(frame: pd.DataFrame, path: Path, title: str | None) -> None:
    sheet = (title or "vanban")[:SHEET_NAME_MAX]
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for_people(_date_cells(frame)).to_excel(xl, index=False, sheet_name=sheet)
        for row in xl.sheets[sheet].iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, date):  # dates as offices write them
                    timed = isinstance(cell.value, datetime) and cell.value.time() != datetime.min.time()
                    cell.number_format = DATETIME_CELL if timed else DATE_CELL


def _parquet(frame: pd.DataFrame, path: Path) -> None:
    out = frame.copy()
    if "due_precision" in out:
        out["due_precision"] = out["due_precision"].astype(pd.CategoricalDtype(["day", "month", "year", "yearly"]))
    out.to_parquet(path, index=False)


class _complete_or_nothing:
    """A temporary file beside ``output``, renamed onto it only when writing succeeded."""

    def __init__(self, output: Path) -> None:
        self.output = Path(output)
        self.partial = self.output.with_name(f".{self.output.name}.{os.getpid()}.part")

    def __enter__(self) -> Path:
        return self.partial

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            os.replace(self.partial, self.output)
        else:
            self.partial.unlink(missing_ok=True)


def _print_table(frame: pd.DataFrame, title: str | None) -> None:
    table = Table(title=title, show_lines=False)
    shown = for_people(frame)
    for col in shown.columns:
        table.add_column(str(col), overflow="fold")
    for row in shown.itertuples(index=False):
        table.add_row(*["" if _missing(v) else str(v) for v in row])
    Console(width=None if sys.stdout.isatty() else TABLE_WIDTH_WHEN_PIPED).print(table)
    Console(stderr=True).print(t("export.rows", n=len(frame)))
