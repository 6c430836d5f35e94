"""bench.ungolded_diff: the before/after list an auditor reads on texts nobody golded."""

from bench.ungolded_diff import compare, read, ungolded_tuning_files

_EVIDENCE = {"quote": "Giao Sở Tài chính chủ trì,\nphối hợp với Sở Xây dựng …"}  # cb-file_data_7, Điều 167.2.đ


def _obligation(agency: str, role: str) -> dict[str, object]:
    return {"agency": agency, "role": role, "due": None, "evidence": _EVIDENCE}


def test_a_moved_obligation_is_one_new_and_one_gone_with_its_sentence_unwrapped() -> None:
    before = {"cb-file_data_7": {"obligations": [_obligation("Sở Tài chính", "lead")]}}
    after = {"cb-file_data_7": {"obligations": [_obligation("Ủy ban nhân dân cấp tỉnh", "assigned")]}}
    assert compare(before, after) == [
        "+ cb-file_data_7 obligations: Ủy ban nhân dân cấp tỉnh | assigned | None | "
        "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng …",
        "- cb-file_data_7 obligations: Sở Tài chính | lead | None | Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng …",
    ]


def test_a_fact_given_twice_where_it_was_given_once_is_one_new() -> None:
    deadline = {"due": "--12-25", "relation": "before", "evidence": {"quote": "trước ngày 25 tháng 12 năm trước"}}
    before = {"cb-file_data_2": {"deadlines": [deadline]}}
    after = {"cb-file_data_2": {"deadlines": [deadline, deadline]}}
    assert [line[:26] for line in compare(before, after)] == ["+ cb-file_data_2 deadlines"]
    assert compare(after, after) == []


def test_the_ungolded_texts_are_readable_and_have_no_development_gold() -> None:
    from bench.corpus import tuning_files
    from bench.ungolded_diff import GOLD_DEV

    texts = ungolded_tuning_files()
    golded = {p.stem for p in GOLD_DEV.glob("*.json")}
    assert texts and set(texts) <= set(tuning_files())
    assert not {p.stem for p in texts} & golded


def test_read_lists_every_fact_of_a_kind_with_its_document_and_sentence() -> None:
    deadline = {"due": "--12-25", "relation": "before", "evidence": {"quote": "trước ngày 25\ntháng 12 năm trước"}}
    facts = {
        "cb-file_data_2": {"document": {"kind": "Thông tư", "issuer": "Bộ Tài chính"}, "deadlines": [deadline]},
        "tn-old-dump": {"deadlines": [deadline]},  # a dump written before documents were kept
    }
    assert read(facts, "deadlines") == [
        'cb-file_data_2 [Thông tư, Bộ Tài chính] {"due": "--12-25", "relation": "before"} | trước ngày 25 tháng 12 năm trước',
        'tn-old-dump [?, ?] {"due": "--12-25", "relation": "before"} | trước ngày 25 tháng 12 năm trước',
    ]
    assert read(facts, "targets") == []
