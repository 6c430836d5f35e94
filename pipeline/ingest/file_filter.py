"""Which names in an inbox are never documents: temporary files of scanners and office
programs, OS and NAS metadata (rules as data in ``data/inbox_ignore.json``)."""

import fnmatch
import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path


@cache
def _ignore_rules() -> dict[str, list[str]]:
    return json.loads((Path(__file__).parent / "data" / "inbox_ignore.json").read_text(encoding="utf-8"))


class FileFilter:
    """Accepts a path (relative to the inbox) unless its name or a parent folder is ignored."""

    def __init__(self, files: list[str] | None = None, directories: list[str] | None = None) -> None:
        rules = _ignore_rules()
        self.files = [g.lower() for g in (files if files is not None else rules["files"])]
        self.directories = [g.lower() for g in (directories if directories is not None else rules["directories"])]

    def accepts(self, relative: Path) -> bool:
        """False for a name (or a folder on its way) that is never a document."""
        *folders, name = relative.parts
        if any(fnmatch.fnmatchcase(d.lower(), g) for d in folders for g in self.directories):
            return False
        return not any(fnmatch.fnmatchcase(name.lower(), g) for g in self.files)

    def scan(self, root: Path) -> Iterator[Path]:
        """Every accepted regular file under ``root`` (ignored folders are not even entered)."""
        for folder, dirs, files in os.walk(root):
            base = Path(folder)
            dirs[:] = [d for d in dirs if self.accepts((base / d / "x").relative_to(root))]
            for name in files:
                path = base / name
                if self.accepts(path.relative_to(root)) and not path.is_symlink():
                    yield path
