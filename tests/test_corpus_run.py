"""The extractor on every real corpus text (../shared/corpus/texts): no exception on any of them.
Times and the counts of documents without a number, date, issuer or obligation are figures, not
assertions: ``python -m bench.corpus`` prints them (docs/benchmarks.md)."""

import pytest

from bench.corpus import CORPUS, corpus_files, run_one

FILES = corpus_files(CORPUS) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"the shared corpus is not beside the checkout ({CORPUS})")
def test_every_corpus_text_is_extracted_without_an_exception():
    errors = [(r.name, r.error) for r in map(run_one, FILES) if r.error]
    assert len(FILES) >= 300
    assert errors == []
