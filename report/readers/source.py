"""The form every reader produces: the document's blocks in reading order.

A web page, a Word file, a PDF and plain text look nothing alike, but a published report in
any of them is paragraphs, tables and pictures one after the other. Recognition works on this
form only, so it never needs to know where a document came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class ReadError(Exception):
    """A file that is not a readable report; ``str()`` is a Chinese message for the clerk."""


@dataclass
class Paragraph:
    text: str
    lead: str = ""  # a leading bold / 黑体 / 楷体 run: a heading written on the line of its text


@dataclass
class Picture:
    """A picture in the text: published reports often paste their tables as images."""

    name: str = ""


@dataclass
class GridCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """A table as its cells with their merges; ``page`` is the PDF page it starts on."""

    cells: list[GridCell]
    page: int | None = None
    edges: list[float] | None = None  # a PDF table's column edges: lines up its parts on the next page

    @property
    def size(self) -> tuple[int, int]:
        rows = max((c.row + c.rowspan for c in self.cells), default=0)
        cols = max((c.col + c.colspan for c in self.cells), default=0)
        return rows, cols

    def matrix(self) -> list[list[GridCell | None]]:
        """Every position of the table holding the cell that covers it (a merged cell repeats)."""
        rows, cols = self.size
        m: list[list[GridCell | None]] = [[None] * cols for _ in range(rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    m[r][k] = c
        return m

    def text(self) -> str:
        out = []
        for row in self.matrix():
            seen: list[GridCell] = []
            for c in row:
                if c is not None and (not seen or seen[-1] is not c):
                    seen.append(c)
            out.append("\t".join(c.text.replace("\n", "") for c in seen))
        return "\n".join(out)


Block = Paragraph | Grid | Picture


@dataclass
class Source:
    """What a reader found: ``notes`` are things the clerk should know about the reading itself."""

    kind: str  # html | docx | pdf | txt
    blocks: list[Block]
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The document as plain text, tables as tab-separated rows: shown beside the result."""
        parts = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            elif isinstance(b, Grid):
                parts.append(b.text())
            else:
                parts.append(f"[图片{('：' + b.name) if b.name else ''}]")
        return "\n".join(parts)


class GridBuilder:
    """Place cells given row by row with their spans (HTML and Word order) on a grid."""

    def __init__(self) -> None:
        self.cells: list[GridCell] = []
        self._taken: set[tuple[int, int]] = set()
        self._row = -1
        self._col = 0

    def next_row(self) -> None:
        self._row += 1
        self._col = 0

    def add(self, text: str, rowspan: int = 1, colspan: int = 1, col: int | None = None) -> GridCell:
        if col is not None:
            self._col = max(self._col, col)
        while (self._row, self._col) in self._taken:
            self._col += 1
        rowspan, colspan = max(1, min(rowspan, 500)), max(1, min(colspan, 100))
        cell = GridCell(text, self._row, self._col, rowspan, colspan)
        for r in range(self._row, self._row + rowspan):
            for k in range(self._col, self._col + colspan):
                self._taken.add((r, k))
        self.cells.append(cell)
        self._col += colspan
        return cell

    def extend_down(self, cell: GridCell) -> None:
        """Word's vertical merge: ``cell`` also covers its columns in the current row."""
        cell.rowspan = self._row - cell.row + 1
        self._taken.update((self._row, k) for k in range(cell.col, cell.col + cell.colspan))

    def grid(self, page: int | None = None) -> Grid:
        rows = self._row + 1
        for c in self.cells:  # a rowspan running past the last row ends with the table
            c.rowspan = max(1, min(c.rowspan, rows - c.row))
        return Grid(self.cells, page)


_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\ufeff]+")


def clean(text: str) -> str:
    """A run of text as a reader sees it: no-break and repeated spaces collapsed, spaces a
    layout put between Chinese characters dropped, indents and trailing spaces removed."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", line)
        line = _SPACE_BETWEEN_CJK.sub("", line)
        lines.append(line.strip(" \u3000"))
    return "\n".join(lines).strip("\n")
