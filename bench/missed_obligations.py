"""Every obligation of a gold set that extraction misses, with its section and quote, and whether anything was read
there: the first step of classifying misses by why they are missed. ``bench.gold --verbose`` names a missed body
only; this says where it stands in the document and whether the grammar read that place at all.

    python -m bench.gold corpus-dev --keep DIR            # the predictions, once
    python -m bench.missed_obligations corpus-dev DIR     # one line per miss, then the counts

Each miss is ``unread`` (nothing predicted in its article or item: the part, the sentence form, the layout or a body
name the lexicon does not know), ``other-body`` (a prediction the scorer did not pair stands in the same article or
item: mostly where a name begins or ends, or a list split differently) or ``paired`` (the predictions there were all
paired with other gold obligations: one fewer task than the gold, or a count the scorer pairs elsewhere).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from bench import acceptance_scorer as scorer
from bench.gold import SETS

_ARTICLE_ON = re.compile(r"Điều.*")


def _place(section: str | None) -> str:
    """The article and item of a section, without the attachment's name before it ('Quy chế Điều 7.1' → 'Điều 7.1')
    or the amended text's after it ('Điều 1.3 (Quy định Điều 6.1)' → 'Điều 1.3')."""
    text = (section or "").split(" (")[0].strip()
    found = _ARTICLE_ON.search(text)
    return found.group(0) if found else text


def misses(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(kind, gold obligation) for every gold obligation the acceptance scorer leaves unpaired."""
    _, _, _, missed, extra = scorer.obligation_score(gold, pred)
    unpaired = Counter(extra)
    extra_places = {_place(o.get("section")) for o in pred if unpaired[scorer.norm_agency(o["agency"])] > 0}
    read_places = {_place(o.get("section")) for o in pred}
    left = list(gold)
    out = []
    for name in missed:
        found = next(o for o in left if scorer.norm_agency(o["agency"]) == name)
        left.remove(found)
        place = _place(found.get("section"))
        kind = "other-body" if place in extra_places else "paired" if place in read_places else "unread"
        out.append((kind, found))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("kept", type=Path, help="the --keep folder of a bench.gold run on the same set")
    args = parser.parse_args(argv)
    kinds: Counter[str] = Counter()
    for _, gold_path in SETS[args.set].pairs():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads((args.kept / gold_path.name).read_text(encoding="utf-8"))
        issuer = (gold.get("document") or {}).get("issuer")
        for kind, o in misses(gold.get("obligations") or [], pred.get("obligations") or []):
            kinds[kind] += 1
            quote = " ".join((o.get("quote") or "").split())[:160]
            print(f"{kind}\t{gold_path.stem}\t{issuer}\t{o['agency']}\t{o['role']}\t{o.get('section')}\t{quote}")
    print(" ".join(f"{kind} {n}" for kind, n in kinds.most_common()))


if __name__ == "__main__":
    main()
