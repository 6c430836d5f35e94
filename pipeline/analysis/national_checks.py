"""The national table checks itself: its rules are a pandera schema, not hand-written loops.

Rules: percent = count / total; cumulative counts never decrease; the last year reaches 100%;
the TỔNG SỐ row equals the column sums (checked by the extractor, reported in ``issues``);
and the covering letter's own floors (a body target such as 'năm 2025 ít nhất 30%') against
the provinces whose row falls below them.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from pipeline.messages import issue, t
from pipeline.settings import settings
from schemas.analysis import Finding, Side
from schemas.frames import plain

MAX_LISTED = 10  # rows named in one finding's message

TABLE_RULES = pa.DataFrameSchema(
    {
        "province": pa.Column(str),
        "wards_total": pa.Column(int, pa.Check.gt(0)),
        "year": pa.Column(int),
        "count": pa.Column(int, pa.Check.ge(0)),
        "percent": pa.Column(float, pa.Check.in_range(0, 100)),
    },
    checks=[
        pa.Check(lambda df: df["count"] <= df["wards_total"], error="count-over-total"),
        pa.Check(
            lambda df: (df["count"] / df["wards_total"] * 100 - df["percent"]).abs() <= settings().percent_tolerance,
            error="percent-not-ratio",
        ),
        pa.Check(
            lambda df: df.sort_values("year").groupby("province")["count"].diff().fillna(0).reindex(df.index) >= 0,
            error="count-decreases",
        ),
        pa.Check(
            lambda df: df.groupby("province")["year"].transform("max").ne(df["year"]) | df["percent"].ge(100),
            error="last-year-short",
        ),
    ],
    coerce=True,
)


def _at(doc: pd.Series, row: pd.Series) -> Side:
    return Side.read_at(doc["document_id"], doc["label"], row)


def table_findings(table: pd.DataFrame, doc: pd.Series) -> list[Finding]:
    """The national table's rule violations (one finding per failed rule, naming up to ``MAX_LISTED`` rows) and, per
    row, the issues the extractor could not reconcile."""
    found = []
    try:
        TABLE_RULES.validate(table[["province", "wards_total", "year", "count", "percent"]], lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        for check, failing in cases.groupby("check"):
            rows = table.loc[[i for i in failing["index"].dropna().unique() if i in table.index]]
            places = ", ".join(f"{r.province} {r.year}" for r in rows.head(MAX_LISTED).itertuples()) or t(
                "finding.whole_table"
            )
            if len(rows) > MAX_LISTED:
                places += t("finding.and_more", n=len(rows) - MAX_LISTED)
            found.append(
                Finding(
                    kind="table-inconsistent",
                    message=f"{doc['label']}: {t(f'finding.check.{check}')}: {places}",
                    document_ids=[plain(doc["document_id"])],
                    evidence=[_at(doc, r) for _, r in rows.head(5).iterrows()],
                )
            )
    for _, row in table.iterrows():
        for note in row.get("issues") or []:
            found.append(
                Finding(
                    kind="table-inconsistent",
                    message=f"{row['province']} {row['year']}: {issue(note)}",
                    document_ids=[plain(doc["document_id"])],
                    evidence=[_at(doc, row)],
                )
            )
    return found


_COMPARE = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
}


def floor_findings(table: pd.DataFrame, letter_targets: pd.DataFrame, doc: pd.Series) -> list[Finding]:
    """Rows of the table that fall below a percentage floor the letter itself sets for a year."""
    found = []
    floors = letter_targets[
        (letter_targets["unit"] == "%")
        & letter_targets["year"].notna()
        & letter_targets["criterion"].isna()
        & letter_targets["change"].isna()
    ]
    for _, floor in floors.iterrows():
        year, value, op = int(floor["year"]), float(floor["value"]), floor["comparator"]
        rows = table[table["year"] == year]
        below = rows[
            ~rows["percent"].map(lambda p, op=op, value=value: _COMPARE[op](p + settings().percent_tolerance, value))
        ]
        for _, r in below.iterrows():
            found.append(
                Finding(
                    kind="below-floor",
                    message=t(
                        "finding.below_floor",
                        province=r["province"],
                        year=year,
                        percent=f"{r['percent']:g}",
                        count=int(r["count"]),
                        total=int(r["wards_total"]),
                        floor=f"{op} {value:g}",
                    ),
                    document_ids=[plain(doc["document_id"])],
                    evidence=[_at(doc, r), _at(doc, floor)],
                )
            )
    return found


def check(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """The national checks of every document that carries a national table: its own rules and the covering letter's
    floors."""
    national, documents, targets = frames["national_targets"], frames["documents"], frames["targets"]
    found: list[Finding] = []
    for doc_id, table in national.groupby("document_id"):
        doc = documents[documents["document_id"] == doc_id].iloc[0]
        found += table_findings(table, doc)
        found += floor_findings(table, targets[targets["document_id"] == doc_id], doc)
    return found
