"""The `vanban` command. Each command parses its arguments, calls one pipeline function
and prints; no business logic lives here. Every sentence it prints comes from the message
catalogue (``pipeline.messages``): Vietnamese, or English with ``--lang en`` / ``VANBAN_LANG=en``.
The help is written when this module is imported, so ``--lang`` is read from the command line
before the commands are declared.

Typer's own words are said in the same language, from the same catalogue. Typer (0.29) parses with
a copy of click inside it whose messages are plain English f-strings, not click's gettext, so no
gettext domain or translation file can reach them; what Typer offers instead is used: the panel
words of ``typer.rich_utils`` (``_typer_words``), and command and group classes (``cls=``,
``_Command``/``_Group``) that write the usage line and the '--help' line from the catalogue and
say a usage error again in the current language. An error keeps its structure (context, usage
line, exit status 2); only its sentence is replaced, by matching Typer's English sentence against
the ``usage.*`` templates (``messages.usage``), as stored reasons are. A sentence Typer words
differently after an upgrade comes out in English, and tests/test_messages.py says which."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from pipeline import messages
from pipeline.messages import t
from pipeline.settings import Settings, settings


def _language_from(argv: list[str]) -> str | None:
    """The ``--lang`` given before the command, if any (needed before the help is written)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


_chosen = _language_from(sys.argv[1:])
if _chosen in messages.LANGUAGES:
    messages.set_language(_chosen)


def _lazy_module(name: str) -> ModuleType:
    """The module ``name``, executed on its first attribute read (``importlib.util.LazyLoader``)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _typer_words() -> None:
    """Typer's own words in the help and error panels, in the current language: the panel titles,
    '[default: …]', '[required]' and the 'Try --help' line are module-level settings of
    ``typer.rich_utils`` (public names, read when a panel is printed). Typer imports its rich_utils
    only to print help or an error; it is set up lazily here so that other commands do not pay the
    0.2 s of importing rich (the words set now are kept when it loads)."""
    rich_utils = sys.modules.get("typer.rich_utils") or _lazy_module("typer.rich_utils")
    words = {
        "OPTIONS_PANEL_TITLE": "help.panel.options",
        "COMMANDS_PANEL_TITLE": "help.panel.commands",
        "ARGUMENTS_PANEL_TITLE": "help.panel.arguments",
        "ERRORS_PANEL_TITLE": "help.panel.error",
        "DEFAULT_STRING": "help.panel.default",
        "REQUIRED_LONG_STRING": "help.panel.required",
        "RICH_HELP": "help.panel.try",
    }
    for name, key in words.items():
        setattr(rich_utils, name, t(key))


def _usage_line(command: TyperCommand | TyperGroup, ctx: Any, formatter: Any) -> None:
    formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), prefix=t("help.panel.usage"))


def _help_option_said(option: Any) -> Any:
    if option is not None:
        option.help = t("help.panel.help_option")
    return option


@contextmanager
def _usage_errors_said() -> Iterator[None]:
    """A usage error (a missing argument, an unknown option or command, a value of the wrong type)
    said again in the current language, on the same context (same usage line, same exit status 2);
    an error the parser raised before it had a context keeps its own (its ``message``, the attribute
    Typer itself rewrites to add 'Did you mean'). A sentence the catalogue does not know goes out as
    Typer wrote it."""
    try:
        yield
    except typer.TyperException as error:
        written = error.format_message()
        said = messages.usage(written)
        if said != written:
            ctx = getattr(error, "ctx", None)
            if ctx is not None:
                ctx.fail(said)
            if written == error.message:
                error.message = said
        raise


class _Command(TyperCommand):
    """A command whose usage line and '--help' line are in the current language."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage_line(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option_said(super().get_help_option(ctx))


class _Group(TyperGroup):
    """A group of commands like ``_Command``, which also says in the current language every usage
    error met while parsing its own options or resolving and parsing a command under it."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage_line(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option_said(super().get_help_option(ctx))

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _usage_errors_said():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _usage_errors_said():
            return super().invoke(ctx)


class _Typer(typer.Typer):
    """``typer.Typer`` whose groups are ``_Group`` and whose commands are ``_Command``."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**{"cls": _Group, **options})

    def command(self, *args: Any, **options: Any) -> Any:
        return super().command(*args, **{"cls": _Command, **options})


_typer_words()
app = _Typer(help=t("help.app"), no_args_is_help=True, add_completion=False)


@app.callback()
def main(
    lang: str = typer.Option(None, "--lang", help=t("help.lang"), show_default=False),
) -> None:
    """vanban."""
    if lang is not None and lang not in messages.LANGUAGES:
        _fail(t("cli.bad_lang", language=lang, languages=", ".join(messages.LANGUAGES)))


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"vanban: {message}", err=True)
    raise typer.Exit(code=code)


_DB_OPTION = typer.Option(None, "--db", help=t("help.db"))
_DEFAULTS = Settings()  # for --help only: the values in force come from pipeline.settings.settings()


def _store(db: str | None, create: bool = False):
    """The database the command reads (or, with ``create``, may make); a missing or unreachable
    one is a one-line error naming it, never a traceback and never an empty database made in passing."""
    from pipeline.store.db import Store, StoreUnavailable, database_url, sqlite_file

    url = database_url(db)
    try:
        path = sqlite_file(url)
        if create and path is not None and not path.parent.exists() and path.parent != settings().home:
            _fail(t("cli.db_folder_missing", folder=path.parent))
        return Store(url, create=create)
    except StoreUnavailable as e:
        _fail(str(e))


def _pipeline(prefect: bool) -> ModuleType:
    """Where ``ingest_folder`` and ``watch_inbox`` come from: the Prefect flows (on a running
    server when one answers, Prefect's environment set before it is imported) or the same stages
    as plain calls. Which of the three it is, is said once on stderr."""
    from pipeline.service.server import Mode, prepare_prefect

    if prepare_prefect(prefect) == Mode.PLAIN:
        from pipeline.ingest import runner

        return runner
    import flows

    return flows


def _log_to_stderr() -> None:
    """vanban's log lines on stderr, with the time (Prefect adds its own root handler: each line once)."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S"))
    logger = logging.getLogger("vanban")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


@contextmanager
def _engine_needed() -> Iterator[None]:
    """A machine without Tesseract or its Vietnamese model is told so in one line, not a traceback."""
    from pipeline.errors import OcrEngineUnavailable

    try:
        yield
    except OcrEngineUnavailable as e:
        _fail(str(e))


def _read(file: Path):
    from pipeline.errors import UnreadableDocument
    from pipeline.read.load import load_document

    try:
        with _engine_needed():
            return load_document(file)
    except UnreadableDocument as e:
        _fail(t("cli.unreadable", file=e.path, reason=messages.reason(e.reason)))


@app.command(help=t("help.text"))
def text(file: Path = typer.Argument(..., help=t("help.file"))) -> None:
    doc = _read(file)
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")


@app.command(help=t("help.extract"))
def extract(
    file: Path = typer.Argument(..., help=t("help.file")),
    as_json: bool = typer.Option(False, "--json", help=t("help.extract_json")),
) -> None:
    from extractors import extract as run_extractors
    from pipeline.text.segment import segment

    result = run_extractors(segment(_read(file)))
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

    from pipeline.ingest.runner import expand, shown

    columns = (
        TextColumn(t("cli.ingesting")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("", total=sum(1 for _ in expand(paths)))
        yield lambda outcome: progress.update(bar, advance=1, description=shown(Path(outcome.path.name)))


def _outcome_counts(states: list[str]) -> str:
    return ", ".join(f"{states.count(s)} {t(f'outcome.{s}')}" for s in dict.fromkeys(states)) or t("cli.no_files")


def _handed_off(paths: list[Path], db: str | None, archive: Path | None, quarantine: Path | None, move: bool) -> bool:
    """With the service's worker running (and no Dask cluster named), the files go to it and their
    lines are printed as it writes them; False when there is no worker to hand them to. Imports
    neither spaCy nor Prefect: the command costs its own start and the files' work."""
    import logging

    from pipeline.service import handoff

    if settings().dask_address or not handoff.worker_alive():
        return False
    _log_to_stderr()
    logging.getLogger("vanban").info(t("service.mode.handoff", spool=handoff.spool()))
    ticket = handoff.submit(handoff.request(paths, db, archive, quarantine, move))
    states = []
    try:
        for record in handoff.outcomes(ticket):
            if "error" in record:
                _fail(record["error"])
            typer.echo(record["line"])
            states.append(record["state"])
    except handoff.ServiceGone:
        _fail(t("cli.service_gone"), code=1)
    except KeyboardInterrupt:
        _fail(t("cli.handoff_interrupted"), code=130)
    typer.echo(_outcome_counts(states))
    return True


@app.command(help=t("help.ingest"))
def ingest(
    paths: list[Path] = typer.Argument(..., help=t("help.ingest_paths")),
    db: str = _DB_OPTION,
    archive: Path = typer.Option(None, help=t("help.archive")),
    quarantine: Path = typer.Option(None, help=t("help.quarantine")),
    move: bool = typer.Option(False, "--move", help=t("help.move")),
    prefect: bool = typer.Option(True, "--prefect/--no-prefect", help=t("help.prefect")),
) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(t("cli.no_such_path", paths=", ".join(missing)))
    if prefect and _handed_off(paths, db, archive, quarantine, move):
        return
    store = _store(db, create=True)  # the first ingest makes the database and its home
    _log_to_stderr()
    ingest_folder = _pipeline(prefect).ingest_folder
    with _progress(paths) as advance, _engine_needed():
        outcomes = ingest_folder(
            paths, db=store.url, archive=archive, quarantine=quarantine, keep_originals=not move, on_outcome=advance
        )
    for outcome in outcomes:
        typer.echo(outcome.line_with_facts())
    typer.echo(_outcome_counts([o.state for o in outcomes]))


@app.command(help=t("help.watch"))
def watch(
    inbox: Path = typer.Argument(..., help=t("help.inbox")),
    archive: Path = typer.Option(None, help=t("help.watch_archive")),
    quarantine: Path = typer.Option(None, help=t("help.watch_quarantine")),
    db: str = _DB_OPTION,
    create: bool = typer.Option(False, "--create", help=t("help.create")),
    settle: float | None = typer.Option(
        None, help=t("help.settle", default=f"{_DEFAULTS.watch_settle:g}"), show_default=False
    ),
    rescan: float | None = typer.Option(
        None, help=t("help.rescan", default=f"{_DEFAULTS.watch_rescan:g}"), show_default=False
    ),
    prefect: bool = typer.Option(True, "--prefect/--no-prefect", help=t("help.prefect")),
) -> None:
    import logging
    import signal

    if not inbox.is_dir():
        _fail(t("cli.no_inbox", inbox=inbox))
    store = _store(db, create=create)
    _log_to_stderr()
    # Stop on SIGTERM as on Ctrl-C, so exit handlers run and Prefect's temporary server stops too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    watch_inbox = _pipeline(prefect).watch_inbox
    try:
        with _engine_needed():
            watch_inbox(inbox, db=store.url, archive=archive, quarantine=quarantine, settle=settle, rescan=rescan)
    except KeyboardInterrupt:  # a second Ctrl-C: the file cut short is read again at the next start
        logging.getLogger("vanban").info(t("log.watch_stopped"))


@app.command(help=t("help.server"))
def server(
    inbox: Path = typer.Argument(None, help=t("help.server_inbox")),
    archive: Path = typer.Option(None, help=t("help.watch_archive")),
    quarantine: Path = typer.Option(None, help=t("help.watch_quarantine")),
    db: str = _DB_OPTION,
    create: bool = typer.Option(False, "--create", help=t("help.create")),
    web: bool = typer.Option(True, "--web/--no-web", help=t("help.web")),
) -> None:
    from pipeline.service.supervisor import Plan, serve

    if inbox is not None and not inbox.is_dir():
        _fail(t("cli.no_inbox", inbox=inbox))
    _log_to_stderr()
    plan = Plan(inbox=inbox, archive=archive, quarantine=quarantine, database=db, create=create, web=web)
    raise typer.Exit(code=serve(plan))


app.command("up", help=t("help.server"), hidden=True)(server)


@app.command(help=t("help.worker"), hidden=True)
def worker() -> None:
    _log_to_stderr()
    _pipeline(True).serve_handoff()


@app.command(help=t("help.status"))
def status(as_json: bool = typer.Option(False, "--json", help=t("help.status_json")), db: str = _DB_OPTION) -> None:
    from pipeline.ingest.status import status as inbox_status

    result = inbox_status(_store(db))
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(result.lines()))


def _query_options(fmt: str, output: Path | None) -> None:
    from pipeline.store.export import check_format

    try:
        check_format(fmt, output)
    except ValueError as e:
        _fail(str(e))


def _filters(**given):
    from pipeline.store.queries import BadFilter, Filters

    try:
        return Filters.parse(**given)
    except BadFilter as e:
        _fail(str(e))


def _show_facts(kind: str, filters, fmt: str, output: Path | None, db: str | None, columns: list[str]) -> None:
    from pipeline.store import export, queries

    _query_options(fmt, output)
    frame = queries.facts(_store(db), kind, filters)
    export.write(frame, fmt, output, columns=columns, title=t(f"kind.{kind}.title"))
    if output:
        typer.echo(t("cli.wrote_rows", file=output, n=len(frame)), err=True)


_DOCUMENT_OPTION = typer.Option(None, help=t("help.document"))
_COPY_OPTION = typer.Option(None, "--copy", help=t("help.copy"))
_PROVINCE_OPTION = typer.Option(None, help=t("help.province"))
_FORMAT_OPTION = typer.Option("table", "--format", help=t("help.format"))
_OUTPUT_OPTION = typer.Option(None, "--output", "-o", help=t("help.output"))
_DATE_HELP = t("help.date")


@app.command(help=t("help.obligations"))
def obligations(
    agency: str = typer.Option(None, help=t("help.agency")),
    role: str = typer.Option(None, help=t("help.role")),
    due_before: str = typer.Option(None, help=_DATE_HELP),
    due_after: str = typer.Option(None, help=_DATE_HELP),
    document: str = _DOCUMENT_OPTION,
    copy: int = _COPY_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help=t("help.text_task")),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    filters = _filters(
        agency=agency,
        role=role,
        due_before=due_before,
        due_after=due_after,
        document=document,
        copy=copy,
        province=province,
        text=text,
    )
    _show_facts(
        "obligations", filters, fmt, output, db, ["document", "section", "agency", "role", "due", "task", "page"]
    )


@app.command(help=t("help.targets"))
def targets(
    year: int = typer.Option(None, help=t("help.year")),
    document: str = _DOCUMENT_OPTION,
    copy: int = _COPY_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help=t("help.text_subject")),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    filters = _filters(year=year, document=document, copy=copy, province=province, text=text)
    columns = ["document", "criterion", "subject", "comparator", "value", "value_max", "unit", "year"]
    _show_facts("targets", filters, fmt, output, db, [*columns, "change", "recurrence", "page"])


@app.command(help=t("help.deadlines"))
def deadlines(
    due_before: str = typer.Option(None, help=_DATE_HELP),
    due_after: str = typer.Option(None, help=_DATE_HELP),
    document: str = _DOCUMENT_OPTION,
    copy: int = _COPY_OPTION,
    province: str = _PROVINCE_OPTION,
    text: str = typer.Option(None, "--text", help=t("help.text_task")),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    filters = _filters(
        due_before=due_before, due_after=due_after, document=document, copy=copy, province=province, text=text
    )
    _show_facts(
        "deadlines", filters, fmt, output, db, ["document", "due", "relation", "recurrence", "task", "agencies", "page"]
    )


@app.command(help=t("help.documents"))
def documents(
    versions: bool = typer.Option(False, "--versions", help=t("help.versions")),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    from pipeline.store import export, queries

    _query_options(fmt, output)
    frame = queries.copies(_store(db), every_copy=versions)
    columns = ["group", "document", "copy", "version", "used", "choice", "reading", "pages", "unread_pages", "file"]
    export.write(frame, fmt, output, columns=columns if versions else [*columns, "copies"], title=t("documents.title"))


@app.command(help=t("help.diff"))
def diff(
    province: str = typer.Option(None, help=t("help.diff_province")),
    fmt: str = _FORMAT_OPTION,
    output: Path = _OUTPUT_OPTION,
    db: str = _DB_OPTION,
) -> None:
    from pipeline.analysis import diff as plan_diff
    from pipeline.store import export, queries

    _query_options(fmt, output)
    frames = queries.analysis_frames(_store(db))
    if plan_diff.national_reference(frames["national_targets"], frames["documents"]).empty:
        _fail(t("cli.no_national_table"))
    rows = plan_diff.diff_plans(frames, province=province)
    if not rows:
        _fail(t("cli.no_plan", province=province))
    frame = plan_diff.diff_table(rows) if fmt == "table" else plan_diff.diff_frame(rows)
    export.write(frame, fmt, output, title=t("diff.title"))


@app.command(help=t("help.report"))
def report(html: Path = typer.Option(..., "--html", help=t("help.html")), db: str = _DB_OPTION) -> None:
    from pipeline.analysis import diff as plan_diff
    from pipeline.analysis import findings
    from pipeline.analysis import report as html_report
    from pipeline.store import queries

    frames = queries.analysis_frames(_store(db))
    rows, found = plan_diff.diff_plans(frames), findings.all_findings(frames)
    html_report.write(html, rows, found)
    typer.echo(t("cli.wrote_report", file=html, plans=len({(r.plan, r.province) for r in rows}), findings=len(found)))


@app.command(help=t("help.serve"))
def serve(
    host: str = typer.Option("127.0.0.1", help=t("help.host")),
    port: int | None = typer.Option(None, help=t("help.port", default=_DEFAULTS.web_port), show_default=False),
    archive: Path = typer.Option(None, help=t("help.serve_archive")),
    db: str = _DB_OPTION,
) -> None:
    from pipeline.store.db import StoreUnavailable
    from pipeline.web import serve as serve_web

    try:
        serve_web(host, port, db, archive)
    except StoreUnavailable as e:
        _fail(str(e))


bench_app = _Typer(help=t("help.bench"), no_args_is_help=True)
app.add_typer(bench_app, name="bench")


def _bench_module(name: str) -> Any:
    """A module of ``bench/``, which is tooling in the checkout, not part of the installed package."""
    checkout = Path(__file__).resolve().parent
    if (checkout / "bench" / "__init__.py").is_file() and str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    try:
        return importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as e:
        _fail(t("cli.no_bench", error=e))


@bench_app.command("ocr", help=t("help.bench_ocr"))
def bench_ocr(
    profile: str = typer.Option(None, help=t("help.bench_profile")),
    limit: int = typer.Option(None, help=t("help.bench_limit")),
    everything: bool = typer.Option(False, "--all", help=t("help.bench_all")),
    real: bool = typer.Option(False, "--real", help=t("help.bench_real")),
    digital: bool = typer.Option(True, "--digital/--no-digital", help=t("help.bench_digital")),
    ocrmypdf: str = typer.Option(None, help=t("help.bench_ocrmypdf")),
    as_json: bool = typer.Option(False, "--json", help=t("help.bench_json")),
) -> None:
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
