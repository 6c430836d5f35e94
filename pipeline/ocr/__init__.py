"""OCR layer — in: page images (``PageImage``); out: ``Page`` objects with text, word boxes and
confidences, and ruled tables read cell by cell. The one Tesseract wrapper is ``tesseract.py``."""
