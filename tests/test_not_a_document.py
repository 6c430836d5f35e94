"""Pictures that are not documents — photos of noise, a portrait, a landscape, a blank sheet — are
refused as "không phải văn bản" (and quarantined by the inbox), while a poor 70-dpi photo of a real
letter is still read. Real Tesseract on real pictures: matplotlib's sample photo and terrain data."""

from __future__ import annotations

import time
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from PIL import Image

from pipeline import messages
from pipeline.errors import UnreadableDocument
from pipeline.read.load import NOT_TEXT_CONFIDENCE, load_document
from tests.paths import ROOT

SAMPLE_DATA = Path(matplotlib.get_data_path()) / "sample_data"
LETTER_PAGE = ROOT / "samples" / "scans" / "001_efde63602c576959.office.page-001.jpg"


def noise(path: Path) -> Path:
    Image.fromarray(np.random.default_rng(7).integers(0, 256, (1400, 1000), dtype=np.uint8)).save(path)
    return path


def salt_and_pepper(path: Path) -> Path:
    page = np.full((1400, 1000), 255, np.uint8)
    page[np.random.default_rng(7).random(page.shape) < 0.05] = 0
    Image.fromarray(page).save(path)
    return path


def landscape(path: Path) -> Path:
    """Shaded relief of real terrain (matplotlib's Jacksboro fault elevation model), as a photo of hills."""
    from matplotlib import cm
    from matplotlib.colors import LightSource

    elevation = np.load(SAMPLE_DATA / "jacksboro_fault_dem.npz")["elevation"].astype(float)
    rgb = LightSource(azdeg=315, altdeg=45).shade(elevation, cmap=cm.gist_earth, blend_mode="overlay", vert_exag=0.05)
    picture = Image.fromarray((rgb[..., :3] * 255).astype(np.uint8))
    picture.resize((1600, round(1600 * picture.height / picture.width))).save(path, quality=90)
    return path


def portrait(path: Path) -> Path:
    path.write_bytes((SAMPLE_DATA / "grace_hopper.jpg").read_bytes())
    return path


def blank(path: Path) -> Path:
    Image.new("L", (2480, 3508), 255).save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
@pytest.mark.parametrize("make", [noise, salt_and_pepper, landscape, portrait, blank])
def test_a_picture_without_vietnamese_text_is_not_a_document(tmp_path, make):
    path = make(tmp_path / f"IMG_{make.__name__}.jpg")
    start = time.monotonic()
    with pytest.raises(UnreadableDocument) as refused:
        load_document(path)
    assert messages.reason(refused.value.reason, "vi").startswith("không phải văn bản: ảnh không có chữ nào")
    assert time.monotonic() - start < 30  # noise is not handed to Tesseract (it took minutes on salt and pepper)


@pytest.mark.ocr
def test_a_poor_70_dpi_photo_of_a_real_letter_is_still_read(tmp_path):
    page = Image.open(LETTER_PAGE).convert("L")
    photo = page.resize((576, round(576 * page.height / page.width)), Image.LANCZOS).crop((0, 0, 576, 960))
    path = tmp_path / "IMG_cong_van.jpg"
    photo.save(path, dpi=(70, 70), quality=85)
    document = load_document(path)
    assert document.ocr_confidence > NOT_TEXT_CONFIDENCE
    assert document.text.startswith("NGHỊ QUYẾT\n") and "Công an phường điển hình" in document.text


@pytest.mark.ocr
def test_the_inbox_quarantines_photos_and_noise_as_not_documents(tmp_path):
    from pipeline.ingest.filer import Filer
    from pipeline.ingest.runner import Ingestor, ingest_one
    from pipeline.ingest.status import status
    from pipeline.store.db import Store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped = [noise(inbox / "IMG_20251201_noise.png"), landscape(inbox / "canh_dep_Da_Lat.jpg")]
    store = Store(f"sqlite:///{tmp_path / 'vanban.db'}")
    ingestor = Ingestor(store, Filer(tmp_path / "archive", tmp_path / "quarantine"), inbox)
    outcomes = [ingest_one(ingestor, path) for path in dropped]
    assert [o.state for o in outcomes] == ["quarantined", "quarantined"]
    assert all("không phải văn bản" in o.message for o in outcomes)
    counts = status(store)
    assert (counts.processed, counts.quarantined) == (0, 2)
    note = (tmp_path / "quarantine" / "canh_dep_Da_Lat.jpg.error.txt").read_text(encoding="utf-8")
    assert "không phải văn bản" in note
