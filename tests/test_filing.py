"""No single file can stop the inbox: names that are long in bytes, names with a newline or a
leading dash, an inbox on another file system, and a file that cannot even be quarantined.

Vietnamese names are long in bytes (a 90-letter name is often 130 bytes of UTF-8): a legal
251-byte name plus the archive's 13-byte hash prefix used to exceed the 255-byte limit, kill the
watcher, and keep every later file waiting. The unit tests check the names vanban makes; the
last test runs the real watcher (``vanban watch --no-prefect``) on an inbox in /dev/shm.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.ingest.filer import RESERVED, Filer, fit_name
from pipeline.ingest.runner import Ingestor, OutcomeState, ingest_one
from pipeline.ingest.status import status
from pipeline.store.db import Store
from tests.test_inbox import LETTER

VANBAN = str(Path(sys.executable).parent / "vanban")
SHA = "ab" * 32


def long_name(size: int, extension: str = ".txt", prefix: str = "Công văn số 1667-UBND") -> str:
    """A Vietnamese file name of exactly ``size`` bytes of UTF-8, as a shared inbox gets every week."""
    words = " của Ủy ban nhân dân tỉnh Lâm Đồng về việc triển khai kế hoạch gửi các sở ban ngành và đơn vị"
    name = prefix
    while len((name + words + extension).encode()) <= size:
        name += words
    for c in words:
        if len((name + c + extension).encode()) > size:
            break
        name += c
    name = name.rstrip() + "x" * (size - len((name.rstrip() + extension).encode()))
    assert len((name + extension).encode()) == size
    return name + extension


@pytest.mark.parametrize("size", [240, 251, 255])
def test_archive_and_quarantine_names_fit_with_their_suffixes(tmp_path, size):
    filer = Filer(tmp_path / "archive", tmp_path / "quarantine")
    name = long_name(size)
    archived = filer.archive_destination(name, SHA, datetime(2026, 12, 6))
    quarantined = filer.quarantine_destination(Path("Sở Tư pháp") / name)
    for path in (archived, quarantined):
        assert len((path.name + ".error.txt").encode()) <= 255 and path.suffix == ".txt"
        assert name.startswith(path.stem.removeprefix(f"{SHA[:12]}-"))
    assert archived.name.startswith(f"{SHA[:12]}-Công văn số 1667-UBND")
    for path in (archived, quarantined):  # the note and the copy in progress can be written there
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_name(path.name + ".error.txt").write_text("x")
        path.with_name(path.name + ".part").write_text("x")


def test_names_are_cut_at_a_letter_and_keep_it_whole():
    decomposed = unicodedata.normalize("NFD", "Quyết định " * 30) + ".pdf"  # tone marks as separate characters
    fitted = fit_name(decomposed, 100)
    stem = fitted.removesuffix(".pdf")
    assert len(fitted.encode()) <= 100 and fitted.endswith(".pdf")
    assert decomposed.startswith(stem)
    assert not unicodedata.combining(decomposed[len(stem)])  # no mark left behind without its letter
    assert fit_name("dòng\nmới\t.txt", 255) == "dòng_mới_.txt"
    assert fit_name("a" * 300, 20) == "a" * 20  # no extension: cut as it is


def test_a_second_file_of_the_same_long_name_still_fits(tmp_path):
    filer = Filer(tmp_path / "archive", tmp_path / "quarantine")
    name = long_name(255)
    placed = []
    for i in range(3):
        source = tmp_path / f"{i}.txt"
        source.write_text(f"bản {i}")
        placed.append(filer.place(source, filer.archive_destination(name, SHA, datetime(2026, 12, 6))))
    assert len(set(placed)) == 3
    assert all(len(p.name.encode()) <= 255 - RESERVED for p in placed)
    assert placed[2].name.endswith("-3.txt")


@pytest.fixture
def setup(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'vanban.db'}")
    return inbox, store, Filer(tmp_path / "archive", tmp_path / "quarantine")


def test_a_file_that_cannot_be_filed_stays_with_its_reason_and_the_next_goes_on(setup):
    inbox, store, filer = setup
    blocked, after = inbox / "kế hoạch 21.txt", inbox / "kế hoạch 22.txt"
    blocked.write_text(LETTER, encoding="utf-8")
    after.write_text(LETTER.replace("21/KH-UBND", "22/KH-UBND"), encoding="utf-8")
    filer.archive.mkdir(parents=True)
    year = filer.archive / f"{datetime.now():%Y}"
    year.write_text("a file where the archive needs a folder")
    ingestor = Ingestor(store, filer, inbox)

    outcome = ingest_one(ingestor, blocked)
    assert outcome.state is OutcomeState.STUCK and blocked.exists() and not outcome.repeated
    assert "không chuyển được tệp vào" in outcome.message
    [stuck] = status(store).stuck
    assert stuck["file"].endswith("kế hoạch 21.txt") and "không chuyển được tệp vào" in stuck["reason"]
    assert ingest_one(ingestor, blocked).repeated  # met again by a rescan: no new log line

    year.unlink()  # IT frees the way: the next attempt files it and forgets the error
    assert ingest_one(ingestor, blocked).state == "processed" and not blocked.exists()
    assert ingest_one(ingestor, after).state == "processed"
    assert status(store).stuck == [] and store.document_count() == 2


def _dev_shm() -> Path:
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        pytest.skip("no writable /dev/shm")
    return shm


def test_the_watcher_files_long_odd_names_from_another_file_system_and_goes_on(tmp_path):
    """The issue's chaos case, through the real watcher: names of 240–255 bytes, a newline in a
    name, leading dashes, the inbox on tmpfs and the archive on disk, and one file that cannot even
    be quarantined (its quarantine folder is taken by a file): it stays in the inbox with its
    reason in `vanban status` and one log line, and every other file is filed."""
    import tempfile

    inbox = Path(tempfile.mkdtemp(prefix="vanban-inbox-", dir=_dev_shm()))
    archive, quarantine, home = tmp_path / "archive", tmp_path / "quarantine", tmp_path / "home"
    env = {**os.environ, "VANBAN_HOME": str(home)}
    env.pop("VANBAN_DB", None)
    command = [VANBAN, "watch", str(inbox), "--archive", str(archive), "--quarantine", str(quarantine)]
    command += ["--settle", "0.3", "--rescan", "1", "--no-prefect"]

    refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "chưa có cơ sở dữ liệu" in refused.stderr and not home.exists()

    names = {size: long_name(size, prefix=f"Công văn số {size}-UBND") for size in (240, 251, 255)}
    for size, name in names.items():
        (inbox / name).write_text(LETTER.replace("21/KH-UBND", f"{size}/KH-UBND"), encoding="utf-8")
    odd = ["dòng\nmới.txt", "-rf.txt", "--help.txt"]
    for i, name in enumerate(odd):
        (inbox / name).write_text(LETTER.replace("21/KH-UBND", f"{30 + i}/KH-UBND"), encoding="utf-8")
    (inbox / long_name(253, ".pdf")).write_bytes(b"")  # quarantined: its note's name must fit too
    (inbox / "Sở Tư pháp").mkdir()
    (inbox / "Sở Tư pháp" / "rỗng.pdf").write_bytes(b"")
    quarantine.mkdir()
    (quarantine / "Sở Tư pháp").write_text("a file where the quarantine needs a folder")

    log_path = tmp_path / "watch.log"
    left_behind: list[str] = []
    with open(log_path, "wb") as log:
        watcher = subprocess.Popen([*command, "--create"], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                left = {p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_file()}
                if left == {"Sở Tư pháp/rỗng.pdf"} and _stuck(engine):
                    break
                assert watcher.poll() is None, log_path.read_text()
                time.sleep(0.3)
            time.sleep(2.5)  # two more rescans meet the stuck file again
            assert watcher.poll() is None, log_path.read_text()  # still watching
            late = inbox / "đến sau.txt"
            late.write_text(LETTER.replace("21/KH-UBND", "40/KH-UBND"), encoding="utf-8")
            while late.exists() and time.monotonic() < deadline:
                time.sleep(0.3)
            assert not late.exists(), log_path.read_text()
        finally:
            watcher.terminate()
            watcher.wait(timeout=30)
            left_behind = sorted(p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_file())
            shutil.rmtree(inbox)
    text = log_path.read_text(encoding="utf-8")
    assert left_behind == ["Sở Tư pháp/rỗng.pdf"]

    archived = [p.name for p in archive.rglob("*") if p.is_file()]
    assert len(archived) == 7 and all(len(n.encode()) <= 255 - RESERVED for n in archived)
    assert any(n.endswith("-dòng_mới.txt") for n in archived) and any(n.endswith("--rf.txt") for n in archived)
    notes = [p for p in quarantine.rglob("*.error.txt")]
    assert len(notes) == 1 and "Lý do: tệp rỗng (0 byte)" in notes[0].read_text(encoding="utf-8")
    assert "dòng\\nmới.txt" in text  # a newline in a name does not break the log line
    assert sum("rỗng.pdf" in line and "kẹt" in line for line in text.splitlines()) == 1
    assert sum("rỗng.pdf" in line for line in text.splitlines()) == 2  # the note that failed, the file that stays
    assert re.search(r"kẹt +Sở Tư pháp/rỗng\.pdf: tệp rỗng \(0 byte\), nhưng không chuyển được tệp gốc", text)

    shown = subprocess.run([VANBAN, "status", "--json"], env=env, capture_output=True, text=True, check=True)
    report = json.loads(shown.stdout)
    assert (report["processed"], report["quarantined"]) == (7, 2)
    [stuck] = report["stuck"]
    assert stuck["file"].endswith("Sở Tư pháp/rỗng.pdf") and "không chuyển được tệp vào" in stuck["reason"]
    said = subprocess.run([VANBAN, "status"], env=env, capture_output=True, text=True, check=True).stdout
    assert f"cơ sở dữ liệu: sqlite:///{home / 'vanban.db'}" in said
    assert "1 tệp không chuyển đi được, vẫn nằm trong thư mục nhận:" in said


def _stuck(engine: sa.Engine) -> bool:
    try:
        with engine.connect() as conn:
            return bool(conn.execute(sa.text("SELECT count(*) FROM files WHERE filing_error IS NOT NULL")).scalar())
    except sa.exc.OperationalError:
        return False
