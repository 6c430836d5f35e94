"""Reading big and hostile text files: seconds and memory of ``load_document`` on text files built
from the real corpus texts (``../shared/corpus/texts``), to show that reading is linear in the size.

    python -m bench.text_files [--megabytes 30]

The files: 2 MB of corpus text without a line break, 5 MB of corpus text, and N MB of corpus text
cut inside a character (as `head -c` cuts), written to a temporary folder and read one after the
other in this process (after ``lexicon()``, which every reader loads once).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.read.load import load_document
from pipeline.text import lexicon

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "texts"


def build(folder: Path, megabytes: int) -> list[Path]:
    """The test files, from the corpus texts repeated as needed."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))).encode("utf-8")
    big = text * (megabytes * 1_000_000 // len(text) + 1)
    files = {
        "2MB-one-line.txt": big.replace(b"\n", b" ")[:2_000_000].decode("utf-8", "ignore").encode("utf-8"),
        "5MB.txt": big[: big.rfind(b"\n", 0, 5_000_000) + 1],
        f"{megabytes}MB-cut.txt": big[: megabytes * 1_000_000],
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.text_files", description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=30, help="size of the biggest file")
    args = parser.parse_args(argv)
    lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        for path in build(Path(tmp), args.megabytes):
            start = time.perf_counter()
            doc = load_document(path)
            print(
                f"{path.name:<18} {path.stat().st_size / 1e6:>6.1f} MB {time.perf_counter() - start:>6.1f} s "
                f"{len(doc.text):>10} characters, repaired: {doc.encoding_repaired}",
                flush=True,
            )
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    sys.exit(main())
