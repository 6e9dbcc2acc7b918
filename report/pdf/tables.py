"""Tables 2, 3 and 4 in the PDF: ReportLab Tables of the grids from report.printed.tables.

The grid (texts, spans, widths) is the format-neutral model every writer shares; this module
only sets it. Every table is in one size; a figure too wide for its cell is set smaller in that
cell alone, never broken. Table 2 is one table per block (第二十条第（一）项 …), each kept whole,
so it breaks between blocks. Tables 3 and 4 start where they fall and break between any two
rows, their header repeated: a merged row label that the break cuts is printed again above
its continuation (ReportLab itself never splits a row span).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from report.pdf import stylesheet as ss
from report.printed.tables import Grid

MIN_ROWS = 2  # body rows a table shows below its header before a page break


def flowables(g: Grid, fonts) -> list:
    """The table as flowables: one per block for a table of captioned blocks, else one."""
    blocks = _block_starts(g)
    if len(blocks) < 2:
        return [_make(g, fonts)]
    from report.pdf.platypus import KeepTogether

    ends = [*blocks[1:], g.n_rows]
    out = []
    for n, (a, b) in enumerate(zip(blocks, ends, strict=True)):
        table = _make(replace(_rows(g, range(a, b), header_rows=0), header_rows=0), fonts)
        table.spaceAfter = ss.TABLE_SPACE_AFTER if n == len(blocks) - 1 else 0.0
        out.append(KeepTogether([table]))
    return out


def first_rows_height(table_flowables: list, rows: int = MIN_ROWS) -> float:
    """Height of a table's header and its first ``rows`` body rows (what a heading keeps with)."""
    first = table_flowables[0]
    table = first._content[0] if hasattr(first, "_content") else first
    table.wrap(ss.TEXT_WIDTH, 1e9)
    if len(table_flowables) > 1:  # a block of table 2 is kept whole
        return sum(table._rowHeights)
    return sum(table._rowHeights[:table.grid.header_rows + rows])


def _block_starts(g: Grid) -> list[int]:
    """Rows that open a block: a caption row spanning the whole width."""
    return [r for c0, r, c1, r1 in sorted(g.spans, key=lambda s: s[1])
            if c0 == 0 and c1 == g.n_cols - 1 and r1 == r and (0, r) in g.heads]


def _rows(g: Grid, body, header_rows: int | None = None) -> Grid:
    """The grid's header rows and the body rows ``body`` (a range). A span the range cuts is
    clipped to it, its text printed again in the first row of the range."""
    header_rows = g.header_rows if header_rows is None else header_rows
    keep = [*range(header_rows), *body]
    new = {old: i for i, old in enumerate(keep)}
    first, last = body.start, body.stop - 1
    cells, spans = {}, []
    for (c, r), text in g.cells.items():
        if r in new:
            cells[(c, new[r])] = text
    for c0, r0, c1, r1 in g.spans:
        if r1 < header_rows:
            spans.append((c0, r0, c1, r1))
            continue
        top, bottom = max(r0, first), min(r1, last)
        if top > bottom:
            continue
        if top != r0:
            cells[(c0, new[top])] = g.cells[(c0, r0)]
        if new[bottom] != new[top] or c1 != c0:
            spans.append((c0, new[top], c1, new[bottom]))
    moved = {(c, r): (c, new[r]) for c, r in {*g.labels, *g.heads, *g.values} if r in new}
    labels = {moved[k] for k in g.labels if k in moved} | {
        (c0, new[max(r0, first)]) for c0, r0, _c1, r1 in g.spans
        if (c0, r0) in g.labels and r0 < first <= r1}
    return replace(g, cells=cells, n_rows=len(keep), spans=spans, labels=labels,
                   heads={moved[k] for k in g.heads if k in moved},
                   values={moved[k]: v for k, v in g.values.items() if k in moved},
                   groups=[])


def _fitted(text: str, style, width: float, fonts):
    """The cell's style, smaller when the figure is wider than its cell (never broken)."""
    from report.pdf.text import TextBlock

    natural = TextBlock(text, style, fonts).natural_width()
    if natural <= width:
        return style
    size = max(ss.SIZE_TABLE_MIN, style.size * width / natural * 0.98)
    return replace(style, size=size)


def _make(g: Grid, fonts):
    from reportlab.lib import colors

    from report.pdf.platypus import TableStyle
    from report.pdf.text import TextBlock

    widths = [w * ss.MM for w in g.col_widths_mm]
    padding = ss.TABLE_PADDING
    spans = g.spans
    data = [["" for _ in range(g.n_cols)] for _ in range(g.n_rows)]
    what = [tuple(widths), tuple(spans)]  # all a row's height depends on
    for (c, r), text in g.cells.items():
        span = next((s for s in spans if s[0] == c and s[1] == r), None)
        tall = span is not None and span[3] > span[1]
        if (c, r) in g.labels and not tall:
            style = ss.TABLE_LABEL
        elif (c, r) in g.heads or (c, r) in g.labels:
            style = ss.TABLE_HEAD
        else:
            room = sum(widths[c:(span[2] if span else c) + 1]) - 2 * padding
            style = _fitted(text, ss.TABLE_CELL, room, fonts)
        data[r][c] = TextBlock(text, style, fonts) if text else ""
        what.append((c, r, text, style))
    cmds = [
        ("FONT", (0, 0), (-1, -1), fonts.roles["table"].name, ss.SIZE_TABLE),
        ("GRID", (0, 0), (-1, -1), ss.TABLE_LINE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    table = _ruled_table_class()(data, colWidths=widths, repeatRows=g.header_rows, style=TableStyle(cmds),
                                 spaceBefore=ss.TABLE_SPACE_BEFORE, spaceAfter=ss.TABLE_SPACE_AFTER)
    table.grid, table.fonts, table.rows_key = g, fonts, ("table rows", tuple(what))
    return table


@cache
def _ruled_table_class():
    """A Table that breaks between any two body rows, each piece closed by a full frame."""
    from reportlab.lib import colors

    from report.pdf.platypus import Table

    class RuledTable(Table):
        def _calc_height(self, availHeight, availWidth, H=None, W=None):
            """Rows measured once and kept with the fonts: ReportLab measures every cell again at
            every wrap, pagination wraps a table several times (and splitting it makes new
            ones), and a warm export sets the same tables again."""
            key = (self.rows_key, availWidth)
            known = self.fonts.memo.get(key)
            if known is None:
                super()._calc_height(availHeight, availWidth, H, W)
                if None not in self._rowHeights:
                    self.fonts.memo[key] = list(self._rowHeights)
                return
            unknown, self._argH = self._argH, known
            try:
                super()._calc_height(availHeight, availWidth, H, W)
            finally:
                self._argH = unknown
            self._rowHeights = list(known)

        def split(self, availWidth, availHeight):
            g = self.grid
            self.wrap(availWidth, 1e9)
            heights = self._rowHeights
            header = g.header_rows
            cut = header
            while cut < g.n_rows and sum(heights[:cut + 1]) <= availHeight:
                cut += 1
            while cut - header >= MIN_ROWS and cut < g.n_rows:
                head = _make(replace(_rows(g, range(header, cut)), header_rows=header), self.fonts)
                if head.wrap(availWidth, availHeight)[1] <= availHeight:
                    tail = _make(_rows(g, range(cut, g.n_rows)), self.fonts)
                    head.spaceBefore, head.spaceAfter = self.spaceBefore, 0.0
                    tail.spaceAfter = self.spaceAfter
                    for part in (head, tail):
                        part.setStyle([("BOX", (0, 0), (-1, -1), ss.TABLE_LINE_WIDTH, colors.black)])
                    return [head, tail]
                cut -= 1
            return []

    return RuledTable
