"""Agency lexicon: finds the bodies a document names and gives their canonical (expanded) names.

The vocabulary lives in ``data/agencies.json``; this module only knows the grammar of a body's
name: ``[các] HEAD [NAME] [nested body] [scope]`` — 'Ban Tuyên giáo Tỉnh ủy', 'Đảng ủy Công an
tỉnh', 'Ủy ban nhân dân các quận, huyện', 'Thành ủy Nha Trang' — plus collective classes
('các sở, ban, ngành liên quan'). Matching runs on a folded copy of the text (same length, one
folded character per character) so OCR'd text with broken tone marks still matches and offsets
stay true; capitalisation, which tells a proper name from running text, is read from the original.

Public API: ``expand_abbreviations(s)``, ``find_agencies(text)``, and for the obligations extractor
``match_agency(text, pos)``, ``parse_addressees(text, pos)``, ``parse_officials(text, start, stop)`` and
``named(text, start, end)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.common import TILDE_DASH, load_json, phrase_alternation
from extractors.gazetteer import is_centrally_run_city, province_names
from pipeline.text import fold, fold_in_place, lexicon


@dataclass(frozen=True)
class AgencyMatch:
    """One body named in a text, with the offsets the grammar read it from; ``head_end`` and the flags let a list
    share a scope ('UBND các quận và thị xã Sơn Tây') between its members."""

    start: int
    end: int
    name: str  # canonical: abbreviations expanded, spacing collapsed
    head_end: int  # end of the body's own name, before its scope ('Ủy ban nhân dân|| các quận')
    scoped: bool  # carries a scope, a nested body or a place name, or needs none ('Sở Y tế')
    collective: bool  # a class of bodies ('các sở, ban, ngành')


class _Lexicon:
    def __init__(self) -> None:
        data = load_json("agencies.json")
        self.abbreviations: dict[str, str] = data["abbreviations"]
        self.abbreviation_pattern = re.compile(
            rf"(?<!\w)(?:{'|'.join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))})(?!\w)"
        )
        self.courtesy = _alternation(data["courtesy"])
        self.abbreviation_forms = {fold(a) for a in self.abbreviations}
        abbr = [a for a in self.abbreviations]
        self.bodies = _alternation(
            data["bodies"]
            + _abbreviated(data["bodies"], self.abbreviations)
            + [a for a in abbr if _expands_to_body(self.abbreviations[a], data)]
        )
        self.named_heads = _alternation(data["named_heads"])
        self.office_words = _alternation(data["office_words"])
        self.office_names = _alternation(data["office_names"])
        self.head_words = {fold(h) for h in data["named_heads"] if " " not in h}
        self.names = _alternation(data["names"] + [a for a in abbr if self.abbreviations[a] in data["names"]])
        self.titles = _alternation(data["titles"])
        self.unit_titles = _alternation(data["unit_titles"])
        # where a name can start: any head, title or 'các' (scanning every word would be 5x slower)
        self.starts = re.compile(
            rf"(?<!\w)(?:{'|'.join(p.pattern for p in (self.bodies, self.named_heads, self.titles))}|cac\s)"
        )
        self.units = _alternation(data["scope_units"])
        self.unit_forms = {u.lower() for u in data["scope_units"]}
        self.scope_words = _alternation(data["scope_words"])
        self.classes = _alternation(data["classes"])
        self.bare_series = _alternation(data["bare_series"])
        self.unjoined_classes = _alternation(data["unjoined_classes"])
        self.qualifiers = _alternation(data["class_qualifiers"])
        self.self_scoped = _alternation(data["self_scoped"])
        self.name_breaks = re.compile(rf"(?<!\w){_alternation(data['name_breaks']).pattern}")
        self.member_heads = _alternation(data["list_member_heads"] + data["named_heads"])
        self.mission_heads = {fold(h) for h in data["mission_heads"]}
        self.numbered_head = re.compile(rf"(?<!\w)(?:{_alternation(data['numbered_heads']).pattern})[ \t]*$")
        self.area_words = _alternation(data["area_words"])
        # 'các tỉnh, thành phố| ven biển từ |Đà Nẵng| đến |Lâm Đồng': at most two lowercase words before the range
        self.range_from = re.compile(rf"(?:[ \t]+[a-z]+){{0,2}}?\s+(?:{phrase_alternation(data['range_from'])})\s+")
        self.range_to = re.compile(rf"\s+(?:{phrase_alternation(data['range_to'])})\s+")
        # 'Phó' before a title ('Phó Trưởng ban'): the signer's grammar reads the same words
        self.deputy = re.compile(rf"(?:{phrase_alternation(load_json('metadata.json')['position_prefixes'])})[ \t]+")


def _abbreviated(bodies: list[str], abbreviations: dict[str, str]) -> list[str]:
    """Bodies as documents abbreviate them inside a longer name: 'Văn phòng UBND', 'Ủy ban MTTQ', and with every
    part abbreviated, 'Văn phòng HĐND - UBND'."""
    one = [b.replace(full, a) for b in bodies for a, full in abbreviations.items() if full in b and full != b]
    every = []
    for b in bodies:
        short = b
        for a, full in abbreviations.items():
            if full != b:
                short = short.replace(full, a)
        every.append(short)
    return one + [s for s in every if s not in bodies and s not in one]


def _expands_to_body(full: str, data: dict) -> bool:
    return any(fold(full).startswith(fold(b)) for b in data["bodies"])


def _alternation(words: list[str]) -> re.Pattern[str]:
    """A regex over folded text matching any of the words (longest first) at a word boundary."""
    return re.compile(rf"(?:{phrase_alternation(words)})(?![\w])")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


@lru_cache(maxsize=4096)
def expand_abbreviations(s: str) -> str:
    """'UBND tỉnh' → 'Ủy ban nhân dân tỉnh'."""
    table = _lexicon().abbreviations
    return _lexicon().abbreviation_pattern.sub(lambda m: table[m.group()], s)


_INITIALISM = re.compile(r"(?<!\w)[A-ZĐ][A-ZĐ&]{2,}(?!\w)")  # 'TTHC', 'QLVB&ĐH', 'LĐTBXH'
_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")
_DEFINED_IN_PLACE = re.compile(r"\s*\(([A-ZĐ][A-ZĐ&]{2,})\)")


def _ends_with(text: str, phrase: str) -> bool:
    return " ".join(fold(text).lower().split()).endswith(" ".join(fold(phrase).lower().split()))


_DEFINITION_WINDOW = 300  # characters before the bracket that defines an initialism


def _spelled_out(initialism: str, text: str) -> str | None:
    """The words whose initials spell ``initialism`` ('thủ tục hành chính' for 'TTHC', 'quản lý văn bản và điều hành'
    for 'QLVB&ĐH'; 'và' stands for '&' or is skipped) just before a bracket that defines it ('… giải quyết thủ tục
    hành chính (TTHC)', '… điều hành tỉnh Ninh Bình (gọi tắt là Hệ thống QLVB&ĐH)', '… Thương binh và Xã hội (sau
    đây viết tắt là LĐTBXH)'); None when the document defines it nowhere."""
    letters = fold(initialism).lower()
    for bracket in re.finditer(rf"\([^()]{{0,40}}(?<!\w){re.escape(initialism)}\)", text):
        window_start = max(0, bracket.start() - _DEFINITION_WINDOW)
        window = text[window_start : bracket.start()]
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(fold_in_place(window).lower())]
        best = None
        for i, (word, _, _) in enumerate(words):
            if word[0] != letters[0] or word == "va":
                continue
            j, k = 0, i
            while j < len(letters) and k < len(words):
                w = words[k][0]
                if (letters[j] == "&" and w == "va") or (letters[j] != "&" and w[0] == letters[j] and w != "va"):
                    j += 1
                elif w != "va":
                    break
                k += 1
            if j == len(letters):
                best = " ".join(window[words[i][1] : words[k - 1][2]].split())  # the last run before the bracket
        if best and not best.isupper():
            return best
    return None


def expand_initialisms(names: list[str], text: str) -> dict[str, str]:
    """The document's own initialisms in ``names`` ('doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải quyết
    TTHC', Ninh Bình 163/2025; 'Cán bộ quản trị hệ thống QLVB&ĐH', Ninh Bình 161/2025; 'Phòng LĐTBXH') spelled
    out as the document defines them ('… giải quyết thủ tục hành chính (TTHC)'): name → expanded name, for the
    names that have one (CONVENTIONS.md: agencies with abbreviations expanded)."""
    initialisms = {m.group() for n in names for m in _INITIALISM.finditer(n) if not _ROMAN_NUMERAL.match(m.group())}
    if not initialisms:
        return {}
    spelled = {a: p for a in initialisms if (p := _spelled_out(a, text))}
    out = {}
    for name in names:
        # 'Trung tâm Phục vụ hành chính công (TTPVHCC) tỉnh': the initialism defined in place is dropped
        expanded = _DEFINED_IN_PLACE.sub(
            lambda m: (
                "" if m.group(1) in spelled and _ends_with(m.string[: m.start()], spelled[m.group(1)]) else m.group()
            ),
            name,
        )
        expanded = _INITIALISM.sub(lambda m: spelled.get(m.group(), m.group()), expanded)
        if expanded != name:
            out[name] = expanded
    return out


_TILDE_DASH = re.compile(rf"\s*{TILDE_DASH}\s*")  # read by common.exact_alternation as a name's dash


def _canonical(text: str) -> str:
    text = _TILDE_DASH.sub(" - ", " ".join(text.split()).strip(" ,;:"))
    return expand_abbreviations(_restore_diacritics(text) if text.isascii() else text)


@lru_cache(maxsize=1)
def _proper_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_json("agencies.json")
    words = [
        w
        for key in (
            "bodies",
            "named_heads",
            "names",
            "titles",
            "scope_units",
            "scope_words",
            "classes",
            "class_qualifiers",
            "function_words",
        )
        for w in data[key]
    ]
    forms = {fold(w): w for w in sorted(words, key=len)}
    return _alternation(list(forms.values())), forms


def _restore_diacritics(text: str) -> str:
    """'So Noi vu' (a scan whose tone marks were lost) → 'Sở Nội vụ', word groups from the lexicon;
    capitalisation of the first letter follows the text."""
    pattern, forms = _proper_forms()
    folded = fold_in_place(text)
    out, pos = [], 0
    for m in re.finditer(r"(?<![\w])\w", folded):
        if m.start() < pos:
            continue
        found = pattern.match(folded, m.start())
        if found:
            proper = forms[" ".join(found.group().split())]
            if text[m.start()].isupper() != proper[0].isupper():
                proper = (str.upper if text[m.start()].isupper() else str.lower)(proper[0]) + proper[1:]
            out += [text[pos : m.start()], proper]
            pos = found.end()
    return "".join([*out, text[pos:]])


_PLURAL = "cac"  # 'các', folded: opens a class or a plural body
_WORD = re.compile(r"[^\W\d_]\w*")
# joins, matched on the folded text ('và' → 'va') so that scans without tone marks read the same
_NAME_JOIN = re.compile(r"\s+(?:va\s+|-\s+)?|-")  # between the words of a proper name
_TRAILING_JOIN = re.compile(r"(?:\s+(?:và|va))?[\s-]*$")
_AND = re.compile(r"va")
_UNIT_NUMBER = re.compile(r"[ \t]+\d{1,2}(?!\d|[/.,-]\d)")
# a body's number ('Ban Chỉ đạo 389', 'khu vực XII'), not a date, a document number or a count ('02 bản')
_DESIGNATOR = re.compile(r"[ \t]+(?:\d{1,4}|[IVXLC]{1,7})(?![\w/]|[.,-]\d)")
_NUMBERED_HEAD_CHARS = 40  # how far back from a name's end a ``numbered_heads`` name may start
_NEXT_WORD = re.compile(r"\s+([^\W\d_]\w*)")
_TITLE_SERIES = re.compile(r"\s*(?:,|;)\s*")  # on folded text: a bare title's comma before the next title
_DASH = re.compile(r"[ \t]*[-–—][ \t]*")  # OCR reads the hyphen of 'Lao động - Thương binh' as '—' too
_NAME_WORDS = 3  # capitalised two-syllable words a name may go on with ('Bưu chính Viễn thông')
_BRIDGE_WORDS = 2  # lowercase words inside a capitalised name ('Khu Nông nghiệp ứng dụng Công nghệ cao')
_TAIL_WORDS = 5  # lowercase words a name may go on with after its capitalised first word
_MISSION_WORDS = 7  # lowercase words of a mission before its scope ('Ban Chỉ đạo| thi hành án dân sự| tỉnh')
# 'các quận, huyện và thị xã', 'quận - huyện', 'phường - xã', and either level a slash offers ('xã/phường')
_UNIT_JOIN = re.compile(r",\s*|\s+va\s+|[ \t]*[-–—/][ \t]*")
# the words between a named body's name and the colon of its item: 'Phòng Tổ chức| cán bộ|:'
_TAIL_TO_COLON = re.compile(r"[ \t]+([^\W\d_]+(?:[ \t]+(?:-[ \t]+)?[^\W\d_]+){0,9})[ \t]*:")
_SERIES_COMMA = re.compile(r",\s*")
_CLASS_JOIN = re.compile(r",\s*(?:cac\s+)?|\s+va\s+")  # 'các sở, ban, ngành', 'các cấp, các ngành'
_SPACE = re.compile(r"\s+")
_RESTATED_PLURAL = re.compile(rf"\b{_PLURAL}\b")  # on folded text


class _Scanner:
    """The grammar of a body's name, over one text and its folded twin."""

    def __init__(self, text: str, folded: str | None = None) -> None:
        self.text = text
        self.folded = folded if folded is not None else fold_in_place(text)
        self.lex = _lexicon()
        self.toned = self.folded != self.text.lower()  # False for a scan that lost its tone marks
        # an all-capitals title ('II. ĐỀ NGHỊ THƯỜNG TRỰC TỈNH ỦY THANH HÓA …') shows no proper names by case
        self.caps = not any(c.islower() for c in text)

    # -- small readers: each returns the end offset of what it read, or None ---------------------
    def _ws(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        return pos

    def _word(self, pattern: re.Pattern[str], pos: int) -> int | None:
        m = pattern.match(self.folded, self._ws(pos))
        return m.end() if m else None

    def _body_word(self, pos: int) -> int | None:
        """A body's own name ('Công an', 'Tỉnh ủy'); an abbreviation counts only in capitals — 'cắt' is no 'CAT'."""
        end = self._word(self.lex.bodies, pos)
        start = self._ws(pos)
        if (
            end is not None
            and self.folded[start:end] in self.lex.abbreviation_forms
            and not self.text[start:end].isupper()
        ):
            return None
        return end

    def _literal(self, word: str, pos: int) -> int | None:
        p = self._ws(pos)
        if self.folded.startswith(word, p) and not self.folded[p + len(word) : p + len(word) + 1].isalnum():
            return p + len(word)
        return None

    def _capitalised_run(self, pos: int, max_words: int = 5) -> int | None:
        """'Nha Trang', 'Hà Nội', 'Kinh tế và Đô thị': capitalised words, joined by 'và' or '-'."""
        if self.caps:
            return None
        end, words = None, 0
        p = self._ws(pos)
        while words < max_words:
            m = _WORD.match(self.text, p)
            if not m or not m.group()[0].isupper() or (words and self._starts_body(p) and not self._in_place(pos, m)):
                break
            end, words = m.end(), words + 1
            end = self._completed_word(m, end)
            nxt = _NAME_JOIN.match(self.folded, end)
            if not nxt:
                break
            p = nxt.end()
        after = _NEXT_WORD.match(self.text, end or 0)
        if (
            end is None
            or not after
            or not after.group(1)[0].islower()
            or _AND.fullmatch(self.folded, after.start(1), after.end(1))
        ):
            return end  # 'thành phố Vinh và UBND các thị xã': 'và' ends the name, it opens no word
        last = self.text.rfind(" ", pos, end) + 1
        later = _NEXT_WORD.match(self.text, after.end())
        pairs = lexicon().pairs
        opens_word = (self.text[last:end].lower(), after.group(1)) in pairs and not (
            later and (after.group(1), later.group(1).lower()) in pairs
        )
        if words > 1 and opens_word and (later is None or later.group(1)[0].isupper()):
            return after.end()  # '… Viễn thông Quân đội|,': the word the last syllable opens ends the name
        if words == 1 and (place := _WORD.match(self.text, last)) is not None and self._in_place(pos, place):
            return end  # 'Thuế thành phố Huế| đối chiếu …': a one-word province is a name, not the next sentence
        if words == 1 or opens_word:
            # 'tỉnh Vận động …', 'Thành ủy Nha Trang Chủ trì …': a capitalised word that opens a
            # lowercase word ('vận động', 'chủ trì') begins the sentence after the name — but in
            # 'Nha Trang chủ trì' the lowercase word belongs to the next word ('chủ trì')
            kept = _TRAILING_JOIN.sub("", self.text[pos:last])
            return pos + len(kept) if kept.strip() and words > 1 else None
        return end

    def _completed_word(self, word: re.Match[str], end: int) -> int:
        """'Khu Kinh tế| Phú Yên', 'Trung tâm Công nghệ thông tin và Truyền thông': the lowercase syllable that
        completes a capitalised one is inside the name when another capitalised word, not a body of its own, goes
        on after it; before lowercase words ('Thành ủy Nha Trang Chủ trì …') it opens the sentence instead."""
        after = _NEXT_WORD.match(self.text, word.end())
        if (
            after is None
            or not after.group(1)[0].islower()
            or (word.group().lower(), after.group(1)) not in lexicon().pairs
        ):
            return end
        p = after.end()
        for _ in range(_BRIDGE_WORDS):  # 'Khu Nông nghiệp| ứng dụng| Công nghệ cao': a few lowercase words between
            lower = _NEXT_WORD.match(self.text, p)
            if (
                lower is None
                or not lower.group(1)[0].islower()
                or self.lex.name_breaks.match(self.folded, lower.start(1))
            ):
                break
            p = lower.end()
        join = _NAME_JOIN.match(self.folded, p)
        later = _WORD.match(self.text, join.end()) if join else None
        if later is None or not later.group()[0].isupper() or self._starts_body(later.start()):
            return end
        return p

    def _spans_words(self, start: int, end: int) -> bool:
        """Does a name run on through lowercase words to a later capitalised one ('Công ty Cổ phần siêu thị Sài
        Gòn', 'Học viện Chính trị quốc gia Hồ Chí Minh')? Such a name is whole: the lowercase words after it
        are the task ('… Sài Gòn| liên hệ với …')."""
        cases = [w.group()[0].isupper() for w in _WORD.finditer(self.text, start, end)]
        return any(not c for c in cases) and cases.count(True) >= 2 and cases[-1]

    def _in_place(self, pos: int, word: re.Match[str]) -> bool:
        """Does ``word`` end a province's name begun at ``pos`` ('Hải| Phòng', where 'Phòng' also opens a body)?"""
        return fold(" ".join(self.text[self._ws(pos) : word.end()].split())) in _province_forms()

    def _starts_body(self, pos: int) -> bool:
        """Does another body's name begin here ('… Hoằng Hóa và Sở Y tế')?"""
        return self._body_word(pos) is not None or any(
            self._word(p, pos) is not None for p in (self.lex.named_heads, self.lex.titles)
        )

    def _capitalised_word(self, pos: int) -> int | None:
        """'Nhân dân', 'Thanh niên' after 'Báo': a capitalised syllable and the lowercase one that
        completes its word."""
        m = _WORD.match(self.text, self._ws(pos))
        if self.caps or not m or not m.group()[0].isupper():
            return None
        nxt = _NEXT_WORD.match(self.text, m.end())
        return nxt.end() if nxt and (m.group().lower(), nxt.group(1)) in lexicon().pairs else None

    def _tail_to_colon(self, pos: int) -> int:
        """'Phòng Cảnh sát| quản lý hành chính về trật tự xã hội:': a named body's name runs on through
        lowercase words up to its item's colon, unless a role word, a join or another (capitalised) body comes
        first — 'cán bộ', 'xã hội' are words, not the heads 'Bộ', 'Hội'."""
        m = _TAIL_TO_COLON.match(self.text, pos)
        if (
            not m
            or self.lex.name_breaks.search(self.folded[m.start(1) : m.end(1)])
            or any(
                w.group()[0].isupper() and self._starts_body(w.start())
                for w in _WORD.finditer(self.text, m.start(1), m.end(1))
            )
        ):
            return pos
        return m.end(1)

    def _opens_name(self, pos: int) -> bool:
        """Does a title, a body, a head or a class word (with its 'các') begin here — 'Hiệu lực thi hành' is no member
        of a list?"""
        return self._spelled_head(pos) or self._word(self.lex.classes, self._literal(_PLURAL, pos) or pos) is not None

    def _spelled_head(self, pos: int) -> bool:
        """Does a body or head begin here, spelled with its own tone marks when the text has them ('Viễn thông' is
        no 'Viện')?"""
        start = self._ws(pos)
        for pattern in (self.lex.bodies, self.lex.named_heads, self.lex.titles):
            m = pattern.match(self.folded, start)
            if m is None:
                continue
            proper = _proper_forms()[1].get(" ".join(m.group().split()))
            if not self.toned or proper is None or self.text[start : m.end()].lower() == proper.lower():
                return True
        return False

    def _nested_head(self, pos: int, end: int) -> bool:
        """Is the head at text[pos:end] a body's head standing for its body ('Văn phòng |Ban Chỉ huy')? It is written
        with a capital and, a one-word head where the text has tone marks, with its own: folded, 'bỏ' is 'Bộ' and
        'Đãi' 'Đài', so 'Bãi bỏ' read 'Đãi bỏ' (UBND Quảng Trị 2688, faxed), 'Đại hội', 'cục bộ' or 'sơ bộ' would
        each name a body. A slipped mark in a longer head ('Bạn Chỉ huy') is still that head."""
        start = self._ws(pos)
        one_word = len(self.folded[start:end].split()) == 1
        return (self.caps or self.text[start : start + 1].isupper()) and (not one_word or self._spelled_head(start))

    def _dashed(self, pos: int) -> int | None:
        """'- Quản lý' after a name: a second capitalised part joined by a dash ('Kinh tế - Quản lý')."""
        m = _DASH.match(self.text, pos)
        if m is None:
            return None
        deputy = self.lex.deputy.match(self.folded, m.end())
        if (
            self._spelled_head(m.end())
            or self._word(self.lex.classes, m.end()) is not None
            or self._word(self.lex.titles, deputy.end() if deputy else m.end()) is not None
        ):
            # 'Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo' says what the Sở is, 'Bộ trưởng Bộ Tài chính - Phó
            # Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia' what else the minister is
            return None
        return self._capitalised_run(m.end()) or self._words_run(m.end())

    def _words_run(self, pos: int) -> int | None:
        """'Bưu chính| Viễn thông', 'Viễn thông| Quân đội': capitalised words of two syllables each (the second in
        lowercase), up to a head, a unit or a scope word ('… Viễn thông| Việt Nam')."""
        end = self._capitalised_word(pos)
        for _ in range(_NAME_WORDS):
            if end is None or self._spelled_head(end) or self._unit(end) is not None:
                break
            if self._word(self.lex.scope_words, end) is not None:
                break
            nxt = self._capitalised_word(end)
            if nxt is None:
                break
            end = nxt
        return end

    def _lower_tail(self, pos: int) -> int:
        """'Cục Kết cấu| hạ tầng xây dựng', 'Trung tâm Dịch vụ| việc làm| Thành phố', 'Vụ Tổ chức| cán bộ|;': only the
        first word of a name after its head is capitalised, so lowercase words go on naming the body up to a
        separator, a capitalised word or a role word ('tham mưu', 'chủ trì') — but not past a few words, where they
        are the task itself."""
        end, p = pos, pos
        if self.caps:
            return pos
        for _ in range(_TAIL_WORDS):
            m = _NEXT_WORD.match(self.text, p)
            if not m or not m.group(1)[0].islower() or self.lex.name_breaks.match(self.folded, m.start(1)):
                break
            if any(self._word(w, m.start(1)) is not None for w in (self.lex.qualifiers, self.lex.scope_words)) or (
                self._unit(m.start(1)) is not None
            ):
                break  # 'Sở Tư pháp| tỉnh', '… |cấp tỉnh', '… |liên quan': a scope or a qualifier, read after the name
            end = p = m.end()
        else:
            return pos  # five lowercase words and more: a sentence, not a name
        after = self.text[end : end + 2].lstrip(" \t")
        nxt = _NEXT_WORD.match(self.text, end)
        # what a name can end at: the end, a colon or bracket, a capitalised word ('… việc làm| Thành phố');
        # before ',' '.' ';' the words may as well be a short task ('Sở Tài chính bố trí kinh phí.')
        closes = (
            not after
            or after[0] in ":(/"
            or (
                nxt is not None
                and (
                    nxt.group(1)[0].isupper()
                    or self._unit(nxt.start(1)) is not None
                    or self._word(self.lex.scope_words, nxt.start(1)) is not None
                )
            )
        )  # … or a scope ('Trung tâm Kiểm soát| bệnh tật| tỉnh', 'Ban Chỉ huy Phòng thủ| dân sự| cấp tỉnh')
        breaks = nxt is not None and self.lex.name_breaks.match(self.folded, nxt.start(1)) is not None
        return end if closes or breaks else pos

    def _mission(self, start: int, pos: int) -> int:
        """The lowercase mission that names a body of ``mission_heads`` (text[start:pos]) up to the scope that closes
        it, with that scope: 'Ban Chỉ đạo| phát triển du lịch| các địa phương' (Ban Chỉ đạo Nhà nước về Du lịch
        170/2025), 'Ban chỉ đạo| phòng thủ dân sự| quốc gia' (Thủ tướng's telegrams); else ``pos``: with no scope
        the words are the body's task ('Ban Chỉ đạo| kiểm tra các …')."""
        if " ".join(self.folded[self._ws(start) : pos].split()) not in self.lex.mission_heads:
            return pos
        p = pos
        for _ in range(_MISSION_WORDS):
            m = _NEXT_WORD.match(self.text, p)
            if not m or not m.group(1)[0].islower():
                return pos
            at = m.start(1)
            plural = self._literal(_PLURAL, at)
            scope = self._scope(at) or (self._word(self.lex.scope_words, plural) if plural else None)
            if scope is not None and p > pos:
                return scope
            if self.lex.name_breaks.match(self.folded, at) or self._word(self.lex.qualifiers, at) is not None:
                return pos
            p = m.end()
        return pos

    def _designator(self, pos: int) -> int:
        """The number that tells a body apart, read with its name: after a name of ``numbered_heads`` ('Ban Chỉ đạo
        389', 'Ban Quản lý Dự án 85', 'Quân khu 5'), or after an area word of any body ('Ngân hàng Nhà nước khu vực
        XII'); else ``pos``. A count after a name ('gửi Sở Tài chính 02 bản') is none."""
        start = pos
        if (area := self._word(self.lex.area_words, pos)) is not None:
            pos = area
        elif not self.lex.numbered_head.search(self.folded, max(0, pos - _NUMBERED_HEAD_CHARS), pos):
            return start
        number = _DESIGNATOR.match(self.text, pos)
        return number.end() if number is not None else start

    def _qualifiers(self, pos: int) -> int:
        """'liên quan', 'khác của Thành phố', 'trực thuộc Tỉnh ủy'."""
        while (q := self._word(self.lex.qualifiers, pos)) is not None:
            pos = q
            if (s := self._scope(pos)) is not None:
                pos = s
            elif (body := self.match(pos, allow_collective=False)) is not None:
                pos = body.end
            elif (owner := self._bare_owner(pos)) is not None:
                pos = owner
        return pos

    def _bare_owner(self, pos: int) -> int | None:
        """The issuer's own body named by its bare capitalised head after a qualifier: 'đơn vị sự nghiệp thuộc Bộ'
        (Bộ Tư pháp, 23/2025/TT-BTP), 'các đơn vị trực thuộc Sở' (a Sở's plan), 'đơn vị sự nghiệp thuộc Cục'."""
        start = self._ws(pos)
        end = self._word(self.lex.self_scoped, pos)
        if end is None and (m := _WORD.match(self.folded, start)) is not None and m.group() in self.lex.head_words:
            end = m.end()
        return end if end is not None and self.text[start : start + 1].isupper() else None

    def _unit(self, pos: int) -> int | None:
        """An administrative unit word. Folded, 'quan' is both 'quận' and the 'quan' of 'quan tâm': a
        text that has tone marks must spell the unit with its own."""
        end = self._word(self.lex.units, pos)
        if end is None or not self.toned:
            return end
        start = self._ws(pos)
        return end if " ".join(self.text[start:end].lower().split()) in self.lex.unit_forms else None

    def _scope(self, pos: int) -> int | None:
        """'tỉnh', 'Thành phố', 'các quận, huyện, thị xã', 'thị xã Sơn Tây', 'Trung ương', 'các cấp', and the area a
        scope word ranges over ('Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội')."""
        if (w := self._word(self.lex.scope_words, pos)) is not None:
            return self._unit_scope(w) or w
        return self._unit_scope(pos)

    def _unit_scope(self, pos: int) -> int | None:
        """'tỉnh', 'các quận, huyện, thị xã', 'thị xã Sơn Tây', 'Phường 12'."""
        p = self._literal(_PLURAL, pos) or pos
        end = self._unit(p)
        if end is None or self._body_word(p) is not None:  # 'Tỉnh ủy' is a body
            return None
        while True:
            m = _UNIT_JOIN.match(self.folded, end)
            if (
                not m
                or (nxt := self._unit(m.end())) is None
                or self._body_word(m.end()) is not None
                or (self._capitalised_run(nxt) is not None and m.group().strip() == "va")
            ):
                break  # 'các quận và thị xã Sơn Tây': a named unit is a body of its own, 'các xã, phường, đặc khu Lý Sơn' is not
            end = nxt
        if (reach := self._range(end)) is not None:
            return reach
        if (number := _UNIT_NUMBER.match(self.text, end)) is not None:  # 'Quận 3', 'Phường 12'
            end = number.end()
        elif (name := self._capitalised_run(end, 3)) is not None and self._body_word(end) is None:
            end = name
        return end

    def _range(self, pos: int) -> int | None:
        """Where the range of places a class of units covers ends ('các tỉnh, thành phố| ven biển từ Đà Nẵng đến Lâm
        Đồng'): the text lists no member, so the range is what names them; else None."""
        m = self.lex.range_from.match(self.folded, pos)
        if m is None or not self.text[m.start() : m.end()].islower():
            return None
        first = self._capitalised_run(m.end(), 3)
        to = self.lex.range_to.match(self.folded, first) if first is not None else None
        return self._capitalised_run(to.end(), 3) if to is not None else None

    # -- the grammar --------------------------------------------------------------------------
    def collective(self, pos: int, bare: bool = False, titled: bool = False) -> int | None:
        """'các sở, ban, ngành liên quan', 'Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc'; ``bare`` reads a
        class without its 'các' ('Thủ trưởng cơ quan, đơn vị có liên quan'); ``titled``, the classes one title heads,
        which a restated 'các' does not end ('Thủ trưởng các cơ quan, đơn vị, địa phương, các chủ đầu tư')."""
        p = self._literal(_PLURAL, pos)
        if p is None and bare and self.text[self._ws(pos) : self._ws(pos) + 1].islower():
            p = pos  # lowercase: 'Giám đốc Sở Tài chính' names one Sở
        if p is None and self._class_series(pos):
            p = pos  # 'Sở, ban, ngành thành phố', 'đề nghị bộ, ngành, địa phương …': a series is a class without 'các'
        if p is None or (end := self._word(self.lex.classes, p)) is None:
            return None
        if self.text[self._ws(p) : self._ws(p) + 1].isupper() and self._word(self.lex.names, end) is not None:
            return None  # 'các Sở Xây dựng' are bodies of one name, not a class
        member = p
        while True:
            m = _CLASS_JOIN.match(self.folded, end)
            if m and not titled and _RESTATED_PLURAL.search(m.group()):
                break  # 'các sở, ban, ngành, các tổ chức chính trị - xã hội': a restated 'các' opens a class of its own
            if not m or (nxt := self._word(self.lex.classes, m.end())) is None:
                # 'các tổ chức cá nhân có liên quan': a class that ends a series with its comma left out
                m = _SPACE.match(self.folded, end)
                if not m or (nxt := self._word(self.lex.unjoined_classes, m.end())) is None:
                    m = self._closed_member_comma(member, end)
                    if m is None or (nxt := self._word(self.lex.classes, m.end())) is None:
                        break
            body = self.match(m.end(), allow_collective=False)
            if body is not None and body.scoped and self.text[body.start : body.start + 1].isupper():
                break  # 'các cơ quan, Công an tỉnh': a named body ends the class, 'các chi bộ, đảng bộ cơ sở' does not
            member, end = m.end(), nxt
        end = self._qualifiers(self._range(end) or end)
        if (s := self._scope(end)) is not None:
            end = self._qualifiers(s)
        elif (body := self.match(end, allow_collective=False)) is not None and self.text[
            end : body.start
        ].strip() == "":
            end = body.end  # 'các thành viên Ban Chỉ đạo tỉnh': the body the members belong to
        return end

    def _closed_member_comma(self, member: int, end: int) -> re.Match[str] | None:
        """The comma after a member (its class word text[member:end]) its qualifier or scope closes, when the series
        goes on past it to another class word ('các bộ, cơ quan trung ương|, địa phương'): the qualifier closes the
        member, not the series. Not a restated 'các', nor the same class word again, which tells levels apart ('Quỹ …
        trung ương, cấp tỉnh|, cấp huyện': one body per level)."""
        closed: int | None = self._qualifiers(end)
        if closed == end:
            closed = self._scope(end)
        if closed is None:
            return None
        comma = _SERIES_COMMA.match(self.folded, closed)
        if comma is None or self.folded.startswith(self.folded[self._ws(member) : end], comma.end()):
            return None
        return comma

    def _class_series(self, pos: int) -> bool:
        """Does a series of two classes or more that need no 'các' start here ('Sở, ban, ngành', 'bộ, ngành, địa
        phương')?"""
        end, count = pos, 0
        while (word := self._word(self.lex.bare_series, end)) is not None:
            end, count = word, count + 1
            if (m := _SERIES_COMMA.match(self.folded, end)) is None:
                break
            end = m.end()
        return count >= 2

    def match(self, pos: int, allow_collective: bool = True) -> AgencyMatch | None:
        """The body whose name starts at ``pos`` (after spaces), or None: a class of bodies ('các sở, ban, ngành',
        also after a title), else a body word or a named head with its name, then a nested body, a scope or a
        capitalised place. ``allow_collective=False`` reads a body nested in another, which is never a class."""
        pos = self._ws(pos)
        if allow_collective and (end := self.collective(pos)) is not None:
            return AgencyMatch(pos, end, _canonical(self.text[pos:end]), end, True, True)
        if (office := self._office(pos)) is not None:
            return office
        p = pos
        if (t := self._word(self.lex.titles, p)) is not None:
            p = t
            if (end := self.collective(p, bare=True, titled=True)) is not None:  # 'Thủ trưởng (các) cơ quan, đơn vị'
                return AgencyMatch(pos, end, _canonical(self.text[pos:end]), end, True, True)
            found = self._headed(pos, p, t)
            first = _WORD.match(self.text, pos)
            if first and (second := _NEXT_WORD.match(self.text, first.end())) is not None:
                # 'Chánh Văn phòng Bộ': the title's own head word opens the body ('Văn phòng Bộ'), and it wins
                # when it reads further ('Chánh Văn phòng| Hội đồng nhân dân và Ủy ban nhân dân thành phố')
                inner = self.match(second.start(1), allow_collective=False)
                if inner is not None and (found is None or inner.end > found.end):
                    return AgencyMatch(
                        pos, inner.end, _canonical(self.text[pos : inner.end]), inner.head_end, True, False
                    )
            if found is None and (sep := _TITLE_SERIES.match(self.folded, t)) and self._starts_body(sep.end()):
                # 'Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, …': a title in a series of titles is the officials it names
                return AgencyMatch(pos, t, _canonical(self.text[pos:t]), t, True, False)
            return self._alternative(found)
        return self._alternative(self._headed(pos, p, None))

    def _office(self, pos: int) -> AgencyMatch | None:
        """'Cơ quan Thuế', 'cơ quan Bảo hiểm xã hội thành phố Huế', 'Cơ quan Công an': an office word before a body's
        own capitalised name names that body (HĐND Huế 37/2025, UBND Hà Nội's land procedures, Bộ Quốc phòng's); so
        does it before a field that is no body alone ('Thuế', 'Hải quan': ``office_names``)."""
        end = self._word(self.lex.office_words, pos)
        if end is None or not self.text[self._ws(end) : self._ws(end) + 1].isupper():
            return None
        if (field := self._word(self.lex.office_names, end)) is not None and self._body_word(end) is None:
            scope = self._scope(field)
            stop = scope if scope is not None else field
            return AgencyMatch(pos, stop, _canonical(self.text[pos:stop]), field, True, False)
        if self._body_word(end) is None:
            return None
        inner = self.match(end, allow_collective=False)
        if inner is None or inner.start != self._ws(end):
            return None
        return AgencyMatch(pos, inner.end, _canonical(self.text[pos : inner.end]), inner.head_end, inner.scoped, False)

    def _alternative(self, found: AgencyMatch | None) -> AgencyMatch | None:
        """A body and, after a slash, the name the same office bears elsewhere: 'Phòng Kinh tế xã/Phòng Kinh tế, Hạ
        tầng và Đô thị phường' (HĐND Huế 37/2025), 'Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao' (the
        ministry's guidance): one addressee, whichever name it has where the text is read."""
        if found is None or found.collective or not self.text.startswith("/", found.end):
            return found
        other = self.match(found.end + 1, allow_collective=False)
        if other is None or other.start != found.end + 1 or other.collective:
            return found
        return AgencyMatch(
            found.start, other.end, _canonical(self.text[found.start : other.end]), found.head_end, True, False
        )

    def _headed(self, pos: int, p: int, t: int | None) -> AgencyMatch | None:
        """The body read from ``p`` on — after the title that ends at ``t``, if any — named from ``pos``."""
        if (c := self._literal(_PLURAL, p)) is not None and (
            self._body_word(c) is not None or self._word(self.lex.named_heads, c) is not None
        ):
            p = c
        scoped = False
        end = self._body_word(p)
        h = self._word(self.lex.named_heads, p) if end is None else None
        if end is None and h is None and t is not None and self.folded[pos:t].split()[-1] in self.lex.head_words:
            h = p  # 'Trưởng phòng Tài chính - Kế hoạch': the title ends with the body's head
        if end is None and h is not None:
            known = self._word(self.lex.names, h)
            name = known or self._capitalised_run(h) or self._words_run(h)
            if name is not None and (dashed := self._dashed(name)) is not None:
                # 'Cục Kinh tế - Quản lý| đầu tư xây dựng', 'Tập đoàn Công nghiệp - Viễn thông Quân đội'
                known, name = None, dashed
            if (
                known is None
                and (head := self._word(self.lex.named_heads, h)) is not None
                and head > (name or h)
                and self._nested_head(h, head)
            ):
                name = head  # 'Văn phòng Ban Chỉ huy|;': a nested head whose name the text leaves out
            inner = self.match(h, allow_collective=False) if known is None else None
            if inner is not None and inner.start == self._ws(h) and (name is None or inner.end > name):
                # 'Văn phòng| Ban Chỉ huy Phòng thủ dân sự tỉnh': the head's name is a body of its own
                return AgencyMatch(pos, inner.end, _canonical(self.text[pos : inner.end]), inner.head_end, True, False)
            colon = _COLON.match(self.text, h)
            if name is None and colon and self.text[colon.end() : colon.end() + 1].isupper():
                # 'Giám đốc Sở|: Lao động - Thương binh và Xã hội, Thông tin và Truyền thông': the names follow
                return AgencyMatch(pos, h, _canonical(self.text[pos:h]), h, True, True)
            if name is None:
                return None
            scoped = True  # 'Sở Y tế' is a whole name: it takes no scope from a list
            tail = self._tail_to_colon(name)
            if tail == name and known is None and not self._spans_words(h, name):
                # 'Cục Kết cấu| hạ tầng xây dựng| tham mưu …', 'Quỹ Đền| ơn đáp nghĩa'
                tail = self._lower_tail(name)
                if tail > name and not self._starts_body(tail) and (more := self._capitalised_run(tail, 4)):
                    tail = more  # 'Ban quản lý Khu Nông nghiệp| ứng dụng| Công nghệ cao Phú Yên'
            end = self._qualifiers(tail)
        elif end is None:
            return None
        else:  # 'Ban Chỉ đạo| phát triển du lịch các tỉnh, thành phố': a whole name with its scope
            mission = self._mission(p, end)
            end, scoped = mission, mission > end
        end = self._designator(end)
        head_end = end
        nested = self.match(end, allow_collective=False)
        if nested is not None and nested.start == self._ws(end):
            return AgencyMatch(pos, nested.end, _canonical(self.text[pos : nested.end]), head_end, True, False)
        if (s := self._scope(end)) is not None:
            end, scoped = s, True
        elif not scoped and (run := self._capitalised_run(end, 4)) is not None:
            end, scoped = run, True
        end = self._qualifiers(end)
        return AgencyMatch(pos, end, _canonical(self.text[pos:end]), head_end, scoped, False)

    def courtesy(self, pos: int) -> int:
        """Skip 'Đề nghị', 'Giao' before an addressee."""
        end = self._word(self.lex.courtesy, pos)
        return self._ws(end) if end is not None else self._ws(pos)


def match_agency(text: str, pos: int = 0, folded: str | None = None) -> AgencyMatch | None:
    """The body whose name starts at text[pos] (after spaces), or None."""
    return _Scanner(text, folded).match(pos)


_NAME_TAIL = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}(?=\s*(?:[,;:]|$))")
_SEPARATOR = re.compile(r"\s*(?:,\s*va|,|\s+va|\s+cung|;)\s+|\s*,\s*")  # on folded text


def parse_addressees(text: str, pos: int = 0, folded: str | None = None) -> tuple[list[AgencyMatch], int]:
    """The bodies listed at text[pos:]: 'Đề nghị Viện kiểm sát nhân dân và Tòa án nhân dân Thành phố'
    → two bodies (the shared scope 'Thành phố' given to both); 'UBND các quận và thị xã Sơn Tây' →
    'Ủy ban nhân dân các quận', 'Ủy ban nhân dân thị xã Sơn Tây'. Returns (bodies, end offset)."""
    sc = _Scanner(text, folded)
    p = sc.courtesy(pos)
    first = sc.match(p)
    if first is None:
        found, end = _provinces(sc, p)  # 'Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương …'
        if not found:
            return [], pos
        first = found[0]
    else:
        found, end = [first], first.end
    joined_by_and = False
    by_comma: set[int] = set()  # members joined to the one before by a comma, not 'và'
    if found == [first] and first.collective and (listed := _class_members(sc, first))[0]:
        found, end = listed
    elif found == [first] and (places := _listed_places(sc, first))[0]:
        found, end = places
    while True:
        aside = _ASIDE.match(text, end)  # 'Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ), …': whose it is
        sep = _SEPARATOR.match(sc.folded, aside.end() if aside else end)
        if not sep:
            break
        q = sc.courtesy(sep.end())
        nxt = sc.match(q)
        if nxt is None and (bare := sc.collective(q, bare=True)) is not None:
            # '…, cơ quan thông tấn báo chí và Ủy ban nhân dân xã': a class inside a list needs no 'các'
            nxt = AgencyMatch(q, bare, _canonical(text[q:bare]), bare, True, True)
        tail = _NAME_TAIL.match(text, q)
        if nxt is None and sep.group().strip() == "va" and tail and text[q : q + 1].isupper():
            prev, run = found[-1], tail.end()  # 'Báo Kinh tế và Đô thị': the 'và' was inside the name
            found[-1] = AgencyMatch(prev.start, run, _canonical(text[prev.start : run]), run, prev.scoped, False)
            end = run
            continue
        prev, level = found[-1], sc._word(sc.lex.scope_words, q)
        if level is not None and not prev.collective and prev.head_end < prev.end and (nxt is None or nxt.end <= level):
            # 'Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã': a bare level is the same body at that level
            name = _canonical(text[prev.start : prev.head_end] + " " + text[sc._ws(q) : level])
            nxt = AgencyMatch(prev.start, level, name, prev.head_end, True, False)
        if nxt is not None and nxt.collective and (listed := _class_members(sc, nxt))[0]:
            found += listed[0]
            end = listed[1]
            continue
        if nxt is not None and (places := _listed_places(sc, nxt))[0]:
            if sep.group().strip() == "va" and found[-1].end == found[-1].head_end:
                # 'Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: Đắk Lắk, Gia Lai': the places go with both
                prev = found.pop()
                found += [
                    AgencyMatch(
                        prev.start, p.end, _canonical(f"{prev.name} {text[p.start : p.end]}"), p.end, True, False
                    )
                    for p in places[0]
                ]
            found += places[0]
            end = places[1]
            continue
        if nxt is None and found[-1].end == found[-1].head_end and (more := _provinces(sc, q))[0]:
            found += more[0]  # 'Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai'
            end = more[1]
            continue
        if nxt is None and any(not f.collective for f in found) and (unknown := _unknown_members(sc, q))[0]:
            found += unknown[0]  # 'Bộ đội Biên phòng, Cảng vụ hàng hải, Kiểm dịch y tế, … và cơ quan chức năng …'
            end = unknown[1]
            continue
        if nxt is None and (place := _shared_unit_place(sc, found[-1], q)) is not None:
            found[-1], nxt = place
        elif nxt is None:
            unit, prev = sc._scope(q), found[-1]
            if unit is None or prev.collective or not any(ch.isupper() for ch in text[q:unit]):
                break  # only a named unit ('thị xã Sơn Tây') borrows the previous body's head
            name = _canonical(text[prev.start : prev.head_end] + " " + text[q:unit])
            nxt = AgencyMatch(prev.start, unit, name, prev.head_end, True, False)
        found.append(nxt)
        joined_by_and = sep.group().strip(" ,") == "va"
        if sep.group().strip() == ",":
            by_comma.add(len(found) - 1)
        end = nxt.end
    found = _shared_body(sc, found)
    return _shared_scope(sc, found, joined_by_and, by_comma), end


_MEMBER_SYLLABLES = 10  # a name read by its shape alone is short ('Hợp tác xã dịch vụ điện Quảng Phú': 7)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+va\s+")  # on folded text


def _unknown_members(sc: _Scanner, pos: int) -> tuple[list[AgencyMatch], int]:
    """Members of a list of bodies that the lexicon does not know, read by the shape of a name: a capitalised head of
    ``list_member_heads`` or ``named_heads`` and its words up to the list's next separator ('Cảng vụ hàng hải',
    'Kiểm dịch thực vật', 'Hợp tác xã dịch vụ điện Quảng Phú'). Only between bodies: a known body before them (the
    caller's) and a known body or class after them, so a sentence's start is never read as a name."""
    members: list[AgencyMatch] = []
    q = pos
    while not sc.caps and sc.text[q : q + 1].isupper() and (head := sc._word(sc.lex.member_heads, q)) is not None:
        sep = _LIST_SEPARATOR.search(sc.folded, head)
        if sep is None:
            break
        words = sc.folded[q : sep.start()].split()
        if len(words) > _MEMBER_SYLLABLES or not all(w.isalpha() for w in words):
            break
        if sc.lex.name_breaks.search(sc.folded, head, sep.start()):
            break  # 'Ban Chỉ đạo chủ trì, …': a verb ends the list
        members.append(AgencyMatch(q, sep.start(), _canonical(sc.text[q : sep.start()]), sep.start(), True, False))
        nxt = sc.courtesy(sep.end())
        if sc.match(nxt) is not None or sc.collective(nxt, bare=True) is not None:
            return members, sep.start()
        q = nxt
    return [], pos


def _shared_scope(sc: _Scanner, found: list[AgencyMatch], joined_by_and: bool, by_comma: set[int]) -> list[AgencyMatch]:
    """'Viện kiểm sát nhân dân và Tòa án nhân dân Thành phố': the last pair shares 'Thành phố'; 'Hội đồng nhân dân,
    Ủy ban nhân dân tỉnh Gia Lai, chính quyền địa phương …' (Điều 3 of the 2025 merger resolutions of the Standing
    Committee): a body of the lexicon named bare before a comma shares the scope of the one after it, as 'HĐND, UBND
    các tỉnh' does in distribution lists."""
    out = list(found)
    units = [fold(u) for u in load_json("agencies.json")["scope_units"]]
    lex = _lexicon()
    for k in range(len(out) - 1, 0, -1):
        scoped = out[k]
        shared = sc.text[scoped.head_end : scoped.end].strip()
        if (
            scoped.collective
            or scoped.head_end >= scoped.end
            or not any(fold(shared).removeprefix("cac ").startswith(u) for u in units)
        ):
            continue
        for j in range(k - 1, -1, -1):
            before = out[j]
            if before.scoped or before.collective or lex.self_scoped.match(fold(before.name)):
                break
            by_and = j == k - 1 == len(out) - 2 and joined_by_and
            if not (by_and or (j + 1 in by_comma and lex.bodies.fullmatch(fold(before.name)))):
                break
            out[j] = AgencyMatch(
                before.start, before.end, f"{before.name} {_canonical(shared)}", before.head_end, True, False
            )
    return _shared_owner(out)


def _shared_owner(found: list[AgencyMatch]) -> list[AgencyMatch]:
    """'Hội đồng Dân tộc, các Ủy ban của Quốc hội' (Điều 3.3 of the merger resolutions; G writes 'Hội đồng Dân tộc
    của Quốc hội' where tn-05729ab5 prints it): a bare body of the lexicon just before a member that belongs to a
    national body ('… của Quốc hội') belongs to it too."""
    out, lex = list(found), _lexicon()
    for k in range(len(out) - 1, 0, -1):
        owner = re.search(r"\s(của\s+(.+))$", out[k].name)
        if owner is None or not lex.self_scoped.fullmatch(fold(owner.group(2))):
            continue
        before = out[k - 1]
        if before.scoped or before.collective or not lex.bodies.fullmatch(fold(before.name)):
            continue
        if lex.self_scoped.match(fold(before.name)):
            continue
        out[k - 1] = replace(before, name=f"{before.name} {owner.group(1)}", scoped=True)
    return out


def parse_officials(text: str, start: int, stop: int) -> list[AgencyMatch]:
    """The members of a list of who executes a decision — 'Chánh Văn phòng Bộ; Vụ trưởng Vụ Tổ chức cán bộ; Cục
    trưởng Cục Quản lý Khám, chữa bệnh; … và Thủ trưởng các đơn vị có liên quan' — where each member is a title and
    the body it heads, so a member runs to the next ';' or to the next title after ',' or 'và', commas and
    lowercase words included. A member the grammar reads whole keeps its reading ('Giám đốc các Sở: Y tế, Tài
    chính' → two); another is named by its words ('ban ngành thành phố')."""
    sc = _Scanner(text)
    out: list[AgencyMatch] = []
    spans = _member_spans(sc, start, stop)
    for n, (a, b) in enumerate(spans):
        if _bare_title(sc, a, b):
            # 'Chủ tịch Hội đồng quản trị, Tổng Giám đốc Ngân hàng Chính sách xã hội': titles in series of one
            # named body each head it; 'Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ' heads no class of the next
            # the head of an office or inspectorate ('Chánh Văn phòng, Cục trưởng Cục …') heads the issuer's own
            own_unit = sc._word(sc.lex.unit_titles, sc._literal(_PLURAL, a) or a) == b
            nxt = (
                parse_addressees(text[: spans[n + 1][1]], spans[n + 1][0], sc.folded)[0]
                if n + 1 < len(spans) and not own_unit
                else []
            )
            title_end = sc._word(sc.lex.titles, spans[n + 1][0]) if nxt else None
            if nxt and title_end is not None and not nxt[0].collective and nxt[0].start == spans[n + 1][0]:
                body = sc.text[sc._ws(title_end) : nxt[0].end]
                out.append(AgencyMatch(a, b, _canonical(f"{text[a:b]} {body}"), b, True, False))
            else:
                out.append(named(text, a, b))
            continue
        title = sc._word(sc.lex.titles, a)
        colon = _COLON.match(text, _titled_class_end(sc, title)) if title is not None else None
        if colon is not None:
            # 'Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh': the title heads
            # each body its colon lists
            listed, end = parse_addressees(text[:b], colon.end(), sc.folded[:b])
            if listed and not text[end:b].strip(" ,.;:*_"):
                head = text[a:title]
                out += [AgencyMatch(f.start, f.end, _canonical(f"{head} {f.name}"), f.end, True, False) for f in listed]
                continue
        found, end = parse_addressees(text[:b], a, sc.folded[:b])
        if found and not text[end:b].strip(" ,.;:*_"):
            out += found
        elif len(text[a:b].split()) <= _MEMBER_WORDS and sc._opens_name(a) and not _acts(sc, a, b):
            out.append(named(text, a, b))  # 'ban ngành thành phố': a name the lexicon reads only the start of
    return out


def _titled_class_end(sc: _Scanner, title: int) -> int:
    """Where the class a title heads before its colon ends ('Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây
    dựng, …', UBND Bắc Ninh 456/QĐ-UBND), as 'Giám đốc: Trung tâm …' heads the bodies listed; the title's end if
    none."""
    plural = sc._literal(_PLURAL, title)
    if plural is None:
        return title
    end = sc._word(sc.lex.classes, plural)
    while (
        end is not None
        and (join := _CLASS_JOIN.match(sc.folded, end))
        and (nxt := sc._word(sc.lex.classes, join.end()))
    ):
        end = nxt
    return end if end is not None else title


def is_bare_title(text: str) -> bool:
    """Is the text an official's title alone ('Chánh Văn phòng', 'Các Bộ trưởng'), the opening words of who acts
    rather than a heading?"""
    sc = _Scanner(text)
    start = len(text) - len(text.lstrip(" *_"))
    return _bare_title(sc, start, len(text.rstrip(" *_:")))


def _bare_title(sc: _Scanner, start: int, end: int) -> bool:
    """Is text[start:end] a title alone ('Các Bộ trưởng', 'Chủ tịch Hội đồng quản trị'), naming no body after it?"""
    p = sc._literal(_PLURAL, start) or start
    return sc._word(sc.lex.titles, p) == end


# on folded text; 'trong phạm vi chức năng, nhiệm vụ' says how a body acts, never part of its name
_ROLE_WORDS = re.compile(r"\s(?:chu tri|phoi hop|tham muu|co trach nhiem|trong pham vi)\b")


def _acts(sc: _Scanner, start: int, end: int) -> bool:
    """Does the member say what someone does ('Bộ trưởng Bộ Nội vụ chủ trì, phối hợp với …') rather than name who?"""
    return _ROLE_WORDS.search(sc.folded, start, end) is not None


_MEMBER_WORDS = 24  # syllables: a member of a list of officials longer than this is a sentence, not a name
_MEMBER_CUT = re.compile(r"\s*(?:;|,|:|\bva\b)\s*")  # on folded text


def _closing_class(sc: _Scanner, pos: int) -> bool:
    """Does a class that closes a list start at pos: with its 'các' ('và các cơ quan, đơn vị …'), or a series of
    classes without it ('và tổ chức, cá nhân có liên quan') — but not one class word, which is a member of the class
    before it ('các tổ chức, hội, đoàn thể và cá nhân có liên quan')."""
    if sc.collective(pos) is not None:
        return True
    end = sc.collective(pos, bare=True)
    return end is not None and "," in sc.text[pos:end]


def _restated_plural(sc: _Scanner, pos: int) -> bool:
    """Does 'và các' open another group of addressees at pos ('Thủ trưởng các đơn vị trực thuộc thành phố Hà Nội và
    các tập thể, cá nhân liên quan', UBND Hà Nội; '… đơn vị liên quan và các đối tượng được bồi thường …'), not more
    units of the member before ('Chủ tịch Ủy ban nhân dân các quận và các xã')?"""
    return sc._literal(_PLURAL, pos) is not None and sc._unit_scope(pos) is None


def _restated_class(sc: _Scanner, member: int, pos: int) -> bool:
    """Does a class with its own 'các' start at pos after a comma, ending the member that starts at ``member``
    ('Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu, các tổ chức hành nghề công chứng …', UBND Huế; 'Sở Xây dựng,
    Trung tâm Phục vụ hành chính công, các Sở, ban, ngành Thành phố', UBND Hà Nội)? Not when the member is a title
    over a class, whose title heads the next class too ('Thủ trưởng các cơ quan: …, các cơ quan, đơn vị có liên
    quan')."""
    if sc._literal(_PLURAL, pos) is None or sc.collective(pos) is None:
        return False
    title = sc._word(sc.lex.titles, sc._literal(_PLURAL, member) or member)
    return title is None or sc.collective(title, bare=True) is None


def _member_spans(sc: _Scanner, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of each member: cut at ';', and at ',', ':' or 'và' when a title follows, or a class closes the list
    ('… Giám đốc Hợp tác xã dịch vụ điện Quảng Phú và các cơ quan, đơn vị, tổ chức, cá nhân có liên quan'), also
    without its 'các' ('… Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và cơ quan, tổ chức cá nhân
    liên quan', Bộ Quốc phòng; '… Thủ trưởng các cơ quan, đơn vị và tổ chức, cá nhân có liên quan')."""
    cuts: list[tuple[int, int]] = []  # (end of a member, start of the next)
    for m in _MEMBER_CUT.finditer(sc.folded, start, stop):
        cut = m.group().strip()
        if (
            cut == ";"
            or sc._word(sc.lex.titles, sc._literal(_PLURAL, m.end()) or m.end()) is not None  # '…, các Bộ trưởng'
            or (cut == "va" and (_closing_class(sc, m.end()) or _restated_plural(sc, m.end())))
            or (cut == "," and _restated_class(sc, cuts[-1][1] if cuts else start, m.end()))
            or (cut == ":" and _semicolon_read_as_colon(sc, cuts[-1][1] if cuts else start, m.start(), m.end()))
        ):
            cuts.append((m.start(), m.end()))
    bounds = [start] + [x for cut in cuts for x in cut] + [stop]
    spans = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        member = sc.text[a:b].strip(" ,.;:*_")
        if member:
            first = sc.text.index(member, a)
            spans.append((first, first + len(member)))
    return spans


def _semicolon_read_as_colon(sc: _Scanner, member: int, colon: int, after: int) -> bool:
    """Whether the colon closing ``sc.text[member:colon]`` is a member's ';' OCR read as ':' before a body ('Giám đốc
    Sở Dân tộc và Tôn giáo: UBND cấp xã và …', UBND Bắc Ninh 1509/QĐ-UBND, tn-8966c59f782e4081, faxed at 200 dpi): the
    member before it is a title and the body it heads, read whole. A colon after a bare title or a class ('Giám đốc:
    Trung tâm …', 'Giám đốc các Sở: Y tế, …') lists the bodies the title heads; one before a title is a cut as a
    comma is ('Chánh Văn phòng Ủy ban nhân dân thành phố Hà Nội: Giám đốc Sở Nội vụ …', UBND Hà Nội 71/2025/QĐ-UBND,
    tn-af2a4fc9b3a7aeeb, printed and scanned at 100 dpi; 'Các ông: Chánh văn phòng UBND tỉnh, …' in the 1999 decree
    of the development scans at 150 dpi one-bit)."""
    title_end = sc._word(sc.lex.titles, member)
    if title_end is None or sc._literal(_PLURAL, title_end) is not None:
        return False
    found, end = parse_addressees(sc.text[:colon], member, sc.folded[:colon])
    if len(found) != 1 or sc.text[end:colon].strip() or len(sc.text[title_end:colon].split()) < 2:
        return False
    return sc._starts_body(after)


def _shared_unit_place(sc: _Scanner, prev: AgencyMatch, pos: int) -> tuple[AgencyMatch, AgencyMatch] | None:
    """'Công an các thị xã Hòa Thành, Trảng Bàng': a bare place name after a body scoped to 'các <unit>
    <Place>' is another unit of the same kind — 'Công an thị xã Hòa Thành', 'Công an thị xã Trảng Bàng'."""
    plural = sc._literal(_PLURAL, prev.head_end)
    unit_end = sc._unit(plural) if plural is not None else None
    if prev.collective or plural is None or unit_end is None or sc._capitalised_run(unit_end, 3) != prev.end:
        return None
    place = sc._capitalised_run(pos, 3)
    if place is None or sc._starts_body(pos):
        return None
    head, unit = sc.text[prev.start : prev.head_end], sc.text[sc._ws(plural) : unit_end]
    first = AgencyMatch(
        prev.start,
        prev.end,
        _canonical(f"{head} {unit} {sc.text[sc._ws(unit_end) : prev.end]}"),
        prev.head_end,
        True,
        False,
    )
    return first, AgencyMatch(pos, place, _canonical(f"{head} {unit} {sc.text[pos:place]}"), prev.head_end, True, False)


_COLON = re.compile(r"\s*:\s*")
_SEMICOLON = re.compile(r"[ \t]*;[ \t]*")  # a colon OCR read as a semicolon (_listed_places)
_ASIDE = re.compile(r"[ \t]*\([^()]{1,60}\)")
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+va\s+")  # on folded text


def _class_members(sc: _Scanner, m: AgencyMatch) -> tuple[list[AgencyMatch], int]:
    """The distinct bodies a class names, if it names several: its listed names, or the classes one title heads."""
    listed = _listed_names(sc, m)
    return listed if listed[0] else _titled_classes(sc, m)


def _titled_classes(sc: _Scanner, m: AgencyMatch) -> tuple[list[AgencyMatch], int]:
    """'Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ' → 'Thủ trưởng cơ quan ngang Bộ', 'Thủ trưởng cơ quan
    thuộc Chính phủ': a title over classes that repeat one class word heads each of them, since each names a kind of
    its own; 'Thủ trưởng các cơ quan, đơn vị liên quan' (no word repeated) stays one class."""
    title = sc._word(sc.lex.titles, m.start)
    if title is None:
        return [], m.end
    p = sc._literal(_PLURAL, title) or title
    starts, ends = [sc._ws(p)], []
    end = sc._word(sc.lex.classes, p)
    while end is not None:
        join = _CLASS_JOIN.match(sc.folded, end)
        nxt = sc._word(sc.lex.classes, join.end()) if join is not None and join.end() < m.end else None
        if join is None or nxt is None:
            break
        ends.append(end)
        starts.append(sc._ws(join.end()))
        end = nxt
    ends.append(m.end)
    words = [sc.folded[a : sc._word(sc.lex.classes, a) or a] for a in starts]
    shortest = min(words, key=len)
    if len(starts) < 2 or not all(w == shortest or w.startswith(shortest + " ") for w in words):
        return [], m.end
    head = sc.text[m.start : title]
    found = [AgencyMatch(a, b, _canonical(f"{head} {sc.text[a:b]}"), b, True, True) for a, b in zip(starts, ends)]
    return found, m.end


def _listed_names(sc: _Scanner, m: AgencyMatch) -> tuple[list[AgencyMatch], int]:
    """'Giám đốc các Sở: Y tế, Tài chính' → 'Giám đốc Sở Y tế', 'Giám đốc Sở Tài chính'; 'Các Bộ, cơ quan: Tài
    chính, Ngoại giao, Tập đoàn Điện lực Việt Nam' → 'Bộ Tài chính', 'Bộ Ngoại giao', 'Tập đoàn Điện lực Việt Nam'."""
    colon = _COLON.match(sc.text, m.end)
    prefix = re.sub(r"(?i)\bcác\s+", "", sc.text[m.start : m.end], count=1)
    plural = re.search(r"(?i)\bcác\s+(\w+)", sc.text[m.start : m.end])
    head = plural.group(1) if plural and sc.lex.named_heads.fullmatch(fold(plural.group(1))) else None
    last = sc.text[m.start : m.end].split()[-1]
    if head is None and m.collective and sc.lex.named_heads.fullmatch(fold(last)):
        head = last  # 'Giám đốc Sở: Y tế, Tài chính' names its Sở without 'các'
    if not colon or head is None or not sc.text[sc._ws(colon.end()) : sc._ws(colon.end()) + 1].isupper():
        return [], m.end  # the class's first word heads the names, which are capitalised ('Các Bộ, cơ quan: Tài chính')
    if not sc.lex.named_heads.fullmatch(fold(prefix.split()[-1])):
        prefix = prefix[: prefix.index(head) + len(head)]  # 'Các Bộ, cơ quan: Tài chính, …' → 'Bộ Tài chính'
    found, p = [], colon.end()
    while True:
        known = sc._word(sc.lex.names, p)
        body = None if known is not None else sc.match(p, allow_collective=False)
        if body is not None and sc._spelled_head(p):  # '…, Ngoại giao, Tập đoàn Điện lực Việt Nam': a body of its own
            found.append(body)
            end = body.end
        elif (run := known or sc._capitalised_run(p)) is not None:
            found.append(AgencyMatch(p, run, _canonical(f"{prefix} {sc.text[p:run]}"), run, True, False))
            end = run
        else:
            break
        sep = _NAME_SEPARATOR.match(sc.folded, end)
        if not sep:
            break
        p = sep.end()
    title = sc._word(sc.lex.titles, m.start)
    if found and title is not None and (closing := sc.collective(p)) is not None:
        # 'Giám đốc các Sở: Nội vụ và các sở, ban, ngành': the title goes with the class that closes the list
        name = _canonical(f"{sc.text[m.start : title]} {sc.text[p:closing]}")
        found.append(AgencyMatch(p, closing, name, closing, True, True))
    return found, (found[-1].end if found else m.end)


def _listed_places(sc: _Scanner, m: AgencyMatch) -> tuple[list[AgencyMatch], int]:
    """'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Huế, Đà Nẵng' → 'Chủ tịch Ủy
    ban nhân dân tỉnh Hà Tĩnh', '… thành phố Huế', '… thành phố Đà Nẵng': a body scoped to several units, then its
    colon and the places, is one body per place, each with the unit it is (a city run by the centre is a
    'thành phố'). A scan's colon read as a semicolon ('Chủ tịch Ủy ban nhân dân các tỉnh; Khánh Hòa, Đắk Lắk, Gia
    Lai:', Thủ tướng 223/CĐ-TTg faxed at 150 dpi; 'Điều 2; a) …' in UBND Cao Bằng 157/QĐ-NĐ-UB at 150 dpi, 'Nội dung
    thực hiện; Tổ chức …' in UBND TP Hồ Chí Minh 172/KH-UBND faxed at 150 dpi) opens the places too when every one
    of them is a province of the gazetteer: after a semicolon, a list of other bodies is as likely."""
    colon = _COLON.match(sc.text, m.end) or _SEMICOLON.match(sc.text, m.end)
    scope = sc.folded[m.head_end : m.end]
    units = [sc.text[m.head_end + u.start() : m.head_end + u.end()].lower() for u in sc.lex.units.finditer(scope)]
    if not colon or m.collective or not units or not re.search(rf"(?<!\w){_PLURAL}\s", scope):
        return [], m.end
    head = sc.text[m.start : m.head_end]
    city = next((u for u in units if fold(u) == "thanh pho"), None)
    found: list[AgencyMatch] = []
    p = colon.end()
    while (end := _place_name(sc, p)) is not None:
        place = sc.text[p:end]
        if ";" in colon.group() and fold(" ".join(place.split())) not in _province_forms():
            return [], m.end
        unit = city if city and is_centrally_run_city(place) else units[0]
        found.append(AgencyMatch(p, end, _canonical(f"{head} {unit} {place}"), end, True, False))
        sep = _NAME_SEPARATOR.match(sc.folded, end)
        if not sep:
            break
        p = sep.end()
    if len(found) < 2:  # 'UBND các xã, phường: Phối hợp …' — a task after the colon, not a list of places
        return [], m.end
    return found, found[-1].end


_PROVINCE_UNIT = re.compile(r"(?:cac\s+)?(tinh|thanh pho)(?:\s*:)?\s+")  # on folded text


@lru_cache(maxsize=1)
def _province_forms() -> frozenset[str]:
    return frozenset(fold(name) for name in province_names())


def _shared_body(sc: _Scanner, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """'Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân
    Thành phố': the body a member names with its scope ('đại biểu| Hội đồng nhân dân Thành phố') is the body of the
    members before it that name it without one (they take the scope) or stop short of it ('các Tổ đại biểu và (các)
    đại biểu …', they take the body)."""
    out = list(found)
    for j in range(1, len(out)):
        member = out[j]
        nested = _nested_scoped(sc, member)
        if nested is None:
            continue
        body = fold(sc.text[nested.start : nested.head_end]).strip()
        scope = sc.text[nested.head_end : nested.end].strip()
        # 'dai bieu'; a plural second member ('các Tổ đại biểu và các đại biểu …') is the same word
        short = re.sub(r"^(?:cac|nhung)\s+", "", fold(sc.text[member.start : nested.start]).strip())
        national = _lexicon().self_scoped.fullmatch(body) is not None
        for n in range(j):
            name = fold(out[n].name)
            if name.endswith(body) and not (national and " cua " in name):
                # 'các Ủy ban của Quốc hội' are the national body's, 'Đoàn đại biểu Quốc hội' is the province's
                out[n] = replace(
                    out[n], name=f"{out[n].name} {scope}", scoped=True
                )  # 'Thường trực Hội đồng nhân dân' + scope
            elif n == j - 1 and short and name.endswith(short) and body not in name:
                whole = _canonical(sc.text[nested.start : nested.end])
                out[n] = replace(out[n], name=f"{out[n].name} {whole}", scoped=True)
    return out


def _nested_scoped(sc: _Scanner, member: AgencyMatch) -> AgencyMatch | None:
    """The body with its scope that ends the member's name after a word of its own ('đại biểu| Hội đồng nhân dân
    Thành phố'), if any."""
    for word in re.finditer(r"\s+(?=\w)", sc.text[member.start : member.end]):
        b = sc.match(member.start + word.end(), allow_collective=False)
        lead = sc.text[member.start : member.start + word.end()].strip()
        if (
            b is not None
            and b.end == member.end
            and b.head_end < b.end
            and not b.collective
            and sc.text[b.start : b.start + 1].isupper()
            and lead.islower()  # 'đại biểu| Hội đồng …', not 'Ủy| ban Mặt trận …'
        ):
            return b
    return None


def _provinces(sc: _Scanner, pos: int) -> tuple[list[AgencyMatch], int]:
    """'Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng', 'Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai', 'Thành phố Hồ Chí
    Minh, tỉnh Lâm Đồng' at the head of a task: provinces addressed as such, one body per province ('Tỉnh Nghệ An'),
    each a province of the gazetteer — 'tỉnh' before any other name is a place, not an addressee."""
    found: list[AgencyMatch] = []
    unit: str | None = None
    p = pos
    while True:
        start = sc._ws(p)
        m = _PROVINCE_UNIT.match(sc.folded, start)
        if m is not None and sc.text[m.start(1) : m.end(1)].lower() in ("tỉnh", "thành phố"):
            unit, p = sc.text[m.start(1) : m.end(1)].lower(), m.end()
        elif unit is None or m is not None:
            break
        end = _place_name(sc, p)
        if end is None or fold(sc.text[sc._ws(p) : end]) not in _province_forms():
            break
        name = f"{unit[:1].upper()}{unit[1:]} {sc.text[sc._ws(p) : end]}"
        found.append(AgencyMatch(start, end, _canonical(name), end, True, False))
        sep = _NAME_SEPARATOR.match(sc.folded, end)
        if not sep:
            break
        p = sep.end()
    return found, (found[-1].end if found else pos)


def _place_name(sc: _Scanner, pos: int) -> int | None:
    """'Huế', 'Đắk Lắk', 'Bà Rịa - Vũng Tàu': capitalised syllables, one or more."""
    end = None
    for w in _WORD.finditer(sc.text, sc._ws(pos)):
        gap = sc.text[end if end is not None else sc._ws(pos) : w.start()]
        if not w.group()[0].isupper() or (end is not None and gap.strip(" \t-")):
            break
        if end is not None and len(gap) > 3:
            break
        end = w.end()
    return end


def named(text: str, start: int, end: int, base: AgencyMatch | None = None) -> AgencyMatch:
    """The body whose whole name is text[start:end] — a heading that only names who acts ('1. Viện Văn hóa,
    Nghệ thuật, Thể thao và Du lịch Việt Nam', 'Trách nhiệm của đối tượng thực hiện kiểm kê'), read past
    where the lexicon stops; ``base`` is the body the lexicon read at its start, whose flags it keeps."""
    name = _canonical(text[start:end])
    if base is not None:
        return AgencyMatch(start, end, name, base.head_end, True, base.collective)
    collective = fold(text[start:end]).startswith(_PLURAL + " ")
    return AgencyMatch(start, end, name, end, True, collective)


def find_agencies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each body named in the text, left to right, not overlapping."""
    sc = _Scanner(text)
    out: list[tuple[int, int, str]] = []
    for m in sc.lex.starts.finditer(sc.folded):
        if out and m.start() < out[-1][1]:
            continue
        found = sc.match(m.start())
        if found is not None:
            out.append((found.start, found.end, found.name))
    return out
