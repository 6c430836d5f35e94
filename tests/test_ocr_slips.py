"""bench.ocr_slips: the slip inventory's alignment of real readings and the probe's seeded slips."""

from bench.ocr_slips import DATE_DIGITS, MARKERS, Slipper, _digit_pairs, align


def test_words_are_paired_one_to_one_and_a_line_head_is_marked() -> None:
    truth = "- Sở Tài chính chủ trì\ntrước ngày 15/3/2025"
    reading = "~ Sử Tài chính chú trì\nước ngày 15/3/2025"
    pairs = list(align(truth, reading))
    assert ("-", "~", True) in pairs
    assert ("Sở", "Sử", False) in pairs
    assert ("trước", "ước", True) in pairs


def test_each_digit_of_a_date_is_paired_with_what_it_was_read_as() -> None:
    assert list(_digit_pairs("18", "J8")) == [("1", "J"), ("8", "8")]
    assert list(_digit_pairs("31", "3")) == [("3", "3"), ("1", "")]


def _table(cls: str, key: str, became: dict[str, int], read: int) -> dict:
    return {"classes": {cls: {key: {"read": read, "became": became}}}}


def test_a_word_slips_at_its_rate_keeping_its_case() -> None:
    slipper = Slipper(_table("agency heads", "sở", {"sử": 1}, 1), "agency heads", seed=0)
    assert slipper.slip("Giao Sở Tư pháp; SỞ Y TẾ") == "Giao Sử Tư pháp; SỬ Y TẾ"
    assert slipper.applied == {"sở→sử": 2}


def test_only_the_digits_of_a_date_slip_and_only_markers_at_a_line_head() -> None:
    digits = Slipper(_table(DATE_DIGITS, "1", {"J": 1}, 1), DATE_DIGITS, seed=0)
    assert digits.slip("ngày 18 tháng 1 năm 2021, 11 người") == "ngày J8 tháng J năm 202J, 11 người"
    markers = Slipper(_table(MARKERS, "-", {"~": 1}, 1), MARKERS, seed=0)
    assert markers.slip("- Sở Y tế\n  - 5 - 7 người") == "~ Sở Y tế\n  ~ 5 - 7 người"


def test_a_word_never_seen_to_slip_stays() -> None:
    slipper = Slipper(_table("time words", "năm", {}, 40), "time words", seed=3)
    assert slipper.slip("trong năm 2025") == "trong năm 2025"


def test_a_bracket_before_a_word_is_part_of_its_key() -> None:
    table = _table("time words", "(trước", {"(ước": 1}, 1)
    slipper = Slipper(table, "time words", seed=0)
    assert slipper.slip("(trước ngày 10/02/2025), trước ngày 15/3") == "(ước ngày 10/02/2025), trước ngày 15/3"
    assert next(align("(Trước ngày 5/3)", "(ước ngày 5/3)")) == ("(Trước", "(ước", True)
