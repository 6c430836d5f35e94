"""Tables built from data files, pickled between runs: a cold ``vanban extract`` loads them instead of
building them again (the lexicon from Viet74K and wordfreq took 0.8 s of a 3.7 s start).

The bottom layer beside ``settings``: what is cached is keyed by the bytes of the files it is built
from and of the module that builds it, so an edit to either rebuilds it; a cache that cannot be read
or written is only slower, never wrong."""

from __future__ import annotations

import hashlib
import inspect
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pipeline.settings import settings

T = TypeVar("T")


def _key(build: Callable[[], object], sources: Iterable[Path]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in [Path(inspect.getfile(build)), *sources]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned last time for the same bytes of ``sources`` and of the module
    defining ``build``, from ``<home>/cache/<name>-<key>.pickle``."""
    folder = settings().cache
    path = folder / f"{name}-{_key(build, sources)}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # vanban's own file, in the user's own folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
    except OSError:
        pass
    return value
