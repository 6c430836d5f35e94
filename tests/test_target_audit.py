"""bench.target_audit: targets scored against one reader's judgment of texts nobody golded."""

import json

from bench.target_audit import JUDGMENTS, judge

_JUDGED = {
    "targets": [{"value": 100, "unit": "%", "quote": "giải ngân 100% kế hoạch vốn", "class": "a goal sentence"}],
    "not_targets": [{"quote": "mức hỗ trợ tối đa 70% mức xây mới", "class": "a rule's norm"}],
}


def test_a_given_target_is_right_false_by_the_class_it_quotes_or_unjudged() -> None:
    given = [
        (100.0, "%", "quyết tâm hoàn thành mục tiêu giải ngân 100% kế hoạch vốn được giao"),
        (70.0, "%", "sửa chữa, nâng cấp vỏ mộ (cả bia), mức hỗ trợ tối đa 70% mức xây mới vỏ mộ"),
        (5.0, "%", "tối thiểu 5%"),
    ]
    assert judge(_JUDGED, given) == {
        "right": [("a goal sentence", "100 % | quyết tâm hoàn thành mục tiêu giải ngân 100% kế hoạch vốn được giao")],
        "false": [
            ("a rule's norm", "70 % | sửa chữa, nâng cấp vỏ mộ (cả bia), mức hỗ trợ tối đa 70% mức xây mới vỏ mộ"),
            ("unjudged", "5 % | tối thiểu 5%"),
        ],
        "missed": [],
    }


def test_a_judged_target_not_given_is_missed() -> None:
    assert judge(_JUDGED, []) == {
        "right": [],
        "false": [],
        "missed": [("a goal sentence", "100 % | giải ngân 100% kế hoạch vốn")],
    }


def test_the_judged_texts_are_ungolded_tuning_texts() -> None:
    from bench.ungolded_diff import ungolded_tuning_files

    judged = json.loads(JUDGMENTS.read_text(encoding="utf-8"))["texts"]
    assert len(judged) >= 30
    assert set(judged) <= {p.stem for p in ungolded_tuning_files()}
