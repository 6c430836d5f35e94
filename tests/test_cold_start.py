"""A cold ``vanban extract`` imports only what extraction runs: not the database, the flows, the frames
or the charts, nor rich (help and errors only), the PDF, Word and image readers (imported by file type), spaCy's command line, underthesea's models or wordfreq once the lexicon is cached.
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
    "underthesea.pipeline.classification",
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
    assert "spacy" in modules and "underthesea.pipeline.word_tokenize.regex_tokenize" in modules
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
