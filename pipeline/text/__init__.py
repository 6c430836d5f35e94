"""Language layer — in: raw characters (decoded files, text layers, OCR words); out: canonical
Vietnamese text (NFC, one tone placement, wraps joined), its folded twin, and a ``SegmentedDocument``.

The normalization API is re-exported here, so the one place to normalize is ``pipeline.text``.
"""

from pipeline.text.canonical import normalize_text, tidy_text
from pipeline.text.legacy import UndecodableText, decode_bytes, repair_legacy
from pipeline.text.lexicon import is_syllable, lexicon, syllable_model
from pipeline.text.ocr_repair import correct_ocr_line, normalize_token
from pipeline.text.pages import strip_page_furniture
from pipeline.text.unicode import TONES, fold, fold_in_place, nfc, place_tone_marks
from pipeline.text.wraps import join_wrapped_lines, line_separator

__all__ = [
    "TONES",
    "UndecodableText",
    "correct_ocr_line",
    "decode_bytes",
    "fold",
    "fold_in_place",
    "is_syllable",
    "join_wrapped_lines",
    "lexicon",
    "line_separator",
    "nfc",
    "normalize_text",
    "normalize_token",
    "place_tone_marks",
    "repair_legacy",
    "strip_page_furniture",
    "syllable_model",
    "tidy_text",
]
