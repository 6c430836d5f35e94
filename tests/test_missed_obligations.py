"""bench.missed_obligations: where a missed obligation stands, and whether anything was read there."""

from bench.missed_obligations import misses


def _obligation(agency: str, section: str) -> dict[str, object]:
    return {"agency": agency, "role": "assigned", "due": None, "section": section}


def test_a_miss_is_unread_or_beside_a_body_named_otherwise() -> None:
    """tn-c5f09c7770858e97 (UBND Nghệ An, Quy chế Điều 10): '1. Văn phòng Ủy ban nhân dân tỉnh.' over its lettered
    tasks is not read; tn-cdb6ad27b3c3f13b (UBND Ninh Bình, Quy chế Điều 10.2): the centre's name is cut short."""
    gold = [
        _obligation("Văn phòng Ủy ban nhân dân tỉnh", "Quy chế Điều 10.1.a"),
        _obligation("Trung tâm Chuyển đổi số và Truyền thông", "Quy chế Điều 10.2.a"),
        _obligation("Sở Tài chính", "Quy chế Điều 15.5"),
    ]
    pred = [
        _obligation("Trung tâm Chuyển đổi số và Truyền thông thuộc Sở Khoa học và", "Điều 10.2.a"),
        _obligation("Sở Tài chính", "Điều 15.5"),
    ]
    assert [(kind, o["agency"]) for kind, o in misses(gold, pred)] == [
        ("unread", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("other-body", "Trung tâm Chuyển đổi số và Truyền thông"),
    ]
