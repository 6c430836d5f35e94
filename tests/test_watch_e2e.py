"""The watched folder under fire: 200 real files, two SIGKILLs, one restart.

Valid texts and scans (rendered with Liberation Serif and OCR'd by real Tesseract),
duplicates, zero-byte files, corrupt and encrypted PDFs, slow partial writes, junk and a
decompression bomb go into an inbox watched by ``vanban watch`` running as a subprocess.
The watcher is killed with SIGKILL twice while it works and started again; at the end every
valid file's rows exist exactly once, every bad file is quarantined with a reason, the inbox
holds nothing but the names it must ignore, and no original is lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import pdf_with_scans, pdf_with_text, png_header_only, render_lines

pytestmark = [pytest.mark.slow, pytest.mark.ocr]

VANBAN = str(Path(sys.executable).parent / "vanban")
PROVINCES = ["Khánh Hòa", "Đắk Lắk", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Hà Tĩnh", "Quảng Ngãi"]
AGENCIES = [
    "Sở Tư pháp",
    "Sở Tài chính",
    "Công an tỉnh",
    "Sở Nội vụ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Kế hoạch và Đầu tư",
    "Bộ Chỉ huy Quân sự tỉnh",
]
TASKS = [
    "xây dựng kế hoạch triển khai thực hiện",
    "tổng hợp, báo cáo kết quả thực hiện",
    "bố trí kinh phí bảo đảm thực hiện",
    "kiểm tra, đôn đốc việc thực hiện",
    "tuyên truyền, phổ biến nội dung Kế hoạch",
]
IGNORED = [".DS_Store", "Thumbs.db", "~$bao cao.docx", "ban nhap.pdf.part", "@eaDir/anh.jpg"]
TIMEOUT = 300


def letter(i: int, province: str, number: int | None = None, percent: int | None = None) -> str:
    """A short plan in the genre, different for every ``i`` (``percent``: its target, amended)."""
    rnd = random.Random(i)
    lead, support = rnd.sample(AGENCIES, 2)
    task = rnd.choice(TASKS)
    number = number if number is not None else 100 + i
    return (
        f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n\nSố: {number}/KH-UBND\t\t{province}, ngày {1 + i % 28} tháng "
        f"{1 + i % 12} năm 2025\n\nKẾ HOẠCH\nThực hiện chuyển đổi số trong cơ quan nhà nước năm 2026\n\n"
        f"I. MỤC ĐÍCH, YÊU CẦU\n1. Phấn đấu đến năm 2026 có {percent or 50 + i % 50}% hồ sơ công việc được xử lý "
        f"trên môi trường mạng.\n\nII. TỔ CHỨC THỰC HIỆN\n1. {lead} chủ trì, phối hợp với "
        f"{support} {task}, hoàn thành trước ngày {1 + i % 28}/{1 + i % 12}/2026.\n"
        f"2. Các sở, ban, ngành báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.\n\n"
        f"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn {chr(65 + i % 26)}\n"
    )


class Drop:
    """Everything put into the inbox, by kind, with the bytes each file must end with."""

    def __init__(self, inbox: Path) -> None:
        self.inbox = inbox
        self.valid: dict[str, bytes] = {}  # relative path → content
        self.duplicates: dict[str, bytes] = {}
        self.bad: dict[str, bytes] = {}
        self.slow: dict[str, bytes] = {}  # valid, but written slowly

    def put(self, kind: dict[str, bytes], relative: str, data: bytes) -> None:
        path = self.inbox / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        kind[relative] = data

    def originals(self) -> Counter:
        return Counter(_sha(d) for kind in (self.valid, self.duplicates, self.bad, self.slow) for d in kind.values())

    def count(self) -> int:
        return sum(len(k) for k in (self.valid, self.duplicates, self.bad, self.slow))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _scan_png(i: int) -> bytes:
    import io

    image = render_lines(letter(500 + i, "Khánh Hòa").split("\n")[6:14], dpi=150, pt=12, height_in=3.2)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


def _pdf_bytes(tmp: Path, name: str, paragraphs: list[str]) -> bytes:
    return pdf_with_text(tmp / name, paragraphs).read_bytes()


def _encrypted_pdf(tmp: Path, i: int) -> bytes:
    plain = pdf_with_text(tmp / f"plain{i}.pdf", [f"Tài liệu mật số {i}", "Không được phổ biến."])
    locked = tmp / f"locked{i}.pdf"
    subprocess.run(["qpdf", "--encrypt", f"mat-khau-{i}", "owner", "256", "--", str(plain), str(locked)], check=True)
    return locked.read_bytes()


def prepare(drop: Drop, tmp: Path) -> list[tuple[str, bytes]]:
    """Drop the first wave now; return the second wave (dropped while the watcher runs)."""
    later: list[tuple[str, bytes]] = []
    rnd = random.Random(7)
    for i in range(132):
        province = PROVINCES[i % len(PROVINCES)]
        folder = f"{province}/" if i % 3 == 0 else ""
        name = f"{folder}Kế hoạch số {100 + i} năm 2025.txt" if i % 2 else f"{folder}kh_{100 + i}.txt"
        data = letter(i, province).encode("utf-8")
        if i < 80:
            drop.put(drop.valid, name, data)
        else:
            later.append((name, data))
    # A new version of plan 100: same số/ký hiệu and issuer, its target amended.
    drop.put(drop.valid, "Kế hoạch 100 (sửa đổi).txt", letter(0, PROVINCES[0], number=100, percent=95).encode("utf-8"))
    for i in range(3):
        drop.put(drop.valid, f"Khánh Hòa/bản quét {i + 1}.png", _scan_png(i))
    scan = render_lines(letter(600, "Quảng Ngãi").split("\n")[6:14], dpi=150, pt=12, height_in=3.2)
    drop.put(drop.valid, "Quảng Ngãi/bản quét PDF.pdf", pdf_with_scans(tmp / "scan.pdf", [(scan, None)]).read_bytes())
    drop.put(drop.valid, "công văn điện tử.pdf", _pdf_bytes(tmp, "digital.pdf", letter(900, "Hà Tĩnh").split("\n")))
    for i in range(20):  # duplicates of texts already dropped
        source = sorted(drop.valid)[rnd.randrange(80)]
        if source.endswith(".txt"):
            drop.put(drop.duplicates, f"bản sao/{i} - {Path(source).name}", drop.valid[source])
        else:
            drop.put(drop.duplicates, f"bản sao/{i}.bin", (drop.inbox / source).read_bytes())
    for i in range(8):
        drop.put(drop.bad, f"rỗng {i}.pdf" if i % 2 else f"empty_{i}.txt", b"")
    real_pdf = _pdf_bytes(tmp, "good.pdf", ["Báo cáo tổng kết công tác năm 2025"] * 20)
    for i in range(6):
        drop.put(drop.bad, f"hỏng {i}.pdf", real_pdf[: len(real_pdf) * (i + 2) // 10])
    for i in range(4):
        drop.put(drop.bad, f"garbage {i}.pdf", b"%PDF-1.7\n" + rnd.randbytes(3000))
    for i in range(4):
        drop.put(drop.bad, f"mật {i}.pdf", _encrypted_pdf(tmp, i))
    for i in range(8):
        drop.put(drop.bad, f"junk {i}.{['exe', 'bin', 'jpg', 'docx'][i % 4]}", b"\x00\x01" + rnd.randbytes(2000))
    drop.put(drop.bad, "ảnh khổng lồ.png", png_header_only(30000, 30000))
    drop.put(drop.bad, "danh sách.zip", _zip_bytes())
    for name in IGNORED:
        path = drop.inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"ignored")
    return later


def _zip_bytes() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "xin chào")
    return out.getvalue()


def slow_writer(drop: Drop, name: str, data: bytes, via_part: bool) -> None:
    """A scanner or network copy: the file grows in chunks over ~3 s (or is renamed from .part)."""
    target = drop.inbox / name
    path = target.with_name(target.name + ".part") if via_part else target
    step = max(1, len(data) // 10)
    with open(path, "wb") as f:
        for start in range(0, len(data), step):
            f.write(data[start : start + step])
            f.flush()
            time.sleep(0.3)
    if via_part:
        os.rename(path, target)


def start_watcher(inbox: Path, archive: Path, quarantine: Path, env: dict, log) -> subprocess.Popen:
    # Own session, so SIGKILL reaches the watcher and the Prefect server it started.
    return subprocess.Popen(
        [
            VANBAN,
            "watch",
            str(inbox),
            "--archive",
            str(archive),
            "--quarantine",
            str(quarantine),
            "--settle",
            "1.5",
            "--rescan",
            "3",
            "--create",  # a new data directory: the first start makes its database
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def finished(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM files WHERE filed")).scalar_one()


def wait_until(predicate, proc: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not predicate():
        if proc.poll() is not None:
            pytest.fail(f"watcher exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out; watcher log:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.2)


def inbox_leftovers(inbox: Path) -> set[str]:
    return {p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_file()}


def test_watcher_survives_two_sigkills(tmp_path):
    inbox, archive, quarantine, home = (tmp_path / n for n in ("hộp thư đến", "archive", "quarantine", "home"))
    inbox.mkdir()
    drop = Drop(inbox)
    later = prepare(drop, tmp_path)
    env = {**os.environ, "VANBAN_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    env.pop("VANBAN_DB", None)
    log_path = tmp_path / "watch.log"
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
    with open(log_path, "ab") as log:
        proc = start_watcher(inbox, archive, quarantine, env, log)
        wait_until(
            lambda: (home / "vanban.db").exists() and _has_ledger(engine) and finished(engine) >= 25, proc, log_path
        )
        kill(proc)

        # More mail arrives while it is down and while it is back — some of it written slowly.
        for name, data in later[:25]:
            drop.put(drop.valid, name, data)
        proc = start_watcher(inbox, archive, quarantine, env, log)
        wait_until(lambda: finished(engine) >= 45, proc, log_path)
        writers = []
        for i in range(10):
            name, data = f"chậm {i}.txt", letter(700 + i, "Hà Tĩnh").encode("utf-8")
            drop.slow[name] = data
            writers.append(threading.Thread(target=slow_writer, args=(drop, name, data, i % 2 == 0)))
            writers[-1].start()
        wait_until(lambda: finished(engine) >= 90, proc, log_path)
        kill(proc)

        for name, data in later[25:]:
            drop.put(drop.valid, name, data)
        proc = start_watcher(inbox, archive, quarantine, env, log)
        for w in writers:
            w.join()
        expected = drop.count()
        try:
            wait_until(lambda: finished(engine) >= expected and inbox_leftovers(inbox) == set(IGNORED), proc, log_path)
        finally:
            kill(proc)
    assert drop.count() == 200

    with engine.connect() as conn:
        documents = conn.execute(sa.text("SELECT sha256, version, used, path FROM documents")).all()
        ledger = conn.execute(sa.text("SELECT path, sha256, state, reason, destination FROM files")).all()
        obligations = conn.execute(
            sa.text(
                "SELECT document_id, position, count(*) FROM obligations GROUP BY document_id, position "
                "HAVING count(*) > 1"
            )
        ).all()
        tags = conn.execute(sa.text("SELECT DISTINCT source_tag FROM documents")).scalars().all()

    # Every valid file's rows exactly once, duplicates recorded as such.
    valid_hashes = {_sha(d) for d in list(drop.valid.values()) + list(drop.slow.values())}
    stored = Counter(d.sha256 for d in documents)
    assert set(stored) == valid_hashes
    assert max(stored.values()) == 1
    assert not obligations
    [amended] = [d for d in documents if d.path.endswith("Kế hoạch 100 (sửa đổi).txt")]
    assert (amended.version, amended.used) == (2, True)  # the amended plan is version 2, and the one read
    assert "Khánh Hòa" in tags
    states = Counter(row.state for row in ledger)
    assert states["processed"] == len(valid_hashes)
    assert states["duplicate"] == len(drop.duplicates)
    assert len(ledger) == drop.count()

    # Every bad file quarantined, with a reason beside it.
    bad_entries = {row.path: row for row in ledger if row.state == "quarantined"}
    assert set(bad_entries) == set(drop.bad)
    for row in bad_entries.values():
        assert row.reason
        note = Path(row.destination + ".error.txt")
        assert row.reason in note.read_text(encoding="utf-8")

    # Nothing left but ignored names; every original filed exactly once, byte for byte.
    assert inbox_leftovers(inbox) == set(IGNORED)
    filed = Counter(
        _sha(p.read_bytes())
        for root in (archive, quarantine)
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith((".error.txt", ".part"))
    )
    assert filed == drop.originals()
    assert all(p.name[12] == "-" for p in archive.rglob("*") if p.is_file())

    status = subprocess.run([VANBAN, "status", "--json"], env=env, capture_output=True, text=True, check=True)
    counts = json.loads(status.stdout)
    assert (counts["processed"], counts["duplicates"], counts["quarantined"], counts["pending"]) == (
        len(valid_hashes),
        len(drop.duplicates),
        len(drop.bad),
        0,
    )


def _has_ledger(engine: sa.Engine) -> bool:
    try:
        finished(engine)
        return True
    except sa.exc.OperationalError:
        return False


def test_files_written_slowly_while_watched_are_stored_once_and_whole(tmp_path):
    """The watcher reads a file as soon as it appears, before it has rested: a scan and a letter
    that grow in chunks (a pause shorter than the rest between two) are read early, found
    changed or not yet readable, and stored once, whole, when they rest; nothing is quarantined."""
    inbox, archive, quarantine, home = (tmp_path / n for n in ("inbox", "archive", "quarantine", "home"))
    inbox.mkdir()
    drop = Drop(inbox)
    slow = {"máy quét 1.png": _scan_png(1), "công văn chậm.txt": letter(900, "Quảng Ngãi").encode("utf-8")}
    env = {**os.environ, "VANBAN_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    env.pop("VANBAN_DB", None)
    log_path = tmp_path / "watch.log"
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
    command = [VANBAN, "watch", str(inbox), "--archive", str(archive), "--quarantine", str(quarantine)]
    command += ["--settle", "1.0", "--rescan", "30", "--create", "--no-prefect"]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until(lambda: (home / "vanban.db").exists() and _has_ledger(engine), proc, log_path)
            time.sleep(1.0)  # watching
            writers = []
            for name, data in slow.items():
                drop.slow[name] = data
                writers.append(threading.Thread(target=_chunked_writer, args=(inbox / name, data)))
                writers[-1].start()
            for w in writers:
                w.join()
            wait_until(lambda: finished(engine) >= len(slow) and not inbox_leftovers(inbox), proc, log_path)
        finally:
            kill(proc)
    with engine.connect() as conn:
        documents = conn.execute(sa.text("SELECT sha256 FROM documents")).scalars().all()
        ledger = conn.execute(sa.text("SELECT path, sha256, state FROM files")).all()
    assert sorted(documents) == sorted(_sha(d) for d in slow.values())
    assert sorted((row.path, row.sha256, row.state) for row in ledger) == sorted(
        (name, _sha(data), "processed") for name, data in slow.items()
    )
    assert not list(quarantine.rglob("*"))
    assert Counter(_sha(p.read_bytes()) for p in archive.rglob("*") if p.is_file()) == drop.originals()


def _chunked_writer(path: Path, data: bytes) -> None:
    """A scanner writing one page: eight chunks, 0.4 s apart (less than the 1 s rest)."""
    step = max(1, len(data) // 8)
    with open(path, "wb") as f:
        for start in range(0, len(data), step):
            f.write(data[start : start + step])
            f.flush()
            time.sleep(0.4)
