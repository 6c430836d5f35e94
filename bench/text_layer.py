"""Which PDF text layers vanban keeps: the layer-quality score on real good layers and on garbage
layers made the way real ones come about, with the decision (keep the layer, or OCR the page).

Why: scanners embed their own OCR layer, often made by an engine without Vietnamese. A real one
(an e-signed letter of Đà Nẵng) reads ``CONG HOA xA HQI CilU NGHIA VIT NAM``, ``S& 5?AD /UBND-SGDDT``,
``V/v thrc hin ... ngy 17/8/2023``: diacritics stripped, Vietnamese-only letters dropped or read as
look-alikes (ộ → Q, ố → f3, ủ → ü, ị → j), the Latin-1 ones (ô, á, à) often kept. Other layers lose
every diacritic (a font without a Unicode map, an ASCII-only engine), or are glyph codes of a font
without a Unicode map. Over most of these sits a visible e-signature stamp in real Vietnamese
("Ký bởi: … Thời gian ký: …"), which must not lift the page.

Good layers: the born-digital pages of the real corpus scans (``../shared/corpus/scans``, the four
made by Word) and the born-digital samples. Garbage layers: page-sized chunks of real corpus texts
(``../shared/corpus/texts``) mangled as above, each put as an invisible layer over its page drawn as
a picture, half of them under one of the real e-signature stamps of the corpus scans.

    python -m bench.text_layer [--documents N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pipeline.read.pdf import read_pdf
from pipeline.text import nfc, normalize_text
from pipeline.text.quality import MIN_TEXT_QUALITY
from schemas.document import Page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
PAGE_CHARS = 2400  # a full A4 page of 13 pt text
SHORT_PAGE_CHARS = 300  # a last page (the signature block): the stamp weighs most on it

# What an OCR engine without Vietnamese makes of the letters it does not know: look-alikes it has
# (read in the Đà Nẵng layer: ộ → Q, ố/ổ → f3, ủ → ü, ă → ä, ế → é, ị → j, ự → r, ớ/ờ → Or).
LOOKALIKES = {
    "ộ": "q",
    "Ộ": "Q",
    "ố": "f3",
    "ổ": "f3",
    "ủ": "ü",
    "Ủ": "U",
    "ă": "ä",
    "ế": "é",
    "ị": "j",
    "ự": "r",
    "ờ": "Or",
    "ớ": "Or",
    "ạ": "a",
    "ậ": "a",
    "ấ": "a",
    "ệ": "e",
    "ể": "e",
    "ọ": "o",
    "ợ": "o",
    "ụ": "u",
    "ữ": "u",
    "ỉ": "i",
    "đ": "d",
    "Đ": "D",
}
JUNK = ["?", "&", "j", "il", "1", "ü", "ä", "ö", "Q", "f3"]
LATIN1_TONED = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def strip_diacritics(text: str) -> str:
    """Every diacritic lost, case kept: a font without a Unicode map, or an ASCII-only engine."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def english_ocr(text: str, seed: int) -> str:
    """What an OCR engine without Vietnamese reads: Latin-1 toned letters mostly kept, the others
    stripped to their base letter, dropped, or read as a look-alike (seeded)."""
    rng = random.Random(seed)
    out = []
    for c in text:
        if c.isascii() or not c.isalpha():
            out.append(c)
        elif c in LATIN1_TONED:
            r = rng.random()
            out.append(c if r < 0.6 else strip_diacritics(c) if r < 0.9 else rng.choice(JUNK))
        else:
            r = rng.random()
            if r < 0.5:
                out.append(strip_diacritics(c))
            elif r < 0.7:
                continue  # dropped: 'ngy', 'VIT', 'thrc hin'
            else:
                out.append(LOOKALIKES.get(c) or rng.choice(JUNK))
    return "".join(out)


def glyph_codes(text: str, seed: int) -> str:
    """A font without a Unicode map: every letter read as another code, the same one each time."""
    rng = random.Random(seed)
    letters = sorted({c for c in text if c.isalpha()})
    shuffled = letters[:]
    rng.shuffle(shuffled)
    table = dict(zip(letters, shuffled))
    return "".join(table.get(c, c) for c in text)


GARBAGE = {
    "stripped": lambda text, seed: strip_diacritics(text),
    "english-ocr": english_ocr,
    "glyph-codes": glyph_codes,
}


@dataclass
class Sample:
    kind: str  # 'good: …' or 'garbage: …'
    name: str
    layer: str  # the invisible text layer
    shown: str  # what the page picture shows
    stamp: str | None = None  # a visible e-signature stamp over the page


@dataclass
class Judged:
    kind: str
    name: str
    chars: int
    quality: float
    kept: bool  # the layer kept as the page's text (else the page goes to OCR)

    @property
    def right(self) -> bool:
        return self.kept == self.kind.startswith("good")


def corpus_pages(documents: int) -> list[tuple[str, str]]:
    """(name, page text): one or two page-sized chunks of ``documents`` real corpus texts, chosen
    by a hash of the name (not the first ones: they are the documents of one source)."""
    paths = sorted((CORPUS / "texts").glob("*.md"), key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())[
        :documents
    ]
    pages = []
    for path in paths:
        text = normalize_text(path.read_text(encoding="utf-8")).replace("|", " ")
        lines = [l for l in text.split("\n") if l.strip() and not l.startswith("*Source")]
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if sum(len(l) for l in chunk) >= PAGE_CHARS:
                pages.append((path.stem, "\n".join(chunk)))
                chunk = []
                if sum(1 for n, _ in pages if n == path.stem) == 2:
                    break
        else:
            if sum(len(l) for l in chunk) >= 300:  # a short last page: the hardest to judge
                pages.append((path.stem, "\n".join(chunk)))
    return pages


def real_stamps() -> list[str]:
    """The e-signature stamps of the real corpus scans: the text of their first page (pdftotext
    reads the stamps' appearance; those scans carry no other text)."""
    stamps = []
    for pdf in sorted((CORPUS / "scans").glob("*.pdf")):
        text = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if text and len(text) < 400:
            stamps.append(nfc(text))
    return stamps


def samples(documents: int) -> list[Sample]:
    stamps = real_stamps()
    out = []
    for k, (name, page) in enumerate(corpus_pages(documents)):
        stamp = stamps[k % len(stamps)] if stamps and k % 2 else None
        short = page[: page.find("\n", SHORT_PAGE_CHARS) % len(page) + 1 or len(page)]
        for size, text in (("page", page), ("short page", short)):
            out.append(Sample(f"good: corpus {size}", name, text, text, stamp))
            for kind, mangle in GARBAGE.items():
                out.append(Sample(f"garbage: {kind}, {size}", name, mangle(text, k), text, stamp))
    return out


def _picture(text: str, size: tuple[float, float], dpi: int = 100) -> Image.Image:
    """The page as a scan shows it (text drawn at ``dpi``): what its invisible layer lies over."""
    w, h = round(size[0] / 72 * dpi), round(size[1] / 72 * dpi)
    image = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, round(13 / 72 * dpi))
    y = dpi
    for line in text.split("\n"):
        for start in range(0, len(line), 90):
            draw.text((dpi, y), line[start : start + 90], font=font, fill=0)
            y += round(18 / 72 * dpi)
    return image


def scanned_pdf(path: Path, pages: list[Sample]) -> Path:
    """A scanner's PDF: each page a picture, with the sample's layer as invisible text over it and
    its e-signature stamp as visible text in a box, as signing software draws it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "LiberationSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LiberationSerif", FONT))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for sample in pages:
        pdf.drawImage(ImageReader(_picture(sample.shown, A4)), 0, 0, width=width, height=height)
        layer = pdf.beginText(72, height - 72)
        layer.setTextRenderMode(3)  # invisible, as scanners' OCR layers are
        layer.setFont("LiberationSerif", 13)
        for line in sample.layer.split("\n"):
            for start in range(0, len(line), 90):
                layer.textLine(line[start : start + 90])
        pdf.drawText(layer)
        if sample.stamp:
            pdf.rect(300, height - 70, 250, 60)
            stamp = pdf.beginText(305, height - 25)
            stamp.setFont("LiberationSerif", 7)
            for line in sample.stamp.split("\n"):
                stamp.textLine(line)
            pdf.drawText(stamp)
        pdf.showPage()
    pdf.save()
    return path


def judge(pdf: Path, kind: str, names: list[str]) -> list[Judged]:
    """read_pdf's decision for every page of ``pdf``: kept as text, or sent to OCR (not run here)."""
    out = []
    for page, name in zip(read_pdf(pdf.read_bytes()), names):
        kept = isinstance(page, Page)
        chars = len(page.text) if isinstance(page, Page) else 0
        out.append(Judged(kind, name, chars, page.quality if page.quality is not None else 1.0, kept))
    return out


def born_digital() -> list[Judged]:
    """The born-digital real PDFs (Word exports of a People's Committee) and the samples'."""
    import pdfplumber

    out = []
    pdfs = [p for p in sorted((CORPUS / "scans").glob("*.pdf")) if _fonts(p)]
    pdfs += sorted((ROOT / "samples" / "digital").glob("*.pdf"))
    for pdf in pdfs:
        with pdfplumber.open(pdf) as doc:
            n = len(doc.pages)
        out += judge(pdf, "good: born-digital", [f"{pdf.stem[:24]} p{k}" for k in range(1, n + 1)])
    return out


def _fonts(pdf: Path) -> bool:
    """The PDF carries a real text layer (more than an e-signature stamp's worth of text)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return sum(len(p.extract_text() or "") for p in doc.pages) > 1000


def run(documents: int = 40) -> list[Judged]:
    results = born_digital()
    built = samples(documents)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in sorted({s.kind for s in built}):
            chosen = [s for s in built if s.kind == kind]
            pdf = scanned_pdf(Path(tmp) / "layers.pdf", chosen)
            results += judge(pdf, kind + (" (half under a stamp)"), [s.name for s in chosen])
    return results


def format_table(results: list[Judged]) -> str:
    header = f"{'layer':<48} {'pages':>5} {'min':>6} {'median':>6} {'max':>6} {'decided right':>13}"
    lines = [header, "-" * len(header)]
    for kind in dict.fromkeys(r.kind for r in results):
        rows = [r for r in results if r.kind == kind]
        scores = [r.quality for r in rows]
        lines.append(
            f"{kind:<48} {len(rows):>5} {min(scores):>6.3f} {statistics.median(scores):>6.3f} {max(scores):>6.3f} "
            f"{sum(r.right for r in rows):>6}/{len(rows):<6}"
        )
    wrong = [r for r in results if not r.right]
    lines.append(f"threshold {MIN_TEXT_QUALITY}; wrong decisions: {len(wrong)}")
    lines += [f"  {r.kind}: {r.name} quality {r.quality:.3f}" for r in wrong]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.text_layer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=40, help="corpus texts to build layers from")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.documents)
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))
    else:
        print(format_table(results))


if __name__ == "__main__":
    sys.exit(main())
