"""Findings across and inside documents that an analyst should look at.

- citation-date-conflict: one cited number with different dates (in one document or across them);
- citation-number-conflict: one cited title under different numbers;
- target-conflict: a body target that contradicts the criteria the same document adopts
  (a yearly crime reduction of 5% against at least 6% in the criteria table);
- criteria-duplicated: two criteria printed with identical targets;
- table-inconsistent / below-floor: the national table's own checks (see ``national_checks``).
"""

from __future__ import annotations

import re
from typing import cast

import pandas as pd
from rapidfuzz import fuzz

from pipeline.analysis import national_checks
from pipeline.analysis.diff import RULES
from pipeline.messages import t
from pipeline.store.queries import day_shown
from pipeline.text import fold
from schemas.analysis import Finding, Side
from schemas.frames import plain


def _label(documents: pd.DataFrame, doc_id) -> str:
    return documents.loc[documents["document_id"] == doc_id, "label"].iloc[0]


def _where(documents: pd.DataFrame, row: pd.Series) -> Side:
    return Side.read_at(row["document_id"], _label(documents, row["document_id"]), row)


def citation_conflicts(citations: pd.DataFrame, documents: pd.DataFrame) -> list[Finding]:
    """One finding per cited number given different dates, and per cited title given different numbers, across all
    documents: a wrong date or number is a copying error worth checking."""
    found: list[Finding] = []
    cited = citations.dropna(subset=["number"]).copy()
    cited["number_key"] = cited["number"].map(lambda n: fold(n).replace(" ", ""))
    for _, group in cited.dropna(subset=["issued_on"]).groupby("number_key"):
        dates = sorted(group["issued_on"].unique())
        if len(dates) < 2:
            continue
        firsts = group.drop_duplicates(["document_id", "issued_on"])
        where = "; ".join(
            t("finding.date_in", date=day_shown(d), document=_label(documents, r.document_id))
            for d in dates
            for r in firsts[firsts["issued_on"] == d].itertuples()
        )
        found.append(
            Finding(
                kind="citation-date-conflict",
                message=t("finding.citation_dates", number=group["number"].iloc[0], where=where),
                document_ids=sorted({plain(x) for x in group["document_id"]}),
                evidence=[_where(documents, r) for _, r in firsts.iterrows()],
            )
        )
    titled = cited.dropna(subset=["title"]).copy()
    titled["title_key"] = titled["title"].map(fold)
    for _, group in titled.groupby("title_key"):
        if group["number_key"].nunique() < 2:
            continue
        firsts = group.drop_duplicates(["number_key"])
        found.append(
            Finding(
                kind="citation-number-conflict",
                message=t(
                    "finding.citation_numbers", title=group["title"].iloc[0], numbers=", ".join(firsts["number"])
                ),
                document_ids=sorted({plain(x) for x in group["document_id"]}),
                evidence=[_where(documents, r) for _, r in firsts.iterrows()],
            )
        )
    return found


def _subject_key(subject: str) -> str:
    """Folded subject with domain abbreviations spelled out and recurrence words dropped,
    so 'Tội phạm về TTXH hàng năm' and 'Tội phạm về trật tự xã hội so với năm trước' meet."""
    for abbr, full in RULES["subject_abbreviations"].items():
        subject = re.sub(rf"(?<!\w){abbr}(?!\w)", full, subject)
    key = fold(subject)
    for noise in RULES["subject_noise"]:
        key = key.replace(noise, " ")
    return " ".join(key.split())


def _same_subject(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(_subject_key(a), _subject_key(b)) >= RULES["subject_match_min_score"]


def target_conflicts(targets: pd.DataFrame, documents: pd.DataFrame) -> list[Finding]:
    """Body targets against the criteria targets of the same document, and duplicated criteria."""
    found: list[Finding] = []
    for doc_id, group in targets.groupby("document_id"):
        body = group[group["criterion"].isna()]
        criteria = group[group["criterion"].notna()]
        for _, b in body.iterrows():
            for _, c in criteria.iterrows():
                if (
                    b["unit"] == c["unit"]
                    and b["change"] == c["change"]
                    and b["value"] != c["value"]
                    and _same_subject(b["subject"], c["subject"])
                ):
                    found.append(
                        Finding(
                            kind="target-conflict",
                            message=t(
                                "finding.target_conflict",
                                document=_label(documents, doc_id),
                                subject=b["subject"],
                                value=f"{b['value']:g}{b['unit']}",
                                criterion=int(c["criterion"]),
                                criterion_value=f"{c['comparator']} {c['value']:g}{c['unit']}",
                            ),
                            document_ids=[plain(doc_id)],
                            evidence=[_where(documents, b), _where(documents, c)],
                        )
                    )
        signatures: dict[tuple, int] = {}
        for key, crit in criteria.groupby("criterion"):
            # pandas-stubs type a group key and a named-tuple field as any scalar; these are the
            # criterion number (a float when the column also holds the body targets' NaN) and the subject text
            number = int(cast(float, key))
            signature = tuple(sorted((fold(cast(str, r.subject)), r.value, r.unit) for r in crit.itertuples()))
            if signature in signatures:
                first = criteria[criteria["criterion"] == signatures[signature]].iloc[0]
                found.append(
                    Finding(
                        kind="criteria-duplicated",
                        message=t(
                            "finding.criteria_duplicated",
                            document=_label(documents, doc_id),
                            first=signatures[signature],
                            second=number,
                        ),
                        document_ids=[plain(doc_id)],
                        evidence=[_where(documents, first), _where(documents, crit.iloc[0])],
                    )
                )
            else:
                signatures[signature] = number
    return found


def all_findings(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """Every finding over the frames: citation conflicts, body targets against criteria and duplicated criteria, then
    the national table's own checks."""
    documents = frames["documents"]
    return (
        citation_conflicts(frames["citations"], documents)
        + target_conflicts(frames["targets"], documents)
        + national_checks.check(frames)
    )
