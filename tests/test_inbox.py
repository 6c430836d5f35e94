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

from pipeline.ingest import runner
from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.filer import Filer
from pipeline.ingest.runner import Ingestor, ingest_one
from pipeline.ingest.stability import FileStabilityTracker
from pipeline.ingest.status import status
from pipeline.ingest.watcher import Watcher
from pipeline.settings import Settings
from pipeline.store.db import Store
from pipeline.store.ledger import Journal, LedgerState
from tests.databases import database

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


def test_a_file_rests_from_its_last_write_not_from_when_it_was_first_seen(tmp_path):
    now = [0.0]
    tracker = FileStabilityTracker(settle=2.0, clock=lambda: now[0])
    moved_in = tmp_path / "moved in.pdf"  # written ten seconds ago elsewhere, then renamed into the inbox
    moved_in.write_bytes(b"%PDF-1.7 whole")
    os.utime(moved_in, ns=(time.time_ns(), time.time_ns() - 10_000_000_000))
    assert not tracker.is_stable(moved_in)  # one look is not enough
    assert tracker.is_stable(moved_in)  # the second: no waiting for a rest it has had already
    future = tmp_path / "clock ahead.pdf"  # another machine's clock: its mtime says nothing
    future.write_bytes(b"%PDF-1.7")
    os.utime(future, ns=(time.time_ns(), time.time_ns() + 3600_000_000_000))
    assert not tracker.is_stable(future)
    now[0] = 1.9
    assert not tracker.is_stable(future)
    now[0] = 2.0
    assert tracker.is_stable(future)
    assert FileStabilityTracker(settle=0.0).is_stable(moved_in)  # no settling asked: at the first look


def test_a_settled_file_is_handed_on_without_waiting_for_a_tick_or_a_first_look(tmp_path):
    """The latency of the watched folder: a file moved in whole goes at its second look, well before
    ``settle``; a file just written goes ``settle`` after its last write, not later."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    handed: dict[str, float] = {}
    watcher = Watcher(inbox, lambda p: handed.setdefault(p.name, time.monotonic()), settle=1.5, rescan=30, tick=0.1)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    try:
        time.sleep(0.3)  # watching
        outside = inbox.parent / "scanned earlier.pdf"
        outside.write_bytes(b"%PDF-1.7 scanned an hour ago")
        os.utime(outside, ns=(time.time_ns(), time.time_ns() - 3600_000_000_000))
        moved = time.monotonic()
        outside.rename(inbox / outside.name)
        written = time.monotonic()
        (inbox / "just written.txt").write_text(LETTER, encoding="utf-8")
        deadline = time.monotonic() + 10
        while len(handed) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        watcher.stop()
        thread.join(timeout=5)
    assert handed["scanned earlier.pdf"] - moved < 1.0
    assert 1.5 <= handed["just written.txt"] - written < 2.5


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
    note = filer.write_reason(destination, Path("Đắk Lắk/rỗng.pdf"), "tệp rỗng (0 byte)", "the file is empty (0 bytes)")
    assert note.name == "rỗng.pdf.error.txt"
    text = note.read_text(encoding="utf-8")
    assert text.startswith("Tệp: Đắk Lắk/rỗng.pdf\n") and "Lý do: tệp rỗng (0 byte)\n" in text
    assert "(English) vanban could not read this file and moved it here unchanged: the file is empty" in text


@pytest.fixture
def setup(tmp_path, database_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    store = Store(database_url)
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
        p.name: ingest_one(ingestor, p)
        for p in sorted(FileFilter().scan(inbox), key=lambda p: len(p.parts), reverse=True)
    }
    assert outcomes["kế hoạch 21.txt"].state == "processed"
    assert re.fullmatch(
        r"\d{4}/\d{2}/[0-9a-f]{12}-kế hoạch 21\.txt",
        outcomes["kế hoạch 21.txt"].destination.relative_to(filer.archive).as_posix(),
    )
    assert outcomes["bản sao.txt"].state == "duplicate"
    assert outcomes["rỗng.pdf"].state == "quarantined"
    assert outcomes["rỗng.pdf"].message == "tệp rỗng (0 byte)"
    assert outcomes["rác.bin"].state == "quarantined"
    assert not list(FileFilter().scan(inbox))
    counts = status(store)
    assert (counts.processed, counts.duplicates, counts.quarantined) == (1, 1, 2)
    assert {e["file"] for e in counts.last_errors} == {"rỗng.pdf", "rác.bin"}
    assert {e["reason"] for e in counts.last_errors} >= {"tệp rỗng (0 byte)"}
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

    dying = Filer(filer.archive, filer.quarantine)
    dying.place = die  # type: ignore[method-assign]  # the move, right after the commit
    with pytest.raises(Killed):
        ingest_one(Ingestor(store, dying, inbox), path)
    assert path.exists() and store.document_count() == 1

    outcome = ingest_one(Ingestor(store, filer, inbox), path)
    assert outcome.state == "processed" and not path.exists() and outcome.destination.exists()
    assert store.document_count() == 1
    counts = status(store)
    assert (counts.processed, counts.duplicates) == (1, 0)


def test_retried_steps_finish_the_move_instead_of_storing_twice(setup):
    """What Prefect's retries do when the move failed after the commit (a share that blinked):
    the commit, run again, stores nothing twice; the file step, run again, moves the original."""
    inbox, store, filer = setup
    path = inbox / "kế hoạch 21.txt"
    path.write_text(LETTER, encoding="utf-8")
    real_place, failures = filer.place, []

    def place_fails_once(source, destination):
        if not failures:
            failures.append(destination)
            raise OSError("network share unavailable")
        return real_place(source, destination)

    filer.place = place_fails_once  # type: ignore[method-assign]
    ingestor = Ingestor(store, filer, inbox)
    job = ingestor.claim(path, runner.hash_file(path))
    assert isinstance(job, runner.Job)
    document = runner.read_document(job.path, job.sha256)
    extraction = runner.extract_facts(document)
    decision = ingestor.commit(job, document, extraction)
    with pytest.raises(OSError) as error:
        ingestor.file(decision)
    assert runner.is_transient(error.value)
    assert ingestor.commit(job, document, extraction).entry.document_id == decision.entry.document_id
    outcome = ingestor.file(decision)
    assert failures and outcome.state == "processed" and outcome.destination.exists() and not path.exists()
    assert store.document_count() == 1
    assert (status(store).processed, status(store).duplicates) == (1, 0)


def test_a_file_taken_away_while_being_read_does_not_stop_anything(setup, monkeypatch):
    inbox, store, filer = setup
    path = inbox / "kế hoạch 21.txt"
    path.write_text(LETTER, encoding="utf-8")
    read_document = runner.read_document

    def read_then_clerk_takes_it_back(path, sha256, executor=None):
        document = read_document(path, sha256, executor)
        path.unlink()
        return document

    monkeypatch.setattr(runner, "read_document", read_then_clerk_takes_it_back)
    outcome = ingest_one(Ingestor(store, filer, inbox), path)
    assert (outcome.state, outcome.destination) == ("processed", None)
    assert ingest_one(Ingestor(store, filer, inbox), inbox / "never there.pdf").state == "vanished"
    assert store.document_count() == 1


def test_a_file_that_keeps_killing_the_reader_is_set_aside(setup, monkeypatch):
    inbox, store, filer = setup
    path = inbox / "khổng lồ.txt"
    path.write_text(LETTER + "x", encoding="utf-8")

    class Killed(BaseException):
        pass

    def die(path, sha256, executor=None):
        raise Killed()

    monkeypatch.setattr(runner, "read_document", die)
    for _ in range(3):
        with pytest.raises(Killed):
            ingest_one(Ingestor(store, filer, inbox), path)
    outcome = ingest_one(Ingestor(store, filer, inbox), path)
    assert outcome.state == "quarantined" and "đã dừng 3 lần" in outcome.message
    assert outcome.state is runner.OutcomeState.QUARANTINED


def test_the_number_of_attempts_is_a_setting(setup, monkeypatch):
    inbox, store, filer = setup
    path = inbox / "khổng lồ.txt"
    path.write_text(LETTER + "y", encoding="utf-8")

    class Killed(BaseException):
        pass

    def die(path, sha256, executor=None):
        raise Killed()

    monkeypatch.setattr(runner, "read_document", die)
    assert Settings().max_attempts == 3
    with pytest.raises(Killed):
        ingest_one(Ingestor(store, filer, inbox, max_attempts=1), path)
    outcome = ingest_one(Ingestor(store, filer, inbox, max_attempts=1), path)
    assert "đã dừng 1 lần" in outcome.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_permissions_are_quarantined(setup):
    inbox, store, filer = setup
    path = inbox / "bí mật.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    outcome = ingest_one(Ingestor(store, filer, inbox), path)
    assert outcome.state == "quarantined" and "không có quyền đọc" in outcome.message


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


def test_settings_come_from_the_environment_once_and_can_be_built_for_a_test(tmp_path):
    current = Settings.from_env({"VANBAN_HOME": str(tmp_path), "VANBAN_WATCH_SETTLE": "0.5", "VANBAN_DB": ""})
    assert (current.home, current.watch_settle, current.watch_rescan) == (tmp_path, 0.5, 30.0)
    assert current.database == f"sqlite:///{tmp_path / 'vanban.db'}"
    assert Settings(home=tmp_path, database_url="sqlite://").database == "sqlite://"
    assert Settings.from_env({}).home == Path("~/.vanban").expanduser()
    assert (Settings.from_env({}).lang, Settings.from_env({"VANBAN_LANG": "en"}).lang) == ("vi", "en")
    with pytest.raises(ValueError, match="VANBAN_WATCH_RESCAN"):
        Settings.from_env({"VANBAN_WATCH_RESCAN": "half a minute"})


def test_states_keep_the_values_stored_in_the_database():
    assert [s.value for s in LedgerState] == ["processing", "processed", "duplicate", "quarantined"]
    assert [s.value for s in runner.OutcomeState] == [
        "processed",
        "duplicate",
        "quarantined",
        "unchanged",
        "vanished",
        "stuck",
        "elsewhere",
        "changed",
    ]
    assert [s for s in LedgerState if s.final] == [
        LedgerState.PROCESSED,
        LedgerState.DUPLICATE,
        LedgerState.QUARANTINED,
    ]


def test_only_errors_that_may_pass_are_retried():
    import sqlalchemy as sa

    from pipeline.errors import UnreadableDocument

    assert runner.is_transient(OSError(5, "Input/output error"))
    assert runner.is_transient(sa.exc.OperationalError("UPDATE files", {}, Exception("database is locked")))
    assert not runner.is_transient(FileNotFoundError(2, "gone"))
    assert not runner.is_transient(PermissionError(13, "denied"))
    assert not runner.is_transient(UnreadableDocument("x.pdf", "the file is empty"))
    assert not runner.is_transient(ValueError("a bug"))
    assert not runner.is_transient(OSError(36, "File name too long"))  # the same name fails again


def test_importing_the_flows_changes_no_environment_and_creates_nothing(tmp_path):
    """Prefect's defaults are the command line's to set (``configure_prefect``), not an import's."""
    import json
    import subprocess
    import sys

    code = (
        "import json, os; before = dict(os.environ); import flows; "
        "print(json.dumps(sorted(set(os.environ.items()) ^ set(before.items()))))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["VANBAN_HOME"] = str(tmp_path / "home")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    assert not (tmp_path / "home").exists()


def test_watchers_starting_at_once_register_their_inbox_once(setup):
    inbox, store, _ = setup
    errors: list[BaseException] = []

    def register() -> None:
        try:
            Journal(Store(store.url), inbox).register_watch()
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=register) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM inboxes").scalar_one() == 1


def test_two_workers_on_one_postgresql_store_handle_each_file_once(tmp_path, monkeypatch):
    """Two watchers on one inbox and one PostgreSQL store, meeting the same files at the same
    time (reading slowed so that they overlap): each file is read, stored and filed once, a copy
    of the same bytes under another name is a duplicate, and nothing is quarantined."""
    with database("postgresql", tmp_path) as url:
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        names = [f"kế hoạch {n}.txt" for n in range(21, 25)]
        for name in names:
            (inbox / name).write_text(LETTER.replace("21/KH", f"{name[9:11]}/KH"), encoding="utf-8")
        (inbox / "bản sao.txt").write_text((inbox / names[0]).read_text(encoding="utf-8"), encoding="utf-8")
        read = runner.read_document
        monkeypatch.setattr(runner, "read_document", lambda *a: (time.sleep(0.3), read(*a))[1])
        filer = Filer(tmp_path / "archive", tmp_path / "quarantine")
        files = sorted(inbox.iterdir())
        outcomes: list[list[runner.Outcome]] = [[], []]
        start = threading.Barrier(2)

        def worker(n: int) -> None:
            ingestor = Ingestor(Store(url), filer, inbox)
            start.wait()
            outcomes[n] = [runner.exclusively(ingest_one, ingestor, f, None) for f in files]

        workers = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=120)
        for mine, theirs in zip(*outcomes):
            assert {mine.state, theirs.state} & {"processed", "duplicate"}, (mine, theirs)
            assert not {mine.state, theirs.state} & {"quarantined", "stuck"}, (mine, theirs)
        done = [o.state for o in outcomes[0] + outcomes[1] if o.state in ("processed", "duplicate")]
        assert sorted(done) == ["duplicate"] + ["processed"] * len(names)
        store = Store(url)
        assert store.document_count() == len(names)
        counts = status(store)
        assert (counts.processed, counts.duplicates, counts.quarantined) == (len(names), 1, 0)
        assert not list(inbox.iterdir()) and len(list(filer.archive.rglob("*.txt"))) == len(files)
        with store.engine.connect() as conn:
            entries = conn.exec_driver_sql("SELECT count(*), count(DISTINCT path) FROM files WHERE filed").one()
        assert tuple(entries) == (len(files), len(files))
