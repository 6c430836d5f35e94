"""The one exception type that reaches the user: a file vanban cannot read, and why.

Every stage raises ``UnreadableDocument`` with a sentence a secretariat clerk can act on;
the CLI prints it as one line and the watcher writes it beside the quarantined file.
"""


class UnreadableDocument(Exception):
    """A file that cannot be read, with a ``reason`` a clerk can act on; the message is '<path>: <reason>'."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
