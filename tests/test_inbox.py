"""The watched folder's parts, each alone: filter, stability, filer, ledger, and the ingestor's
exactly-once promise when the process dies between commit and move."""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.filer import Filer
from pipeline.ingest.runner import Ingestor, Steps, commit, read_document
from pipeline.ingest.stability import FileStabilityTracker
from pipeline.ingest.status import status
from pipeline.ingest.watcher import Watcher
from pipeline.store.db import Store

LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nSố: 21/KH-UBND\t\tHà Tĩnh, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
    "Cải cách hành chính năm 2025\n\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tham mưu Ủy ban nhân "
    "dân tỉnh kiểm tra công tác cải cách hành chính, hoàn thành trước ngày 30/9/2025.\n"
)


@pytest.mark.parametrize(
    "name",
    [
        ".DS_Store",
        "Thumbs.db",
        "~$công văn.docx",
        "bao cao.pdf.part",
        "x.crdownload",
        "@eaDir/scan.pdf",
        "Hà Nội/.~lock.kh.docx#",
        "a.pdf.error.txt",
    ],
)
def test_filter_ignores_temporary_and_system_files(name):
    assert not FileFilter().accepts(Path(name))


@pytest.mark.parametrize("name", ["Công văn số 12.pdf", "Khánh Hòa/kế hoạch 45.txt", "scan0001.TIF"])
def test_filter_accepts_documents_with_spaces_and_vietnamese_names(name):
    assert FileFilter().accepts(Path(name))


def test_file_is_stable_only_after_size_and_mtime_rest(tmp_path):
    now = [0.0]
    tracker = FileStabilityTracker(settle=2.0, clock=lambda: now[0])
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7 part one")
    assert not tracker.is_stable(path)
    now[0] = 1.5
    with open(path, "ab") as f:
        f.write(b" part two")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert not tracker.is_stable(path)  # grew: the clock starts again
    now[0] = 3.0
    assert not tracker.is_stable(path)
    now[0] = 3.6
    assert tracker.is_stable(path)
    path.unlink()
    assert not tracker.is_stable(path)


def test_filer_archives_by_month_and_hash_and_never_overwrites(tmp_path):
    filer = Filer(tmp_path / "archive", tmp_path / "quarantine")
    when = datetime(2026, 3, 9)
    first = filer.archive_destination("kế hoạch.pdf", "ab" * 32, when)
    assert first == tmp_path / "archive/2026/03" / f"{'ab' * 6}-kế hoạch.pdf"
    for i in range(2):
        src = tmp_path / f"in{i}.pdf"
        src.write_bytes(b"x")
        placed = filer.place(src, first)
        assert placed.exists() and not src.exists()
    assert placed.name == f"{'ab' * 6}-kế hoạch-2.pdf"


def test_quarantine_note_explains_in_plain_words(tmp_path):
    filer = Filer(tmp_path / "archive", tmp_path / "quarantine")
    destination = filer.quarantine_destination(Path("Đắk Lắk/rỗng.pdf"))
    note = filer.write_reason(destination, Path("Đắk Lắk/rỗng.pdf"), "the file is empty (0 bytes)")
    assert note.name == "rỗng.pdf.error.txt"
    assert "Lý do / Reason: the file is empty (0 bytes)" in note.read_text(encoding="utf-8")


@pytest.fixture
def setup(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'vanban.db'}")
    return inbox, store, Filer(tmp_path / "archive", tmp_path / "quarantine")


def test_files_end_processed_duplicate_or_quarantined(setup):
    inbox, store, filer = setup
    (inbox / "Hà Tĩnh").mkdir()
    (inbox / "Hà Tĩnh" / "kế hoạch 21.txt").write_text(LETTER, encoding="utf-8")
    (inbox / "bản sao.txt").write_text(LETTER, encoding="utf-8")
    (inbox / "rỗng.pdf").write_bytes(b"")
    (inbox / "rác.bin").write_bytes(bytes(range(256)) * 8)
    ingestor = Ingestor(store, filer, inbox)
    outcomes = {
        p.name: ingestor.ingest(p) for p in sorted(FileFilter().scan(inbox), key=lambda p: len(p.parts), reverse=True)
    }
    assert outcomes["kế hoạch 21.txt"].state == "processed"
    assert re.fullmatch(
        r"\d{4}/\d{2}/[0-9a-f]{12}-kế hoạch 21\.txt",
        outcomes["kế hoạch 21.txt"].destination.relative_to(filer.archive).as_posix(),
    )
    assert outcomes["bản sao.txt"].state == "duplicate"
    assert outcomes["rỗng.pdf"].state == "quarantined"
    assert "empty" in outcomes["rỗng.pdf"].message
    assert outcomes["rác.bin"].state == "quarantined"
    assert not list(FileFilter().scan(inbox))
    counts = status(store)
    assert (counts.processed, counts.duplicates, counts.quarantined) == (1, 1, 2)
    assert {e["file"] for e in counts.last_errors} == {"rỗng.pdf", "rác.bin"}
    with store.engine.connect() as conn:
        tag = conn.exec_driver_sql("SELECT source_tag FROM documents").scalar_one()
    assert tag == "Hà Tĩnh"


def test_killed_between_commit_and_move_finishes_exactly_once(setup):
    """The process dies after the rows are committed but before the original moved: a
    restart archives the file and stores nothing twice."""
    inbox, store, filer = setup
    path = inbox / "kế hoạch 21.txt"
    path.write_text(LETTER, encoding="utf-8")

    class Killed(BaseException):
        pass

    def die(*args):
        raise Killed()

    def commit_then_die(ingestor, job, document, extraction):
        ingestor.filer.place = die
        return commit(ingestor, job, document, extraction)

    with pytest.raises(Killed):
        Ingestor(store, Filer(filer.archive, filer.quarantine), inbox, Steps(commit=commit_then_die)).ingest(path)
    assert path.exists() and store.document_count() == 1

    outcome = Ingestor(store, filer, inbox).ingest(path)
    assert outcome.state == "processed" and not path.exists() and outcome.destination.exists()
    assert store.document_count() == 1
    counts = status(store)
    assert (counts.processed, counts.duplicates) == (1, 0)


def test_a_retried_commit_finishes_the_move_instead_of_storing_twice(setup):
    """What Prefect's retries do when the move failed after the commit (a share that blinked)."""
    inbox, store, filer = setup
    path = inbox / "kế hoạch 21.txt"
    path.write_text(LETTER, encoding="utf-8")
    real_place, failures = filer.place, []

    def place_fails_once(source, destination):
        if not failures:
            failures.append(destination)
            raise OSError("network share unavailable")
        return real_place(source, destination)

    def commit_with_one_retry(ingestor, job, document, extraction):
        try:
            return commit(ingestor, job, document, extraction)
        except OSError:
            return commit(ingestor, job, document, extraction)

    filer.place = place_fails_once
    outcome = Ingestor(store, filer, inbox, Steps(commit=commit_with_one_retry)).ingest(path)
    assert failures and outcome.state == "processed" and outcome.destination.exists() and not path.exists()
    assert store.document_count() == 1
    assert (status(store).processed, status(store).duplicates) == (1, 0)


def test_a_file_taken_away_while_being_read_does_not_stop_anything(setup):
    inbox, store, filer = setup
    path = inbox / "kế hoạch 21.txt"
    path.write_text(LETTER, encoding="utf-8")

    def read_then_clerk_takes_it_back(path, sha256):
        document = read_document(path, sha256)
        path.unlink()
        return document

    outcome = Ingestor(store, filer, inbox, Steps(read=read_then_clerk_takes_it_back)).ingest(path)
    assert (outcome.state, outcome.destination) == ("processed", None)
    assert Ingestor(store, filer, inbox).ingest(inbox / "never there.pdf").state == "vanished"
    assert store.document_count() == 1


def test_a_file_that_keeps_killing_the_reader_is_set_aside(setup):
    inbox, store, filer = setup
    path = inbox / "khổng lồ.txt"
    path.write_text(LETTER + "x", encoding="utf-8")

    class Killed(BaseException):
        pass

    def die(path, sha256):
        raise Killed()

    for _ in range(3):
        with pytest.raises(Killed):
            Ingestor(store, filer, inbox, Steps(read=die)).ingest(path)
    outcome = Ingestor(store, filer, inbox, Steps(read=die)).ingest(path)
    assert outcome.state == "quarantined" and "stopped 3 times" in outcome.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_permissions_are_quarantined(setup):
    inbox, store, filer = setup
    path = inbox / "bí mật.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    outcome = Ingestor(store, filer, inbox).ingest(path)
    assert outcome.state == "quarantined" and "permission" in outcome.message


def test_watcher_waits_for_slow_writes_and_ignores_temporary_names(setup):
    inbox, _store, _filer = setup
    seen: list[tuple[str, bytes]] = []
    watcher = Watcher(
        inbox, lambda p: seen.append((p.name, p.read_bytes())) or p.unlink(), settle=0.6, rescan=1.0, tick=0.1
    )
    thread = threading.Thread(target=watcher.run)
    thread.start()
    try:
        data = LETTER.encode("utf-8")
        (inbox / "~$nháp.docx").write_bytes(b"lock")
        with open(inbox / "chậm.txt", "wb") as f:
            for i in range(0, len(data), 64):
                f.write(data[i : i + 64])
                f.flush()
                time.sleep(0.15)
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        watcher.stop()
        thread.join(timeout=5)
    assert seen == [("chậm.txt", data)]
    assert (inbox / "~$nháp.docx").exists()
