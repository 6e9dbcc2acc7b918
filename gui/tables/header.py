"""The official table as a grid of merged cells, computed from its definition — without Qt.

Header rows and row labels are laid out INSIDE the grid (as the printed table has them), so a
plain QTableView with ``setSpan`` shows the nested headers of table 3 and 4 and the captioned
blocks of table 2 exactly as the format prints them. Every text comes from the definition.

Layout of a block: an optional caption row across the whole width; ``header_depth`` header
rows (the block's stub fills the corner above the row labels); then one grid row per data row.
A column label shorter than the deepest one spans down to the last header row; a row label
shorter than the deepest one spans right to the last label column; equal label prefixes of
neighbouring columns (rows) merge. In a block with fewer columns than the widest block, the
last column spans the remaining width.
"""

from __future__ import annotations

from dataclasses import dataclass

from report.forms import Cell, Table

CAPTION, STUB, HEADER, LABEL, DATA = "caption", "stub", "header", "label", "data"


@dataclass(frozen=True)
class Piece:
    """One merged cell of the grid: its top-left corner, its extent, what it shows."""

    kind: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1
    text: str = ""
    cell: Cell | None = None  # the number cell, for DATA pieces


class Grid:
    """Every grid position maps to the piece covering it (or None for an empty position)."""

    def __init__(self, table: Table):
        self.table = table
        self.label_cols = max((b.label_depth for b in table.blocks), default=0)
        self.cols = self.label_cols + max(len(b.columns) for b in table.blocks)
        self.pieces: list[Piece] = []
        self.rows = 0
        for block in table.blocks:
            self._add_block(block)
        self._at: dict[tuple[int, int], Piece] = {}
        for p in self.pieces:
            for r in range(p.row, p.row + p.rows):
                for c in range(p.col, p.col + p.cols):
                    self._at[(r, c)] = p
        self._data = {p.cell.key: p for p in self.pieces if p.kind == DATA}

    def at(self, row: int, col: int) -> Piece | None:
        return self._at.get((row, col))

    def data_piece(self, a: str, b: str) -> Piece:
        return self._data[(a, b)]

    def data_pieces(self) -> list[Piece]:
        """Number cells in reading order (row by row, left to right)."""
        return sorted(self._data.values(), key=lambda p: (p.row, p.col))

    # ------------------------------------------------------------------ building
    def _add(self, kind, row, col, rows=1, cols=1, text="", cell=None) -> None:
        self.pieces.append(Piece(kind, row, col, rows, cols, text, cell))

    def _add_block(self, block) -> None:
        L, width = self.label_cols, self.cols - self.label_cols
        if block.caption:
            self._add(CAPTION, self.rows, 0, 1, self.cols, block.caption)
            self.rows += 1
        top, depth = self.rows, block.header_depth
        if L:
            self._add(STUB, top, 0, depth, L, block.stub)
        spans = _column_spans(len(block.columns), width)
        for level in range(depth):
            for first, last in _runs([c.label[: level + 1] for c in block.columns], level):
                col = block.columns[first]
                down = depth - level if len(col.label) == level + 1 else 1
                self._add(HEADER, top + level, L + spans[first][0], down,
                          spans[last][0] + spans[last][1] - spans[first][0], col.label[level])
        self.rows += depth
        for level in range(L):
            for first, last in _runs([r.label[: level + 1] for r in block.rows], level):
                row = block.rows[first]
                right = L - level if len(row.label) == level + 1 else 1
                self._add(LABEL, self.rows + first, level, last - first + 1, right, row.label[level])
        for i, row in enumerate(block.rows):
            for j, col in enumerate(block.columns):
                key = (col.group, col.id) if col.group else (row.id, col.id)
                self._add(DATA, self.rows + i, L + spans[j][0], 1, spans[j][1], cell=self.table.cell(*key))
        self.rows += len(block.rows)


def _column_spans(n: int, width: int) -> list[tuple[int, int]]:
    """(offset, span) of each of ``n`` columns in ``width`` grid columns: the last takes the rest."""
    return [(j, 1 if j < n - 1 else width - j) for j in range(n)]


def _runs(prefixes: list[tuple[str, ...]], level: int) -> list[tuple[int, int]]:
    """(first, last) index of each run of neighbours whose labels agree down to ``level``.

    Labels too short to reach ``level`` are covered by a span from the level above.
    """
    runs: list[tuple[int, int]] = []
    for i, p in enumerate(prefixes):
        if len(p) <= level:
            continue
        if runs and runs[-1][1] == i - 1 and prefixes[runs[-1][0]] == p:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
