"""The letter parts of số/ký hiệu the corpus writes ('QĐ', 'TTg', 'UBND', 'KGVX', 'BTTTT' …), the closed set against
which ``extractors.citations`` mends an OCR'd symbol part one letter away. Read from the citations the extractor finds
on the tuning texts (``bench.corpus.tuning_files()``, never the held-out side) and from the development gold (texts
and scans); written to ``extractors/data/symbol_codes.json``. A part counts when it is letters only and at least two
long. Re-run when the tuning side grows:

    PYTHONPATH=. python -m bench.symbol_codes
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDS = (ROOT / "tests" / "corpus" / "gold" / "dev", ROOT / "tests" / "corpus" / "scans" / "gold")
OUT = ROOT / "extractors" / "data" / "symbol_codes.json"


def code_parts(number: str) -> list[str]:
    """The letter parts of a số/ký hiệu: '1743/QĐ-BGTVT' → ['QĐ', 'BGTVT'] (numbers and years left out)."""
    return [p for p in re.split(r"[-/&]", number) if len(p) >= 2 and p.isalpha()]


def collect() -> Counter[str]:
    """How many documents write each code: a tuning text's extracted citations and its own number, a gold's."""
    from bench.corpus import tuning_files
    from extractors import extract_file

    seen: Counter[str] = Counter()
    for path in tuning_files():
        extraction = extract_file(path)
        numbers = [c.number for c in extraction.citations] + [extraction.document.number or ""]
        seen.update({p for n in numbers for p in code_parts(n)})
    for folder in GOLDS:
        for gold_path in sorted(folder.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            numbers = [c.get("number") or "" for c in gold.get("citations") or []]
            numbers.append((gold.get("document") or {}).get("number") or "")
            seen.update({p for n in numbers for p in code_parts(n)})
    return seen


def main() -> None:
    seen = collect()
    data = {
        "_doc": (
            "The letter parts of số/ký hiệu written in the corpus (bench.symbol_codes: the citations and own numbers "
            "of the tuning texts, the development gold), in how many documents each is written. extractors.citations "
            "reads an OCR'd symbol part that is none of them but one slip of citations.json code_slips or "
            "code_doubled from exactly one as that one."
        ),
        "codes": dict(sorted(seen.items())),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(seen)} codes written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
