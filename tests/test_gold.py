"""Extraction accuracy against hand-written gold, with a floor per fact kind, so a change that
breaks real documents fails CI (``python -m bench.gold SET --verbose`` shows each miss).

The floors sit a little under the figures measured when they were set (docs/benchmarks.md); the
held-out set is scored here too, but its floors were set from its first measurement and no rule
was tuned on it. Real scans run end to end through Tesseract."""

import pytest

from bench.gold import SETS, score

FLOORS: dict[str, dict[str, float]] = {
    "seeds": {
        "document": 0.98,
        "citations": 0.98,
        "targets": 0.98,
        "deadlines": 0.98,
        "wards": 0.98,
        "obligations": 0.98,
        "assignments": 0.97,
        "national_targets": 0.99,
    },
    "genre": {
        "document": 0.97,
        "citations": 0.97,
        "targets": 0.97,
        "deadlines": 0.97,
        "wards": 0.97,
        "obligations": 0.97,
        "assignments": 0.97,
    },
    "genre-holdout": {
        "document": 0.95,
        "citations": 0.95,
        "targets": 0.95,
        "deadlines": 0.95,
        "wards": 0.95,
        "obligations": 0.93,
        "assignments": 0.88,
    },
    "corpus-dev": {
        "document": 0.97,
        "citations": 0.97,
        "targets": 0.90,
        "deadlines": 0.94,
        "wards": 0.45,
        "obligations": 0.87,
        "assignments": 0.85,
    },
    "corpus-holdout": {
        "document": 0.94,
        "citations": 0.93,
        "targets": 0.42,
        "deadlines": 0.80,
        "wards": 0.85,
        "obligations": 0.55,
        "assignments": 0.50,
    },
    "scans": {
        "document": 0.75,
        "citations": 0.85,
        "targets": 0.95,
        "deadlines": 0.65,
        "obligations": 0.75,
        "assignments": 0.62,
    },
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_each_fact_kind_stays_above_its_floor(name):
    result = score(SETS[name])
    below = {
        kind: round(result.kinds[kind][2], 3)
        for kind, floor in FLOORS[name].items()
        if result.kinds.get(kind, (0, 0, 0))[2] < floor
    }
    assert below == {}, f"{name}: F1 under the floor: {below}"
