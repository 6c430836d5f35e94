#!/usr/bin/env python
"""Regenerate samples/ from the seed texts: office scans, TIFF/PNG/JPEG pages, born-digital PDF and
DOCX, each with ground truth; with --bench also the fax/photo/stamped scans (samples/.bench/)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.samples import SAMPLES_DIR, generate

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--seeds", type=Path, help="copy these seed texts into samples/text first")
parser.add_argument("--bench", action="store_true", help="also write the bench-only profiles")
parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="samples directory (default: samples/)")
args = parser.parse_args()
start = time.perf_counter()
files = generate(args.out, args.seeds, args.bench)
size = sum(f.stat().st_size for f in files)
print(f"{len(files)} files, {size / 1e6:.1f} MB, {time.perf_counter() - start:.0f} s")
