"""Agency names and assignment cues as OCR misreads them, put back on OCR'd pages before the grammar reads them.

The agency grammar matches its lexicon on the folded text, so a tone slip still matches, but a letter slip does
not: 'Sử Tư pháp', 'Sở Nông nghiệp và Phải triển nông thôn', 'Cơ quan thực biện:'. Here a run of words of an
OCR'd page that differs from a phrase of the lexicon (``agencies.json``: bodies, titles, heads with their names;
``obligations.json``: the explicit markers) in one letter of one word, all other words equal on the folded text, gets
that word of the lexicon. Only long phrases (three words or more) are mended, so the words around the slip are its
evidence; a word is replaced only by one of its own length (offsets hold), and only when one phrase is closest to
it, and only when the lexicon's word goes with the printed words around it at least as well as the printed one
(pair counts of the syllable model): 'THỦ TỤC XÂY DỰNG' stays. A phrase matched already through a tone slip (the
folded words equal) is written as the lexicon writes it ('Bạn Dân tộc tỉnh' → 'Ban Dân tộc tỉnh', 'Phố Thủ tướng'
→ 'Phó Thủ tướng'), under the same check, so the agency's name is right. Born-digital and typed pages are left as
they are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from rapidfuzz.distance import Hamming, Levenshtein

from extractors.common import load_json
from pipeline.text import fold
from pipeline.text.lexicon import syllable_model
from pipeline.text.segment import SegmentedDocument
from pipeline.text.unicode import place_tone_marks
from schemas.document import TextSource

MIN_WORDS = 3  # a phrase of fewer words gives too little context to call a word a slip
MIN_LETTERS = 8  # … and of fewer letters ('Sở Y tế') too
_WORD = re.compile(r"\w+")
_Key = tuple[int, tuple[str, ...]]  # the slot left open, the folded words with that slot blank


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words the agency grammar reads as such ('các', 'và'): printed, they are what they say."""
    return frozenset(fold(w) for w in load_json("agencies.json")["function_words"])


def _phrases() -> list[str]:
    agencies, obligations = load_json("agencies.json"), load_json("obligations.json")
    composed = [f"{head} {name}" for head in agencies["named_heads"] for name in agencies["names"]]
    return [
        *agencies["bodies"],
        *agencies["titles"],
        *agencies["numbered_heads"],
        *composed,
        *(m.rstrip(":") for m in obligations["explicit_markers"]),
    ]


@lru_cache(maxsize=1)
def _index() -> tuple[
    dict[_Key, list[tuple[str, tuple[str, ...]]]],
    dict[tuple[str, ...], set[tuple[tuple[str, ...], tuple[str, ...]]]],
    frozenset[int],
]:
    """For each phrase long enough, a key per word (that word left open) → the phrase's word there and its
    separators; the phrases' folded words → their words as the lexicon writes them (lower case) and separators; the
    phrase lengths in words."""
    by_key: dict[_Key, list[tuple[str, tuple[str, ...]]]] = {}
    whole: dict[tuple[str, ...], set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for phrase in _phrases():
        words = [m.group() for m in _WORD.finditer(phrase)]
        folded = tuple(fold(w) for w in words)
        if len(words) < MIN_WORDS or sum(map(len, folded)) < MIN_LETTERS:
            continue
        gaps = tuple(
            _gap(phrase[a.end() : b.start()]) for a, b in zip(_WORD.finditer(phrase), list(_WORD.finditer(phrase))[1:])
        )
        whole.setdefault(folded, set()).add((tuple(place_tone_marks(w.lower()) for w in words), gaps))
        for i, word in enumerate(words):
            by_key.setdefault((i, _blank(folded, i)), []).append((word, gaps))
    return by_key, whole, frozenset(len(k[1]) for k in by_key)


def _blank(words: tuple[str, ...], i: int) -> tuple[str, ...]:
    return (*words[:i], "", *words[i + 1 :])


def _gap(between: str) -> str:
    """What separates two words, white space aside: '' or a comma, a dash."""
    return re.sub(r"\s+", "", between)


def _cased(model: str, word: str) -> str:
    """``word`` written in the case of the OCR'd ``model`` letter by letter: 'PHẢI' → 'PHÁT', 'Phải' → 'Phát'."""
    return "".join(c.upper() if m.isupper() else c.lower() for m, c in zip(model, word))


def mend_names(text: str) -> str:
    """OCR'd ``text`` with the lexicon's words put back where one letter of a long phrase was misread."""
    by_key, whole, lengths = _index()
    vocabulary = {w for phrase in whole for w in phrase}
    words = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in words]
    unknown = list(accumulate((f not in vocabulary for f in folded), initial=0))  # all but the slip are the lexicon's
    out, done = [], 0
    for j in range(len(words)):
        for n in sorted(lengths, reverse=True):
            if j + n > len(words) or unknown[j + n] - unknown[j] > 1:
                continue
            window = tuple(folded[j : j + n])
            gaps = tuple(_gap(text[a.end() : b.start()]) for a, b in zip(words[j : j + n], words[j + 1 : j + n]))
            if window in whole:
                written = {w for w, want_gaps in whole[window] if want_gaps == gaps}
                if len(written) == 1:  # a tone slip in a name matched already: the name as the lexicon writes it
                    for k, word in zip(range(j, j + n), next(iter(written))):
                        printed = words[k]
                        if (
                            printed.start() >= done
                            and place_tone_marks(printed.group().lower()) != word
                            and _fits(text, words, k, word)
                        ):
                            out += [text[done : printed.start()], _cased(printed.group(), word)]
                            done = printed.end()
                continue
            fix = _slip(window, gaps, words[j : j + n], by_key)
            if fix is not None:
                i, word = fix
                slip = words[j + i]
                if slip.start() >= done and _fits(text, words, j + i, word):
                    out += [text[done : slip.start()], _cased(slip.group(), word)]
                    done = slip.end()
                break
    return _mend_scope_units("".join(out) + text[done:])


def _mend_scope_units(text: str) -> str:
    """The administrative unit right after a body's name put back where OCR slipped its tone mark: 'Ban Dân tộc
    tình, Sở Lao động …', 'Ban Dân tộc tính;', 'Hợp tác xã tính,' (UBND Quảng Ngãi 565/TB-UBND faxed at 200 dpi),
    'Ủy ban nhân dân tĩnh Quảng Ngãi' (507/UBND-KGVX at 200 dpi). The agency grammar reads a unit of toned text only
    as spelled ('tính' is a verb), so the body loses its scope and a list its next items. The word must fold to a
    unit (``agencies.json`` scope_units), follow a long phrase of the lexicon and come before a separator, 'và' or a
    capitalised place name; a word of its own length only, so offsets hold."""
    _, whole, lengths = _index()
    units = {fold(u): u for u in load_json("agencies.json")["scope_units"] if " " not in u}
    words = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in words]
    out, done = [], 0
    for k, word in enumerate(words):
        unit = units.get(folded[k])
        printed = word.group()
        if unit is None or printed.lower() == unit or len(printed) != len(unit) or not printed.islower():
            continue
        if not any(k >= n and tuple(folded[k - n : k]) in whole for n in lengths):
            continue
        rest = text[word.end() : word.end() + 4]
        after = words[k + 1].group() if k + 1 < len(words) else ""
        closes = rest[:1] in ",;.)" or after == "và" or (after[:1].isupper() and rest[:1] == " ")
        if closes:
            out += [text[done : word.start()], unit]
            done = word.end()
    return "".join(out) + text[done:]


def _fits(text: str, words: list[re.Match[str]], k: int, word: str) -> bool:
    """Whether the lexicon's ``word`` goes with the words printed around word ``k`` at least as well as the printed
    word does, by the pair counts of real administrative texts: 'THỦ TỤC XÂY DỰNG' is no slip of 'Cục Xây dựng'
    ('thủ tục' is a word), 'Phải triển' is one of 'Phát triển'."""
    pairs = syllable_model().pairs
    before = words[k - 1].group().lower() if k and not text[words[k - 1].end() : words[k].start()].strip() else None
    after = (
        words[k + 1].group().lower()
        if k + 1 < len(words) and not text[words[k].end() : words[k + 1].start()].strip()
        else None
    )

    def seen(w: str) -> int:
        return pairs.get((before or "", w), 0) + pairs.get((w, after or ""), 0)

    return seen(word.lower()) >= seen(place_tone_marks(words[k].group().lower()))


def _slip(
    window: tuple[str, ...],
    gaps: tuple[str, ...],
    printed: list[re.Match[str]],
    by_key: dict[_Key, list[tuple[str, tuple[str, ...]]]],
) -> tuple[int, str] | None:
    """The slot of ``window`` OCR misread and the lexicon's word for it, when one phrase is closest."""
    candidates: set[tuple[int, int, str]] = set()
    for i, seen in enumerate(window):
        for word, want_gaps in by_key.get((i, _blank(window, i)), []):
            if (
                want_gaps == gaps
                and len(word) == len(seen)
                and Hamming.distance(fold(word), seen) == 1
                and not (word[0].isupper() and printed[i].group()[0].islower())  # 'lịch sử tư pháp' names no body
                and seen not in _function_words()  # 'Các tổ chức và cá nhân', not 'Cục tổ chức'
            ):
                candidates.add((Levenshtein.distance(word.lower(), printed[i].group().lower()), i, word.lower()))
    ranked = sorted(candidates)
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1], ranked[0][2]


def mend_ocr_names(seg: SegmentedDocument) -> SegmentedDocument:
    """``seg`` with ``mend_names`` applied to its OCR'd pages; the same object when nothing changed."""
    text = seg.text
    for page in seg.doc.pages:
        if page.source == TextSource.ocr:
            text = text[: page.start] + mend_names(text[page.start : page.end]) + text[page.end :]
    if text == seg.text:
        return seg
    lines = [replace(line, text=text[line.start : line.end]) for line in seg.lines]
    quotations = [replace(q, text=text[q.start : q.end]) for q in seg.quotations]
    return SegmentedDocument(doc=seg.doc, text=text, lines=lines, quotations=quotations)
