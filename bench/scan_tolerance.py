"""How much of what a document says survives a scan: development documents printed and scanned with the sample
generator's degradation profiles, OCR'd once, and their extraction compared with the extraction of their own text
(the reference, not gold). The facts lost between the two are OCR-tolerance defects of the grammar, or pages the OCR
read badly.

    python -m bench.scan_tolerance texts NAME… [--profile scan-random] [--out DIR]   # dev corpus texts (web pages)
    python -m bench.scan_tolerance letters [--out DIR]   # the born-digital dev scans, 100/200/300 dpi

Only development documents: corpus texts of ``tests/corpus/gold/dev`` (``bench.corpus.tuning_files``) and the
born-digital PDFs of ``tests/corpus/scans`` (never the held-out scans). Each PDF's OCR is kept
(``bench.gold.predict`` with ``reuse_readings``), so a rule change re-runs in seconds.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from pathlib import Path

from bench.corpus import CORPUS, tuning_files
from bench.gold import predict
from bench.samples import DEV_SCANS, Sample, born_digital_scans, draw_degradation, hash_seed, make_real_scan, save_pdf

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


def paper_text(md: str) -> str:
    """A corpus text (a web page whose letterhead and signature are tables with '|' on lines of their own) as the
    sample generator's paper text: motto and place-date right, issuer and number left, a rule, the body's
    paragraphs with their hard wraps joined, 'Nơi nhận' and the signature block."""
    lines = md.splitlines()
    pipes = [i for i, line in enumerate(lines) if line.strip() == "|"]
    head_end = max((i for i in pipes if i < len(lines) // 2), default=None)
    sign_start = min((i for i in pipes if head_end is not None and i > head_end), default=None)
    if head_end is None or sign_start is None:
        raise ValueError("no letterhead table and signature table of '|' lines to lay out as paper")
    issuer, motto, *rest = _cells(lines[pipes[0] : head_end + 1])
    motto_text = " ".join(_plain(x) for x in motto if re.search(r"\w", x))
    split = re.match(r"(CỘNG H[OÒ]A XÃ HỘI\s+CHỦ NGHĨA VIỆT NAM)\s*(.*)", motto_text)
    blocks = list(split.groups()) if split else [motto_text]
    blocks += [f"**{_plain(x)}**" for x in issuer if re.search(r"\w", x)]
    blocks += [" ".join(_plain(x) for x in cell if x.strip()) for cell in rest]
    blocks.append("-----")
    paragraph: list[str] = []
    for line in [*lines[head_end + 1 : sign_start], ""]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            text = " ".join(paragraph)
            if re.search(r"\w", text):
                blocks.append(text)
            paragraph = []
    recipients, *signature = _cells(lines[sign_start:])
    blocks.append("\n".join(x.strip() for x in recipients if x.strip()))
    blocks += [f"**{_plain(x)}**" for cell in signature for x in cell if x.strip()]
    return "\n\n".join(b for b in blocks if b) + "\n"


def render_text(name: str, profile: str, out: Path) -> Path:
    """Corpus text ``name`` printed and scanned with a randomized ``profile``, as ``<name>.<profile>.pdf``."""
    sample = Sample(name, paper_text((CORPUS / f"{name}.md").read_text(encoding="utf-8")))
    d = draw_degradation(profile, hash_seed(f"{name}:{profile}"))
    out.mkdir(parents=True, exist_ok=True)
    return save_pdf(sample.images(profile), d.dpi, out / f"{name}.{profile}.pdf", d.jpeg)


def _key(value: object) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value)).lower().replace("uỷ", "ủy")).strip()


def facts(result: dict) -> Counter[tuple]:
    """What the acceptance scorer counts, as comparable keys."""
    d = result["document"]
    out: Counter[tuple] = Counter()
    for field in ("kind", "number", "issued_on", "place", "issuer", "subject"):
        out["document", field, _key(d.get(field))] += 1
    out["document", "signer", _key((d.get("signer") or {}).get("name"))] += 1
    out.update(("citations", c.get("number"), c.get("issued_on")) for c in result.get("citations", []))
    out.update(("deadlines", x.get("due"), x.get("relation")) for x in result.get("deadlines", []))
    out.update(
        ("obligations", _key(o.get("agency")), o.get("role"), o.get("due")) for o in result.get("obligations", [])
    )
    return out


def compare(reference: dict, scanned: dict, label: str, totals: Counter[tuple]) -> None:
    """Print what the scan lost and added against the reference, and add it to ``totals``."""
    want, got = facts(reference), facts(scanned)
    lost, extra = want - got, got - want
    print(f"== {label}: lost {sum(lost.values())} of {sum(want.values())}, extra {sum(extra.values())}")
    for k in sorted(lost.elements(), key=str):
        print("  lost ", k)
    for k in sorted(extra.elements(), key=str):
        print("  extra", k)
    for kind in {k[0] for k in want} | {k[0] for k in got}:
        totals[kind, "reference"] += sum(n for k, n in want.items() if k[0] == kind)
        totals[kind, "lost"] += sum(n for k, n in lost.items() if k[0] == kind)
        totals[kind, "extra"] += sum(n for k, n in extra.items() if k[0] == kind)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("texts", "letters"))
    parser.add_argument("names", nargs="*", help="corpus text names (tuning files only)")
    parser.add_argument("--profile", default="scan-random", choices=("scan-random", "fax-random"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    totals: Counter[tuple] = Counter()
    if args.what == "texts":
        allowed = {p.stem for p in tuning_files()}
        for name in args.names:
            if name not in allowed:
                raise SystemExit(f"{name}: not a tuning file")
            try:
                pdf = render_text(name, args.profile, args.out / "texts")
            except ValueError as error:
                print(f"{name}: skipped, {error}")
                continue
            reference = predict(CORPUS / f"{name}.md")
            compare(reference, predict(pdf, reuse_readings=True), pdf.name, totals)
    else:
        for letter in born_digital_scans(DEV_SCANS):
            reference = predict(letter, reuse_readings=True)
            for dpi, profile in LETTER_PRINTS:
                pdf = make_real_scan(letter, dpi, args.out / "letters" / profile, profile)
                compare(reference, predict(pdf, reuse_readings=True), pdf.name, totals)
    for kind in sorted({k[0] for k in totals}):
        ref, lost, extra = (totals[kind, w] for w in ("reference", "lost", "extra"))
        print(f"{kind:12} reference {ref:4}  lost {lost:4}  extra {extra:4}")


if __name__ == "__main__":
    main()
