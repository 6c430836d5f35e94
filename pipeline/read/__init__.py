"""Reading layer — in: a file of any supported kind (PDF, DOCX, image, text); out: a ``Document``
(pages, canonical text, word boxes, tables), OCR'd where a page has no real text layer."""
