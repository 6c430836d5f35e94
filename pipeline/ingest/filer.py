"""Where originals go: ``archive/YYYY/MM/<sha256[:12]>-<name>`` after their rows are committed,
``quarantine/<subfolder>/<name>`` with a ``.error.txt`` a clerk can read. A file is never lost
or overwritten: renames are atomic, copies across file systems are synced before the source goes.

Every name vanban makes fits the file system it goes to: Vietnamese names are long in bytes
(a 90-letter name is often 130 bytes of UTF-8), and the hash prefix, a '-2' or the note's
'.error.txt' would push a legal 245-byte inbox name over the 255-byte limit of ext4 and tmpfs.
Names are cut by bytes at a letter's boundary, keeping the hash in front and the extension at
the end; control characters (a newline in a name) become '_' so the archive lists cleanly."""

import errno
import os
import shutil
import unicodedata
from datetime import datetime
from pathlib import Path

from pipeline.messages import t

ERROR_SUFFIX = ".error.txt"
PART_SUFFIX = ".part"
NAME_MAX = 255  # bytes; the file system's own limit is asked first
# Room kept at the end of every name vanban makes: the note's suffix (the copy's '.part' is shorter).
RESERVED = len(ERROR_SUFFIX.encode())
LONGEST_EXTENSION = 16  # bytes: a longer '.something' is part of the name, not a file type


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
        folder = self.archive / f"{when:%Y}" / f"{when:%m}"
        return _unused(folder / fit_name(f"{sha256[:12]}-{name}", name_max(folder) - RESERVED))

    def quarantine_destination(self, relative: Path) -> Path:
        """Where an unreadable file goes: its inbox subfolder kept, so a clerk finds it by sender."""
        folder = self.quarantine
        for part in relative.parts[:-1]:
            folder = folder / fit_name(part, name_max(folder))
        return _unused(folder / fit_name(relative.name, name_max(folder) - RESERVED))

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
        partial = destination.with_name(destination.name + PART_SUFFIX)
        try:
            shutil.copyfile(source, partial)
            with open(partial, "rb") as f:
                os.fsync(f.fileno())
            os.replace(partial, destination)
        finally:
            partial.unlink(missing_ok=True)
        if not self.keep_originals:
            source.unlink()
        return destination

    @staticmethod
    def write_reason(destination: Path, original: Path, reason_vi: str, reason_en: str) -> Path:
        """The note a clerk finds beside a quarantined file: the reason in Vietnamese, then in English."""
        note = destination.with_name(destination.name + ERROR_SUFFIX)
        note.parent.mkdir(parents=True, exist_ok=True)
        values = {
            "file": original.as_posix(),
            "time": f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
            "reason_vi": reason_vi,
            "reason_en": reason_en,
        }
        note.write_text(t("filer.note", "vi", **values), encoding="utf-8")
        return note


def name_max(folder: Path) -> int:
    """The longest name, in bytes, the file system under ``folder`` (or its nearest existing parent) takes."""
    for existing in (folder, *folder.parents):
        try:
            return min(os.pathconf(existing, "PC_NAME_MAX"), NAME_MAX)
        except (OSError, ValueError):
            continue
    return NAME_MAX


def fit_name(name: str, limit: int, keep_extension: bool = True) -> str:
    """``name`` with control characters as '_', cut to ``limit`` bytes of UTF-8 at a letter's
    boundary (a tone mark never left without its letter), its extension kept."""
    name = "".join("_" if unicodedata.category(c) == "Cc" else c for c in name) or "_"
    if len(name.encode()) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if not keep_extension or not dot or not stem or len(extension.encode()) + 1 > LONGEST_EXTENSION:
        stem, extension = name, ""
    else:
        extension = dot + extension
    room = limit - len(extension.encode())
    cut = stem.encode()[:room].decode(errors="ignore")
    while cut and len(cut) < len(stem) and unicodedata.combining(stem[len(cut)]):
        cut = cut[:-1]  # the next character is a mark belonging to the last letter kept
    return cut.rstrip() + extension


def _unused(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… when something already lives there; each
    candidate still fits the name limit."""
    candidate, n = path, 1
    limit = max(len(path.name.encode()), name_max(path.parent) - RESERVED)
    while candidate.exists():
        n += 1
        counter = f"-{n}{path.suffix}"
        candidate = path.with_name(fit_name(path.stem, limit - len(counter.encode()), keep_extension=False) + counter)
    return candidate
