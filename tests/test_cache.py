"""Tables built from data files are kept between runs, rebuilt when a source changes, and a cache that
cannot be written only costs the time of building."""

from __future__ import annotations

import pytest

from pipeline import cache
from pipeline.settings import settings


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("VANBAN_HOME", str(tmp_path / "home"))
    settings.cache_clear()
    yield tmp_path / "home"
    settings.cache_clear()


def test_built_once_then_loaded_and_rebuilt_when_a_source_changes(home, tmp_path):
    source = tmp_path / "words.txt"
    source.write_text("sở\nphường\n", encoding="utf-8")
    builds = []

    def build() -> frozenset[str]:
        builds.append(1)
        return frozenset(source.read_text(encoding="utf-8").split())

    assert cache.cached("words", [source], build) == {"sở", "phường"}
    assert cache.cached("words", [source], build) == {"sở", "phường"}
    assert len(builds) == 1
    source.write_text("sở\nphường\nxã\n", encoding="utf-8")
    assert cache.cached("words", [source], build) == {"sở", "phường", "xã"}
    assert len(builds) == 2
    assert len(list((home / "cache").glob("words-*.pickle"))) == 1  # the stale table is gone


def test_an_unwritable_cache_only_builds(home, tmp_path):
    home.mkdir(parents=True)
    (home / "cache").write_text("not a folder", encoding="utf-8")
    source = tmp_path / "words.txt"
    source.write_text("sở", encoding="utf-8")
    assert cache.cached("words", [source], lambda: 42) == 42
