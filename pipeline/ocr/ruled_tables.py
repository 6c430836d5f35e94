"""Ruled tables on a page image: find the grid, then read it cell by cell.

Whole-page OCR of a ruled table reads across the rulings and mixes neighbouring cells
(0 of 975 cells right on seed 000's appendix); reading each cell on its own gets
89-99 %. Starting one Tesseract per cell would cost ~0.1 s x 1000 cells, so the cells
are cut out and stacked into tall "mosaic" images, one cell per band with white space
between; each word goes back to the cell whose band holds it. Cells read with low confidence
are read again alone, as single lines (in a mosaic a lone digit is sometimes taken for
letters). A page's mosaics go to Tesseract in one run and its re-read cells in a second one
(a list of images: the model loads once, not once per cell). On the appendix rendered as two
300-dpi landscape pages (merged header cells included) this got 898-899 of 900 cells right;
a whole page of seed 000's office-scan appendix now takes 1.7-1.8 s, its cells 1.3-1.5 s of
it (bare Tesseract: 1.7 s to misread the page).
Mosaics stay grey: binarized, they read 8 % faster but worse (fax appendix pages 8.0 → 10.4 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from pipeline.ocr.tesseract import TesseractWord, recognize_images
from pipeline.text import correct_ocr_line
from schemas.document import Table, TableCell

INK_WINDOW_INCHES = 31 / 300  # the adaptive threshold's window, chosen on 300-dpi scans
EDGE_BAND_INCHES = 0.3
MIN_RULE_INCHES = 0.2  # a ruling is at least this long (longer than any letter stroke)
MIN_TABLE_INCHES = 0.6  # smaller ruled boxes are stamps, checkboxes or underlines
STREAK_INCHES = 0.3  # no letter has a straight stroke this long (an em dash at 14 pt is 0.2 in)
MOSAIC_GAP_PX = 40  # white space between stacked cells: Tesseract sees separate lines
MOSAIC_MAX_HEIGHT_PX = 8000
# A cell read with less confidence is read again on its own ('3' read as 'K)' in a mosaic).
RETRY_BELOW_CONFIDENCE = 60


@dataclass
class Grid:
    """A ruled table found on a page image: ruling positions in pixels, and which cells merge."""

    top: int
    left: int
    bottom: int
    right: int
    rows: list[int]  # y of each horizontal ruling, top to bottom
    cols: list[int]  # x of each vertical ruling, left to right
    cells: list[tuple[int, int, int, int]] = field(default_factory=list)  # row, col, row_span, col_span


@dataclass
class CellWord:
    """One OCR'd word of a table cell, its box already in PDF points of the page."""

    text: str
    bbox: tuple[float, float, float, float]  # PDF points
    confidence: float


@dataclass
class ReadTable:
    """A table and the OCR words of each cell (the cell's text is its words joined by spaces)."""

    table: Table
    words: dict[tuple[int, int], list[CellWord]]


def ink_mask(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Dark pixels as 255: adaptive threshold over a ~2.6 mm window (the same paper whatever the
    resolution), so that grey rulings on uneven paper still count."""
    window = int(INK_WINDOW_INCHES * dpi) | 1
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, window, 15)


@dataclass
class Strokes:
    """A page's ink and its straight strokes longer than any letter stroke, found once per page
    and shared by table finding, table reading and streak removal."""

    dpi: float
    ink: np.ndarray  # dark pixels as 255
    horizontal: np.ndarray  # horizontal strokes of at least MIN_RULE_INCHES, as 255
    vertical: np.ndarray


def page_strokes(gray: np.ndarray, dpi: float) -> Strokes:
    """The page's ink (adaptive threshold) and its strokes of at least MIN_RULE_INCHES."""
    ink = ink_mask(gray, dpi)
    length = max(int(MIN_RULE_INCHES * dpi), 15)
    return Strokes(dpi, ink, _open_along(ink, length, horizontal=True), _open_along(ink, length, horizontal=False))


def _open_along(mask: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    """The runs of ``mask`` at least ``length`` pixels long in one direction."""
    shape = (length, 1) if horizontal else (1, length)
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))


def _rulings(strokes: Strokes) -> tuple[np.ndarray, np.ndarray]:
    """The strokes thickened a little: scanning noise leaves gaps and ragged edges along a ruling."""
    kernel = np.ones((3, 3), np.uint8)
    return cv2.dilate(strokes.horizontal, kernel), cv2.dilate(strokes.vertical, kernel)


def find_ruled_tables(strokes: Strokes) -> list[Grid]:
    """Every ruled table on the page: long horizontal and vertical strokes that cross."""
    dpi = strokes.dpi
    # The edge of the sheet in a phone photo (paper against a dark desk) draws long straight lines
    # that would frame the whole page as one table; no table is printed that close to the edge.
    band = int(EDGE_BAND_INCHES * dpi)
    if not strokes.vertical[band:-band, band:-band].any():  # a page of text: no ruling crosses a line
        return []
    horizontal, vertical = _rulings(strokes)
    for mask in (horizontal, vertical):
        mask[:band], mask[-band:], mask[:, :band], mask[:, -band:] = 0, 0, 0, 0
    grids = []
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_or(horizontal, vertical))
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < MIN_TABLE_INCHES * dpi or h < MIN_TABLE_INCHES * dpi / 3:
            continue
        grid = _grid_in(horizontal[y : y + h, x : x + w], vertical[y : y + h, x : x + w], x, y)
        if grid is not None:
            grids.append(grid)
    return _without_overlaps(grids)


def _area(top: int, left: int, bottom: int, right: int) -> int:
    return max(bottom - top, 0) * max(right - left, 0)


def _without_overlaps(grids: list[Grid]) -> list[Grid]:
    """One grid per table: a phone photo's dark border can come apart from the table's own rulings
    and be found as a second grid over the same cells, whose text would then be read twice. A grid
    lying mostly inside a larger one is dropped."""
    kept: list[Grid] = []
    for grid in sorted(grids, key=lambda g: -_area(g.top, g.left, g.bottom, g.right)):
        inside = any(
            _area(max(grid.top, k.top), max(grid.left, k.left), min(grid.bottom, k.bottom), min(grid.right, k.right))
            > 0.5 * _area(grid.top, grid.left, grid.bottom, grid.right)
            for k in kept
        )
        if not inside:
            kept.append(grid)
    return sorted(kept, key=lambda g: (g.top, g.left))


def _ruling_positions(profile: np.ndarray, minimum: float) -> list[int]:
    """Centres of the runs where the projection profile of a ruling mask is at least ``minimum``."""
    positions, start = [], None
    for i, value in enumerate([*list(profile), 0]):
        if value >= minimum and start is None:
            start = i
        elif value < minimum and start is not None:
            positions.append((start + i - 1) // 2)
            start = None
    return positions


def _grid_in(horizontal: np.ndarray, vertical: np.ndarray, x0: int, y0: int) -> Grid | None:
    h, w = horizontal.shape
    rows = _ruling_positions((horizontal > 0).sum(axis=1), 0.08 * w)
    cols = _ruling_positions((vertical > 0).sum(axis=0), 0.08 * h)
    if len(rows) < 2 or len(cols) < 2 or (len(rows) - 1) * (len(cols) - 1) < 2:
        return None

    def has_vertical(x: int, ya: int, yb: int) -> bool:
        """True when a vertical ruling runs at ``x`` along most (60%) of the rows ``ya``..``yb``; without one the two
        cells beside it merge."""
        band = vertical[ya + 3 : yb - 2, max(x - 4, 0) : x + 5]
        return band.size > 0 and (band.max(axis=1) > 0).mean() > 0.6

    def has_horizontal(y: int, xa: int, xb: int) -> bool:
        """True when a horizontal ruling runs at ``y`` along most (60%) of the columns ``xa``..``xb``; without one
        the two cells above and below it merge."""
        band = horizontal[max(y - 4, 0) : y + 5, xa + 3 : xb - 2]
        return band.size > 0 and (band.max(axis=0) > 0).mean() > 0.6

    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        """The representative grid cell of cell ``i``'s merged group (union-find with path halving)."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not has_vertical(cols[c + 1], rows[r], rows[r + 1]):
                parent[find(r * n_cols + c + 1)] = find(r * n_cols + c)
            if r + 1 < n_rows and not has_horizontal(rows[r + 1], cols[c], cols[c + 1]):
                parent[find((r + 1) * n_cols + c)] = find(r * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, c0 = min(m[0] for m in members), min(m[1] for m in members)
        r1, c1 = max(m[0] for m in members), max(m[1] for m in members)
        if len(members) == (r1 - r0 + 1) * (c1 - c0 + 1):
            cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
        else:  # broken rulings (noise, fax streaks) gave a non-rectangular cell: keep the grid cells
            cells.extend((r, c, 1, 1) for r, c in members)
    cells.sort()
    return Grid(
        top=y0 + rows[0],
        left=x0 + cols[0],
        bottom=y0 + rows[-1],
        right=x0 + cols[-1],
        rows=[y0 + y for y in rows],
        cols=[x0 + x for x in cols],
        cells=cells,
    )


def blank_out(gray: np.ndarray, grids: list[Grid], strokes: Strokes) -> np.ndarray:
    """The page for the running-text OCR: tables painted white, and every stroke longer than
    STREAK_INCHES left outside them (underlines, page borders, the streaks a fax machine draws
    across a line of text, which make Tesseract drop that line) whitened too."""
    out = gray.copy()
    for g in grids:
        out[max(g.top - 6, 0) : g.bottom + 7, max(g.left - 6, 0) : g.right + 7] = 255
    # Opening the strokes already longer than MIN_RULE_INCHES by a longer segment keeps exactly the
    # ink runs longer than that segment: no second pass over the page's ink. The opening is
    # one-dimensional, so only the few rows (columns) holding a stroke are opened.
    length = int(STREAK_INCHES * strokes.dpi)
    for lines, page in ((strokes.horizontal, out), (strokes.vertical.T, out.T)):
        holding = np.flatnonzero(lines.max(axis=1))
        if len(holding):
            streaks = _open_along(np.ascontiguousarray(lines[holding]), length, horizontal=True)
            page[holding] = np.maximum(page[holding], streaks)  # white (255) wherever a streak is
    return out


@dataclass
class CellCrop:
    """The inked part of one table cell, cut out of the page."""

    table: int  # index of the table on the page
    row: int
    col: int
    left: int  # page pixels of the crop's top-left corner
    top: int
    image: np.ndarray

    @property
    def key(self) -> tuple[int, int, int]:
        """(table, row, col): the key the cell's OCR words are filed under."""
        return self.table, self.row, self.col


def read_tables(gray: np.ndarray, grids: list[Grid], strokes: Strokes, page: int, to_points: float) -> list[ReadTable]:
    """OCR every non-blank cell of the page's tables through cell mosaics; blank cells stay blank."""
    if not grids:
        return []
    horizontal, vertical = _rulings(strokes)
    rulings = cv2.bitwise_or(horizontal, vertical) > 0
    # Rulings that stray into a cell (a slightly curved scan) must not be read as '|' or '_'.
    gray = np.where(rulings, 255, gray).astype(np.uint8)
    ink = np.where(rulings, 0, strokes.ink).astype(np.uint8)
    crops = [crop for index, grid in enumerate(grids) for crop in _cell_crops(gray, ink, grid, index)]
    words = _read_crops(crops, to_points)
    return [
        _table(grid, page, to_points, {(r, c): w for (t, r, c), w in words.items() if t == index})
        for index, grid in enumerate(grids)
    ]


def _cell_crops(gray: np.ndarray, ink: np.ndarray, grid: Grid, index: int) -> list[CellCrop]:
    crops = []
    for row, col, row_span, col_span in grid.cells:
        x0, x1 = grid.cols[col] + 6, grid.cols[col + col_span] - 5
        y0, y1 = grid.rows[row] + 6, grid.rows[row + row_span] - 5
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        ys, xs = np.nonzero(ink[y0:y1, x0:x1])
        if len(xs) < 12:
            continue
        tx0, tx1 = max(xs.min() - 8, 0), min(xs.max() + 9, x1 - x0)
        ty0, ty1 = max(ys.min() - 8, 0), min(ys.max() + 9, y1 - y0)
        crops.append(CellCrop(index, row, col, x0 + tx0, y0 + ty0, gray[y0 + ty0 : y0 + ty1, x0 + tx0 : x0 + tx1]))
    return crops


def _read_crops(crops: list[CellCrop], to_points: float) -> dict[tuple[int, int, int], list[CellWord]]:
    """All cells in mosaics read by one Tesseract run; then the cells read with low confidence
    again one by one, as single lines, in a second run."""
    mosaics = [_Mosaic(batch) for batch in _batches(crops)]
    words: dict[tuple[int, int, int], list[CellWord]] = {}
    for mosaic, found in zip(mosaics, recognize_images([m.image for m in mosaics], psm=6)):
        words.update(mosaic.cell_words(found, to_points))
    doubtful = [crop for crop in crops if _doubtful(words.get(crop.key, []))]
    alone = [_Mosaic([crop]) for crop in doubtful]
    for crop, mosaic, found in zip(doubtful, alone, recognize_images([m.image for m in alone], psm=7)):
        again = mosaic.cell_words(found, to_points).get(crop.key, [])
        if _mean_confidence(again) > _mean_confidence(words.get(crop.key, [])):
            words[crop.key] = again
    return words


def _table(grid: Grid, page: int, to_points: float, words: dict[tuple[int, int], list[CellWord]]) -> ReadTable:
    cells = []
    for row, col, row_span, col_span in grid.cells:
        cell_words = words.get((row, col), [])
        confidences = [w.confidence for w in cell_words]
        box = (
            grid.cols[col] * to_points,
            grid.rows[row] * to_points,
            grid.cols[col + col_span] * to_points,
            grid.rows[row + row_span] * to_points,
        )
        cells.append(
            TableCell(
                row=row,
                col=col,
                row_span=row_span,
                col_span=col_span,
                bbox=box,
                text=" ".join(w.text for w in cell_words),
                confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
            )
        )
    table = Table(
        page=page,
        n_rows=len(grid.rows) - 1,
        n_cols=len(grid.cols) - 1,
        cells=cells,
        bbox=(grid.left * to_points, grid.top * to_points, grid.right * to_points, grid.bottom * to_points),
    )
    return ReadTable(table=table, words=words)


def _batches(crops: list[CellCrop]) -> list[list[CellCrop]]:
    batches: list[list[CellCrop]] = []
    current: list[CellCrop] = []
    height = 0
    for crop in crops:
        h = crop.image.shape[0] + MOSAIC_GAP_PX
        if current and height + h > MOSAIC_MAX_HEIGHT_PX:
            batches.append(current)
            current, height = [], 0
        current.append(crop)
        height += h
    if current:
        batches.append(current)
    return batches


def _doubtful(words: list[CellWord]) -> bool:
    return not words or min(w.confidence for w in words) < RETRY_BELOW_CONFIDENCE


def _mean_confidence(words: list[CellWord]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else -1.0


class _Mosaic:
    """Cell images stacked one above the other with white space between, read as one image;
    each word read goes back to the cell whose band holds it."""

    def __init__(self, crops: list[CellCrop]):
        width = max(c.image.shape[1] for c in crops) + 2 * MOSAIC_GAP_PX
        height = sum(c.image.shape[0] + MOSAIC_GAP_PX for c in crops) + MOSAIC_GAP_PX
        mosaic = np.full((height, width), 255, dtype=np.uint8)
        self.bands = []  # (y_start, y_end, crop)
        y = MOSAIC_GAP_PX
        for crop in crops:
            h, w = crop.image.shape
            mosaic[y : y + h, MOSAIC_GAP_PX : MOSAIC_GAP_PX + w] = crop.image
            self.bands.append((y, y + h, crop))
            y += h + MOSAIC_GAP_PX
        self.image = Image.fromarray(mosaic)

    def cell_words(self, words: list[TesseractWord], to_points: float) -> dict[tuple[int, int, int], list[CellWord]]:
        """The words read in the mosaic, by cell, normalized and repaired, boxed in page points."""
        found: dict[tuple[int, int, int], list[tuple[TesseractWord, CellCrop, int]]] = {}
        for word in words:
            centre = word.top + word.height / 2
            for y0, y1, crop in self.bands:
                if y0 - MOSAIC_GAP_PX / 2 <= centre < y1 + MOSAIC_GAP_PX / 2:
                    found.setdefault(crop.key, []).append((word, crop, y0))
                    break
        result = {}
        for key, items in found.items():
            texts = correct_ocr_line([w.text for w, _, _ in items])
            result[key] = [
                CellWord(
                    text=t,
                    confidence=w.confidence,
                    bbox=(
                        (w.left - MOSAIC_GAP_PX + crop.left) * to_points,
                        (w.top - y0 + crop.top) * to_points,
                        (w.left + w.width - MOSAIC_GAP_PX + crop.left) * to_points,
                        (w.top + w.height - y0 + crop.top) * to_points,
                    ),
                )
                for t, (w, crop, y0) in zip(texts, items)
                if t
            ]
        return result
