"""The `vanban` command. Each command parses its arguments, calls one pipeline function
and prints; no business logic lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(
    help="vanban — đọc công văn, nghị quyết, kế hoạch (bản quét hoặc bản điện tử) và trích xuất "
         "nghĩa vụ, chỉ tiêu, thời hạn.\n\nRead Vietnamese official documents (scans or digital) "
         "and extract their facts with evidence.",
    no_args_is_help=True, add_completion=False)


def _fail(message: str) -> None:
    typer.echo(f"vanban: {message}", err=True)
    raise typer.Exit(code=2)


@app.command()
def text(file: Path = typer.Argument(..., help="PDF, TIFF/PNG/JPEG, DOCX or TXT file")) -> None:
    """Print the document's normalized text; pages are separated by a form feed."""
    from pipeline.errors import UnreadableDocument
    from pipeline.text import load_document

    try:
        doc = load_document(file)
    except UnreadableDocument as e:
        _fail(str(e))
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")


@app.command()
def extract(file: Path = typer.Argument(..., help="PDF, TIFF/PNG/JPEG, DOCX or TXT file"),
            as_json: bool = typer.Option(False, "--json", help="print the JSON contract instead of a summary")) -> None:
    """Extract the document's facts: metadata, citations, targets, deadlines, wards, obligations."""
    from extractors import extract as run_extractors
    from pipeline.errors import UnreadableDocument
    from pipeline.segment import segment
    from pipeline.text import load_document

    try:
        doc = load_document(file)
    except UnreadableDocument as e:
        _fail(str(e))
    result = run_extractors(segment(doc))
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from pipeline.summary import summarize
    typer.echo(summarize(result))


if __name__ == "__main__":
    app()
