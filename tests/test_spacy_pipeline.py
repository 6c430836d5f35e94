"""The spaCy pipeline is the extractors' interface: registered tokenizer and components, span
groups with the parsed fact on each span, and the agency lexicon matched without diacritics."""

import pytest
from spacy.language import Language
from spacy.util import registry

from extractors import extract, nlp
from extractors.spacy_pipeline import FACT_KINDS
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from tests.paths import SEEDS

LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\nSố: 12/KH-UBND\n\nNinh Bình, ngày 05 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\nThực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp chủ trì, phối hợp với Sở Tài chính rà soát văn bản, "
    "hoàn thành trước ngày 30/6/2024.\n\n2. Công an tỉnh:  phấn đấu đến năm 2025 có ít nhất 30% Công an phường đạt chuẩn.\n"
)


def test_tokenizer_and_components_are_registered():
    assert "vanban.underthesea_syllables.v1" in registry.tokenizers
    for kind in FACT_KINDS:
        assert Language.has_factory(f"vanban_{kind}")
    assert nlp().pipe_names == ["vanban_agencies", "vanban_document", *(f"vanban_{k}" for k in FACT_KINDS)]


def test_tokens_keep_the_text_and_fold_their_norm():
    text = "Sở GD&ĐT\tngày 16/3/2022,  đạt 4,76%\n\n- UBND tỉnh."
    doc = nlp().make_doc(text)
    assert doc.text == text
    tokens = [t.text for t in doc]
    assert {"GD&ĐT", "16/3/2022", "4,76"} <= set(tokens)
    assert [t.norm_ for t in doc if t.text in ("Sở", "UBND", "tỉnh")] == ["so", "ubnd", "tinh"]


def test_a_plain_text_gives_span_groups_with_their_facts():
    doc = nlp()(LETTER)
    assert doc._.meta.number == "12/KH-UBND"
    obligations = [s._.fact for s in doc.spans["obligations"]]
    assert [(o.agency, o.role, o.due) for o in obligations] == [
        ("Sở Tư pháp", "lead", "2024-06-30"),
        ("Công an tỉnh", "assigned", "2025"),
    ]
    for kind in ("obligations", "targets", "deadlines", "citations"):
        for span in doc.spans[kind]:
            ev = span._.fact.evidence
            assert span.start_char <= ev.start and ev.end <= span.end_char, kind
    assert [c.number for c in (s._.fact for s in doc.spans["citations"])] == ["12-NQ/TW"]
    assert any(t.value == 30 and t.year == 2025 for t in (s._.fact for s in doc.spans["targets"]))


def test_agencies_match_without_diacritics():
    doc = nlp()("So Tu phap va UBND cac xa phoi hop voi Sở Tài chính.")
    assert [s.text for s in doc.spans["agencies"]] == ["So Tu phap", "UBND", "Sở Tài chính"]


@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda p: p.stem)
def test_facts_sharing_their_evidence_stay_distinct(seed):
    """One task for two bodies has one quote: both obligations come back, each with its agency."""
    result = extract(segment(load_document(seed)))
    doc = nlp()(seed.read_text(encoding="utf-8"))
    assert [s._.fact.agency for s in doc.spans["obligations"]] == [o.agency for o in result.obligations]
