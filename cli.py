"""The `vanban` command. Each command parses its arguments, calls one pipeline function
and prints; no business logic lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import typer

from pipeline.settings import Settings, configure_prefect

app = typer.Typer(
    help="vanban — đọc công văn, nghị quyết, kế hoạch (bản quét hoặc bản điện tử) và trích xuất "
    "nghĩa vụ, chỉ tiêu, thời hạn.\n\nRead Vietnamese official documents (scans or digital) "
    "and extract their facts with evidence.",
    no_args_is_help=True,
    add_completion=False,
)


def _fail(message: str) -> NoReturn:
    typer.echo(f"vanban: {message}", err=True)
    raise typer.Exit(code=2)


_DB_OPTION = typer.Option(
    None, "--db", help="SQLAlchemy URL (default: $VANBAN_DB, else sqlite in $VANBAN_HOME, ~/.vanban)"
)
_DEFAULTS = Settings()  # for --help only: the values in force come from pipeline.settings.settings()


def _pipeline(prefect: bool) -> ModuleType:
    """Where ``ingest_folder`` and ``watch_inbox`` come from: the Prefect flows (Prefect's
    environment set first, before it is imported) or the same stages as plain calls."""
    if not prefect:
        from pipeline.ingest import runner

        return runner
    configure_prefect()
    import flows

    return flows


@app.command()
def text(file: Path = typer.Argument(..., help="PDF, TIFF/PNG/JPEG, DOCX or TXT file")) -> None:
    """Print the document's normalized text; pages are separated by a form feed."""
    from pipeline.errors import UnreadableDocument
    from pipeline.read.load import load_document

    try:
        doc = load_document(file)
    except UnreadableDocument as e:
        _fail(str(e))
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")


@app.command()
def extract(
    file: Path = typer.Argument(..., help="PDF, TIFF/PNG/JPEG, DOCX or TXT file"),
    as_json: bool = typer.Option(False, "--json", help="print the JSON contract instead of a summary"),
) -> None:
    """Extract the document's facts: metadata, citations, targets, deadlines, wards, obligations."""
    from extractors import extract as run_extractors
    from pipeline.errors import UnreadableDocument
    from pipeline.read.load import load_document
    from pipeline.text.segment import segment

    try:
        doc = load_document(file)
    except UnreadableDocument as e:
        _fail(str(e))
    result = run_extractors(segment(doc))
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from pipeline.analysis.summary import summarize

    typer.echo(summarize(result))


@contextmanager
def _progress(paths: list[Path]) -> Iterator[Callable[[Any], None]]:
    """A progress bar on stderr while files are ingested; yields the callback that advances it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.ingest.runner import expand

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("", total=sum(1 for _ in expand(paths)))
        yield lambda outcome: progress.update(bar, advance=1, description=outcome.path.name)


def _ingest_line(outcome) -> str:
    facts = ", ".join(f"{n} {kind}" for kind, n in outcome.facts.items() if n)
    line = f"{outcome.state:<11} {outcome.path}: {outcome.message}"
    if outcome.pages:
        line += f" — {outcome.pages} page(s)" + (f"; {facts}" if facts else "; no facts")
    return line


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="files and folders (subfolder names become source tags)"),
    db: str = _DB_OPTION,
    archive: Path = typer.Option(None, help="where originals are filed (default: $VANBAN_HOME/archive)"),
    quarantine: Path = typer.Option(None, help="where unreadable files go (default: $VANBAN_HOME/quarantine)"),
    move: bool = typer.Option(False, "--move", help="move originals into the archive instead of copying"),
    prefect: bool = typer.Option(
        True, "--prefect/--no-prefect", help="run as a Prefect flow (retries, cache by hash, runs in the UI)"
    ),
) -> None:
    """Store the facts of files and folders in the database and file their originals."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    ingest_folder = _pipeline(prefect).ingest_folder
    with _progress(paths) as advance:
        outcomes = ingest_folder(
            paths, db=db, archive=archive, quarantine=quarantine, keep_originals=not move, on_outcome=advance
        )
    for outcome in outcomes:
        typer.echo(_ingest_line(outcome))
    states = [o.state for o in outcomes]
    typer.echo(", ".join(f"{states.count(s)} {s}" for s in dict.fromkeys(states)) or "no files")


@app.command()
def watch(
    inbox: Path = typer.Argument(..., help="the shared folder scanners and clerks drop files into"),
    archive: Path = typer.Option(
        None, help="originals after their rows are committed, in YYYY/MM/ (default: $VANBAN_HOME/archive)"
    ),
    quarantine: Path = typer.Option(
        None, help="files that could not be read, each with a .error.txt (default: $VANBAN_HOME/quarantine)"
    ),
    db: str = _DB_OPTION,
    settle: float | None = typer.Option(
        None,
        help=f"seconds a file's size and mtime must stay unchanged (default: {_DEFAULTS.watch_settle:g}, "
        "or $VANBAN_WATCH_SETTLE)",
        show_default=False,
    ),
    rescan: float | None = typer.Option(
        None,
        help=f"seconds between full rescans, for shares without events (default: {_DEFAULTS.watch_rescan:g}, "
        "or $VANBAN_WATCH_RESCAN)",
        show_default=False,
    ),
    prefect: bool = typer.Option(True, "--prefect/--no-prefect", help="run as a Prefect flow"),
) -> None:
    """Watch a folder: every file dropped in is stored and archived, or quarantined with its reason."""
    import logging
    import signal

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S"))
    logger = logging.getLogger("vanban")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # Prefect adds its own root handler: print each line once
    # Stop on SIGTERM as on Ctrl-C, so exit handlers run and Prefect's temporary server stops too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    watch_inbox = _pipeline(prefect).watch_inbox
    watch_inbox(inbox, db=db, archive=archive, quarantine=quarantine, settle=settle, rescan=rescan)


@app.command()
def status(
    as_json: bool = typer.Option(False, "--json", help="print the counts as JSON"), db: str = _DB_OPTION
) -> None:
    """Counts of processed, duplicate, quarantined and pending files, and the last errors."""
    from pipeline.ingest.status import status as inbox_status
    from pipeline.store.db import Store

    result = inbox_status(Store(db))
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"processed {result.processed}, duplicates {result.duplicates}, "
        f"quarantined {result.quarantined}, pending {result.pending}"
    )
    if result.last_errors:
        typer.echo("last errors (UTC):")
    for error in result.last_errors:
        typer.echo(f"  {error['at']}  {error['file']}: {error['reason']}")


_FORMAT_HELP = "table (terminal), csv, json, xlsx or parquet"


def _query_options(fmt: str, output: Path | None) -> None:
    from pipeline.store.export import FORMATS

    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; choose {', '.join(FORMATS)}")
    if fmt in ("xlsx", "parquet") and output is None:
        _fail(f"--format {fmt} writes a file: add --output FILE")


def _show_facts(kind: str, filters, fmt: str, output: Path | None, db: str | None, columns: list[str]) -> None:
    from pipeline.store import export, queries
    from pipeline.store.db import Store

    _query_options(fmt, output)
    frame = queries.facts(Store(db), kind, filters)
    export.write(frame, fmt, output, columns=columns, title=kind)


_DOCUMENT_OPTION = typer.Option(None, help="số/ký hiệu, file name or document id")
_PROVINCE_OPTION = typer.Option(None, help="the document's province")
_FORMAT_OPTION = typer.Option("table", "--format", help=_FORMAT_HELP)
_OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="file to write")


@app.command()
def obligations(
    agency: str = typer.Option(None, help="body, any spelling: 'so tu phap' finds 'Sở Tư pháp'"),
    role: str = typer.Option(None, help="lead (chủ trì), support (phối hợp) or assigned"),
    due_before: str = typer.Option(None, help="YYYY or YYYY-MM-DD"),
    due_after: str = typer.Option(None, help="YYYY or YYYY-MM-DD"),
    document: str = _DOCUMENT_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help="words in the task (diacritics optional)"),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    """Who must do what, by when: obligations with their evidence."""
    from pipeline.store.queries import Filters

    _show_facts(
        "obligations",
        Filters(
            agency=agency,
            role=role,
            due_before=due_before,
            due_after=due_after,
            document=document,
            province=province,
            text=text,
        ),
        fmt,
        output,
        db,
        ["document", "section", "agency", "role", "due", "task", "page"],
    )


@app.command()
def targets(
    year: int = typer.Option(None, help="year the target must be reached"),
    document: str = _DOCUMENT_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help="words in the subject (diacritics optional)"),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    """Numeric targets (chỉ tiêu) with comparator, value, unit and year."""
    from pipeline.store.queries import Filters

    _show_facts(
        "targets",
        Filters(year=year, document=document, province=province, text=text),
        fmt,
        output,
        db,
        [
            "document",
            "criterion",
            "subject",
            "comparator",
            "value",
            "value_max",
            "unit",
            "year",
            "change",
            "recurrence",
            "page",
        ],
    )


@app.command()
def deadlines(
    due_before: str = typer.Option(None, help="YYYY or YYYY-MM-DD"),
    due_after: str = typer.Option(None, help="YYYY or YYYY-MM-DD"),
    document: str = _DOCUMENT_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help="words in the task (diacritics optional)"),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    """Time-bound commitments, normalized to YYYY, YYYY-MM-DD or yearly --MM-DD."""
    from pipeline.store.queries import Filters

    _show_facts(
        "deadlines",
        Filters(due_before=due_before, due_after=due_after, document=document, province=province, text=text),
        fmt,
        output,
        db,
        ["document", "due", "relation", "recurrence", "task", "agencies", "page"],
    )


@app.command()
def diff(
    province: str = typer.Option(None, help="only plans of this province or city"),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    """Each plan's schedule against the national table, year by year, with a status per row."""
    from pipeline.analysis import diff as plan_diff
    from pipeline.store import export, queries
    from pipeline.store.db import Store

    _query_options(fmt, output)
    rows = plan_diff.diff_plans(queries.analysis_frames(Store(db)), province=province)
    if not rows:
        _fail("nothing to compare: ingest a national table (e.g. the appendix of Công văn 1116-CV/ĐUCA) and plans")
    frame = plan_diff.diff_table(rows) if fmt == "table" else plan_diff.diff_frame(rows)
    export.write(frame, fmt, output, title="plans against the national table")


@app.command()
def report(html: Path = typer.Option(..., "--html", help="the HTML file to write"), db: str = _DB_OPTION) -> None:
    """An HTML report: one chart per province (national trajectory against the plan) and the findings."""
    from pipeline.analysis import diff as plan_diff
    from pipeline.analysis import findings
    from pipeline.analysis import report as html_report
    from pipeline.store import queries
    from pipeline.store.db import Store

    frames = queries.analysis_frames(Store(db))
    rows, found = plan_diff.diff_plans(frames), findings.all_findings(frames)
    html_report.write(html, rows, found)
    typer.echo(f"wrote {html}: {len({(r.plan, r.province) for r in rows})} plan(s), {len(found)} finding(s)")


bench_app = typer.Typer(help="Benchmarks on samples/ (see docs/benchmarks.md).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


def _bench_module(name: str) -> Any:
    """A module of ``bench/``, which is tooling in the checkout, not part of the installed package."""
    import importlib

    checkout = Path(__file__).resolve().parent
    if (checkout / "bench" / "__init__.py").is_file() and str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    try:
        return importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as e:
        _fail(f"vanban bench cần bản sao mã nguồn và nhóm phụ thuộc 'bench' (pip install -e '.[bench]'): {e}")


@bench_app.command("ocr")
def bench_ocr(
    profile: str = typer.Option(
        None, help="scan profiles on every seed, comma-separated: office, fax, photo, stamped, scan-random, …"
    ),
    limit: int = typer.Option(None, help="only the first N pages of each document"),
    everything: bool = typer.Option(False, "--all", help="every profile of every seed, every image format"),
    real: bool = typer.Option(False, "--real", help="the real born-digital corpus PDFs scanned at 100-300 dpi"),
    digital: bool = typer.Option(True, "--digital/--no-digital", help="the born-digital PDF and DOCX twins"),
    ocrmypdf: str = typer.Option(None, help="the ocrmypdf executable to compare with (default $OCRMYPDF)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of the table"),
) -> None:
    """OCR accuracy (CER/WER with diacritics) and wall time beside bare Tesseract and OCRmyPDF, per scan."""
    bench = _bench_module("ocr")

    try:
        typer.echo(
            bench.report(
                profile.split(",") if profile else None,
                limit,
                everything,
                real,
                ocrmypdf,
                digital,
                as_json,
                progress=lambda r: typer.echo(bench.format_row(r), err=True),
            )
        )
    except ValueError as e:
        _fail(str(e))


if __name__ == "__main__":
    app()
