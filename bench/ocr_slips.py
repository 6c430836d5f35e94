"""Which words the grammars key on Tesseract really misreads, and how many facts each kind of misreading costs.

Why: on scans, facts are lost when OCR misreads a word a grammar keys on ('ngày {5 tháng 3', 'năm' read 'nắm',
'chủ trì' read 'chú trì', a dash bullet read as '~'). Fixing such slips one by one as they are met tolerates the ones
someone happened to see; this counts them from real readings, then measures what each class costs the extraction.

    python -m bench.ocr_slips inventory [--out bench/data/ocr_slips.json]   # real readings against their truth
    python -m bench.ocr_slips probe [--set corpus-dev|seeds] [--class C] [--runs 3] [--workers 2] [--keep DIR]

``inventory`` aligns, word by word (difflib over the words of each page, both sides as ``bench.ocr.canonical``
compares them), the ground truth of development pages with vanban's OCR of them: page 1 of each development scan
(``tests/corpus/scans/truth``), the born-digital development scans printed and scanned at 100 and 200 dpi
(``bench.samples.make_real_scan``) and the seed texts in the fax and fax-random profiles (``bench.samples.bench_scan``),
whose truths are the ``.truth`` files the generators wrote. It writes, for every word of the slip classes (``CLASSES``)
and every digit of a date, how often it was read and what it became. Readings are kept (``bench.gold.read`` with
``reuse``), so a second run reads nothing again. Only development material: never a held-out scan.

``probe`` puts those slips, at their real rates (seeded, ``--runs`` draws), into the development gold texts and the
seeds, reads the slipped text as an OCR'd page (so the page-level mends of ``pipeline.text.segment`` run as they do on
a scan) and counts, per fact kind and per slip class, the facts of the clean text's extraction (read the same way)
lost or added. The clean extraction is the reference, not the gold.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from bench.ocr import canonical

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "tests" / "corpus" / "scans"
INVENTORY = Path(__file__).parent / "data" / "ocr_slips.json"
RENDER_DPIS = (100, 200)
SEED_PROFILES = ("fax", "fax-random")

# the slip classes: the words (syllables, lower case) each grammar keys on; digits of dates are a class of their own
CLASSES = {
    "time words": "ngày tháng năm trước quý hạn đến từ trong cuối hằng hàng",
    "assignment verbs": "chủ trì phối hợp giao thực hiện trách nhiệm đề nghị yêu cầu tham mưu chỉ đạo triển khai "
    "báo cáo tổ chức",
    "agency heads": "sở ủy uỷ ban ubnd bộ cục chi tịch giám đốc văn phòng hội đồng nhân dân tỉnh huyện xã thành phố "
    "công an quân sự",
}
CLASS_OF = {w: name for name, words in CLASSES.items() for w in words.split()}
DATE_DIGITS = "date digits"
MARKERS = "markers"
SLIP_CLASSES = (DATE_DIGITS, *CLASSES, MARKERS)
MARKER = re.compile(r"^(?:[-+•–]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,4}\.)$")
# a date's figures: 'ngày 15', 'tháng 3', 'năm 2025', '15/3/2025', '3/2025'
DATE = re.compile(
    r"(?i)\b(?:ngày|tháng|năm)\s+\d{1,4}\b|\b\d{1,2}/\d{1,2}(?:/(?:19|20)\d{2})?\b|\b\d{1,2}/(?:19|20)\d{2}\b"
)


# ---------------------------------------------------------------- readings against their truth


def reading_pages() -> Iterator[tuple[str, str, str]]:
    """(source, truth, reading) for each development page read by OCR."""
    from bench.gold import read
    from bench.samples import bench_scan, born_digital_scans, load_samples, make_real_scan, read_ground_truth

    def pages(path: Path) -> list[str]:
        doc = read(path, reuse=True)
        return [doc.text[p.start : p.end] for p in doc.pages]

    for truth in sorted((SCANS / "truth").glob("*.page-001.txt")):
        pdf = SCANS / f"{truth.name.removesuffix('.page-001.txt')}.pdf"
        yield pdf.stem, truth.read_text(encoding="utf-8"), pages(pdf)[0]
    for pdf in born_digital_scans():
        for dpi in RENDER_DPIS:
            scan = make_real_scan(pdf, dpi)
            for k, (t, r) in enumerate(zip(read_ground_truth(scan), pages(scan)), 1):
                yield f"{pdf.stem} {dpi}dpi p{k}", t, r
    for sample in load_samples():
        for profile in SEED_PROFILES:
            scan = bench_scan(sample.name, profile)
            for k, (t, r) in enumerate(zip(read_ground_truth(scan), pages(scan)), 1):
                yield f"{sample.name} {profile} p{k}", t, r


def _words(text: str) -> list[tuple[str, bool]]:
    """The words of a page with whether each opens a line (where an outline marker stands)."""
    out = []
    for line in text.splitlines():
        out += [(w, i == 0) for i, w in enumerate(canonical(line).split())]
    return out


def _date_digit_words(text: str) -> set[str]:
    return {w for m in DATE.finditer(canonical(text)) for w in re.findall(r"\d[\d/]*", m.group())}


def align(truth: str, reading: str) -> Iterator[tuple[str, str, bool]]:
    """(truth word, read word, opens a line) for each truth word paired one to one with a read word."""
    t, r = _words(truth), _words(reading)
    matcher = difflib.SequenceMatcher(None, [w for w, _ in t], [w for w, _ in r], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                yield t[i1 + k][0], r[j1 + k][0], t[i1 + k][1]


def _core(word: str) -> str:
    return word.strip(".,;:()\"'“”").lower()


def _keyed(word: str) -> str:
    """A word as the inventory keys it: lower case, trailing punctuation dropped, an opening bracket or quote
    kept, since OCR merges it with the letter after it ('(trước' is read '(ước', 'trước' seldom is)."""
    lead = re.match(r"[(\[“\"]*", word)
    assert lead is not None  # the pattern matches the empty string
    return lead.group()[-1:] + word[lead.end() :].rstrip(".,;:)\"'”").lower()


def inventory() -> dict:
    """Per slip class, each truth word's count of readings and what it became (only what differs)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    became: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    where: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    sources, pairs = [], 0
    for source, truth, reading in reading_pages():
        sources.append(source)
        dated = _date_digit_words(truth)
        for word, read_as, line_head in align(truth, reading):
            pairs += 1
            core = _core(word)
            if line_head and MARKER.match(word):
                key, cls, got = word, MARKERS, read_as
            elif core in CLASS_OF:
                key, cls, got = _keyed(word), CLASS_OF[core], _keyed(read_as)
            elif any(d in word for d in dated) and re.search(r"\d", word):
                for a, b in _digit_pairs(word, read_as):
                    seen[DATE_DIGITS][a] += 1
                    if a != b:
                        became[DATE_DIGITS][a][b] += 1
                        where[DATE_DIGITS, a, b].add(source.split()[0])
                continue
            else:
                continue
            seen[cls][key] += 1
            if got != key:
                became[cls][key][got] += 1
                where[cls, key, got].add(source.split()[0])
    return {
        "_about": "Made by `python -m bench.ocr_slips inventory`: for each slip class, each word (a digit, for date "
        "digits; a line's first word, for markers) of the development truths, how many times it was read and "
        "what OCR made of it when that differed, and in which documents. Sources (pages): "
        + "; ".join(f"{k} ({n})" for k, n in Counter(s.split(" p")[0] for s in sources).items())
        + f". Words paired: {pairs}.",
        "classes": {
            cls: {
                key: {
                    "read": n,
                    "became": dict(became[cls][key].most_common()),
                    "in": {got: sorted(where[cls, key, got]) for got in became[cls][key]},
                }
                for key, n in seen[cls].most_common()
            }
            for cls in SLIP_CLASSES
        },
    }


def _digit_pairs(word: str, read_as: str) -> Iterator[tuple[str, str]]:
    """Each digit of ``word`` with the character it was read as, where a character-level alignment pairs them."""
    matcher = difflib.SequenceMatcher(None, word, read_as, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            if not word[k].isdigit():
                continue
            if op == "equal":
                yield word[k], word[k]
            elif op == "replace" and i2 - i1 == j2 - j1:
                yield word[k], read_as[j1 + k - i1]
            elif op == "delete":
                yield word[k], ""


# ---------------------------------------------------------------- the probe


class Slipper:
    """Puts the inventory's slips of one class into a text, each word at its observed rate, from a fixed seed."""

    def __init__(self, table: dict, cls: str, seed: int) -> None:
        self.cls = cls
        self.rng = random.Random(seed)
        self.table = {
            key: (sum(e["became"].values()) / e["read"], list(e["became"]), list(e["became"].values()))
            for key, e in table["classes"][cls].items()
            if e["became"]
        }
        self.applied: Counter = Counter()

    def _draw(self, key: str) -> str | None:
        rate, forms, weights = self.table.get(key, (0.0, [], []))
        if not forms or self.rng.random() >= rate:
            return None
        return self.rng.choices(forms, weights)[0]

    def slip(self, text: str) -> str:
        if self.cls == DATE_DIGITS:
            return DATE.sub(self._date, text)
        if self.cls == MARKERS:
            return re.sub(r"(?m)^(\s*)(\S+)", self._marker, text)
        return re.sub(r"[(\[“\"]?\w+", self._word, text)

    def _date(self, m: re.Match[str]) -> str:
        out = []
        for ch in m.group():
            new = self._draw(ch) if ch.isdigit() else None
            if new is not None:
                self.applied[f"{ch}→{new}"] += 1
            out.append(ch if new is None else new)
        return "".join(out)

    def _marker(self, m: re.Match[str]) -> str:
        new = self._draw(m[2]) if MARKER.match(m[2]) else None
        if new is None:
            return m.group()
        self.applied[f"{m[2]}→{new}"] += 1
        return m[1] + new

    def _word(self, m: re.Match[str]) -> str:
        word = m.group()
        letters = word.lstrip('([“"')
        if CLASS_OF.get(letters.lower()) != self.cls:
            return word
        new = self._draw(word.lower())
        if new is None:
            return word
        self.applied[f"{word.lower()}→{new}"] += 1
        if letters.isupper() and len(letters) > 1:
            return new.upper()
        if letters[:1].isupper():
            k = len(new) - len(new.lstrip('([“"'))
            return new[:k] + new[k : k + 1].upper() + new[k + 1 :]
        return new


def _as_ocr(doc, slip=None):
    """``doc`` with every page marked as OCR'd (the page-level mends run on it), its text slipped by ``slip``."""
    from schemas.document import TextSource

    pages = [
        p.model_copy(update={"text": slip(p.text) if slip else p.text, "source": TextSource.ocr}) for p in doc.pages
    ]
    return doc.model_copy(update={"pages": pages}).with_offsets()


def compare(clean: dict, slipped: dict) -> dict[str, tuple[list[str], list[str]]]:
    """Per fact kind, the facts of the clean extraction the slipped one lost and those it added, matched as the
    acceptance scorer matches a prediction to its gold (obligations strict: agency, role and due; an agency or a
    subject within the scorer's similarity counts as found)."""
    from bench import acceptance_scorer as scorer

    out = {}
    for kind in scorer.KINDS:
        if kind == "document":
            *_, lost, added = scorer.document_score(clean.get("document") or {}, slipped.get("document") or {})
        elif kind == "assignments":
            *_, lost, added = scorer.obligation_score(clean.get("obligations"), slipped.get("obligations"), strict=True)
        elif kind == "obligations":
            continue
        else:
            *_, lost, added = scorer.multiset_score(
                scorer.keys(kind, clean.get(kind)), scorer.keys(kind, slipped.get(kind))
            )
        out[kind] = (list(lost), list(added))
    return out


def _count(extraction: dict) -> Counter:
    from bench import acceptance_scorer as scorer

    doc = extraction.get("document") or {}
    out = Counter({"document": sum(1 for f in scorer.DOC_FIELDS if scorer.get(doc, f) not in (None, ""))})
    out["assignments"] = len(extraction.get("obligations") or [])
    out.update(
        {k: len(extraction.get(k) or []) for k in scorer.KINDS if k not in ("document", "obligations", "assignments")}
    )
    return out


def _probe_document(job: tuple[str, list[str], int]) -> tuple[Counter, dict, dict, list[str]]:
    """One document's clean extraction against its slipped ones: (clean counts, lost/added per class and kind,
    slips applied per class, one line per fact lost or added)."""
    from bench.gold import read
    from bench.samples import hash_seed
    from extractors import extract
    from pipeline.text.segment import segment

    path, classes, runs = job
    document = Path(path)
    table = json.loads(INVENTORY.read_text(encoding="utf-8"))
    doc = read(document)
    clean = extract(segment(_as_ocr(doc))).model_dump(mode="json")
    totals: dict = {c: defaultdict(lambda: [0, 0]) for c in classes}
    applied: dict = {c: Counter() for c in classes}
    lines = []
    for cls in classes:
        for run in range(runs):
            slipper = Slipper(table, cls, hash_seed(f"{document.name}:{cls}:{run}"))
            slipped = extract(segment(_as_ocr(doc, slipper.slip))).model_dump(mode="json")
            applied[cls] += slipper.applied
            for kind, (lost, added) in compare(clean, slipped).items():
                totals[cls][kind][0] += len(lost)
                totals[cls][kind][1] += len(added)
                slips = dict(slipper.applied)
                lines += [f"{cls} | {document.stem} | lost {kind} {f} | slips {slips}" for f in lost]
                lines += [f"{cls} | {document.stem} | added {kind} {f} | slips {slips}" for f in added]
    return _count(clean), {c: dict(v) for c, v in totals.items()}, applied, lines


def probe(set_names: list[str], runs: int, classes: list[str], workers: int = 1, keep: Path | None = None) -> dict:
    """Facts lost and added per (slip class, kind) over ``runs`` seeded draws on the sets' documents."""
    from concurrent.futures import ProcessPoolExecutor

    from bench.gold import SETS

    jobs = [(str(d), classes, runs) for name in set_names for d, _ in SETS[name].pairs()]
    totals: dict[str, dict[str, list[int]]] = {c: defaultdict(lambda: [0, 0]) for c in classes}
    reference: Counter = Counter()
    applied: dict[str, Counter] = {c: Counter() for c in classes}
    lines: list[str] = []
    with ProcessPoolExecutor(workers) as pool:
        for counts, by_class, slips, changes in pool.map(_probe_document, jobs):
            reference += counts
            for cls, by_kind in by_class.items():
                for kind, (lost, added) in by_kind.items():
                    totals[cls][kind][0] += lost
                    totals[cls][kind][1] += added
                applied[cls] += slips[cls]
            lines += changes
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / "changes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "reference": dict(reference),
        "lost_added": {c: dict(v) for c, v in totals.items()},
        "slips": {c: sum(v.values()) for c, v in applied.items()},
    }


def format_probe(result: dict, runs: int) -> str:
    """The probe's table: per slip class, the slips put in and the facts lost/added per kind, over every draw."""
    kinds = [k for k in result["reference"] if result["reference"][k]]
    lines = [
        "facts of the clean extraction: " + ", ".join(f"{k} {result['reference'][k]}" for k in kinds),
        f"lost/added over {runs} draw(s) per document",
        f"{'slip class':18} {'slips':>6}  " + "  ".join(f"{k[:11]:>11}" for k in kinds),
    ]
    for cls, by_kind in result["lost_added"].items():
        cells = [f"{by_kind.get(k, [0, 0])[0]}/{by_kind.get(k, [0, 0])[1]}" for k in kinds]
        lines.append(f"{cls:18} {result['slips'][cls]:>6}  " + "  ".join(f"{c:>11}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    inv = sub.add_parser("inventory", help="count the slips of real readings against their truth")
    inv.add_argument("--out", type=Path, default=INVENTORY)
    pr = sub.add_parser("probe", help="facts lost and added when the inventory's slips are put into gold texts")
    pr.add_argument("--set", action="append", choices=["corpus-dev", "seeds", "genre"])
    pr.add_argument("--class", dest="classes", action="append", choices=SLIP_CLASSES)
    pr.add_argument("--runs", type=int, default=3)
    pr.add_argument("--workers", type=int, default=1)
    pr.add_argument("--keep", type=Path, help="write every lost or added fact with its slips to DIR/changes.txt")
    args = parser.parse_args(argv)
    if args.command == "inventory":
        table = inventory()
        args.out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for cls, words in table["classes"].items():
            slipped = {k: e for k, e in words.items() if e["became"]}
            read_n = sum(e["read"] for e in words.values())
            print(f"== {cls}: {read_n} read, {sum(sum(e['became'].values()) for e in slipped.values())} slipped")
            for key, e in sorted(slipped.items(), key=lambda kv: -sum(kv[1]["became"].values())):
                forms = (f"{b!r}×{n} ({len(e['in'][b])} doc)" for b, n in e["became"].items())
                print(f"  {key!r:14} {e['read']:5}  " + ", ".join(forms))
    else:
        classes = args.classes or list(SLIP_CLASSES)
        result = probe(args.set or ["corpus-dev", "seeds"], args.runs, classes, args.workers, args.keep)
        print(format_probe(result, args.runs))


if __name__ == "__main__":
    sys.exit(main())
