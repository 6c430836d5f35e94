"""Where originals go: ``archive/YYYY/MM/<sha256[:12]>-<name>`` after their rows are committed,
``quarantine/<subfolder>/<name>`` with a ``.error.txt`` a clerk can read. A file is never lost
or overwritten: renames are atomic, copies across file systems are synced before the source goes."""

import errno
import os
import shutil
from datetime import datetime
from pathlib import Path

ERROR_SUFFIX = ".error.txt"


class Filer:
    """Puts originals away. ``keep_originals`` copies instead of moving (files named on the
    command line stay where the user keeps them)."""

    def __init__(self, archive: Path, quarantine: Path, keep_originals: bool = False) -> None:
        self.archive = Path(archive)
        self.quarantine = Path(quarantine)
        self.keep_originals = keep_originals

    def archive_destination(self, name: str, sha256: str, when: datetime | None = None) -> Path:
        """Where an original goes once its rows are committed: by month, its hash prefix keeping
        two letters with the same name apart (decided in the commit, used by the move after it)."""
        when = when or datetime.now()
        return _unused(self.archive / f"{when:%Y}" / f"{when:%m}" / f"{sha256[:12]}-{name}")

    def quarantine_destination(self, relative: Path) -> Path:
        """Where an unreadable file goes: its inbox subfolder kept, so a clerk finds it by sender."""
        return _unused(self.quarantine / relative)

    def place(self, source: Path, destination: Path) -> Path:
        """Move (or copy) ``source`` to ``destination`` without ever losing it or overwriting
        anything; returns where it went.

        A rename is atomic; across file systems the copy is written under a temporary
        name, synced, renamed into place, and only then is the source removed."""
        destination = _unused(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if not self.keep_originals:
            try:
                os.rename(source, destination)
                return destination
            except OSError as e:
                if e.errno != errno.EXDEV:
                    raise
        partial = destination.with_name(destination.name + ".part")
        shutil.copyfile(source, partial)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, destination)
        if not self.keep_originals:
            source.unlink()
        return destination

    @staticmethod
    def write_reason(destination: Path, original: Path, reason: str) -> Path:
        """The note a clerk finds beside a quarantined file."""
        note = destination.with_name(destination.name + ERROR_SUFFIX)
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(
            f"Tệp / File: {original}\n"
            f"Thời điểm / Time: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n"
            f"Lý do / Reason: {reason}\n\n"
            "vanban không đọc được tệp này nên đã chuyển nó vào đây; tệp gốc được giữ nguyên.\n"
            "Hãy sửa hoặc quét lại văn bản rồi thả bản mới vào thư mục nhận.\n"
            "vanban could not read this file and moved it here unchanged. Fix or rescan the "
            "document and drop the new file into the inbox again.\n",
            encoding="utf-8",
        )
        return note


def _unused(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… when something already lives there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
