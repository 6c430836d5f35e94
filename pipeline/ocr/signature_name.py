"""The signer's printed name beside a seal, read again when the page's reading lost it.

Read as part of the whole page (page segmentation 3), the name printed under 'KT. CHÁNH VĂN PHÒNG' / 'PHÓ CHÁNH
VĂN PHÒNG' falls into the block of the red seal that overlaps it and the pen's strokes over it, and Tesseract drops
the block as a picture: the three real letters of UBND Quảng Ngãi printed and scanned by ``bench.scan_tolerance
letters`` lost 'Phùng Tô Long' and 'Nguyễn Phước Bình' that way on four of nine prints. Read as one uniform block
(segmentation 6), the strip under the last line of capitals in the right half of the page gives the name back
('¬=—=⁄. Phùng Tô Long'). Only a line ending in two to four capitalised Vietnamese syllables is taken, and only when
the page's own reading has none under the position; the rest of the strip's reading is the seal's ring and is left.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from PIL import Image

from pipeline.ocr.tesseract import TesseractWord, recognize_words
from pipeline.text import is_syllable
from pipeline.text.unicode import WORD

RIGHT_HALF = 0.4  # a signature's position line starts right of this share of the page's width
BELOW_LETTERHEAD = 0.25  # … and below this share of its height (the motto is capitals in the right half too)
STRIP_DEPTH = 0.2  # the name stands within this share of the page's height under the position line
NAME_WORDS = (2, 4)

Line = list[TesseractWord]


def with_signer_name(words: list[TesseractWord], image: Image.Image, dpi: int) -> list[TesseractWord]:
    """``words`` (one page's, boxes in ``image``'s pixels) with the name under the signature's position line
    appended as a line of its own when the page's reading has none there and a second reading of the strip
    finds one."""
    width, height = image.size
    lines = [list(group) for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    # Tesseract's line may run on from the recipients' column: the position is its capitals in the right half
    positions = [
        caps
        for line in lines
        if line[0].top > BELOW_LETTERHEAD * height
        and (caps := _capitals_at_end([w for w in line if w.left > RIGHT_HALF * width]))
    ]
    if not positions:
        return words
    position = max(positions, key=lambda line: line[0].top)
    top = max(w.top + w.height for w in position)
    bottom = min(height, top + round(STRIP_DEPTH * height))
    left = max(0, min(w.left for w in position) - (max(w.left + w.width for w in position) - position[0].left) // 2)
    if any(top <= line[0].top < bottom and line[-1].left >= left and _name_at_end(line) for line in lines):
        return words
    strip = recognize_words(image.crop((left, top, width, bottom)), psm=6, dpi=dpi)
    block = max((w.block for w in words), default=0) + 1
    for _, group in groupby(strip, key=lambda w: (w.block, w.paragraph, w.line)):
        line = list(group)
        name = _name_at_end(line)
        if name and not _cut_short(line, name):
            return [*words, *(replace(w, left=w.left + left, top=w.top + top, block=block) for w in name)]
    return words


def _capitals_at_end(line: Line) -> Line:
    """A position or capacity line: its last two words or more with letters all in capitals."""
    caps: Line = []
    for w in reversed(line):
        if WORD.search(w.text) is None or not w.text.isupper():
            break
        caps.insert(0, w)
    return caps if len(caps) >= 2 else []


def _name_at_end(line: Line) -> Line:
    """The line's last words when they are a name: two to four capitalised words that are Vietnamese syllables."""
    name: Line = []
    for w in reversed(line):
        if len(name) == NAME_WORDS[1] or not _is_name_word(w.text):
            break
        name.insert(0, w)
    while len(name) > NAME_WORDS[0] and len(name[0].text) == 1:
        name.pop(0)  # a stroke read as a letter ('X Ngôn Nghiệp' beside H14's seal)
    return name if len(name) >= NAME_WORDS[0] else []


def _cut_short(line: Line, name: Line) -> bool:
    """The name's first word read into the strokes before it ('ZXguyễn Phước Bình', 05 faxed at 200 dpi): a half
    name is not given."""
    if len(line) <= len(name):
        return False
    before = line[line.index(name[0]) - 1].text
    return before[-1:].islower() and before.isalpha() and not is_syllable(before)


def _is_name_word(text: str) -> bool:
    return WORD.fullmatch(text) is not None and text[0].isupper() and not text[1:].isupper() and is_syllable(text)
