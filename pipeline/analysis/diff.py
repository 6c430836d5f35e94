"""The analysts' diff: each plan's ward schedule and targets against the national table.

For every plan (a document with a jurisdiction that is not the national table itself) and
every year of the national table, one ``DiffRow``:

- the plan's province is in the table → meets / above / below / not stated, compared in
  wards (integers) and in percentage points;
- the plan binds a narrower locality (a city plan) → partial scope, with what the rest of
  the province must still deliver;
- the province is not in the table (the centrally-run cities of the 2022 pilot) → out of scope;
- the plan was issued after the 2025 reorganization and its province absorbed former ones →
  compared with the sum of the former provinces' rows, via the gazetteer's old→new mapping.

Inputs are the frames of ``schemas.frames`` (same columns whether read from SQL or memory).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import pandas as pd

from extractors import gazetteer
from pipeline.messages import t
from pipeline.settings import settings
from pipeline.text import fold
from schemas.analysis import DiffRow, Side, Status
from schemas.frames import plain, without_nan

RULES = json.loads((Path(__file__).parent / "data" / "diff.json").read_text(encoding="utf-8"))


def national_reference(national: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The newest national table: rows of the latest document that carries one."""
    if national.empty:
        return national
    holders = documents[documents["document_id"].isin(national["document_id"].unique())]
    latest = holders.sort_values(["issued_on", "document_id"], na_position="first").iloc[-1]
    return national[national["document_id"] == latest["document_id"]]


def _reference_rows(table: pd.DataFrame, province: str, issued_on: str | None) -> tuple[list[str], pd.DataFrame]:
    """The national rows a plan of ``province`` is measured against: its own, or after the
    2025 reorganization the sum of the former provinces merged into it."""
    in_table = set(table["province"])
    if province in in_table and not _after_reorganization(issued_on):
        return [province], table[table["province"] == province]
    former = (
        [p for p in gazetteer.provinces_merged_into(province) if p in in_table]
        if _after_reorganization(issued_on)
        else []
    )
    if former:
        return former, table[table["province"].isin(former)]
    if province in in_table:
        return [province], table[table["province"] == province]
    return [], table.iloc[0:0]


def _after_reorganization(issued_on: str | None) -> bool:
    return bool(issued_on) and str(issued_on) >= settings().reorganized_on.isoformat()


def _by_year(rows: pd.DataFrame) -> pd.DataFrame:
    """Per-year totals of one or several provinces' rows (several when merged)."""
    grouped = (
        rows.groupby("year").agg(national_total=("wards_total", "sum"), national_count=("count", "sum")).reset_index()
    )
    grouped["national_percent"] = (grouped["national_count"] / grouped["national_total"] * 100).round(2)
    first = rows.sort_values("year").groupby("year").first()
    grouped["page"] = grouped["year"].map(first["page"])
    grouped["quote"] = grouped["year"].map(first["quote"])
    return grouped


class _Commitment(TypedDict):
    """What a plan commits to for one year, and the fact row it was read from."""

    count: int | None  # None only for a percent target read against a total of 0
    percent: float | None
    comparator: str
    evidence: pd.Series
    note: str | None


class _PlanColumns(TypedDict):
    """The DiffRow fields naming the plan, the same on each of its rows."""

    plan_document_id: int | str
    plan: str
    province: str | None
    locality: str | None


class _NationalColumns(TypedDict):
    """The DiffRow fields of one year of the national table."""

    year: int
    reference: str
    national_total: int
    national_count: int
    national_percent: float
    national_evidence: Side


def _is_program_target(row: pd.Series) -> bool:
    subject = fold(row["subject"] or "")
    unit = fold(row["unit"] or "")
    counts_wards = row["unit"] == "%" or unit in RULES["ward_count_units"]
    return (
        counts_wards
        and row["year"] is not None
        and not pd.isna(row["year"])
        and pd.isna(row.get("criterion"))
        and pd.isna(row.get("change"))
        and any(k in subject for k in RULES["program_subject_keywords"])
    )


def _plan_commitments(
    plan_targets: pd.DataFrame, plan_wards: pd.DataFrame, total: int, years: list[int]
) -> dict[int, _Commitment]:
    """Per year: the wards the plan commits to (cumulative) with the evidence it came from.
    A ward schedule speaks only for the years it spans; an explicit target for a year wins."""
    out: dict[int, _Commitment] = {}
    scheduled = plan_wards.dropna(subset=["year"])
    if not scheduled.empty:
        first_year, last_year = int(scheduled["year"].min()), int(scheduled["year"].max())
        for year in years:
            if not first_year <= year <= last_year:
                continue
            upto = scheduled[scheduled["year"] <= year]
            last = upto.sort_values("year").iloc[-1]
            out[year] = {
                "count": len(upto),
                "percent": None,
                "comparator": "=",
                "evidence": last,
                "note": t("diff.note.schedule", n=len(upto), year=year),
            }
    program = [target for _, target in plan_targets.iterrows() if _is_program_target(target)]
    # percent targets first: a figure the same year states as a count ('14/31 Công an phường
    # (45,16%)') wins over its rounded percent
    for target in sorted(program, key=lambda x: x["unit"] != "%"):
        year = int(target["year"])
        if target["unit"] == "%":
            percent = float(target["value"])
            count = plain(target.get("count"))
            if count is None and total:
                count = count_from_percent(percent, total)
            out[year] = {
                "count": count,
                "percent": percent,
                "comparator": target["comparator"],
                "evidence": target,
                "note": None,
            }
        else:
            out[year] = {
                "count": int(target["value"]),
                "percent": None,
                "comparator": target["comparator"],
                "evidence": target,
                "note": None,
            }
    return out


def count_from_percent(percent: float, total: int) -> int:
    """The count a printed percent stands for: the count whose share of ``total``, rounded to the
    decimals the percent was printed with, is that percent (25,81 % of 31 → 8, since 8/31 = 25.806 %);
    among several, the nearest to percent × total; if none is consistent, the nearest whole count.
    Never the ceiling of a float: 25.81 % × 31 = 8.0011 would become 9."""
    decimals = min(len(f"{percent:.2f}".rstrip("0").partition(".")[2]), 2)
    half_unit = 0.5 * 10**-decimals + 1e-9
    exact = percent * total / 100
    consistent = [n for n in range(total + 1) if abs(100 * n / total - percent) <= half_unit]
    return min(consistent, key=lambda n: abs(n - exact)) if consistent else round(exact)


def diff_plans(frames: dict[str, pd.DataFrame], province: str | None = None) -> list[DiffRow]:
    """Every plan against the national table (optionally only plans of ``province``)."""
    documents, national = without_nan(frames["documents"]), frames["national_targets"]
    table = national_reference(national, documents)
    if table.empty:
        return []
    national_doc = documents[documents["document_id"] == table["document_id"].iloc[0]].iloc[0]
    years = sorted(int(y) for y in table["year"].unique())
    rows: list[DiffRow] = []
    for _, doc in documents.iterrows():
        if doc["document_id"] in set(national["document_id"]) or not doc["province"]:
            continue
        if province and fold(province) not in (fold(doc["province"]), fold(doc["locality"] or "")):
            continue
        rows.extend(_diff_one(doc, table, national_doc, years, frames))
    return rows


def _diff_one(
    doc: pd.Series, table: pd.DataFrame, national_doc: pd.Series, years: list[int], frames: dict[str, pd.DataFrame]
) -> list[DiffRow]:
    plan_id = doc["document_id"]
    plan_side = Side.read_at(plan_id, doc["label"])
    base: _PlanColumns = {
        "plan_document_id": plain(plan_id),
        "plan": doc["label"],
        "province": doc["province"],
        "locality": doc["locality"],
    }
    former, ref_rows = _reference_rows(table, doc["province"], doc["issued_on"])
    if not former:
        return [
            DiffRow(
                **base,
                status="out of scope",
                plan_evidence=plan_side,
                national_evidence=Side.read_at(national_doc["document_id"], national_doc["label"]),
                note=t("diff.note.not_listed", province=doc["province"]),
            )
        ]
    merged = len(former) > 1 or former[0] != doc["province"]
    reference = " + ".join(former)
    ref = _by_year(ref_rows)
    total = int(ref["national_total"].max())
    targets = frames["targets"][frames["targets"]["document_id"] == plan_id]
    wards = frames["wards"][frames["wards"]["document_id"] == plan_id]
    partial = bool(doc["locality"])
    scope_wards = len(wards["name"].unique()) if partial else None
    # a city plan's percentages are of the city's own wards, not the province's
    commitments = _plan_commitments(targets, wards, scope_wards or total, years)
    rows = []
    for _, n in ref.iterrows():
        year = int(n["year"])
        plan = commitments.get(year)
        nat: _NationalColumns = {
            "year": year,
            "reference": reference,
            "national_total": int(n["national_total"]),
            "national_count": int(n["national_count"]),
            "national_percent": float(n["national_percent"]),
            "national_evidence": Side.read_at(national_doc["document_id"], national_doc["label"], n),
        }
        note = t("diff.note.merged", reference=reference) if merged else None
        if plan is None:
            rows.append(DiffRow(**base, **nat, status="not stated", plan_evidence=plan_side, note=note))
            continue
        plan_count = plan["count"]
        # the national table's totals are never 0 (a row without one is left out), so a count is always found
        assert plan_count is not None
        # a city plan's percentage is of its own wards: compare it as a share of the province
        plan_percent = (
            plan["percent"]
            if plan["percent"] is not None and not partial
            else round(plan_count / nat["national_total"] * 100, 2)
        )
        diff_wards = plan_count - nat["national_count"]
        status: Status
        if partial:
            status = "partial scope"
            remainder = max(nat["national_count"] - (plan_count or 0), 0)
            note = t(
                "diff.note.partial",
                locality=doc["locality"],
                scope=scope_wards,
                total=nat["national_total"],
                reference=reference,
                remainder=remainder,
            )
        else:
            remainder = None
            status = "meets" if diff_wards == 0 else ("above" if diff_wards > 0 else "below")
            note = "; ".join(x for x in (note, plan["note"]) if x) or None
        rows.append(
            DiffRow(
                **base,
                **nat,
                status=status,
                plan_count=plan_count,
                plan_percent=plan_percent,
                plan_comparator=plan["comparator"],
                diff_wards=diff_wards,
                diff_points=round(plan_percent - nat["national_percent"], 2),
                remainder=remainder,
                note=note,
                plan_evidence=Side.read_at(plan_id, doc["label"], plan["evidence"]),
            )
        )
    return rows


def diff_frame(rows: list[DiffRow]) -> pd.DataFrame:
    """Flat frame of diff rows for terminal, CSV and Excel output."""
    flat = []
    for r in rows:
        d = r.model_dump(exclude={"national_evidence", "plan_evidence"})
        d.update({f"national_{k}": v for k, v in r.national_evidence.model_dump().items()})
        d.update({f"plan_{k}": v for k, v in r.plan_evidence.model_dump().items()})
        flat.append(d)
    return pd.DataFrame(flat)


def diff_table(rows: list[DiffRow]) -> pd.DataFrame:
    """The compact view for a terminal: one line per plan and year, figures as text (the export
    names the columns and the statuses in the reader's language)."""

    def figure(count, total, percent):
        """The national side as 'count/total (percent%)', or '' for a row without one (out of scope)."""
        return "" if count is None else f"{count}/{total} ({percent:g}%)"

    return pd.DataFrame(
        [
            {
                "plan": r.plan,
                "unit": " / ".join(x for x in (r.province, r.locality) if x),
                "year": "" if r.year is None else str(r.year),
                "status": r.status,
                "national": figure(r.national_count, r.national_total, r.national_percent or 0),
                "plan_figure": ""
                if r.plan_count is None
                else f"{r.plan_comparator or ''}{r.plan_count} ({r.plan_percent:g}%)",
                "diff_wards": "" if r.diff_wards is None else f"{r.diff_wards:+d}",
                "diff_points": "" if r.diff_points is None else f"{r.diff_points:+.2f}",
                "remainder": "" if r.remainder is None else str(r.remainder),
                "reference": r.reference or r.note or "",
            }
            for r in rows
        ]
    )
