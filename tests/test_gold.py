"""Extraction accuracy against hand-written gold, with a floor per fact kind, so a change that
breaks real documents fails CI (``python -m bench.gold SET --verbose`` shows each miss).

The floors sit a little under the figures measured when they were set (docs/benchmarks.md); the
held-out set is scored here too, but its floors were set from its first measurement and no rule
was tuned on it. Real scans run end to end through Tesseract."""

import pytest

from bench.corpus import hashes_to_held_out, moved_to_dev
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
    # 48 documents since the sixth session; the 8 added then (notes-F.md) lowered targets and deadlines, whose rules
    # were not changed with them, and the 8 of notes-K.md (no targets in their gold, 46 read) lowered targets
    # again to 0.40: the targets reader is another engineer's work (docs/benchmarks.md). The 10 of notes-L.md (58 in
    # all; an appendix task table, a 69-task Government resolution) took targets 0.73 -> 0.60, deadlines 0.90 -> 0.82,
    # obligations 0.93 -> 0.89 and assignments 0.92 -> 0.88 with the rules unchanged: room for the grammar's engineer.
    # The assignment grammar then took them to 0.925 / 0.908 (tables with each '|' on its own line, spans of years);
    # Branch x11-targets2 (rules of a target, wrapped ward lists, wards scheduled by another article): targets
    # 0.60 -> 0.86, wards 0.46 -> 0.99, deadlines 0.823 -> 0.826; held out: targets 0.46 -> 0.74, deadlines 0.873 -> 0.870
    # Branch x11-deadlines (dated sub-headings of a goal section, 'đã' not 'đa'): deadlines 0.826 -> 0.835
    # Branch tables-once (one table reader; pipe tables' time columns date their rows): deadlines 0.835 -> 0.932
    # The 59th document, 144/KH-UBND Bắc Ninh (notes-M.md), is new and unseen by the rules: its 42 targets and 42
    # deadlines (goals printed in the body and again in an appendix table) took targets 0.864 -> 0.768 and deadlines
    # 0.932 -> 0.897 with the rules unchanged, so those two floors are the new figures minus 0.01.
    # Branch targets (pipe goal tables read by the table reader and dated by their title, a '|' ending a clause, a
    # share under a goal heading; a roman marker alone on its line opening its heading): targets 0.768 -> 0.941,
    # deadlines 0.897 -> 0.944.
    # Held-out round 1 (34 documents) moved here on 2026-12-06 (tests/corpus/moved_to_dev.txt): 93 documents, floors
    # reset to the figures then minus 0.01 (overall 0.921; round 1 alone had scored 0.829). Then two commune-merger
    # resolutions of 2025 (notes-W.md: every phường of the arrangement, old and new) took wards 0.984 -> 0.391 with
    # the rules unchanged: no rule had seen that form. Branches wards2, recall, fields, targets3 (wards 0.994, obligations
    # 0.892, assignments 0.871); then eight more documents of the kinds held-out round 2 showed weak (notes-X, notes-Y),
    # unseen by the rules: 103 documents, floors the figures then minus 0.01. Wave 2 (branches precision2, merger2,
    # plans2, duties2): obligations 0.881 -> 0.894, assignments 0.861 -> 0.875, citations 0.983 -> 0.988.
    # Five more documents unseen by the rules (notes-D3.md: two decisions on a department's functions and duties, a
    # plan, a delegation, a port regulation; 206 obligations): 108 documents, obligations 0.894 -> 0.862,
    # assignments 0.875 -> 0.842, deadlines 0.931 -> 0.924, wards 0.994 -> 0.986; floors the figures then minus 0.01.
    # Eleventh session: wave 1 (deadl5, review5, roles5, scan5, obl5, tthc5) 0.944 -> 0.950; then held-out round 2
    # (25 documents, notes P–U, 0.687 there) moved here: 133 documents, targets 0.839, deadlines 0.871, obligations
    # 0.895, assignments 0.885, overall 0.923; floors those minus 0.01. Twelfth session: eight more documents unseen
    # by the rules (notes-D8.md, 0.778 there), then eleven branches: 141 documents, citations 0.994, targets 0.936,
    # deadlines 0.953, wards 0.985, obligations 0.913, assignments 0.903, overall 0.954; floors those minus 0.01.
    # Thirteenth session (nineteen branches): targets 0.941, deadlines 0.958, obligations 0.919, assignments 0.910,
    # overall 0.957 (held-out rounds 3-8 unchanged); floors those minus 0.01.
    "corpus-dev": {
        "document": 0.986,
        "citations": 0.983,
        "targets": 0.931,
        "deadlines": 0.948,
        "wards": 0.975,
        "obligations": 0.909,
        "assignments": 0.90,
    },
    # Held-out round 3 (16 documents, notes-R3.md and notes-R3b.md), floors from its first measurement minus 0.01
    # (2026-12-07, 0.825 before the session's tuning); its 3 deadlines are too few to hold a floor.
    "corpus-holdout3": {
        "document": 0.982,
        "citations": 0.954,
        "wards": 0.980,
        "obligations": 0.491,
        "assignments": 0.491,
    },
    # Held-out round 4 (18 documents, notes-R4a.md, notes-R4b.md, notes-R4c.md), floors from its first measurement
    # minus 0.01 (2026-12-07, main at the start of the eleventh session, before its tuning: overall 0.800); its 3
    # deadlines and 1 target are too few to hold a floor.
    "corpus-holdout4": {
        "document": 0.99,
        "citations": 0.975,
        "wards": 0.99,
        "obligations": 0.805,
        "assignments": 0.79,
    },
    # Held-out round 5 (12 documents, notes-R5a.md, notes-R5b.md), drawn at the end of the eleventh session and scored
    # once on its start and once on its end: 0.678 both times; floors that minus 0.01; its 2 deadlines and 1 target
    # are too few to hold a floor.
    "corpus-holdout5": {
        "document": 0.99,
        "citations": 0.962,
        "wards": 0.99,
        "obligations": 0.542,
        "assignments": 0.542,
    },
    # Held-out round 6 (30 documents, notes-R6a.md … notes-R6f.md), drawn at random at the start of the twelfth
    # session from the unread held-out-side texts and scored on its start (before any of its tuning): overall 0.805
    # (its one target missed), obligations 0.911, assignments 0.888; floors that minus 0.01; its 8 deadlines and 1
    # target are too few to hold a floor.
    "corpus-holdout6": {
        "document": 0.988,
        "citations": 0.952,
        "wards": 0.976,
        "obligations": 0.901,
        "assignments": 0.878,
    },
    # Held-out round 7 (11 documents, notes-R7a.md, notes-R7b.md, notes-R7c.md), drawn the same way in the middle of
    # the twelfth session, after its last tuning branch had started, and scored on the code of its start: overall
    # 0.957, obligations 0.978, assignments 0.963; floors that minus 0.01; its 6 deadlines are too few to hold a floor.
    "corpus-holdout7": {
        "document": 0.983,
        "citations": 0.943,
        "wards": 0.987,
        "obligations": 0.968,
        "assignments": 0.953,
    },
    # Held-out round 8 (14 documents, notes-R8a.md, notes-R8b.md, notes-R8c.md): the last short held-out-side texts,
    # drawn at the start of the thirteenth session and scored on its start (before any of its tuning): overall 0.800
    # (one false target), wards 0.723, obligations 0.945, assignments 0.945; floors that minus 0.01; its 4 deadlines
    # are too few to hold a floor.
    "corpus-holdout8": {
        "document": 0.985,
        "citations": 0.979,
        "wards": 0.713,
        "obligations": 0.935,
        "assignments": 0.935,
    },
    # Held-out round 9 (6 documents, notes-R9a.md … notes-R9d.md): the 6 long held-out-side texts left (decrees, a
    # consolidated circular, procedure decisions), drawn in the middle of the thirteenth session and scored on the
    # code of its start, untouched by its tuning: overall 0.613, deadlines 0.100 (48 false), obligations and
    # assignments 0.500; floors that minus 0.01; its 9 deadlines are too few to hold a floor.
    "corpus-holdout9": {
        "document": 0.955,
        "citations": 0.99,
        "obligations": 0.49,
        "assignments": 0.49,
    },
    # Branch scans (e-signature stamps in the text layer, handwritten number and day read as digits, white
    # paragraph borders no table): document 0.839 -> 0.969, deadlines 0.706 -> 0.875, obligations 0.815 -> 0.829;
    # the ninth session's grammar work: obligations 0.829 -> 0.871, assignments 0.707 -> 0.800. Four more scans unseen
    # by the rules (239 TTr, 53 TB, bnt, and H14, a 1999 Cao Bằng decision; NOTES.md): 8 documents, document
    # 0.969 -> 0.880, citations 0.780, deadlines 0.842, obligations 0.750, assignments 0.692; floors those minus 0.01.
    # Thirteenth session: document 0.961, citations 0.915, deadlines 0.889, obligations 0.818, assignments 0.800;
    # floors those minus 0.03 (OCR'd end to end: room for another machine's Tesseract build).
    "scans": {
        "document": 0.93,
        "citations": 0.885,
        "targets": 0.95,
        "deadlines": 0.859,
        "obligations": 0.788,
        "assignments": 0.77,
    },
}


# The development scans read again at 200 dpi (bench.samples.resampled_pdf: each page's own picture area-averaged
# to grey, as a 200-dpi scanner samples). Fourteenth session: 0.557 at its start, document 0.913, citations 0.867,
# deadlines 0.889, obligations 0.849, assignments 0.830 at its end; floors those minus 0.03. Targets (1 of 2, '5%'
# read '5⁄4') has too few to hold a floor.
FLOORS_AT_200_DPI = {
    "document": 0.88,
    "citations": 0.835,
    "deadlines": 0.859,
    "obligations": 0.819,
    "assignments": 0.80,
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


def test_development_scans_at_200_dpi_stay_above_their_floors():
    result = score(SETS["scans"], dpi=200)
    below = {
        kind: round(result.kinds[kind][2], 3)
        for kind, floor in FLOORS_AT_200_DPI.items()
        if result.kinds.get(kind, (0, 0, 0))[2] < floor
    }
    assert below == {}, f"scans at 200 dpi: F1 under the floor: {below}"


def test_the_corpus_split_follows_the_hash_rule():
    """Held out exactly when the SHA-1 of the file name without extension starts with 0–7, except the
    documents listed as moved to development (tuned on, so no longer held out)."""
    dev = {p.stem for p in SETS["corpus-dev"].gold.glob("*.json")}
    holdout = {
        p.stem
        for name in (
            "corpus-holdout3",
            "corpus-holdout4",
            "corpus-holdout5",
            "corpus-holdout6",
            "corpus-holdout7",
            "corpus-holdout8",
            "corpus-holdout9",
        )
        for p in SETS[name].gold.glob("*.json")
    }
    assert dev.isdisjoint(holdout)
    assert all(hashes_to_held_out(name) for name in holdout)
    assert {name for name in dev if hashes_to_held_out(name)} == moved_to_dev()
