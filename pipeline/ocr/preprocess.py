"""A page image made ready for Tesseract: seal ink, dot screens, resolution, illumination, seal rings, specks, skew,
binarization.

Preprocessing was chosen by measuring CER (vie, psm 3) on rendered seed pages, two pages
per profile, each step on and off:
- illumination correction (divide by the estimated background) is what makes phone photos
  readable at all: 47 % → 0.55 % CER; neutral on clean office scans (0.28 → 0.28 %);
- deskew (projection-profile search, ±5°): photo 0.55 → 0.36 %, office 0.28 → 0.24 %;
- resolution from the ink (``print_dpi``): a page whose letters say it is printed at another resolution
  than its file declares (by more than INK_TRUST_RATIO) is sized by its letters: 70- and 100-dpi print
  declared as 300 dpi read at 100 % CER before (shrunk, then judged noise), 0.42 % and 0.26 % now. The
  letters are trusted only when they stand in rows (``in_rows``): a photo of salt-and-pepper noise, whose
  specks are letter-sized, was otherwise judged 32-dpi print, upscaled 8 times and read for minutes;
- sharpening what was upscaled (unsharp mask, sigma 1 px) was measured and left out: on the upscaled
  pages of photo-random and fax-random (8 pages, 100-130 dpi) photo 2.95 / 1.97 / 0.85 / 0.44 % became
  5.49 / 2.22 / 0.61 / 0.52 %, fax 2.15 / 3.16 % became 2.06 / 3.36 %;
- upscaling helps only below ~140 dpi (100-dpi fax 4.2 → 2.5 %, 120-dpi photo 1.25 → 1.11 %)
  and hurts at 150-200 dpi (150-dpi photo 0.78 → 1.19 %), so it is applied below 140 dpi only;
- resolution: finer than 250 dpi buys nothing for 13 pt print. Three 300-dpi pages read at 300,
  250 and 200 dpi: CER 0.42 % all three, Tesseract 7 % and 14 % faster; over all the office and
  stamped samples, 250 dpi read better than 300 (text CER office 0.38 → 0.32 %, stamped 0.46 →
  0.44 %) and 10 % faster. Upscaling to 250 instead of 300 dpi: 100 dpi 0.82 → 0.80 %, 120 dpi
  0.61 → 0.54 %. So every page is read at READ_DPI = 250 unless it is between 140 and 250 dpi;
- binarization: an adaptive threshold always hurt (photo 0.36 → 8.6 %); one Otsu threshold on
  the flattened page costs a little accuracy and saves Tesseract ~15 % of its time (``binarize``);
- despeckling (whitening ink specks of ≤ 6 px at 300 dpi) on the samples' fax profile:
  pages 2 and 4 of seed 001 7.05 → 3.35 % and 7.96 → 0.52 % (20 px already erases diacritics);
- descreening (``is_dotted``, ``descreen``): a 1-bit page dithered by the fax (Floyd-Steinberg) is a screen of
  lone dots that Otsu, the ink's rows and the noise check all took for noise: 100-dpi pages were refused. A
  Gaussian of 1 px over the dots first: 23 dithered pages 60.5 → 5.6 % CER (``python -m bench.preprocess_steps
  descreen``); pages thresholded cleanly have too few lone dots to be touched (smoothing them measured worse);
- seal ink (``without_seal_ink``, colour pages): a red seal over body text made Tesseract read its ring between
  the words, interleaving lines; lightened by hue, the stamped profile's sealed pages read 3.11 → 0.67 %;
  brought up to the paper (divided by the seal's own share of the paper's light), scan-random 2.25 → 0.99 %,
  real letters at 100 dpi 13.44 → 9.73 %, 300 dpi 4.55 → 4.03 %, stamped and photo-random equal;
- seal rings on faxes (``seal_rings``, ``without_seal_rings``, tuned values in ``data/seal_rings.json``): a seal
  pressed over body text, grey on a fax, made Tesseract drop the lines beside it; found by its shape (a ring of a
  seal's size) and whitened where lighter than print: 27 dithered sealed fax renders 11.72 -> 9.08 % CER,
  fax-random seed 001 p1 11.44 -> 0.26 % (``python -m bench.preprocess_steps ring``); thresholded faxes equal;
- seals on grey pages (``without_grey_seals``, same file): a red seal scanned in grey covered the signer's title and
  name, which Tesseract dropped (development scans resampled to grey, ``bench.gold scans --dpi N``: signer lost on
  5 of 6 sealed documents at 300 dpi grey); its ring and its ink lighter than 3/4 of the ring's are whitened: scans at
  200 dpi 0.684 -> 0.700, 150 dpi 0.653 -> 0.666, 300 dpi grey 0.808 -> 0.801 (two signers found, one lost, a
  citation misread), native colour 0.897 equal (colour seals are lightened before);
- lone specks on descreened pages (``without_lone_specks``, values in ``data/lone_specks.json``): the dithered
  paper's noise, smoothed, upscaled and thresholded, stays as tone-mark-sized specks apart from any letter; whitened
  there, fax-random 6.19 -> 5.52 % CER (seed 000 p2, 100 dpi, 17.33 -> 10.37 %), 23 dithered renders at 100 dpi
  6.75 -> 6.37 %; on thresholded faxes the same rule erased dotted leaders, so it is not applied there;
- whitening strokes longer than 0.3 in outside tables (fax streaks across a text line made
  Tesseract drop the line): fax page 1 5.5 → 1.4 %, page 5 3.2 → 2.9 %.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

READ_DPI = 250  # every page is read at this resolution unless it is 140-250 dpi
UPSCALE_BELOW_DPI = 140  # measured: upscaling helps at 100-120 dpi, hurts at 150-200 dpi
MAX_SKEW_DEGREES = 5.0
SPECK_AREA_AT_300_DPI = 6  # pixels: fax specks are 1-5 px; the dot of an 'i' at 10 pt is ~60
# A prepared page whose ink breaks into more pieces than this per square inch is noise, not print. Measured
# after binarization: text pages 22-49 (pages of the real scans, the samples' office, fax, photo and stamped
# renders, 70-dpi letter photos), a portrait photo 47, landscapes 2-5, photos of noise 184-548, on which
# Tesseract took 10 s to over two minutes a page to read nothing.
MAX_INK_PIECES_PER_SQUARE_INCH = 120
# The median height of a page's letter-sized ink pieces (letters, letters fused with their marks), in inches, on
# body text: 0.090-0.100 in on the office samples (13 pt) drawn at 60, 75, 100, 150 and 300 dpi. Type from 9 to
# 18 pt moves it by less than INK_TRUST_RATIO, so the declared resolution is kept within that ratio.
BODY_TEXT_HEIGHT_IN = 0.093
INK_TRUST_RATIO = 1.6
MIN_LETTER_PIECES = 150  # fewer, and the page holds too little print to judge its resolution by
INK_JUDGED_WIDTH_PX = 1200  # a page wider than twice this is judged on every other pixel (or fewer)
# Print is letters in rows: the share of letter-sized pieces with another one beside them on their row (within
# two letter heights, baselines within a third of one) was 0.84-0.97 on text (13 pt letters drawn at 60-300 dpi,
# an office scan at 70, 100 and 300 dpi, turned by 4 degrees) and 0.00-0.12 on photos of noise, salt and
# pepper, a landscape and a portrait, whose piece heights say nothing about a resolution.
MIN_ROW_NEIGHBOURS = 0.5
# Lone dots of ink (no ink above, below or beside) cover 0.00-0.25 % of a 1-bit fax page thresholded from a
# clean print (84 pages of the fax and fax-random profiles, 23 renders of seeds and real letters at 100-200 dpi),
# 0.9-1.1 % of a low-contrast one thresholded under heavy noise (paper 200, ink 90, noise 35) and 8-18 % of a
# Floyd-Steinberg dithered one (34 pages): above MIN_LONE_DOT_SHARE the page is smoothed before anything else.
MIN_LONE_DOT_SHARE = 0.005
# Measured on 23 dithered pages (seeds and real letters, 100-200 dpi; CER of the page read whole): no smoothing
# 60.5 %, a Gaussian of 0.7 px 26.0 %, 0.85 px 7.8 %, 1.0 px 5.6 %, 1.2 px 10.4 %, 1.5 px 15.9 %; 1.0 px
# followed by a 3 x 3 median 10.7 %, by non-local means 6.9 %, thresholded at once at the middle of paper and
# ink 7.8 %; upscaled twice before smoothing 8.1 %.
DESCREEN_SIGMA_PX = 1.0
# Seal ink: OpenCV hues (0-179) up to SEAL_HUES[0] (red) or from SEAL_HUES[1] (violet, magenta, back to red),
# saturated at least SEAL_MIN_SATURATION of 255 (paper, grey ink and a photo's warm cast are far less). Measured
# with ``python -m bench.preprocess_steps seal`` and not kept: saturation 35 (scan-random seed 002 17.6 -> 2.4 %
# against 8.0 %, but photo-random seed 000 2.53 -> 2.60 %); lightening only pixels whose brightest channel is at
# least 128 (scan-random 8.65 -> 4.04 % against 4.74 %, but photo-random 1.25 -> 1.28 % against 1.20 %).
SEAL_HUES = (10, 125)
SEAL_MIN_SATURATION = 60
# The seal's ink in its brightest channel is divided by its median share of the paper's light (the paper: the page's
# median grey): 1.12-1.22 on the stamped profile's seals and the real letters' (a red seal passes ~80 % of the red
# light). Reddish pixels darker than that are no seal ink on paper (a phone photo's desk: 1.7) and keep their channel.
SEAL_MAX_GAIN = 1.35
ROW_SAMPLE = 800  # pieces whose neighbours are looked for (every k-th of the page's), against all of them


@dataclass(frozen=True)
class Sizing:
    """How a page was sized for reading, the decision kept with the page (``Page.ink_dpi``, ``Page.print_dpi``)."""

    declared_dpi: float  # what the file says
    ink_dpi: float | None  # what the letters say; None when the ink does not line up into rows of letters
    print_dpi: float  # what the page is sized by: the declared resolution unless the ink is far from it
    read_dpi: float  # what the page is read at (``reading_dpi`` of ``print_dpi``)
    descreened: bool = False  # a dithered page (``is_dotted``) smoothed back to greys by ``descreen``


def ink_dpi(gray: np.ndarray) -> float | None:
    """The resolution the page's print is at, judged from its ink rather than from what the file says: the
    median height of the pieces of ink the size of letters, over BODY_TEXT_HEIGHT_IN. None on a page with too
    few such pieces (a blank page) or whose pieces do not line up into rows (``in_rows``: noise, a photo), where
    their height is no letter's. A large page is judged on every ``step``-th pixel (a fourth of the work at
    300 dpi: it took 0.24 s a page whole), small letters on all of them."""
    step = max(gray.shape[1] // INK_JUDGED_WIDTH_PX, 1)
    _, ink = cv2.threshold(gray[::step, ::step], 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _n, _labels, stats = _components(ink)
    pieces = stats[1:]
    heights, widths = pieces[:, cv2.CC_STAT_HEIGHT], pieces[:, cv2.CC_STAT_WIDTH]
    letters = pieces[(heights >= 3) & (widths <= 3 * heights) & (heights <= ink.shape[0] / 20)]
    if len(letters) < MIN_LETTER_PIECES:
        return None
    height = float(np.median(letters[:, cv2.CC_STAT_HEIGHT]))
    if not in_rows(letters, height):
        return None
    return height * step / BODY_TEXT_HEIGHT_IN


def in_rows(letters: np.ndarray, height: float) -> bool:
    """True when the pieces of the letters' ``height`` (component stats rows) stand in rows like print: most
    have another beside them, on the same baseline within a third of a letter, at most two letters away.
    Scattered pieces (noise, the texture of a photo) have as many above and below as beside: a few percent."""
    heights = letters[:, cv2.CC_STAT_HEIGHT]
    typical = letters[(heights >= 0.7 * height) & (heights <= 1.5 * height)]
    centre = (typical[:, cv2.CC_STAT_LEFT] + typical[:, cv2.CC_STAT_WIDTH] / 2).astype(np.float32)
    baseline = (typical[:, cv2.CC_STAT_TOP] + typical[:, cv2.CC_STAT_HEIGHT]).astype(np.float32)
    sample = np.arange(0, len(typical), max(len(typical) // ROW_SAMPLE, 1))
    beside = np.zeros(len(sample), bool)
    for chunk in np.array_split(np.arange(len(sample)), max(len(sample) // 64, 1)):
        dx = np.abs(centre[sample[chunk], None] - centre[None, :])
        dy = np.abs(baseline[sample[chunk], None] - baseline[None, :])
        beside[chunk] = ((dx > 0.2 * height) & (dx < 2 * height) & (dy < height / 3)).any(axis=1)
    return len(sample) > 0 and float(beside.mean()) >= MIN_ROW_NEIGHBOURS


def print_dpi(gray: np.ndarray, dpi: float) -> tuple[float, float | None]:
    """The resolution to size the page by, and what its ink says (``ink_dpi``): the declared one, unless the ink
    says it is off by more than any type size explains (INK_TRUST_RATIO): a phone photo declaring 72 dpi, a
    70-dpi picture in a PDF page claiming 300."""
    ink = ink_dpi(gray)
    if ink is None or 1 / INK_TRUST_RATIO <= ink / dpi <= INK_TRUST_RATIO:
        return dpi, ink
    return ink, ink


def reading_dpi(width: int, height: int, dpi: float, max_pixels: int) -> float:
    """The resolution a page is read at: READ_DPI when it is coarser than 140 dpi or finer than READ_DPI, its
    own otherwise, and never more than ``max_pixels`` whatever its size says (a 200 x 200-inch page
    upscaled to 250 dpi would be 2.5 gigapixels)."""
    wanted = READ_DPI if dpi < UPSCALE_BELOW_DPI or dpi > READ_DPI else dpi
    return min(wanted, dpi * (max_pixels / max(width * height, 1)) ** 0.5)


def resample(image: Image.Image, dpi: float, max_pixels: int, judge_ink: bool = False) -> tuple[np.ndarray, Sizing]:
    """The page grey at the resolution it is read at (``reading_dpi`` of the declared resolution or, with
    ``judge_ink``, of ``print_dpi``), and how it was sized: every later step sizes its work by the print's
    ``read_dpi`` (the page's own inches follow from the pixels: ``image.width`` became ``gray.shape[1]``)."""
    gray = np.asarray(image if image.mode == "L" else image.convert("L"))
    if image.mode == "RGB":
        gray = without_seal_ink(np.asarray(image), gray)
    dotted = is_dotted(gray)
    if dotted:
        gray = descreen(gray)
    judged, ink = print_dpi(gray, dpi) if judge_ink else (dpi, None)
    read_at = reading_dpi(gray.shape[1], gray.shape[0], judged, max_pixels)
    scale = read_at / judged
    if scale != 1:
        size = (max(round(gray.shape[1] * scale), 1), max(round(gray.shape[0] * scale), 1))
        gray = cv2.resize(gray, size, interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
    return gray, Sizing(declared_dpi=dpi, ink_dpi=ink, print_dpi=judged, read_dpi=read_at, descreened=dotted)


def without_seal_ink(rgb: np.ndarray, gray: np.ndarray) -> np.ndarray:
    """The page's grey with the ink of red and violet seals lightened to its brightest channel, brought up to the
    paper: a seal is light in its own colour's channel, so what stays dark under it is the black text it was
    pressed over. Tesseract read the seal's ring and legend between the words it covered, interleaving a page's
    lines word by word. Even in its own channel the seal's ink is darker than the paper (on a real letter at
    100 dpi: a median of 204 against 237, a twentieth of it under 156), and that grey ring, upscaled and
    thresholded, still cut lines into columns; so the channel is divided by the seal's own share of the paper's
    light (SEAL_MAX_GAIN), which puts the seal at the paper and leaves black text under it dark."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    hue, saturation, brightest = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    seal = (saturation >= SEAL_MIN_SATURATION) & ((hue <= SEAL_HUES[0]) | (hue >= SEAL_HUES[1]))
    if not seal.any():
        return gray
    gain = float(np.median(gray)) / max(float(np.median(brightest[seal])), 1.0)
    if not 1 < gain <= SEAL_MAX_GAIN:  # darker than seal ink can be: a red desk around a phone photo, a warm cast
        return np.where(seal, brightest, gray)
    return np.where(seal, cv2.convertScaleAbs(brightest, alpha=gain), gray)  # saturates at 255


def is_bilevel(image: Image.Image) -> bool:
    """True for a black-and-white page (a fax): one bit per pixel, or only black and white in a grey picture."""
    if image.mode == "1":
        return True
    if image.mode != "L":
        return False
    gray = np.asarray(image)
    return not np.count_nonzero((gray > 0) & (gray < 255))


def is_dotted(gray: np.ndarray) -> bool:
    """True for a black-and-white page strewn with lone dots of ink (no ink above, below or beside them) over
    more than MIN_LONE_DOT_SHARE of its area: greys dithered into a dot screen, or a fax's noise thresholded
    into specks. Otsu, the ink's rows and Tesseract see dots there, not letters."""
    if np.count_nonzero((gray > 0) & (gray < 255)):
        return False  # grey levels: a scan or a photo, not a page of dots
    ink = gray < 128
    padded = np.pad(ink, 1)
    neighbour = padded[:-2, 1:-1] | padded[2:, 1:-1] | padded[1:-1, :-2] | padded[1:-1, 2:]
    return bool(np.count_nonzero(ink & ~neighbour) >= MIN_LONE_DOT_SHARE * ink.size)


def descreen(gray: np.ndarray) -> np.ndarray:
    """The greys the dots stand for, back (inverse halftoning): a Gaussian of DESCREEN_SIGMA_PX over the
    page's own pixels (dithering spreads each pixel's error to its neighbours, whatever the resolution).
    Every later step then sees grey letters on grey paper, as on a scan."""
    return cv2.GaussianBlur(gray, (0, 0), DESCREEN_SIGMA_PX)


@dataclass(frozen=True)
class Ring:
    """A seal's outer ring on the page: centre and radius in the page's pixels."""

    x: float
    y: float
    radius: float


@cache
def _tuned(name: str) -> dict:
    """The tuned values of one step (``data/<name>.json``), without their comments."""
    data = json.loads((Path(__file__).parent / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def seal_rings(gray: np.ndarray, dpi: float) -> list[Ring]:
    """The round seals on a flattened grey page, found by their shape: circles of a seal's size (Hough, on the
    page shrunk to ``work_dpi``), each kept only when it is a ring, i.e. dark along most of its circumference
    where print is not (a circle through text lines crosses ink at a few of its angles: the median over the
    angles is paper). Colour cannot tell a seal from ink on a fax or a grey scan; its shape can."""
    rules = _tuned("seal_rings")
    scale = rules["work_dpi"] / dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    scale = min(scale, 1.0)
    px_per_mm = dpi * scale / 25.4
    low, high = (round(d / 2 * px_per_mm) for d in rules["diameter_mm"])
    found = cv2.HoughCircles(
        cv2.GaussianBlur(small, (0, 0), 1),
        cv2.HOUGH_GRADIENT_ALT,
        dp=1.5,
        minDist=low,
        param1=rules["hough_gradient_threshold"],
        param2=rules["hough_roundness"],
        minRadius=low,
        maxRadius=high,
    )
    if found is None:
        return []
    darkness = 255 - small.astype(np.float32)
    angles = np.deg2rad(np.arange(360))
    search = range(-rules["centre_search_px"], rules["centre_search_px"] + 1)
    rings = []
    for x, y, r in found[0]:
        best: tuple[float, Ring] | None = None
        for cx, cy in ((x + dx, y + dy) for dx in search for dy in search):
            on_page = _inside(cx + r * np.cos(angles), cy + r * np.sin(angles), small.shape)
            if on_page.mean() < rules["min_share_on_page"]:
                continue
            reach = int(r * 1.25) + 2
            polar = cv2.warpPolar(darkness, (reach, 360), (float(cx), float(cy)), reach, cv2.WARP_POLAR_LINEAR)
            profile = np.median(polar[on_page], axis=0)  # darkness at each radius, over the angles on the page
            lo, hi = int(0.8 * r), min(int(1.2 * r) + 1, reach)
            radius = int(np.argmax(profile[lo:hi])) + lo
            contrast = float(profile[radius] - np.median(profile))
            if best is None or contrast > best[0]:
                best = (contrast, Ring(cx / scale, cy / scale, radius / scale))
        if best is not None and best[0] >= rules["min_ring_contrast"]:
            rings.append(best[1])
    return rings


def _inside(xs: np.ndarray, ys: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    return (xs >= 0) & (xs < shape[1]) & (ys >= 0) & (ys < shape[0])


def _around(page: np.ndarray, ring: Ring, reach: float) -> tuple[np.ndarray, np.ndarray]:
    """The square of ``page`` within ``reach`` of the ring's centre (a view: writing to it writes the page), and each
    of its pixels' distance from that centre."""
    x0, y0 = int(max(ring.x - reach, 0)), int(max(ring.y - reach, 0))
    x1, y1 = int(min(ring.x + reach + 1, page.shape[1])), int(min(ring.y + reach + 1, page.shape[0]))
    ys, xs = np.mgrid[y0:y1, x0:x1]
    return page[y0:y1, x0:x1], np.hypot(xs - ring.x, ys - ring.y)


def without_seal_rings(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The flattened page with the ink of each seal found by ``seal_rings`` whitened inside its disc: the pixels
    lighter than the seal's own ink, so that print under the seal, darker than it, stays. Tesseract took a grey
    seal over body text for a picture and dropped the lines beside it (fax-random seed 001 p1: nine lines).
    A seal as dark as print (a thresholded fax) is left alone: no grey level tells them apart. Applied to faxes
    only (``is_bilevel``): on grey scans it read drawn seals better (27 pages 8.14 -> 3.09 % CER) but a real letter's
    dark emblem seal, half whitened, was read as junk (``05`` at 200 dpi p2 2.69 -> 7.73 %); grey pages have
    ``without_grey_seals``."""
    rings = seal_rings(gray, dpi)
    if not rings:
        return gray
    rules = _tuned("seal_rings")
    half = rules["ring_half_width_mm"] * dpi / 25.4
    out = gray.copy()
    for ring in rings:
        reach = ring.radius + half
        region, distance = _around(out, ring, reach)
        disc = distance <= reach
        print_split, paper_split = three_class_otsu(region[disc])
        ring_ink = region[(np.abs(distance - ring.radius) <= half) & (region <= paper_split)]
        seal_ink = float(np.median(ring_ink)) if len(ring_ink) else 0.0
        if seal_ink <= rules["darkest_seal_ink"]:
            continue
        lighter_than = print_split if seal_ink > print_split else rules["seal_ink_floor"]
        region[disc & (region > lighter_than)] = 255
    return out


def without_grey_seals(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The flattened grey page with each seal ``seal_rings`` finds whitened: its ring, and inside it every pixel
    lighter than ``grey_seal_share`` of the ring's own ink. A red seal scanned in grey is a mid grey (74-100 on the
    development scans at 100-300 dpi) where black print is near 0, so print under it stays; left there, Tesseract
    dropped the signer's title and name it covers."""
    rings = seal_rings(gray, dpi)
    if not rings:
        return gray
    rules = _tuned("seal_rings")
    half = rules["ring_half_width_mm"] * dpi / 25.4
    out = gray.copy()
    for ring in rings:
        reach = ring.radius + rules["grey_ring_widths"] * half
        region, distance = _around(out, ring, reach)
        on_ring = np.abs(distance - ring.radius) <= half
        ring_ink = region[on_ring & (region < 255)]
        seal_ink = float(np.median(ring_ink)) if len(ring_ink) else 0.0
        region[(distance <= reach) & (region > rules["grey_seal_share"] * seal_ink)] = 255
        region[np.abs(distance - ring.radius) <= rules["grey_ring_widths"] * half] = 255
    return out


def three_class_otsu(values: np.ndarray) -> tuple[int, int]:
    """The two grey levels splitting ``values`` into three classes (print, seal, paper) with the largest
    variance between them (Otsu's criterion for three classes, over the 256-level histogram)."""
    p = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    p /= max(p.sum(), 1)
    weight, mass = np.cumsum(p), np.cumsum(p * np.arange(256))
    best, split = -1.0, (0, 0)
    for t1 in range(1, 254):
        t2 = np.arange(t1 + 1, 255)
        w0, w1, w2 = weight[t1], weight[t2] - weight[t1], 1 - weight[t2]
        m0, m1, m2 = mass[t1], mass[t2] - mass[t1], mass[-1] - mass[t2]
        with np.errstate(divide="ignore", invalid="ignore"):
            between = np.nan_to_num(m0**2 / w0 + m1**2 / w1 + m2**2 / w2, nan=-1.0, posinf=-1.0)
        k = int(np.argmax(between))
        if between[k] > best:
            best, split = float(between[k]), (t1, int(t2[k]))
    return split


def preprocess(image: Image.Image, dpi: float, max_pixels: int) -> tuple[np.ndarray, Sizing]:
    """Grey at its reading resolution, background-flattened, despeckled and deskewed (word boxes are
    therefore in the deskewed page's frame), and how it was sized."""
    gray, sizing = resample(image, dpi, max_pixels, judge_ink=True)
    gray = flatten_illumination(gray)
    if is_bilevel(image):
        gray = without_seal_rings(gray, sizing.read_dpi)
    elif image.mode == "L":
        gray = without_grey_seals(gray, sizing.read_dpi)
    gray = despeckle(gray, sizing.read_dpi)
    if sizing.descreened:
        gray = without_lone_specks(gray, sizing.read_dpi)
    gray = deskew(gray)
    return gray, sizing


def binarize(gray: np.ndarray, dpi: float) -> Image.Image:
    """One global Otsu threshold on the flattened page, as a 1-bit image: Tesseract reads a bilevel
    300-dpi page ~0.35 s faster than the grey one (measured, 2.3 → 2.0 s), at a small cost in
    accuracy once illumination is flat (office 0.21 → 0.31 %, photo
    0.40 → 0.63 %, fax 1.70 → 1.78 %; an adaptive threshold was far worse: photo 8.6 %).

    A page of a few lines on grainy paper (a signature page faxed) gives Otsu two greys of paper to
    split, and the grain comes out as ink (``looks_like_noise``: the page was then read as empty); the
    threshold is then taken on the page smoothed over 3 × 3 pixels, where the grain averages out and
    the strokes do not (a faxed signature page: 297 pieces of ink per square inch and no word → 64
    words, lowdoc17's prints tn-329d and tn-de1e)."""
    _, paper = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    image = Image.fromarray(paper > 0)  # a boolean array becomes a 1-bit image
    if looks_like_noise(image, dpi):
        threshold, _ = cv2.threshold(cv2.GaussianBlur(gray, (3, 3), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        image = Image.fromarray(gray > threshold)
    return image


def looks_like_noise(binary: Image.Image, dpi: float) -> bool:
    """True when the binarized page's ink is in more pieces per square inch than any print
    (MAX_INK_PIECES_PER_SQUARE_INCH): it is not handed to Tesseract."""
    ink = np.logical_not(np.asarray(binary)).astype(np.uint8)
    pieces = cv2.connectedComponents(ink, connectivity=8)[0] - 1
    return pieces > MAX_INK_PIECES_PER_SQUARE_INCH * ink.shape[0] * ink.shape[1] / dpi / dpi


def despeckle(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Whiten specks of ink far smaller than any diacritic (fax and photocopy noise), which
    Tesseract otherwise reads as tone marks: 'i' → 'ì', 'ê' → 'ề'."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _n, labels, stats = _components(ink)
    max_speck = SPECK_AREA_AT_300_DPI * (dpi / 300) ** 2
    specks = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] <= max_speck)
    specks = specks[specks > 0]
    if not len(specks):
        return gray
    out = gray.copy()
    out[np.isin(labels, specks)] = 255
    return out


def without_lone_specks(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Whiten the specks a descreened page keeps where the fax dithered its paper's noise: pieces of ink no
    larger than a tone mark (``max_size_letters`` of a letter's height) with no larger piece within
    ``min_gap_letters`` letter heights (values in ``data/lone_specks.json``). Their size is a tone mark's, so
    ``despeckle`` keeps them, and Tesseract read them as marks on the letters near them; a mark sits on its letter,
    these stand apart. fax-random (first 3 pages of each seed) 6.19 -> 5.52 %, 23 dithered renders at 100 dpi 6.75 ->
    6.37 % CER (``docs/benchmarks.md``, fax4)."""
    rules = _tuned("lone_specks")
    letter = BODY_TEXT_HEIGHT_IN * dpi
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _n, labels, stats = _components(ink)
    speck = stats[:, cv2.CC_STAT_AREA] <= (rules["max_size_letters"] * letter) ** 2
    speck[0] = False  # the paper
    gap = max(round(rules["min_gap_letters"] * letter), 1)
    larger = ((labels > 0) & ~speck[labels]).astype(np.uint8)
    near_larger = cv2.dilate(larger, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * gap + 1, 2 * gap + 1))) > 0
    lone = np.setdiff1d(np.flatnonzero(speck), labels[near_larger & speck[labels]])
    if not len(lone):
        return gray
    out = gray.copy()
    out[np.isin(labels, lone)] = 255
    return out


def _components(ink: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """Connected components of the ink with their stats; 16-bit labels take half the time of
    32-bit ones on a page of text (a few thousand components), 32-bit when a noisy page has more."""
    try:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return n, labels, stats


def flatten_illumination(gray: np.ndarray) -> np.ndarray:
    """Divide by the page background (a closing larger than any stroke) so shadows and yellowed
    paper become white while the ink keeps its contrast."""
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    background = cv2.medianBlur(background, 5)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(background, 1), scale=255)


def skew_angle(gray: np.ndarray) -> float:
    """The rotation (degrees) that makes text lines horizontal: the angle whose horizontal
    projection of ink is the most peaked, searched coarse then fine (ink pixels of an 800-px
    thumbnail projected, not the picture rotated: 3 x faster)."""
    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    h, w = ink.shape
    xs, ys = xs - w / 2, ys - h / 2

    def sharpness(angle: float) -> float:
        """Variance of the ink's horizontal projection after rotating by ``angle``: highest when text lines run
        level."""
        theta = np.deg2rad(angle)
        rows = np.round(ys * np.cos(theta) - xs * np.sin(theta) + h / 2).astype(np.int64)
        return float(np.var(np.bincount(rows[(rows >= 0) & (rows < h)], minlength=h)))

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5), key=sharpness)
    return float(max(np.arange(best - 0.5, best + 0.51, 0.1), key=sharpness))


def deskew(gray: np.ndarray) -> np.ndarray:
    """The page rotated so its text lines are horizontal; a skew under 0.15° is left alone, where rotating would
    only resample (soften) the strokes."""
    angle = skew_angle(gray)
    if abs(angle) < 0.15:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)
