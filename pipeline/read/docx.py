"""Word (.docx) files: paragraphs and tables in the order they stand in the body.

A .docx has no pages a reader can trust, so the whole body is one plain page. Each
paragraph is normalized on its own (a Word paragraph is already a real paragraph:
no wrapped lines to join), tables are rendered one row per line with TABs between
cells and kept as grids.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.errors import ReaderRefusal
from pipeline.messages import reason_en
from pipeline.read.pdf import render_table
from pipeline.text import normalize_text
from schemas.document import Page, Table, TableCell, TextSource


class DocxError(ReaderRefusal):
    """The Word file cannot be opened; ``reason`` says why in words a clerk understands (``load_document`` turns it
    into ``UnreadableDocument``)."""


def read_docx(data: bytes) -> Page:
    """A .docx as one plain page: paragraphs and tables in body order, each paragraph normalized on its own, tables
    rendered one row per line with TABs and kept as grids in ``Page.tables``."""
    from docx import Document as open_docx  # python-docx loads slowly; only DOCX files need it
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        document = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocxError(reason_en("reason.docx_incomplete")) from e
    except Exception as e:  # lxml and python-docx raise various types on broken XML
        raise DocxError(reason_en("reason.docx_damaged")) from e
    body = document.element.body
    if body is None:
        raise DocxError(reason_en("reason.docx_no_body"))
    blocks: list[str] = []
    tables: list[Table] = []
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = normalize_text(Paragraph(element, document).text)
            if text:
                blocks.append(text)
        elif tag == "tbl":
            table = _table(DocxTable(element, document))
            tables.append(table)
            blocks.append(render_table(table))
    if not any(block.strip() for block in blocks):
        raise DocxError(reason_en("reason.docx_no_text"))
    return Page(number=1, text="\n".join(blocks), source=TextSource.plain, tables=tables)


def _table(table) -> Table:
    """The grid of a Word table; a merged cell's text stands at its first position only."""
    seen: set = set()  # lxml elements of cells already placed (a merged cell repeats)
    cells: list[TableCell] = []
    n_cols = 0
    rows = list(table.rows)
    for r, row in enumerate(rows):
        row_cells = row.cells
        n_cols = max(n_cols, len(row_cells))
        for c, cell in enumerate(row_cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            text = " ".join(normalize_text(p.text) for p in cell.paragraphs).strip()
            cells.append(TableCell(row=r, col=c, text=" ".join(text.split())))
    return Table(page=1, n_rows=len(rows), n_cols=n_cols, cells=cells)
