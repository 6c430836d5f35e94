"""Writing result frames for people: a terminal table, or CSV / JSON / Excel / Parquet files.

Excel is what the offices use, so CSV carries a UTF-8 byte-order mark (Excel then reads the
Vietnamese correctly) and .xlsx gets real date cells for ISO date columns.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json", "xlsx", "parquet")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Columns that are lists or boxes: joined for flat formats.
_LIST_SEPARATOR = "; "
TABLE_WIDTH_WHEN_PIPED = 160


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(lambda v: _LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def _with_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """ISO date strings → datetime, column by column, when every non-empty value is a date."""
    out = frame.copy()
    for col in out.columns:
        values = out[col].dropna()
        if len(values) and values.map(lambda v: isinstance(v, str) and bool(ISO_DATE.match(v))).all():
            out[col] = pd.to_datetime(out[col], errors="coerce").dt.date
    return out


def write(
    frame: pd.DataFrame,
    fmt: str,
    output: Path | None = None,
    columns: list[str] | None = None,
    title: str | None = None,
) -> None:
    """Write ``frame`` as ``fmt`` to ``output`` (stdout for table, csv and json when None)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "table":
        _print_table(frame[columns] if columns else frame, title)
    elif fmt == "csv":
        text = _flat(frame).to_csv(index=False)
        if output:
            output.write_text(text, encoding="utf-8-sig")
        else:
            sys.stdout.write(text)
    elif fmt == "json":
        text = json.dumps(json.loads(frame.to_json(orient="records", force_ascii=False)), ensure_ascii=False, indent=2)
        if output:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    else:
        if output is None:
            raise ValueError(f"--format {fmt} writes a file: give --output FILE")
        if fmt == "xlsx":
            _with_dates(_flat(frame)).to_excel(output, index=False, sheet_name=(title or "vanban")[:31])
        else:
            frame.to_parquet(output, index=False)


def _print_table(frame: pd.DataFrame, title: str | None) -> None:
    table = Table(title=title, show_lines=False)
    for col in frame.columns:
        table.add_column(str(col), overflow="fold")
    for row in _flat(frame).itertuples(index=False):
        table.add_row(*["" if pd.isna(v) else str(v) for v in row])
    Console(width=None if sys.stdout.isatty() else TABLE_WIDTH_WHEN_PIPED).print(table)
    Console(stderr=True).print(f"{len(frame)} row(s)")
