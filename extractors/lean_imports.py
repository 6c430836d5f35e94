"""spaCy and underthesea's syllable tokenizer, imported without the parts extraction never runs.

A cold ``vanban extract`` spent most of its time importing (``python -X importtime``):

- ``spacy/__init__.py`` imports ``spacy.cli`` (weasel, httpx, jinja2, typer, requests) only to
  export ``spacy.info``: 0.7 s of CPU, a third of ``import spacy``. While spaCy is first imported,
  ``spacy.cli`` and ``spacy.cli.info`` are stand-ins whose ``info`` imports the real one when
  called; they are removed at once, so ``import spacy.cli`` or ``python -m spacy`` later in the
  process get the real package (nothing else in spaCy reads it).
- ``underthesea/__init__.py`` imports every pipeline it has (classification and its model fetcher
  with requests, language detection, the agent) before its regex tokenizer can be reached: 0.35 s.
  The package is made without running its ``__init__`` until one of its names is read
  (``from underthesea import word_tokenize`` still works, in the same module object).

When spaCy or underthesea were imported before, they are left as they are.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, the real one imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> None:
    if "spacy" in sys.modules:
        return
    stand_ins = {name: ModuleType(name) for name in ("spacy.cli", "spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []
    stand_ins["spacy.cli.info"].info = _spacy_info  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        delattr(spacy, "cli")


def _package_initialized_on_use(name: str) -> None:
    """Put package ``name`` in ``sys.modules`` with its ``__init__`` not run: its submodules import
    as usual, and reading any other name of the package runs the ``__init__`` in that module."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    package = importlib.util.module_from_spec(spec)
    loader = spec.loader

    def initialize(attribute: str) -> Any:
        delattr(package, "__getattr__")
        loader.exec_module(package)
        return getattr(package, attribute)

    setattr(package, "__getattr__", initialize)  # noqa: B010 - a module's own __getattr__ (PEP 562)
    sys.modules[name] = package


def underthesea_tokenize() -> Callable[[str], list[str]]:
    """underthesea's regex syllable tokenizer: the tokens of ``regex_tokenize.tokenize(text,
    use_token_normalize=False)``, from the same normalization and the same compiled pattern, without
    the ``groupdict`` that ``tokenize`` runs on every match to name the token's kind and then drops:
    two thirds of its time (a 330 KB ordinance, 81,000 tokens: 0.49 s → 0.17 s). The winning
    alternative of the pattern is always a named group around the whole match, so the token is the
    match."""
    _package_initialized_on_use("underthesea")
    import underthesea.pipeline.text_normalize  # noqa: F401 - first, as underthesea's own __init__ does (circular)
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.word_tokenize import regex_tokenize

    def tokenize(text: str) -> list[str]:
        return [m.group() for m in regex_tokenize.patterns.finditer(normalize_characters_in_text(text))]

    return tokenize


_import_spacy()

from spacy import blank  # noqa: E402 - after the stand-ins
from spacy.attrs import NORM  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import registry  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

__all__ = ["NORM", "Doc", "Language", "Span", "Vocab", "blank", "registry", "underthesea_tokenize"]
