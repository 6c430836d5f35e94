"""Precision without gold: what a rule change adds on the tuning texts nobody golded, which are as unseen as
acceptance's. ``dump`` writes the obligations, deadlines, targets and wards ``extract_file`` gives on every
``bench.corpus.tuning_files()`` text that has no development gold (``files`` lists them, with this checkout's split);
run it once per checkout, PYTHONPATH pointing at the code to measure (as a script, so an older checkout without this
module can be measured). ``compare`` lists every fact that is new or changed (agency, role, due, quote) between two
dumps, with its sentence, for an auditor to read against CONVENTIONS.md; ``read`` lists every fact of one kind of
one dump with its document's kind and issuer, for an audit of precision where no gold exists.

    PYTHONPATH=. python -m bench.ungolded_diff files > ungolded.txt
    PYTHONPATH=/path/to/base python bench/ungolded_diff.py dump ungolded.txt base.json
    PYTHONPATH=. python bench/ungolded_diff.py dump ungolded.txt head.json
    python -m bench.ungolded_diff compare base.json head.json
    python -m bench.ungolded_diff read head.json deadlines
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

GOLD_DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "gold" / "dev"
KINDS = ("obligations", "deadlines", "targets", "wards")


def ungolded_tuning_files() -> list[Path]:
    """The readable corpus texts with no development gold: what a rule does there no score has shown."""
    from bench.corpus import tuning_files

    golded = {p.stem for p in GOLD_DEV.glob("*.json")}
    return [p for p in tuning_files() if p.stem not in golded]


def dump(texts: list[Path], out: Path) -> None:
    from extractors import extract_file

    facts = {}
    for path in texts:
        extraction = extract_file(path).model_dump(mode="json")
        facts[path.stem] = {kind: extraction[kind] for kind in KINDS}
        facts[path.stem]["document"] = {field: extraction["document"].get(field) for field in ("kind", "issuer")}
    out.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")


def _quote(fact: dict[str, Any]) -> str:
    return " ".join(((fact.get("evidence") or {}).get("quote") or "").split())


def _key(kind: str, fact: dict[str, Any]) -> str:
    """What an auditor compares: for an obligation its body, role, due and sentence; otherwise every field."""
    if kind == "obligations":
        return " | ".join((fact["agency"], fact["role"], str(fact.get("due")), _quote(fact)))
    fields = {name: value for name, value in fact.items() if name != "evidence"}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True) + " | " + _quote(fact)


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per fact present on one side only, '+' new in ``after``, '-' gone from ``before``."""
    lines = []
    for doc in sorted(set(before) | set(after)):
        for kind in KINDS:
            old = Counter(_key(kind, f) for f in before.get(doc, {}).get(kind, []))
            new = Counter(_key(kind, f) for f in after.get(doc, {}).get(kind, []))
            lines += [f"+ {doc} {kind}: {key}" for key in sorted((new - old).elements())]
            lines += [f"- {doc} {kind}: {key}" for key in sorted((old - new).elements())]
    return lines


def read(facts: dict[str, Any], kind: str) -> list[str]:
    """One line per fact of ``kind``: the text, its document's kind and issuer (a dump written before they were
    kept shows none), the fact and its sentence."""
    lines = []
    for doc in sorted(facts):
        document = facts[doc].get("document") or {}
        source = f"{doc} [{document.get('kind') or '?'}, {document.get('issuer') or '?'}]"
        lines += [f"{source} {_key(kind, fact)}" for fact in facts[doc].get(kind, [])]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("files")
    dump_parser = commands.add_parser("dump")
    dump_parser.add_argument("texts", type=Path, help="the list 'files' wrote, one path a line")
    dump_parser.add_argument("out", type=Path)
    compare_parser = commands.add_parser("compare")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    read_parser = commands.add_parser("read")
    read_parser.add_argument("facts", type=Path, help="a dump")
    read_parser.add_argument("kind", choices=KINDS)
    args = parser.parse_args()
    if args.command == "files":
        print("\n".join(str(path) for path in ungolded_tuning_files()))
        return
    if args.command == "dump":
        dump([Path(line) for line in args.texts.read_text(encoding="utf-8").split()], args.out)
        return
    if args.command == "read":
        lines = read(json.loads(args.facts.read_text(encoding="utf-8")), args.kind)
        print("\n".join(lines))
        print(f"{len(lines)} {args.kind}")
        return
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    lines = compare(before, after)
    print("\n".join(lines))
    print(f"{sum(line[0] == '+' for line in lines)} new or changed, {sum(line[0] == '-' for line in lines)} gone")


if __name__ == "__main__":
    main()
