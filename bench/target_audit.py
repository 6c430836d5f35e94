"""Target recall and precision where no gold exists: the targets ``extract_file`` gives on ungolded tuning texts
against one reader's judgment of them (``data/target_audit.json``: each text's targets, and the figures next to a goal
or comparator word judged no target, with why). A target given and judged is right, given and not judged is false
(named by the class of the non-target figure it quotes, else 'unjudged': read it and add a judgment), judged and not
given is missed. The judgment is one reader's, not gold: a rule that moves these figures is to be read again.

    PYTHONPATH=. python -m bench.target_audit [--verbose]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.text import fold

JUDGMENTS = Path(__file__).parent / "data" / "target_audit.json"


def _words(text: str) -> str:
    return " ".join(fold(text).replace("*", " ").split())


def _quotes(judged: dict[str, Any], quote: str) -> bool:
    """True when a given target's quote and a judged figure's quote hold one another (folded, spaces collapsed)."""
    a, b = _words(judged["quote"]), _words(quote)
    return a in b or b in a


def judge(judged: dict[str, Any], given: list[tuple[float, str, str]]) -> dict[str, list[tuple[str, str]]]:
    """One text's targets given (value, unit, quote) against its judgment: (class, what) per right, false and missed
    target; a false one is named by the class of the judged non-target figure it quotes, else 'unjudged'."""
    open_targets = list(judged["targets"])
    out: dict[str, list[tuple[str, str]]] = {"right": [], "false": [], "missed": []}
    for value, unit, quote in given:
        said = f"{value:g} {unit} | {' '.join(quote.split())}"
        hit = next((j for j in open_targets if (j["value"], j["unit"]) == (value, unit) and _quotes(j, quote)), None)
        if hit is not None:
            open_targets.remove(hit)
            out["right"].append((hit["class"], said))
        else:
            why = next((n["class"] for n in judged["not_targets"] if _quotes(n, quote)), "unjudged")
            out["false"].append((why, said))
    out["missed"] = [(j["class"], f"{j['value']:g} {j['unit']} | {j['quote']}") for j in open_targets]
    return out


def audit(judgments: dict[str, Any]) -> dict[str, Any]:
    """The targets ``extract_file`` gives on each judged text, judged: counts per class and a line per false and
    missed one."""
    from bench.ungolded_diff import ungolded_tuning_files
    from extractors import extract_file

    files = {p.stem: p for p in ungolded_tuning_files()}
    counts: dict[str, Counter[str]] = {"right": Counter(), "false": Counter(), "missed": Counter()}
    lines = []
    for stem, judged in judgments["texts"].items():
        if stem not in files:
            raise SystemExit(f"{stem}: not an ungolded tuning text")
        given = [(t.value, t.unit, t.evidence.quote) for t in extract_file(files[stem]).targets]
        for kind, found in judge(judged, given).items():
            for cls, said in found:
                counts[kind][cls] += 1
                if kind != "right":
                    lines.append(f"{stem} {kind} ({cls}): {said}")
    judged_not = sum(len(t["not_targets"]) for t in judgments["texts"].values())
    return {**counts, "lines": lines, "texts": len(judgments["texts"]), "judged_not": judged_not}


def format_audit(result: dict[str, Any], verbose: bool) -> str:
    tp, fp, fn = (sum(result[k].values()) for k in ("right", "false", "missed"))
    out = [f"targets on {result['texts']} ungolded texts (one reader's judgment): right/false/missed {tp}/{fp}/{fn}"]
    out.append(f"figures judged no target: {result['judged_not']}")
    for kind in ("right", "false", "missed"):
        out += [f"  {kind:6} {n:3}  {cls}" for cls, n in result[kind].most_common()]
    if verbose:
        out += result["lines"]
    return "\n".join(out)


def _load() -> dict[str, Any]:
    return json.loads(JUDGMENTS.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list each false and missed target")
    args = parser.parse_args(argv)
    print(format_audit(audit(_load()), args.verbose))


if __name__ == "__main__":
    main()
