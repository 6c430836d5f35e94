"""Vietnamese text normalization — the one place for it (placeholder: NFC only; being built)."""
import unicodedata


def normalize_text(s: str) -> str:
    return unicodedata.normalize("NFC", s).replace("\r\n", "\n")
