"""The errors a clerk or an operator sees.

``UnreadableDocument``: one file cannot be read; every stage raises it with a sentence a
secretariat clerk can act on, the CLI prints it as one line and the watcher writes it beside the
quarantined file. ``OcrEngineUnavailable``: the machine cannot OCR at all (Tesseract or its
Vietnamese model missing); no file is to blame, so nothing is quarantined and the watcher stops.
"""


class UnreadableDocument(Exception):
    """A file that cannot be read, with a ``reason`` a clerk can act on; the message is '<path>: <reason>'."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ReaderRefusal(Exception):
    """A reader (PDF, Word) refuses the file; ``reason`` says why in words a clerk understands. Here, not beside
    each reader, so that ``load_document`` can catch it without importing every reader for a text file."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class OcrEngineUnavailable(RuntimeError):
    """Tesseract or its ``vie`` model is missing or broken on this machine: a fault of the installation, not of a
    file, so a scan that meets it must stay in the inbox rather than be quarantined. The message is Vietnamese."""
