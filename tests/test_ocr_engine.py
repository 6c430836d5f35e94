"""The OCR engine and its workers, with real Tesseract: the start-up check, a page that crashes,
hangs or fails at the engine boundary (injected there, the other pages read for real), a TIFF
with one corrupt page, and a machine without the Vietnamese model."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline import messages
from pipeline.errors import OcrEngineUnavailable, UnreadableDocument
from pipeline.ocr import page as ocr
from pipeline.ocr import tesseract
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.workers import hand_out_order
from pipeline.read.load import load_document
from schemas.document import IssueKind, TextSource
from tests.conftest import LETTER, render_lines

MARKED_WIDTH_IN = 8.0  # the page the engine fails on is narrower than the others (8.27 in)


def three_pages(marked: int = 2) -> list[PageImage]:
    return [
        PageImage(
            number=n,
            image=render_lines([line], height_in=1.2, width_in=MARKED_WIDTH_IN if n == marked else 8.27),
            dpi=300,
        )
        for n, line in enumerate(LETTER[3:6], start=1)
    ]


def failing_engine(how: str, preparation: str | None = None, release=None):
    """Tesseract misbehaving on the marked page only — in every preparation, or only in one (the full preparation
    hands Tesseract a 1-bit image, the plain one a grey image): it crashes, hangs using no CPU, hangs spinning, raises,
    waits for ``release`` (a pool that deadlocks), or reads the page slowly, as on a busy machine (a small share of a
    core for SLOW_SECONDS)."""
    real = ocr.recognize_words

    def recognize_words(image: Image.Image, *, psm: int = 3, dpi: int = 300, bands: int = 1):
        marked = abs(image.width - MARKED_WIDTH_IN * dpi) <= 2
        wanted = preparation is None or (image.mode == "1") == (preparation == ocr.FULL)
        if marked and wanted:
            if how == "crash":
                os.kill(os.getpid(), signal.SIGSEGV)
            if how == "hang":
                time.sleep(3600)
            if how == "spin":
                while True:
                    pass
            if how == "wait":
                release.wait()
            if how == "slow":
                _share_of_a_core(SLOW_SECONDS)
                return real(image, psm=psm, dpi=dpi, bands=bands)
            raise tesseract.OcrEngineError("injected failure")
        return real(image, psm=psm, dpi=dpi, bands=bands)

    return recognize_words


SLOW_SECONDS = 6.0


def _share_of_a_core(seconds: float, share: float = 0.1) -> None:
    """Use ``share`` of a core for ``seconds``: a busy machine's scheduler, as the page's worker sees it."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        time.sleep(0.1)
        burst = time.monotonic() + 0.1 * share / (1 - share)
        while time.monotonic() < burst:
            pass


def engine_failing(monkeypatch, how: str, preparation: str | None = None) -> None:
    """This process's Tesseract (and so its OCR workers', forked after it) as ``failing_engine`` makes it."""
    monkeypatch.setattr(ocr, "recognize_words", failing_engine(how, preparation))


def engine_failing_in_child(how: str, preparation: str | None, release=None) -> None:
    """The initializer of a caller's pool of spawned processes (a fork of the test process, which holds Tesseract's
    band threads, could wait forever on a lock one of them held): ``failing_engine`` there, and the child's crash
    report kept off the terminal."""
    faulthandler.disable()
    ocr.recognize_words = failing_engine(how, preparation, release)


@pytest.mark.ocr
def test_the_engine_check_finds_tesseract_and_the_vietnamese_model():
    engine = tesseract.check_engine()
    assert int(engine.version.split(".")[0]) >= 4
    assert (Path(engine.tessdata) / "vie.traineddata").is_file()


@pytest.mark.ocr
def test_a_page_that_crashes_the_engine_is_read_again_with_plain_preparation(configure, monkeypatch, caplog):
    engine_failing(monkeypatch, "crash", preparation=ocr.FULL)
    configure()
    caplog.set_level("DEBUG", logger="vanban.ocr")
    pages = ocr.ocr_pages(three_pages())
    assert [p.text for p in pages] == LETTER[3:6]
    assert not any(p.issues for p in pages)
    assert "page 2, attempt 1: crashed" in caplog.text


@pytest.mark.ocr
def test_a_page_that_breaks_the_callers_process_pool_is_read_again_on_the_ocr_workers(configure, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    engine_failing(monkeypatch, "crash", preparation=ocr.FULL)  # the OCR workers carry it too
    configure(VANBAN_DOCUMENT_TIMEOUT="300")  # a pool that deadlocks instead of breaking is given up then
    spawned = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, spawned, initializer=engine_failing_in_child, initargs=("crash", ocr.FULL)) as pool:
        pages = ocr.ocr_pages(three_pages(), executor=pool)
    assert [p.text for p in pages] == LETTER[3:6]
    assert not any(p.issues for p in pages)


@pytest.mark.ocr
def test_a_callers_pool_that_deadlocks_is_given_up_after_the_documents_time_and_not_used_again(configure, caplog):
    from concurrent.futures import ProcessPoolExecutor

    configure(VANBAN_DOCUMENT_TIMEOUT="10")
    caplog.set_level("INFO", logger="vanban.ocr")
    spawned = multiprocessing.get_context("spawn")
    release = spawned.Event()
    pool = ProcessPoolExecutor(2, spawned, initializer=engine_failing_in_child, initargs=("wait", ocr.FULL, release))
    try:
        start = time.monotonic()
        pages = ocr.ocr_pages(three_pages(), executor=pool)
        assert time.monotonic() - start < 60
        assert [p.text for p in pages] == LETTER[3:6]  # the page the pool held, read on the OCR workers
        assert not any(p.issues for p in pages)
        assert ocr.ocr_pages(three_pages(), executor=pool)[1].text == LETTER[4]
    finally:
        release.set()
        pool.shutdown()
    assert caplog.text.count("in the document's time (10 s, VANBAN_DOCUMENT_TIMEOUT)") == 1  # the second went around


@pytest.mark.ocr
@pytest.mark.parametrize(
    "how, kind",
    [
        ("crash", IssueKind.crashed),
        ("hang", IssueKind.timeout),
        ("spin", IssueKind.timeout),
        ("raise", IssueKind.ocr_failed),
    ],
)
def test_a_page_the_engine_never_reads_is_kept_empty_with_an_issue_and_the_others_are_read(
    configure, monkeypatch, how, kind
):
    engine_failing(monkeypatch, how)
    configure(VANBAN_PAGE_TIMEOUT="3")
    start = time.monotonic()
    first, second, third = ocr.ocr_pages(three_pages())
    assert (first.text, third.text) == (LETTER[3], LETTER[5])
    assert second.text == "" and second.source == TextSource.ocr
    assert [(i.page, i.kind) for i in second.issues] == [(2, kind)]
    assert time.monotonic() - start < 60


@pytest.mark.ocr
def test_a_page_read_slowly_on_a_busy_machine_is_read_not_stopped(configure, monkeypatch, caplog):
    """The page's time is its worker's CPU time: a page given a tenth of a core for twice its time (as on two cores
    shared by twenty busy processes) is not stopped as a hung one is."""
    engine_failing(monkeypatch, "slow", preparation=ocr.FULL)
    configure(VANBAN_PAGE_TIMEOUT="3")
    caplog.set_level("DEBUG", logger="vanban.ocr")
    start = time.monotonic()
    pages = ocr.ocr_pages(three_pages())
    assert time.monotonic() - start > SLOW_SECONDS
    assert [p.text for p in pages] == LETTER[3:6]
    assert not any(p.issues for p in pages)
    assert "page 2, attempt 1: done" in caplog.text
    assert "timeout" not in caplog.text  # a deadline on the clock stopped it at 3 s, and read it plainer


@pytest.mark.ocr
def test_pages_not_read_when_the_documents_time_runs_out_are_kept_empty_with_an_issue(configure, monkeypatch):
    engine_failing(monkeypatch, "hang")
    configure(VANBAN_PAGE_TIMEOUT="60", VANBAN_DOCUMENT_TIMEOUT="6", VANBAN_OCR_WORKERS="1")
    pages = ocr.ocr_pages(three_pages(marked=1))  # handed out last page first: page 3 read, 1 hangs, 2 waits
    assert pages[2].text == LETTER[5]
    assert [i.kind for p in pages[:2] for i in p.issues] == [IssueKind.out_of_time] * 2


def corrupt_tiff(path: Path, lines: list[str], bad: int) -> Path:
    """A multi-page LZW TIFF whose frame ``bad`` (0-based) has its first strip of data garbled."""
    frames = [render_lines([line], height_in=1.2, dpi=300) for line in lines]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    with Image.open(path) as tiff:
        tiff.seek(bad)
        offset, length = tiff.tag_v2[273][0], tiff.tag_v2[279][0]  # StripOffsets, StripByteCounts
    data = bytearray(path.read_bytes())
    data[offset : offset + length] = bytes((b * 7 + 13) & 0xFF for b in data[offset : offset + length])
    path.write_bytes(data)
    return path


@pytest.mark.ocr
def test_a_tiff_with_one_corrupt_page_keeps_the_others(tmp_path, capfd):
    doc = load_document(corrupt_tiff(tmp_path / "fax.tif", LETTER[3:6], bad=1))
    assert [p.text for p in doc.pages] == [LETTER[3], "", LETTER[5]]
    assert [(i.page, i.kind) for i in doc.issues] == [(2, IssueKind.damaged)]
    assert messages.page_issue(2, doc.issues[0].kind, "vi").startswith("trang 2: ảnh của trang bị hỏng")
    assert doc.text == f"{LETTER[3]}\f\f{LETTER[5]}"
    assert capfd.readouterr().err == ""  # libtiff's complaint went to the log, not the terminal


@pytest.mark.ocr
def test_libtiffs_complaint_stays_off_the_terminal_in_a_callers_process_pool(tmp_path, capfd):
    """``vanban ingest`` reads pages on its own process pool, whose processes print on the terminal."""
    from concurrent.futures import ProcessPoolExecutor

    fax = corrupt_tiff(tmp_path / "fax.tif", LETTER[3:5], bad=0)
    spawned = multiprocessing.get_context("spawn")  # not forked: ``engine_failing_in_child`` says why
    with ProcessPoolExecutor(max_workers=1, mp_context=spawned) as pool:
        doc = load_document(fax, executor=pool)
    assert [p.text for p in doc.pages] == ["", LETTER[4]]
    assert capfd.readouterr().err == ""  # it printed 'tempfile.tif: Using code not yet in table.'


@pytest.mark.ocr
def test_a_document_fails_only_when_no_page_can_be_read(tmp_path):
    path = corrupt_tiff(tmp_path / "fax.tif", LETTER[2:3], bad=0)
    with pytest.raises(UnreadableDocument) as refused:
        load_document(path)
    said = messages.reason(refused.value.reason, "vi")
    assert (
        said
        == "không đọc được trang nào (cả 1 trang); trang 1: ảnh của trang bị hỏng, không giải mã được; hãy quét lại trang này"
    )


def test_without_the_vietnamese_model_a_scan_raises_engine_unavailable_not_unreadable(tmp_path, configure):
    configure(VANBAN_TESSDATA=str(tmp_path))  # a real folder without vie.traineddata
    scan = tmp_path / "scan.png"
    render_lines(LETTER[:1], height_in=1.0).save(scan, dpi=(300, 300))
    with pytest.raises(OcrEngineUnavailable, match="tesseract-ocr-vie"):
        load_document(scan)
    text = tmp_path / "letter.txt"
    text.write_text("\n".join(LETTER), encoding="utf-8")
    assert load_document(text).text  # text files need no engine


def test_without_the_engine_the_inbox_keeps_its_scans_and_the_watcher_does_not_start(tmp_path, configure):
    from pipeline.ingest import runner
    from pipeline.ingest.filer import Filer
    from pipeline.store.db import Store

    configure(VANBAN_TESSDATA=str(tmp_path / "no-model"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scan = inbox / "scan.png"
    render_lines(LETTER[:1], height_in=1.0).save(scan, dpi=(300, 300))
    store = Store(f"sqlite:///{tmp_path / 'vanban.db'}")
    ingestor = runner.Ingestor(store, Filer(tmp_path / "archive", tmp_path / "quarantine"), inbox)
    with pytest.raises(OcrEngineUnavailable):
        runner.ingest_one(ingestor, scan)
    assert scan.exists() and not (tmp_path / "quarantine").exists()
    with pytest.raises(OcrEngineUnavailable, match="tesseract-ocr-vie"):
        runner.watch_inbox(inbox, db=store.url, archive=tmp_path / "archive", quarantine=tmp_path / "quarantine")
    assert scan.exists() and not (tmp_path / "quarantine").exists()


@pytest.mark.ocr
def test_a_page_read_in_bands_on_threads_reads_the_words_it_reads_whole_where_they_are():
    page = render_lines(LETTER, height_in=6.0)
    cuts = tesseract.band_cuts(page, 2, 300)
    assert len(cuts) == 1
    assert not (np.asarray(page)[cuts[0]] < 128).any()  # cut on a blank row, through no line
    whole = tesseract.recognize_words(page, psm=3, dpi=300)
    banded = tesseract.recognize_words(page, psm=3, dpi=300, bands=2)
    assert [w.text for w in banded] == [w.text for w in whole]
    boxes = [np.array((w.left, w.top, w.width, w.height)) for w in (*banded, *whole)]
    assert all(np.abs(a - b).max() <= 2 for a, b in zip(boxes[: len(banded)], boxes[len(banded) :]))  # page pixels
    assert len({w.block for w in banded if w.top < cuts[0]} & {w.block for w in banded if w.top > cuts[0]}) == 0


@pytest.mark.ocr
def test_a_page_with_no_blank_row_near_its_middle_is_read_whole():
    page = render_lines(LETTER[:1], height_in=1.0)
    assert tesseract.band_cuts(page, 2, 300) == []  # one line: every blank row is above or below all the ink
    dark = Image.new("L", (800, 800), 0)
    assert tesseract.band_cuts(dark, 2, 300) == []
    assert tesseract.band_cuts(Image.new("L", (800, 800), 255), 2, 300) == []


@pytest.mark.ocr
def test_a_page_whose_lower_half_holds_a_seal_is_read_whole():
    page = render_lines(LETTER, height_in=6.0)
    assert tesseract.band_cuts(page, 2, 300)
    sealed = page.copy()
    sealed.paste(0, (1500, 1300, 1900, 1750))  # an inked block 1.5 in tall under the text: a seal, a signature
    assert tesseract.band_cuts(sealed, 2, 300) == []


def test_the_last_page_goes_first_and_the_page_of_a_short_last_round_gets_the_idle_workers_threads():
    pages = [PageImage(number=n, image=Image.new("L", (10, 10), 255), dpi=300) for n in range(1, 6)]
    order = hand_out_order(pages, workers=2)
    assert [t.page.number for t in order] == [5, 1, 2, 3, 4]
    assert [t.threads for t in order] == [1, 1, 1, 1, 2]
    assert [t.threads for t in hand_out_order(pages[:4], workers=2)] == [1, 1, 1, 1]  # no short round, no idle core
    assert [t.threads for t in hand_out_order(pages[:1], workers=2)] == [2]  # a one-page letter
