"""Every sentence a clerk, an auditor or an analyst reads, in one catalogue per language:
Vietnamese first, English for the developers (``--lang en`` or ``VANBAN_LANG=en``).

The catalogues are ``data/messages.vi.json`` and ``data/messages.en.json`` (the same keys, the
same ``{placeholders}``); code names a message by its key, never by its words. Machine formats
(``--json``, Parquet, the database) keep their English codes; what people read goes through ``t``.

A reason is stored as a sentence (the ledger's, a quarantine note's): the readers and the ingest
layer write a ``reason.*`` message as its English sentence (``reason_en``), with its facts (page
numbers, sizes) in it; the national-table extractor notes its repairs in English. ``reason`` and
``issue`` turn such a sentence into the language wanted by matching it against the templates of the
``reason.*`` and ``issue.*`` keys of either catalogue (a store written by an older version holds
Vietnamese reasons; a field may itself hold such a sentence), so a quarantine note carries the
reason in both languages and ``vanban status`` reads in the language asked for.

The command line's usage errors are English sentences too (Typer's parser writes them, with
pydantic's words for a value of the wrong type): ``usage`` says them in the language wanted from the
``usage.*`` templates, whose English side is Typer's own wording.
"""

from __future__ import annotations

import json
import re
import string
from functools import cache
from pathlib import Path

from pipeline.settings import settings

LANGUAGES = ("vi", "en")
DATA = Path(__file__).parent / "data"
_chosen: list[str] = []  # the language set by the command line, over the settings'


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one language by key."""
    return json.loads((DATA / f"messages.{lang}.json").read_text(encoding="utf-8"))


def set_language(lang: str) -> None:
    """Use ``lang`` for every message from now on (the command line's ``--lang``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen[:] = [lang]


def language() -> str:
    """The language in use: the one set by ``set_language``, else ``VANBAN_LANG`` (default Vietnamese)."""
    lang = _chosen[0] if _chosen else settings().lang
    return lang if lang in LANGUAGES else LANGUAGES[0]


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in the current language (or ``lang``), its placeholders filled."""
    text = catalogue(lang or language())[key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalogue names ``key`` (an optional label, such as a column header)."""
    return key in catalogue(LANGUAGES[0])


def label(group: str, code: object, lang: str | None = None) -> str:
    """A code's name for people ('meets' → 'đạt'); a code without one is shown as it is."""
    key = f"{group}.{code}"
    return t(key, lang) if has(key) else str(code)


@cache
def _patterns(family: str, lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """The templates of a family ('reason.') in ``lang`` as patterns, longest first: '{page}' matches any text."""
    patterns = []
    for key, template in catalogue(lang).items():
        if not key.startswith(family):
            continue
        regex = ""
        for literal, field, _, _ in string.Formatter().parse(template):
            regex += re.escape(literal)
            if field is not None:
                regex += f"(?P<{field}>.+?)"
        patterns.append((key, re.compile(regex + "$", re.DOTALL)))
    return sorted(patterns, key=lambda p: len(p[1].pattern), reverse=True)


def reason(text: str, lang: str | None = None) -> str:
    """A reason stored in either language (the readers' and the ledger's) in the current language
    (or ``lang``); a sentence the catalogues do not know is shown as it is."""
    return _translated(text, "reason.", lang)


def issue(text: str, lang: str | None = None) -> str:
    """A note the national-table extractor wrote in English on a cell it repaired or could not
    settle, in the current language."""
    return _translated(text, "issue.", lang)


def usage(text: str, lang: str | None = None) -> str:
    """A usage error of the command line ('Missing argument 'file'.') in the current language (or
    ``lang``); a sentence the catalogues do not know is shown as it is."""
    return _translated(text, "usage.", lang)


def _translated(text: str, family: str, lang: str | None) -> str:
    for source in LANGUAGES[::-1]:  # English first: most stored sentences are English
        for key, pattern in _patterns(family, source):
            found = pattern.match(text)
            if found:
                # a field may hold a sentence of the family itself ("page 2: {why}"): translated the same way
                fields = {name: _translated(value, family, lang) for name, value in found.groupdict().items()}
                return t(key, lang, **fields)
    return _os_words(text, lang)


def _os_words(text: str, lang: str | None) -> str:
    """The system's English words for an I/O error ('File exists') in the current language."""
    key = f"os.{text}"
    return t(key, lang) if key in catalogue(LANGUAGES[0]) else text


def reason_en(key: str, **values: object) -> str:
    """The English sentence of a reason a reader or the ingest layer gives (stored so, shown through ``reason``)."""
    return t(key, "en", **values)


def page_issue(page: int, kind: str, lang: str | None = None) -> str:
    """Why page ``page`` could not be read (an ``IssueKind`` code), as people read it: 'trang 2: ảnh của trang bị
    hỏng…'."""
    return t("reason.page", lang, page=page, why=t(f"reason.page.{kind}", lang))
