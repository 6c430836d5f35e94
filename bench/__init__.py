"""Benchmarks and the sample generator — tooling, not product: run from a checkout with the
``bench`` extra installed (jiwer, reportlab). In: samples and corpus files; out: printed figures."""
