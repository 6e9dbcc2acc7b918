"""A PDF with a text layer (ours, or exported by Word, WPS or LibreOffice) to blocks.

PDFium (pypdfium2) gives every character with its box and every drawn rule, about thirty
times faster than a pure-Python parser; pdfplumber's table geometry turns the rules into cell
boxes. Table text is taken by cell position (text order interleaves neighbouring cells); the
other characters are set into lines and the lines into paragraphs by indent, line end and line
spacing. A table running over a page break stays two grids: recognition joins them by position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from report.readers.labels import enumerator
from report.readers.source import Block, Grid, GridCell, Paragraph, ReadError, Source, clean

SCANNED = ("这个 PDF 没有文字层（是扫描或拍照得到的图片），无法读取其中的文字。"
           "请找到这份报告的网页、Word 文件或由 Word/WPS 导出的 PDF 再导入。")
_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*\d{1,3}[—\-－–\s]*$"  # — 1 —
                          r"|^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
_SNAP = 2.0  # points: table edges closer than this are one edge


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str


def read_pdf(raw: bytes) -> Source:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        why = "设有打开密码" if "password" in str(e).lower() else "已损坏或不是 PDF"
        raise ReadError(f"无法打开这个 PDF 文件：文件{why}。") from None
    notes: list[str] = []
    items: list[tuple[int, float, object]] = []  # (page, top, line or grid) in reading order
    total = 0
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            chars = _chars(page)
            total += len(chars)
            if not chars and any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])):
                notes.append(f"PDF 第 {number} 页是图片，没有文字层，其中的内容无法读取。")
            grids = [g for g in (_Table(cells, number) for cells in _tables(page)) if g.real]
            outside = []
            for ch in chars:
                for g in grids:
                    if g.take(ch):
                        break
                else:
                    outside.append(ch)
            for g in grids:
                items.append((number, g.top, g.grid()))
            for line in _lines(outside, number):
                if not _PAGE_NUMBER.match(line.text):
                    items.append((number, line.top, line))
    except pdfium.PdfiumError as e:
        raise ReadError(f"读取 PDF 时出错（{e}）：文件可能已损坏。") from None
    finally:
        pdf.close()
    if total == 0:
        raise ReadError(SCANNED)
    items.sort(key=lambda i: (i[0], i[1]))
    return Source("pdf", _paragraphs(_without_running_lines([i[2] for i in items])), notes)


def _without_running_lines(items: list) -> list:
    """Drop a running header or footer: the same line at the same height on most pages."""
    lines = [i for i in items if isinstance(i, _Line)]
    pages = len({ln.page for ln in lines})
    if pages < 3:
        return items
    where: dict[tuple[str, int], set[int]] = defaultdict(set)
    for ln in lines:
        where[(ln.text, round(ln.top / 6))].add(ln.page)
    running = {k for k, on in where.items() if len(on) >= max(3, pages // 2)}
    return [i for i in items if not (isinstance(i, _Line) and (i.text, round(i.top / 6)) in running)]


def _chars(page) -> list[dict]:
    """The page's characters with their boxes, top-down like a reader's eye: PDFium's own
    spaces and line breaks, blanks and turned characters (a 「草稿」 watermark) left out."""
    from pypdfium2 import raw as pdfium_c

    height = page.get_height()
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(text, i) == 1:
            continue
        ch = chr(pdfium_c.FPDFText_GetUnicode(text, i))
        if not ch.strip() or abs(pdfium_c.FPDFText_GetCharAngle(text, i)) > 0.01:
            continue
        left, bottom, right, top = text.get_charbox(i, loose=True)
        out.append({"text": ch, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom})
    text.close()
    return out


def _tables(page) -> list[list[tuple[float, float, float, float]]]:
    """The cell boxes of each ruled table on the page, from its rules (pdfplumber's geometry)."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    edges = _edges(page)
    if len(edges) < 4:
        return []
    edges = merge_edges(edges, 3, 3, 3, 3)
    edges = [e for e in edges if e["width" if e["orientation"] == "h" else "height"] >= 3]
    return cells_to_tables(intersections_to_cells(edges_to_intersections(edges, 3, 3)))


def _edges(page) -> list[dict]:
    """Horizontal and vertical rules: drawn lines, thin boxes, the sides of stroked boxes. The
    filled boxes LibreOffice puts behind text runs are not rules."""
    import ctypes

    from pypdfium2 import raw as pdfium_c

    height = page.get_height()
    out: list[dict] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        m = obj.get_matrix()
        points: list[tuple[float, float]] = []
        segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
        for j in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, j)
            pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
            pt = (m.a * x.value + m.c * y.value + m.e, height - (m.b * x.value + m.d * y.value + m.f))
            if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO:
                points = [pt]
                continue
            if points:
                segments.append((points[-1], pt))
            points.append(pt)
            if pdfium_c.FPDFPathSegment_GetClose(seg):
                segments.append((pt, points[0]))
        if segments:
            out += _rules(segments, bool(stroke.value))
    return out


def _rules(segments, stroked: bool) -> list[dict]:
    xs = [p[0] for s in segments for p in s]
    ys = [p[1] for s in segments for p in s]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    if not stroked:
        if w <= 2.5 < h:  # a thin filled box is one rule
            return [_edge("v", min(ys), max(ys), (min(xs) + max(xs)) / 2)]
        if h <= 2.5 < w:
            return [_edge("h", min(xs), max(xs), (min(ys) + max(ys)) / 2)]
        return []
    out = []
    for (x0, y0), (x1, y1) in segments:
        if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 1:
            out.append(_edge("h", min(x0, x1), max(x0, x1), y0))
        elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 1:
            out.append(_edge("v", min(y0, y1), max(y0, y1), x0))
    return out


def _edge(orientation: str, start: float, end: float, at: float) -> dict:
    if orientation == "h":
        return {"orientation": "h", "x0": start, "x1": end, "top": at, "bottom": at, "width": end - start,
                "height": 0, "object_type": "line"}
    return {"orientation": "v", "x0": at, "x1": at, "top": start, "bottom": end, "width": 0,
            "height": end - start, "object_type": "line"}


class _Table:
    """A ruled table on one page: its cell boxes snapped to a grid, the characters in each."""

    def __init__(self, boxes, page: int):
        self.page = page
        self.xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
        self.ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
        self.top, self.bottom = self.ys[0], self.ys[-1]
        self.cells: list[GridCell] = []
        self.chars: list[list[dict]] = []
        self._at: dict[tuple[int, int], int] = {}
        for x0, top, x1, bottom in boxes:
            c0, c1 = self._index(self.xs, x0), self._index(self.xs, x1)
            r0, r1 = self._index(self.ys, top), self._index(self.ys, bottom)
            if c1 <= c0 or r1 <= r0:
                continue
            n = len(self.cells)
            self.cells.append(GridCell("", r0, c0, r1 - r0, c1 - c0))
            self.chars.append([])
            for r in range(r0, r1):
                for k in range(c0, c1):
                    self._at[(r, k)] = n

    @staticmethod
    def _index(edges: list[float], v: float) -> int:
        i = bisect_right(edges, v + _SNAP) - 1
        return max(0, i)

    @property
    def real(self) -> bool:
        """At least two rows and two columns: a single boxed line is text in a frame."""
        return len(self.xs) >= 3 and len(self.ys) >= 3 and len(self.cells) >= 2

    def take(self, ch: dict) -> bool:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (self.xs[0] <= cx <= self.xs[-1] and self.top <= cy <= self.bottom):
            return False
        n = self._at.get((bisect_right(self.ys, cy) - 1, bisect_right(self.xs, cx) - 1))
        if n is not None:
            self.chars[n].append(ch)
        return True

    def grid(self) -> Grid:
        for cell, chars in zip(self.cells, self.chars, strict=True):
            cell.text = clean("\n".join(line.text for line in _lines(chars, self.page)))
        return Grid(self.cells, self.page, self.xs)


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _lines(chars: list[dict], page: int) -> list[_Line]:
    """Characters into lines: same baseline band, left to right; a space where a gap is wide."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        size = ch["bottom"] - ch["top"]
        if lines:
            last = lines[-1]
            if abs((ch["top"] + ch["bottom"]) / 2 - (last[0]["top"] + last[0]["bottom"]) / 2) < max(size, 4) * 0.5:
                last.append(ch)
                continue
        lines.append([ch])
    out = []
    for chs in lines:
        chs.sort(key=lambda c: c["x0"])
        text, prev = "", None
        for c in chs:
            if prev is not None and c["x0"] - prev["x1"] > 0.6 * (prev["bottom"] - prev["top"]):
                text += " "
            text += c["text"]
            prev = c
        size = max(round(c["bottom"] - c["top"], 1) for c in chs)  # Latin digits set in another font are shorter
        out.append(_Line(page, min(c["top"] for c in chs), max(c["bottom"] for c in chs), chs[0]["x0"],
                         chs[-1]["x1"], size, text.strip()))
    return out


def _paragraphs(items: list) -> list[Block]:
    """Lines into paragraphs: a paragraph starts indented, after a short line, at a change of
    type size or after a gap; it may continue over a page break."""
    lines = [i for i in items if isinstance(i, _Line)]
    if lines:
        starts = Counter(round(ln.x0) for ln in lines)  # the text area's left edge: not the indent
        left = min(x for x, n in starts.items() if n >= max(2, len(lines) // 20) or n == max(starts.values()))
        long = [ln for ln in lines if len(ln.text) >= 12] or lines
        right = max(Counter(round(ln.x1) for ln in long).most_common(3))[0]
        pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.bottom]
        gaps = sorted(b.top - a.bottom for a, b in pairs) or [0.0]
        usual = gaps[len(gaps) // 2]  # the line spacing of running text
        # a document whose paragraphs open with a two-character indent: a line at the margin
        # continues the paragraph even after a short line (a number or address kept whole)
        indenting = sum(1 for ln in lines if 1.5 * ln.size <= ln.x0 - left <= 2.5 * ln.size) >= len(lines) * 0.15
    blocks: list[Block] = []
    prev: _Line | None = None
    for item in items:
        if isinstance(item, Grid):
            blocks.append(item)
            prev = None
            continue
        ln = item
        short = prev is not None and prev.x1 < right - 1.5 * prev.size
        starts = (prev is None or ln.x0 > left + 0.9 * ln.size
                  or (short and (not indenting or enumerator(ln.text)[0] or len(ln.text) < 12))
                  or abs(ln.size - prev.size) > 2.5 or prev.x0 > left + 4 * prev.size
                  or (ln.page == prev.page and ln.top - prev.bottom > max(1.4 * usual, usual + 0.5 * ln.size)))
        if starts or not blocks or not isinstance(blocks[-1], Paragraph):
            blocks.append(Paragraph(clean(ln.text)))
        else:
            blocks[-1].text = clean(blocks[-1].text + _joiner(blocks[-1].text, ln.text) + ln.text)
        prev = ln
    return blocks


def _joiner(before: str, after: str) -> str:
    def letter(ch: str) -> bool:
        return ch.isascii() and ch.isalpha()

    return " " if letter(before[-1:]) and letter(after[:1]) else ""
