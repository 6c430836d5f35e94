"""A readable summary of one extraction, for `vanban extract FILE` without --json, in the
reader's language (the facts themselves are quoted as the document wrote them)."""

from __future__ import annotations

from pipeline.messages import label, page_issue, t
from schemas.extraction import Extraction


def summarize(ex: Extraction) -> str:
    """The plain-text summary ``vanban extract`` prints without ``--json``: the source, the metadata fields found,
    then each kind of fact with its count, one line per fact."""
    d = ex.document
    source = t("summary.pages", path=ex.source.path, pages=ex.source.pages)
    if ex.source.ocr:
        source += (
            t("summary.ocr_confidence", confidence=f"{ex.source.ocr_confidence:.0f}")
            if ex.source.ocr_confidence
            else t("summary.ocr")
        )
    lines = [source]
    lines += [t("summary.unread_page", why=page_issue(i.page, i.kind)) for i in ex.source.page_issues]
    head = " ".join(
        x for x in (d.kind, f"số {d.number}" if d.number else None, f"ngày {d.issued_on}" if d.issued_on else None) if x
    )
    lines.append(head or t("summary.no_head"))
    for key, value in (
        ("issuer", d.issuer),
        ("subject", d.subject),
        ("place", d.place),
        ("recipients", "; ".join(d.recipients) or None),
        ("signer", d.signer and ", ".join(x for x in (d.signer.capacity, d.signer.position, d.signer.name) if x)),
        (
            "jurisdiction",
            d.jurisdiction and " / ".join(x for x in (d.jurisdiction.province, d.jurisdiction.locality) if x),
        ),
        ("received", d.received and " ".join(x for x in (d.received.number, d.received.on, d.received.by) if x)),
    ):
        if value:
            lines.append(f"  {t(f'summary.{key}')}: {value}")
    lines.append(t("summary.count", kind=t("kind.citations.title"), n=len(ex.citations)))
    lines += [f"  {c.kind} {c.number or ''} {c.issued_on or ''} {c.issuer or ''}".rstrip() for c in ex.citations]
    lines.append(t("summary.count", kind=t("kind.targets.title"), n=len(ex.targets)))
    for x in ex.targets:
        value = f"{x.value:g}" + (f"–{x.value_max:g}" if x.value_max is not None else "")
        when = t("summary.by_year", year=x.year) if x.year else ""
        change = label("change", x.change) if x.change else ""
        recurrence = " " + label("recurrence", x.recurrence) if x.recurrence else ""
        lines.append(f"  {change} {x.comparator} {value} {x.unit}{when}{recurrence}: {x.subject}".replace("  ", " "))
    lines.append(t("summary.count", kind=t("kind.deadlines.title"), n=len(ex.deadlines)))
    lines += [f"  {label('relation', x.relation)} {x.due}: {x.task}" for x in ex.deadlines]
    lines.append(t("summary.count", kind=t("kind.wards.title"), n=len(ex.wards)))
    lines += [f"  {w.name} ({w.locality or w.province or ''}) {w.year or ''}".rstrip() for w in ex.wards]
    lines.append(t("summary.count", kind=t("kind.obligations.title"), n=len(ex.obligations)))
    lines += [
        f"  [{o.section or '-'}] {o.agency} ({label('role', o.role)})"
        + (t("summary.due", due=o.due) if o.due else "")
        + f": {o.task}"
        for o in ex.obligations
    ]
    if ex.national_targets:
        provinces = {r.province for r in ex.national_targets}
        flagged = sum(1 for r in ex.national_targets if r.issues)
        lines.append(
            t("summary.national", rows=len(ex.national_targets), provinces=len(provinces))
            + (t("summary.not_reconciled", n=flagged) if flagged else "")
        )
    return "\n".join(lines)
