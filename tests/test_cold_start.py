"""A cold ``vanban extract`` imports only what extraction runs: not the database, the flows, the frames
or the charts, nor rich (help and errors only), spaCy's command line, underthesea (its tokenizer's rules
cached) or wordfreq once the lexicon is cached, nor the PDF, Word and image readers for a text file.
Times are in docs/benchmarks.md: a timed test would fail on a busy machine, not on a regression."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.paths import ROOT, SEEDS

# Runs `vanban extract FILE --json` in a fresh interpreter and prints the modules it imported on stderr.
_EXTRACT_THEN_LIST_MODULES = """
import json, sys
from cli import app
sys.argv = ["vanban", "extract", sys.argv[1], "--json"]
try:
    app()
except SystemExit as e:
    assert not e.code, e.code
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""

NOT_ON_THE_EXTRACT_PATH = (
    "pandas",
    "prefect",
    "sqlalchemy",
    "matplotlib",
    "pyarrow",
    "spacy.cli",
    "weasel",
    "wordfreq",
    "underthesea",
    "joblib",  # and psutil, asyncio: underthesea's character map is read with it
    "psutil",
    "rich",
    "PIL",
    "pipeline.ocr",
    "pipeline.read.pdf",
    "pipeline.read.docx",
)


def _modules_of_a_cold_extract(home) -> set[str]:
    env = {**os.environ, "VANBAN_HOME": str(home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT_THEN_LIST_MODULES, str(SEEDS[0])],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(done.stdout)["source"]["path"]
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_extract_imports_no_database_flows_frames_or_unused_nlp(tmp_path):
    _modules_of_a_cold_extract(tmp_path)  # the first run builds the cached tables
    modules = _modules_of_a_cold_extract(tmp_path)
    assert "spacy" in modules and "pipeline.read.load" in modules
    loaded = sorted(
        m for m in modules if any(m == name or m.startswith(f"{name}.") for name in NOT_ON_THE_EXTRACT_PATH)
    )
    assert loaded == []


def test_the_parts_left_out_still_import_when_asked():
    code = """
import extractors.lean_imports
import spacy, spacy.cli
from underthesea import word_tokenize
print(callable(spacy.cli.download), callable(spacy.info), word_tokenize("Sở Tư pháp chủ trì"))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "True True ['Sở', 'Tư pháp', 'chủ trì']"


# underthesea's own tokens of a seed (and of the two characters its map rewrites) beside the cached tokenizer's.
_CACHED_AND_UNDERTHESEA_TOKENS = """
import json, sys
from pathlib import Path
from extractors.lean_imports import underthesea_tokenize
text = Path(sys.argv[1]).read_text(encoding="utf-8") + " Ðồng Nai, ðiều 3"
ours = underthesea_tokenize()(text)
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
print(json.dumps([ours == tokenize(text, use_token_normalize=False), len(ours), ours[-4:]]))
"""


def test_the_cached_tokenizer_gives_underthesea_s_tokens(tmp_path):
    env = {**os.environ, "VANBAN_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    for _ in ("cache built", "cache read"):
        done = subprocess.run(
            [sys.executable, "-c", _CACHED_AND_UNDERTHESEA_TOKENS, str(SEEDS[0])],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        same, count, last = json.loads(done.stdout)
        assert same and count > 1000
        assert last == ["Nai", ",", "điều", "3"]  # 'ð' is read as 'đ', as underthesea does
