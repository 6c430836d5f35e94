"""The extractor over every real corpus text (``../shared/corpus/texts``, 351 documents): no
exception, the time per document, and how many documents come out without a number, a date, an
issuer or any obligation — a generalization signal for the documents that have no gold.

    python -m bench.corpus [--corpus DIR] [--slowest 10] [--json-dir DIR]

Each document's time is given as wall seconds and CPU seconds (``time.process_time``), which the load
of other processes on a shared machine disturbs much less. ``--json-dir`` writes each document's
extraction as ``vanban extract --json`` prints it, so that a change meant to make extraction faster
can be shown to change no output (``diff -r`` of two such folders).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"


@dataclass(frozen=True)
class Run:
    """One document's extraction: how long it took and what it found (or the error)."""

    name: str
    seconds: float
    cpu_seconds: float = 0.0
    number: bool = False
    date: bool = False
    issuer: bool = False
    obligations: int = 0
    error: str | None = None


MOVED_TO_DEV = ROOT / "tests" / "corpus" / "moved_to_dev.txt"


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The corpus documents (``*.md``), in name order."""
    return sorted(corpus.glob("*.md"))


def hashes_to_held_out(stem: str) -> bool:
    """The split rule (tests/corpus/README.md): held out when the SHA-1 of the name starts with 0–7."""
    return hashlib.sha1(stem.encode()).hexdigest()[0] in "01234567"


def moved_to_dev() -> set[str]:
    """Documents on the held-out side that were tuned on, so belong to development."""
    lines = MOVED_TO_DEV.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def tuning_files(corpus: Path = CORPUS) -> list[Path]:
    """The corpus documents a rule-writer may read: not the held-out side, golded yet or not, so that
    the next held-out round can be drawn from documents no probe has shown anyone."""
    moved = moved_to_dev()
    return [p for p in corpus_files(corpus) if not hashes_to_held_out(p.stem) or p.stem in moved]


def run_one(path: Path, json_dir: Path | None = None) -> Run:
    """Extract one document (its JSON written to ``json_dir`` if given); an exception is recorded with
    its traceback, never raised."""
    from extractors import extract_file

    start, cpu = time.perf_counter(), time.process_time()
    try:
        result = extract_file(path)
    except Exception:
        return Run(path.name, time.perf_counter() - start, error=traceback.format_exc(limit=3))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    if json_dir is not None:
        output = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2)
        (json_dir / f"{path.stem}.json").write_text(output, encoding="utf-8")
    meta = result.document
    return Run(
        path.name,
        seconds,
        cpu_seconds,
        number=meta.number is not None,
        date=meta.issued_on is not None,
        issuer=meta.issuer is not None,
        obligations=len(result.obligations),
    )


def summary(runs: list[Run]) -> str:
    """The counts the issue asks for, and the time figures."""
    done = [r for r in runs if r.error is None]
    times = sorted(r.seconds for r in done)
    lines = [
        f"documents            {len(runs)}",
        f"exceptions           {len(runs) - len(done)}",
        f"no number            {sum(not r.number for r in done)}",
        f"no date              {sum(not r.date for r in done)}",
        f"no issuer            {sum(not r.issuer for r in done)}",
        f"no obligation        {sum(r.obligations == 0 for r in done)}",
    ]
    if times:
        cpu = sorted(r.cpu_seconds for r in done)
        lines += [
            f"seconds median       {times[len(times) // 2]:.3f}",
            f"seconds max          {times[-1]:.3f}",
            f"over 2 s             {sum(t > 2 for t in times)}",
            f"cpu seconds median   {cpu[len(cpu) // 2]:.3f}",
            f"cpu seconds max      {cpu[-1]:.3f}",
            f"cpu over 2 s         {sum(t > 2 for t in cpu)}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every corpus document once (after one warm-up) and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--slowest", type=int, default=5)
    parser.add_argument("--json-dir", type=Path, help="write each document's extraction JSON here")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus)
    if not files:
        raise SystemExit(f"no corpus documents in {args.corpus}")
    if args.json_dir is not None:
        args.json_dir.mkdir(parents=True, exist_ok=True)
    run_one(files[0])  # imports, dictionaries, compiled patterns
    runs = [run_one(path, args.json_dir) for path in files]
    for r in runs:
        if r.error:
            print(f"ERROR {r.name}\n{r.error}")
    print(summary(runs))
    for r in sorted(runs, key=lambda r: -r.seconds)[: args.slowest]:
        print(f"slow  {r.seconds:6.3f} s  {r.cpu_seconds:6.3f} cpu s  {r.name}")


if __name__ == "__main__":
    main()
