"""The message catalogue: Vietnamese and English say the same things with the same
placeholders, every key the code asks for exists, and the readers' English reasons reach a
clerk in Vietnamese."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from pipeline import messages
from pipeline.errors import UnreadableDocument
from pipeline.ingest.runner import OutcomeState
from pipeline.read.load import load_document
from pipeline.store import export, queries
from pipeline.store.versions import READINGS
from schemas.analysis import DiffRow, Finding
from schemas.document import IssueKind
from schemas.extraction import FACT_MODELS
from schemas.frames import fact_columns
from tests.paths import ROOT

CODE = [ROOT / "cli.py", ROOT / "flows.py", *(ROOT / "pipeline").rglob("*.py"), *(ROOT / "pipeline").rglob("*.html")]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    vi, en = messages.catalogue("vi"), messages.catalogue("en")
    assert set(vi) == set(en)
    assert [k for k in vi if _fields(vi[k]) != _fields(en[k])] == []


def test_every_key_the_code_names_exists():
    named = set()
    for path in CODE:
        named |= set(re.findall(r"""\b(?:t|reason_en)\(\s*["']([a-z_.\-]+)["']""", path.read_text(encoding="utf-8")))
    missing = {k for k in named if not messages.has(k)}
    assert named and missing == set()


def test_every_code_people_see_has_a_name():
    keys = set(messages.catalogue("vi"))
    assert {f"outcome.{s}" for s in OutcomeState} <= keys
    assert {f"kind.{k}" for k in FACT_MODELS} | {f"kind.{k}.title" for k in FACT_MODELS} <= keys
    assert {f"reading.{r}" for r in READINGS} <= keys
    choices = {"best", "only", "worse", "fragment", "older", "incomplete"}
    assert {f"copy.{c}" for c in choices} | {f"choice.{c}" for c in choices} <= keys
    assert {f"reason.page.{k}" for k in IssueKind} <= keys
    statuses = DiffRow.model_fields["status"].annotation.__args__
    assert {f"status.{s}" for s in statuses} <= keys
    assert {f"finding.{k}" for k in Finding.model_fields["kind"].annotation.__args__} <= keys
    columns = {c for kind in FACT_MODELS for c in fact_columns(kind)} | set(queries.DOCUMENT_CONTEXT)
    columns |= {"id", "document", "due_precision", *queries.COPY_COLUMNS, "copies"}
    assert {f"column.{c}" for c in columns} <= keys


def _reason_of(path: Path) -> str:
    with pytest.raises(UnreadableDocument) as error:
        load_document(path)
    return error.value.reason


def test_the_readers_reasons_reach_a_clerk_in_vietnamese(tmp_path):
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "xin chào")
    files = {
        "rỗng.pdf": b"",
        "trắng.txt": b"   \n\n  ",
        "nén.zip": archive.getvalue(),
        "hỏng.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
        "lạ.bin": bytes(range(256)) * 8,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        shown = messages.reason(_reason_of(tmp_path / name))
        assert any(c in shown for c in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý"), shown
    assert messages.reason("the file is empty (0 bytes)") == "tệp rỗng (0 byte)"


def test_a_system_error_inside_a_reason_is_said_in_vietnamese_too():
    stored = messages.reason_en("reason.cannot_file", destination="/kho/a.pdf", error="File exists")
    assert stored == "the file could not be moved to /kho/a.pdf (File exists)"
    assert messages.reason(stored) == "không chuyển được tệp vào /kho/a.pdf (đã có một tệp trùng tên ở đó)"
    assert messages.reason("something the catalogue never heard of") == "something the catalogue never heard of"


def _hostile_files(folder: Path) -> dict[str, str]:
    """Files each reader refuses, by name: what the clerk must be told in Vietnamese."""
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "xin chào")
    broken_docx = BytesIO()
    with zipfile.ZipFile(broken_docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document")
    files = {
        "rỗng.pdf": (b"", "tệp rỗng (0 byte)"),
        "trắng.txt": (b"   \n\n  ", "tệp văn bản chỉ có khoảng trắng"),
        "nén.zip": (archive.getvalue(), "đây là tệp nén ZIP, không phải tệp Word"),
        "lạ.bin": (bytes(range(256)) * 8, "không hỗ trợ loại tệp này"),
        "hỏng.docx": (broken_docx.getvalue(), "tệp Word bị hỏng"),
        "cụt.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "ảnh bị hỏng"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: said for name, (_, said) in files.items()}


def test_every_reader_reason_is_in_the_catalogue_in_both_languages(tmp_path):
    """A reason written in code rather than in the catalogues reads the same in both languages."""
    for name, said in _hostile_files(tmp_path).items():
        raised = _reason_of(tmp_path / name)
        vietnamese, english = messages.reason(raised, "vi"), messages.reason(raised, "en")
        assert said in vietnamese and english != vietnamese, (name, vietnamese, english)
        assert not any(c in english for c in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"), english
        assert messages.reason(english, "vi") == vietnamese  # a reason stored in English reads back in Vietnamese


def test_a_quarantined_file_is_explained_in_vietnamese_and_in_english_through_the_cli(tmp_path):
    import json

    vanban = str(Path(sys.executable).parent / "vanban")
    inbox = tmp_path / "hộp thư"
    inbox.mkdir()
    said = _hostile_files(inbox)
    env = {**os.environ, "VANBAN_HOME": str(tmp_path / "home")}
    env.pop("VANBAN_DB", None)
    english = subprocess.run(
        [vanban, "--lang", "en", "extract", str(inbox / "rỗng.pdf")], env=env, capture_output=True, text=True
    )
    assert english.returncode == 2 and english.stderr == f"vanban: {inbox / 'rỗng.pdf'}: the file is empty (0 bytes)\n"
    done = subprocess.run(
        [vanban, "ingest", "--no-prefect", "--move", str(inbox)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    notes = {p.name.removesuffix(".error.txt"): p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.error.txt")}
    assert set(notes) == set(said)
    for name, note in notes.items():
        vietnamese = note.split("\n")[2].removeprefix("Lý do: ")
        english_line = next(line for line in note.split("\n") if line.startswith("(English) "))
        reason_en = english_line.split("moved it here unchanged: ", 1)[1]
        assert said[name] in vietnamese and messages.reason(vietnamese, "en") == reason_en != vietnamese, note
    status = subprocess.run([vanban, "--lang", "en", "status", "--json"], env=env, capture_output=True, text=True)
    reasons = {Path(e["file"]).name: e["reason"] for e in json.loads(status.stdout)["last_errors"]}
    assert reasons["rỗng.pdf"] == "the file is empty (0 bytes)"
    vietnamese_status = subprocess.run([vanban, "status"], env=env, capture_output=True, text=True).stdout
    assert "rỗng.pdf: tệp rỗng (0 byte)" in vietnamese_status


def test_a_readers_reason_carries_its_facts_in_either_language(tmp_path, configure):
    configure(VANBAN_MAX_PAGES="2")
    fax = tmp_path / "fax.tif"
    frames = [Image.new("L", (300, 300), 255) for _ in range(3)]
    frames[0].save(fax, save_all=True, append_images=frames[1:])
    stored = _reason_of(fax)
    assert stored == messages.reason_en("reason.too_many_pages", limit=2)
    assert messages.reason(stored, "vi").startswith("tệp có hơn 2 trang, vượt giới hạn cho một văn bản")
    assert messages.reason(stored, "en").startswith("the file has more than 2 pages, over the limit for one document")
    configure(VANBAN_LANG="en")
    assert messages.reason(stored) == stored


def test_a_reason_inside_a_reason_is_said_in_the_language_too():
    page = messages.reason_en("reason.page", page=3, why=messages.reason_en("reason.page.timeout"))
    stored = messages.reason_en("reason.no_page_read", pages=4, first=page)
    assert stored == (
        "no page could be read (4 in all); page 3: reading this page took longer than allowed "
        "(every way of preparing the image was tried)"
    )
    assert messages.reason(stored, "vi") == (
        "không đọc được trang nào (cả 4 trang); trang 3: đọc trang này quá thời gian cho phép "
        "(đã thử mọi cách xử lý ảnh)"
    )
    assert messages.page_issue(3, "timeout", "en") == page


def test_a_missing_engine_is_said_in_the_language_chosen(tmp_path, configure):
    from pipeline.errors import OcrEngineUnavailable
    from pipeline.ocr.tesseract import check_engine

    for lang, words in (("vi", "Chưa cài dữ liệu tiếng Việt"), ("en", "Vietnamese data (vie.traineddata) is not")):
        configure(VANBAN_TESSDATA=str(tmp_path), VANBAN_LANG=lang)
        with pytest.raises(OcrEngineUnavailable, match=re.escape(words)):
            check_engine()


def _vanban(*args: str, home: Path | None = None, **variables: str) -> subprocess.CompletedProcess[str]:
    """The installed `vanban` on this checkout's code, on a wide terminal (no panel wraps a sentence)."""
    env = {k: v for k, v in os.environ.items() if k != "VANBAN_LANG"}
    env.update(PYTHONPATH=str(ROOT), COLUMNS="200", TERMINAL_WIDTH="200", **variables)
    if home is not None:
        env["VANBAN_HOME"] = str(home)
    vanban = str(Path(sys.executable).parent / "vanban")
    return subprocess.run([vanban, *args], env=env, capture_output=True, text=True, timeout=120)


# What a clerk can get wrong at the command line, and what Typer's parser says of it, in Vietnamese and English.
USAGE_ERRORS = [
    (["extract"], "Thiếu tham số 'file'.", "Missing argument 'file'."),
    (["report"], "Thiếu tùy chọn '--html'.", "Missing option '--html'."),
    (["extract", "--bogus", "x.pdf"], "Không có tùy chọn --bogus", "No such option: --bogus"),
    (
        ["extract", "--jsn", "x.pdf"],
        "Không có tùy chọn --jsn (có phải ý bạn là --json?)",
        "No such option: --jsn (Possible options: --json)",
    ),
    (
        ["targets", "--year", "abc"],
        "Giá trị của '--year' không hợp lệ: cần một số nguyên",
        "Invalid value for '--year': Input should be a valid integer, unable to parse string as an integer",
    ),
    (
        ["watch", ".", "--settle", "2,5"],
        "Giá trị của '--settle' không hợp lệ: cần một số (phần thập phân sau dấu chấm, ví dụ 2.5)",
        "Invalid value for '--settle': Input should be a valid number, unable to parse string as a number",
    ),
    (["targets", "--year"], "Tùy chọn '--year' cần một giá trị.", "Option '--year' requires an argument."),
    (["status", "--json=yes"], "Tùy chọn '--json' không nhận giá trị.", "Option '--json' does not take a value."),
    (["nghia-vu"], "Không có lệnh 'nghia-vu'.", "No such command 'nghia-vu'."),
    (
        ["obligation"],
        "Không có lệnh 'obligation'. Có phải ý bạn là 'obligations'?",
        "No such command 'obligation'. Did you mean 'obligations'?",
    ),
    (["bench", "ocrr"], "Không có lệnh 'ocrr'. Có phải ý bạn là 'ocr'?", "No such command 'ocrr'. Did you mean 'ocr'?"),
    (["text", "a.pdf", "b.pdf"], "Thừa tham số: b.pdf", "Got unexpected extra argument(s) (b.pdf)"),
    ([], "Thiếu tên lệnh.", "Missing command."),
]
PARSED_BEFORE_A_CONTEXT = (["targets", "--year"], ["status", "--json=yes"])  # Typer prints no usage line for these
TYPER_ENGLISH = ("Usage", "Try ", "Error", "Missing", "No such", "Invalid", "Option '", "Got ", "Did you mean")


@pytest.mark.parametrize(("args", "vietnamese", "english"), USAGE_ERRORS, ids=lambda v: " ".join(v)[:30])
def test_a_usage_error_is_said_in_vietnamese_and_in_english_with_english_chosen(args, vietnamese, english):
    said = _vanban("--lang", "vi", *args)
    assert said.returncode == 2 and said.stdout == "", said.stderr
    assert vietnamese in said.stderr and "Lỗi" in said.stderr, said.stderr
    assert not [w for w in TYPER_ENGLISH if w in said.stderr], said.stderr
    english_said = _vanban("--lang", "en", *args)
    assert english_said.returncode == 2 and english in english_said.stderr and "Error" in english_said.stderr
    if args not in PARSED_BEFORE_A_CONTEXT:
        assert "Cách dùng: vanban" in said.stderr and "Xem hướng dẫn: 'vanban" in said.stderr
        assert "Usage: vanban" in english_said.stderr and "Try 'vanban" in english_said.stderr


def test_vietnamese_is_the_default_and_vanban_lang_chooses_english():
    assert "Thiếu tham số 'file'." in _vanban("extract").stderr
    assert "Missing argument 'file'." in _vanban("extract", VANBAN_LANG="en").stderr


def test_a_wrong_format_or_a_missing_file_is_vanbans_own_sentence_in_either_language(tmp_path):
    """The choices of --format and the paths are checked by vanban itself (Typer never sees a choice or a
    path that must exist), with a sentence from the catalogue."""
    for lang in messages.LANGUAGES:
        wrong = _vanban("--lang", lang, "obligations", "--format", "xml", home=tmp_path)
        assert wrong.returncode == 2
        said = messages.t("export.bad_format", lang, fmt="xml", formats=", ".join(export.FORMATS))
        assert wrong.stderr == f"vanban: {said}\n"
        for args in (["extract", str(tmp_path / "không-có.pdf")], ["watch", str(tmp_path / "không-có")]):
            missing = _vanban("--lang", lang, *args, home=tmp_path)
            assert missing.returncode == 2 and "không-có" in missing.stderr and "Traceback" not in missing.stderr
    assert "không mở được tệp" in _vanban("extract", str(tmp_path / "x.pdf")).stderr
    assert "không tồn tại" in _vanban("watch", str(tmp_path / "x")).stderr


def test_the_help_page_says_its_fixed_words_in_the_language_chosen():
    vietnamese = _vanban("extract", "--help")
    assert vietnamese.returncode == 0
    for words in ("Cách dùng: vanban extract", "Tham số", "Tùy chọn", "[bắt buộc]", "Hiện hướng dẫn này rồi thoát."):
        assert words in vietnamese.stdout, words
    assert not [w for w in ("Usage", "Arguments", "Options", "required", "Show this message") if w in vietnamese.stdout]
    english = _vanban("--lang", "en", "extract", "--help")
    for words in ("Usage: vanban extract", "Arguments", "Options", "[required]", "Show this message and exit."):
        assert words in english.stdout, words
    top = _vanban("--help").stdout
    assert "Cách dùng: vanban [OPTIONS] COMMAND" in top and "Lệnh" in top and "[mặc định: " not in top
    assert "[mặc định: 127.0.0.1]" in _vanban("serve", "--help").stdout
    assert "[default: 127.0.0.1]" in _vanban("--lang", "en", "serve", "--help").stdout


def test_serve_listens_on_the_port_of_the_setting_unless_given_one(tmp_path):
    from bench.processes import free_port
    from pipeline.store.db import Store

    Store(f"sqlite:///{tmp_path / 'vanban.db'}", create=True)
    assert "$VANBAN_WEB_PORT" in _vanban("serve", "--help").stdout
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VANBAN_HOME": str(tmp_path), "VANBAN_WEB_PORT": str(free_port())}
    env.pop("VANBAN_DB", None)
    given = str(free_port())
    for extra, port in (([], env["VANBAN_WEB_PORT"]), (["--port", given], given)):
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "vanban"), "serve", *extra], env=env, stdout=subprocess.PIPE, text=True
        )
        try:
            first = process.stdout.readline() if process.stdout else ""
        finally:
            process.terminate()
            process.wait(timeout=10)
        assert f"http://127.0.0.1:{port}/" in first, first
