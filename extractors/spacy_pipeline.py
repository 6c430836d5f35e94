"""vanban's extraction as a spaCy pipeline: the interface to every extractor.

``nlp()`` is a spaCy ``Language`` whose tokenizer is underthesea's (registered as
``vanban.underthesea_syllables.v1``) and whose components are the extractors, each registered as a
factory that writes a span group: ``doc.spans["citations"]``, ``["targets"]``, ``["deadlines"]``,
``["wards"]``, ``["obligations"]``, ``["national_targets"]``, plus ``["agencies"]``, the agency
lexicon matched by a ``SpanRuler`` on a diacritic-free NORM (so 'So Tu phap' or an OCR'd 'Sở Tư phap'
match 'Sở Tư pháp'). Every span carries its parsed fact in ``span._.fact`` (the contract's pydantic
model, evidence included: page, character span, quote, box on the scan); ``doc._.meta`` holds the
document's metadata and ``doc._.segmented`` the segmented document the rules read.

In a notebook::

    from extractors import nlp
    doc = nlp()(text)                      # or nlp().pipe(texts)
    [(s.text, s._.fact.role) for s in doc.spans["obligations"]]
    from spacy import displacy; displacy.render(doc, style="span", options={"spans_key": "obligations"})

Tokens are underthesea's syllable tokens (its own rules keep '16/3/2022', '4,76' and 'GD&ĐT'
whole), not its CRF word segmentation: that costs 0.47 s on a 15-page plan (seed 003, measured),
the whole budget of a warm extraction, and no rule reads words. ``nlp(words=True)`` adds it as the
``vanban_words`` component (``doc.spans["words"]``) for analysts who want Vietnamese words.

What spaCy does not make clearer stays in plain functions that the components call: the letterhead
and clause grammars over a same-length folded twin of the text (offsets exact, OCR tone slips
tolerated), and the national table's number reconciliation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

from extractors import citations, deadlines, metadata, national_targets, obligations, targets, wards
from extractors.common import load_json
from extractors.lean_imports import NORM, Doc, Language, Span, Vocab, blank, registry, underthesea_tokenize
from pipeline.read.load import document_from_text
from pipeline.text import fold_in_place
from pipeline.text.segment import SegmentedDocument, segment
from schemas.extraction import Citation, Deadline, NationalTarget, Obligation, Target, Ward

FACT_KINDS = ("citations", "targets", "deadlines", "wards", "obligations", "national_targets")

for _name, _default in (("segmented", None), ("meta", None), ("found_targets", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


Fact = Citation | Target | Deadline | Ward | Obligation | NationalTarget


def _facts_store(doc: Doc) -> dict[Any, Any]:
    return cast(dict[Any, Any], doc.user_data)


def _fact_of(span: Span) -> Fact | None:
    """The fact a span stands for. Facts live in ``doc.user_data`` under (label, span id), not in a
    plain Span extension: spaCy keys those by character offsets, and two facts often share their
    evidence (one task for two bodies; a target that is also a deadline)."""
    return _facts_store(span.doc).get(("vanban.fact", span.label_, span.id))


if not Span.has_extension("fact"):
    Span.set_extension("fact", getter=_fact_of)


class SyllableTokenizer:
    """underthesea's regex tokenizer as a spaCy tokenizer: tokens are exact substrings of the text
    (normalization off), runs of white space other than one space are tokens of their own (as in
    spaCy's own tokenizer), and each token's NORM is its ``fold`` ('Sở' → 'so')."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        fold_norms(vocab)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for token in underthesea_tokenize()(text):
            at = text.find(token, pos)
            if at < 0:  # the tokenizer changed a character: leave it inside the gap as text
                continue
            _add_gap(text[pos:at], words, spaces)
            words.append(token)
            spaces.append(False)
            pos = at + len(token)
        _add_gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)


def fold_norms(vocab: Vocab) -> None:
    """Every lexeme's NORM is its diacritic-free lower case ('Sở' → 'so'): set once per word of the
    vocabulary, when spaCy first meets it, rather than on each of a document's tokens (a 330 KB
    ordinance: 0.11 s a document, and as much again to rebuild its text)."""
    vocab.lex_attr_getters[NORM] = fold_in_place  # type: ignore[attr-defined]  # not in spaCy's stubs
    for lexeme in vocab:
        lexeme.norm_ = fold_in_place(lexeme.orth_)


class _WhitespaceTokenizer:
    """Lexicon phrases are plain words: their pattern docs are split on white space, which is what
    underthesea's rules give for them, at a fraction of the cost."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=text.split())


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Text between two tokens: one trailing space on the previous token, the rest as a token."""
    if not gap:
        return
    if gap[0] == " " and words:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


@registry.tokenizers("vanban.underthesea_syllables.v1")
def _create_tokenizer() -> Callable[[Language], SyllableTokenizer]:
    return lambda nlp: SyllableTokenizer(nlp.vocab)


def _spans(doc: Doc, facts: Iterable[Fact]) -> list[Span]:
    """One span per fact over its evidence, the fact attached; a fact never lost for want of a span
    (an empty evidence gets the token at its start, a fact without evidence the first token)."""
    out = []
    for number, fact in enumerate(facts):
        ev = fact.evidence
        start, end = (ev.start, ev.end) if ev is not None else (0, 0)
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None:
            token = doc[_token_at(doc, start)]
            span = doc[token.i : token.i + 1]
        label = type(fact).__name__
        out.append(Span(doc, span.start, span.end, label=label, span_id=number))
        _facts_store(doc)[("vanban.fact", label, number)] = fact
    return out


def _token_at(doc: Doc, offset: int) -> int:
    for token in doc:
        if token.idx + len(token) > offset:
            return token.i
    return len(doc) - 1


@Language.component("vanban_document", assigns=["doc._.segmented", "doc._.meta"])
def document_component(doc: Doc) -> Doc:
    """The segmented document and its metadata (letterhead, signer, stamp, jurisdiction). A doc
    made from a plain string is read as a text file would be."""
    if doc._.segmented is None:
        doc._.segmented = segment(document_from_text(doc.text))
    doc._.meta = metadata.extract(doc._.segmented)
    return doc


# What the document itself commits or assigns (CONVENTIONS): read inside a quotation of another instrument, such a
# fact is the quoted law's. Citations stay: a quoted instrument's number is still one this document cites.
OWN_FACTS = frozenset({"targets", "deadlines", "wards", "obligations"})


def _own(seg: SegmentedDocument, facts: Sequence[Fact]) -> list[Fact]:
    return [fact for fact in facts if fact.evidence is None or not seg.quoted(fact.evidence.start)]


def _fact_component(kind: str, find: Callable[[Doc], Sequence[Fact]]) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        found = find(doc)
        doc.spans[kind] = _spans(doc, _own(doc._.segmented, found) if kind in OWN_FACTS else found)
        return doc

    component.__name__ = f"vanban_{kind}"
    return component


def _targets(doc: Doc) -> Sequence[Fact]:
    doc._.found_targets = targets.find(doc._.segmented, doc._.meta)  # deadlines read the same pairs
    return [target for _, target in doc._.found_targets]


_FINDERS: dict[str, Callable[[Doc], Sequence[Fact]]] = {
    "citations": lambda doc: citations.extract(doc._.segmented, doc._.meta),
    "targets": _targets,
    "deadlines": lambda doc: deadlines.extract(doc._.segmented, doc._.meta, doc._.found_targets),
    "wards": lambda doc: wards.extract(doc._.segmented, doc._.meta),
    "obligations": lambda doc: obligations.extract(doc._.segmented, doc._.meta),
    "national_targets": lambda doc: national_targets.extract(doc._.segmented),
}
for _kind, _find in _FINDERS.items():
    Language.component(
        f"vanban_{_kind}",
        requires=["doc._.segmented", "doc._.meta"],
        assigns=["doc.spans"],
        func=_fact_component(_kind, _find),
    )


@Language.component("vanban_words", assigns=["doc.spans"])
def words_component(doc: Doc) -> Doc:
    """underthesea's CRF word segmentation as spans ('Sở', 'Tư pháp'): for analysts, not for rules."""
    seg: SegmentedDocument = doc._.segmented or segment(document_from_text(doc.text))
    spans = []
    for line in seg.lines:
        for word in seg.words(line.start, line.end):
            span = doc.char_span(word.start, word.end, label="word", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans["words"] = spans
    return doc


def agency_patterns() -> list[dict]:
    """The agency lexicon (``data/agencies.json``, the one the rules read) as SpanRuler phrase
    phrase patterns on NORM, so diacritics are optional: bodies and their abbreviations
    ('Ủy ban nhân dân', 'UBND'), heads with a known name ('Sở' + 'Tư pháp'), officials' titles."""
    lexicon = load_json("agencies.json")
    phrases = [("BODY", p) for p in [*lexicon["bodies"], *lexicon["self_scoped"], *lexicon["abbreviations"]]]
    phrases += [("BODY", f"{head} {name}") for head in lexicon["named_heads"] for name in lexicon["names"]]
    phrases += [("TITLE", p) for p in lexicon["titles"]]
    return [{"label": label, "pattern": phrase} for label, phrase in dict.fromkeys(phrases)]


@lru_cache(maxsize=2)
def nlp(words: bool = False) -> Language:
    """The pipeline, built once per process: tokenizer, agency ruler, document, then one component
    per fact kind (targets before deadlines, which reuse its clauses)."""
    language = blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "vanban.underthesea_syllables.v1"}}})
    ruler = language.add_pipe(
        "span_ruler", name="vanban_agencies", config={"spans_key": "agencies", "phrase_matcher_attr": "NORM"}
    )
    tokenizer, language.tokenizer = language.tokenizer, _WhitespaceTokenizer(language.vocab)
    try:  # measured: 1,259 phrases through underthesea's rules took 0.57 s; a token Matcher, 1.2 s a document
        ruler.add_patterns(agency_patterns())  # type: ignore[attr-defined]
    finally:
        language.tokenizer = tokenizer
    language.add_pipe("vanban_document")
    for kind in FACT_KINDS:
        language.add_pipe(f"vanban_{kind}")
    if words:
        language.add_pipe("vanban_words")
    return language


def facts(doc: Doc, kind: str) -> list[Any]:
    """The facts of one span group, in the order the extractor found them."""
    return [span._.fact for span in doc.spans[kind]]


def run(seg: SegmentedDocument) -> Doc:
    """Run the pipeline over an already segmented document (what ``extractors.extract`` does), so
    the facts' evidence keeps the document's pages and boxes."""
    language = nlp()
    doc = language.make_doc(seg.text)
    doc._.segmented = seg
    for _, component in language.pipeline:
        doc = component(doc)
    return doc
