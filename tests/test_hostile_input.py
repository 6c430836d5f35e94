"""Hostile input: a seeded fuzz run of a few hundred files built here — bit flips, truncations and
overwritten spans of every kind of file vanban reads, lying headers, looping page trees, zip bombs,
huge declared pages, a 2000-page TIFF, text without line breaks — through ``load_document``, with
real Tesseract on whatever still decodes. Each must come back as a Document or an
``UnreadableDocument`` whose reason a clerk can read (no exception class names), without a crash,
within its time limit, and with nothing printed on the terminal."""

from __future__ import annotations

import faulthandler
import io
import random
import re
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from pipeline import messages
from pipeline.errors import UnreadableDocument
from pipeline.read.load import load_document
from tests.conftest import LETTER, TABLE, pdf_with_scans, pdf_with_text, png_header_only, render_lines

SEED = 20261206
MUTANTS_PER_FILE = 36
SECONDS_PER_INPUT = 30  # the slowest input measured here: a 200 x 200-inch page, 7 s on two busy cores
CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception|Warning)\b|Traceback")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF made of these object bodies (numbered from 1, the catalog first) with a correct cross-reference."""
    body, offsets = b"%PDF-1.7\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
LINE = b"<< /Length 18 >>\nstream\n0 0 m 500 500 l S\nendstream"


def docx(document_xml: str, size_lie: int | None = None) -> bytes:
    """A minimal DOCX around ``document_xml``; ``size_lie`` rewrites the size its archive declares for it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document_xml)
    data = bytearray(buffer.getvalue())
    if size_lie is not None:
        for signature, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
            at = data.rfind(signature)
            struct.pack_into("<I", data, at + field, size_lie)
    return bytes(data)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_bomb() -> bytes:
    """A DOCX whose document part inflates 300 MB of spaces from ~300 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        source = zipfile.ZipFile(io.BytesIO(docx(f"<w:document {W}><w:body/></w:document>")))
        for name in source.namelist():
            if name != "word/document.xml":
                archive.writestr(name, source.read(name))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(300):
                part.write(b" " * (1 << 20))
    return buffer.getvalue()


def tiff(frames: list[Image.Image], **options) -> bytes:
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:], **options)
    return buffer.getvalue()


def tiff_ifd_loop() -> bytes:
    """A two-frame TIFF whose second directory points back at the first."""
    data = bytearray(tiff([Image.new("L", (40, 40), 255)] * 2))
    first = struct.unpack_from("<I", data, 4)[0]
    second_link = first + 2 + 12 * struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, second_link)[0]
    struct.pack_into("<I", data, second + 2 + 12 * struct.unpack_from("<H", data, second)[0], first)
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims ``width`` x ``height``."""
    buffer = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buffer, format="JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def specials() -> dict[str, bytes]:
    """Hand-made hostile files, each a way a real attack or a broken tool makes a file lie."""
    letter = "\n".join(LETTER)
    return {
        "page-tree-loop.pdf": pdf(
            [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
        ),
        "page-tree-self.pdf": pdf([CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        "page-count-lie.pdf": pdf(
            [
                CATALOG,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            ]
        ),
        "page-200-inches.pdf": pdf(
            [
                CATALOG,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
                LINE,
            ]
        ),
        "page-user-unit.pdf": pdf(
            [
                CATALOG,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75000 /Contents 4 0 R >>",
                LINE,
            ]
        ),
        "no-pages.pdf": pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]),
        "pdf-header-only.pdf": b"%PDF-1.7\n",
        "docx-without-body.docx": docx(f"<w:document {W}></w:document>"),
        "docx-empty-body.docx": docx(f"<w:document {W}><w:body/></w:document>"),
        "docx-not-xml.docx": docx("this is not XML <<<"),
        "docx-size-lie.docx": docx(
            f"<w:document {W}><w:body><w:p><w:r><w:t>{letter}</w:t></w:r></w:p></w:body></w:document>", size_lie=10
        ),
        "docx-zip-bomb.docx": zip_bomb(),
        "png-claims-20000x20000.png": png_header_only(20000, 20000),
        "png-claims-9000x9000.png": png_header_only(9000, 9000),
        "jpeg-claims-65000x65000.jpg": jpeg_claiming(65000, 65000),
        "tiff-2000-pages.tif": tiff([Image.new("1", (8, 8), 1)] * 2000),
        "tiff-ifd-loop.tif": tiff_ifd_loop(),
        "tiff-claims-huge.tif": tiff([Image.new("L", (30000, 30000), 255)], compression="tiff_lzw"),
        "text-2mb-one-line.txt": ("Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành xây dựng kế hoạch. " * 40000)[
            :2_000_000
        ].encode(),
        "text-over-the-limit.txt": b"a" * 10_000_001,
        "text-nul-bytes.txt": b"\x00" * 5000,
        "random-bytes.bin": random.Random(SEED).randbytes(50_000),
        "noise.png": _noise_png(),
        "one-pixel.png": _png(Image.new("L", (1, 1), 0)),
    }


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300))
    return buffer.getvalue()


def _noise_png() -> bytes:
    return _png(Image.frombytes("L", (300, 200), random.Random(SEED).randbytes(300 * 200)))


def seeds(folder: Path) -> dict[str, bytes]:
    """One small, valid file of each kind vanban reads: what the mutations start from."""
    import docx as python_docx

    snippet = render_lines(LETTER[3:4], dpi=150, width_in=6.5, height_in=0.7)
    out: dict[str, bytes] = {"letter.txt": "\n".join(LETTER).encode("utf-8")}
    document = python_docx.Document()
    document.add_paragraph(LETTER[2])
    table = document.add_table(rows=2, cols=len(TABLE[0]))
    for c, value in enumerate(TABLE[0]):
        table.cell(0, c).text = value
    document.save(folder / "seed.docx")
    out["letter.docx"] = (folder / "seed.docx").read_bytes()
    out["digital.pdf"] = pdf_with_text(folder / "seed.pdf", LETTER[:3]).read_bytes()
    out["scan.pdf"] = pdf_with_scans(folder / "scan.pdf", [(snippet, None)]).read_bytes()
    out["scan.png"] = _png(snippet)
    buffer = io.BytesIO()
    snippet.save(buffer, format="JPEG", quality=80, dpi=(150, 150))
    out["scan.jpg"] = buffer.getvalue()
    out["fax.tif"] = tiff([snippet, snippet], dpi=(150, 150), compression="tiff_lzw")
    return out


def _flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _overwrite(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    length = rng.randint(1, 256)
    return data[:start] + rng.randbytes(length) + data[start + length :]


def _inflate_numbers(data: bytes, rng: random.Random) -> bytes:
    """Digits repeated in place: numbers in a PDF's objects become absurd ('120.8779671287.1')."""
    digits = [m.start() for m in re.finditer(rb"\d", data)]
    if not digits:
        return _flip_bits(data, rng)
    at = rng.choice(digits)
    return data[:at] + data[at : at + 1] * rng.randint(2, 12) + b"." + data[at:]


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [_flip_bits, _truncate, _overwrite, _inflate_numbers]


def hostile_inputs(folder: Path) -> dict[str, bytes]:
    """The fuzz corpus: every seed mutated MUTANTS_PER_FILE times (seeded), and the hand-made specials."""
    rng = random.Random(SEED)
    inputs = dict(specials())
    for name, data in seeds(folder).items():
        for k in range(MUTANTS_PER_FILE):
            mutate = MUTATIONS[k % len(MUTATIONS)]
            inputs[f"{k:02d}-{mutate.__name__.strip('_')}-{name}"] = mutate(data, rng)
    return inputs


@pytest.mark.ocr
def test_hostile_input_never_raises_anything_but_unreadable_document_nor_hangs_nor_prints(tmp_path, capfd, configure):
    configure(VANBAN_PAGE_TIMEOUT="15", VANBAN_DOCUMENT_TIMEOUT="25")
    inputs = hostile_inputs(tmp_path)
    assert len(inputs) >= 180
    outcomes: dict[str, str] = {}
    slow: dict[str, float] = {}
    unclear: dict[str, str] = {}
    started = time.monotonic()
    for name, data in inputs.items():
        path = tmp_path / name
        path.write_bytes(data)
        faulthandler.dump_traceback_later(4 * SECONDS_PER_INPUT, exit=True)  # a hang stops the run, loudly
        began = time.monotonic()
        try:
            document = load_document(path)
        except UnreadableDocument as e:
            outcomes[name] = messages.reason(e.reason, "vi")  # stored in English, shown to a clerk in Vietnamese
            if not e.reason or CLASS_NAME.search(e.reason):
                unclear[name] = e.reason
        else:
            outcomes[name] = "read"
            assert document.pages, name
        finally:
            faulthandler.cancel_dump_traceback_later()
        if time.monotonic() - began > SECONDS_PER_INPUT:
            slow[name] = time.monotonic() - began
        path.unlink()
    assert not slow, slow
    assert not unclear, unclear
    printed = capfd.readouterr()
    assert printed.out == "" and printed.err == "", printed.err[:2000]
    # The hand-made attacks are refused for what they are, before any work.
    assert "hơn 500 trang" in outcomes["tiff-2000-pages.tif"]
    assert "zip bomb" in outcomes["docx-zip-bomb.docx"]
    assert "w:body" in outcomes["docx-without-body.docx"]
    assert "quá lớn" in outcomes["png-claims-20000x20000.png"]
    assert "VANBAN_MAX_TEXT_BYTES" in outcomes["text-over-the-limit.txt"]
    assert "cây trang" in outcomes["page-tree-loop.pdf"]
    assert "không phải văn bản" in outcomes["noise.png"]
    assert outcomes["text-2mb-one-line.txt"] == "read"
    print(f"{len(inputs)} hostile inputs in {time.monotonic() - started:.0f} s")
