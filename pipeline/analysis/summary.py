"""A readable summary of one extraction, for `vanban extract FILE` without --json."""

from __future__ import annotations

from schemas.extraction import Extraction


def summarize(ex: Extraction) -> str:
    """The plain-text summary ``vanban extract`` prints without ``--json``: the source, the metadata fields found,
    then each kind of fact with its count, one line per fact."""
    d = ex.document
    lines = [
        f"{ex.source.path} — {ex.source.pages} page(s)"
        + (
            f", OCR (mean confidence {ex.source.ocr_confidence:.0f})"
            if ex.source.ocr and ex.source.ocr_confidence
            else ", OCR"
            if ex.source.ocr
            else ""
        )
    ]
    head = " ".join(
        x for x in (d.kind, f"số {d.number}" if d.number else None, f"ngày {d.issued_on}" if d.issued_on else None) if x
    )
    lines.append(head or "(kind and number not found)")
    for label, value in (
        ("Issuer", d.issuer),
        ("Subject", d.subject),
        ("Place", d.place),
        ("Recipients", "; ".join(d.recipients) or None),
        ("Signer", d.signer and ", ".join(x for x in (d.signer.capacity, d.signer.position, d.signer.name) if x)),
        (
            "Jurisdiction",
            d.jurisdiction and " / ".join(x for x in (d.jurisdiction.province, d.jurisdiction.locality) if x),
        ),
        ("Received", d.received and " ".join(x for x in (d.received.number, d.received.on, d.received.by) if x)),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    lines.append(f"Citations ({len(ex.citations)})")
    lines += [f"  {c.kind} {c.number or ''} {c.issued_on or ''} {c.issuer or ''}".rstrip() for c in ex.citations]
    lines.append(f"Targets ({len(ex.targets)})")
    for t in ex.targets:
        value = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
        when = f" by {t.year}" if t.year else ""
        lines.append(
            f"  {t.change or ''} {t.comparator} {value} {t.unit}{when}"
            f"{' ' + t.recurrence if t.recurrence else ''}: {t.subject}".replace("  ", " ")
        )
    lines.append(f"Deadlines ({len(ex.deadlines)})")
    lines += [f"  {x.relation} {x.due}: {x.task}" for x in ex.deadlines]
    lines.append(f"Wards ({len(ex.wards)})")
    lines += [f"  {w.name} ({w.locality or w.province or ''}) {w.year or ''}".rstrip() for w in ex.wards]
    lines.append(f"Obligations ({len(ex.obligations)})")
    lines += [
        f"  [{o.section or '-'}] {o.agency} ({o.role}){' due ' + o.due if o.due else ''}: {o.task}"
        for o in ex.obligations
    ]
    if ex.national_targets:
        provinces = {r.province for r in ex.national_targets}
        flagged = sum(1 for r in ex.national_targets if r.issues)
        lines.append(
            f"National targets: {len(ex.national_targets)} rows, {len(provinces)} provinces"
            + (f", {flagged} cell(s) not reconciled" if flagged else "")
        )
    return "\n".join(lines)
