"""Tables 2, 3 and 4 laid out exactly as the official format, derived from the form definitions.

``grid()`` turns a table definition and the report's figures into a plain grid (texts, spans,
column widths) without ReportLab, so the character check can read every label; ``flowable()``
makes the ReportLab Table. Spans come from the nested labels: equal consecutive labels at one
level merge, and a column's (row's) last label spans the remaining header rows (label columns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cache

from report.document import format_value
from report.forms import Block, Table
from report.pdf import stylesheet as ss

Span = tuple[int, int, int, int]  # first column, first row, last column, last row


@dataclass
class Grid:
    cells: dict[tuple[int, int], str]  # (column, row) → text; cells covered by a span are absent
    n_cols: int
    n_rows: int
    col_widths: list[float]
    spans: list[Span] = field(default_factory=list)
    header_rows: int = 0  # repeated at the top of every page the table runs onto
    labels: set[tuple[int, int]] = field(default_factory=set)  # row-label cells (left-aligned)
    groups: list[Span] = field(default_factory=list)  # row spans in label columns (kept whole)
    table_id: str = ""  # picks the text size (stylesheet.table_text)

    def texts(self):
        return self.cells.values()



def _label_runs(labels: list[tuple[str, ...]], level: int):
    """Runs (first, last) of consecutive entries sharing the same labels up to ``level``."""
    i = 0
    while i < len(labels):
        if len(labels[i]) <= level:
            i += 1
            continue
        j = i
        while j + 1 < len(labels) and len(labels[j + 1]) > level and labels[j + 1][:level + 1] == labels[i][:level + 1]:
            j += 1
        yield i, j
        i = j + 1


def _nested_grid(block: Block, values) -> Grid:
    depth, label_depth = block.header_depth, block.label_depth
    n_cols, n_rows = label_depth + len(block.columns), depth + len(block.rows)
    label_mm = ss.T3_LABEL_COLUMNS_MM[-label_depth:] if label_depth else ()
    rest = ss.TEXT_WIDTH - sum(label_mm) * ss.MM
    widths = [w * ss.MM for w in label_mm] + [rest / len(block.columns)] * len(block.columns)
    g = Grid({}, n_cols, n_rows, widths, header_rows=depth)
    if label_depth:
        g.cells[(0, 0)] = block.stub
        g.spans.append((0, 0, label_depth - 1, depth - 1))
    col_labels = [c.label for c in block.columns]
    for level in range(depth):
        for i, j in _label_runs(col_labels, level):
            c0, c1 = label_depth + i, label_depth + j
            g.cells[(c0, level)] = col_labels[i][level]
            last = all(len(col_labels[k]) == level + 1 for k in range(i, j + 1))
            span = (c0, level, c1, depth - 1 if last else level)
            if span[:2] != span[2:]:
                g.spans.append(span)
    row_labels = [r.label for r in block.rows]
    for level in range(label_depth):
        for i, j in _label_runs(row_labels, level):
            r0, r1 = depth + i, depth + j
            g.cells[(level, r0)] = row_labels[i][level]
            g.labels.add((level, r0))
            last = all(len(row_labels[k]) == level + 1 for k in range(i, j + 1))
            span = (level, r0, label_depth - 1 if last else level, r1)
            if span[:2] != span[2:]:
                g.spans.append(span)
            if r1 > r0:
                g.groups.append(span)
    for r, row in enumerate(block.rows):
        for c, col in enumerate(block.columns):
            key = (col.group, col.id) if col.group else (row.id, col.id)
            g.cells[(label_depth + c, depth + r)] = format_value(values(*key))
    return g


def _block_grid(table: Table, values) -> Grid:
    """Table 2: blocks stacked, each with its caption row and its own header row."""
    sub = math.lcm(*(len(b.columns) for b in table.blocks))
    rest = ss.TEXT_WIDTH - ss.T2_STUB_MM * ss.MM
    g = Grid({}, 1 + sub, 0, [ss.T2_STUB_MM * ss.MM] + [rest / sub] * sub)
    r = 0
    for block in table.blocks:
        step = sub // len(block.columns)
        if block.caption:
            g.cells[(0, r)] = block.caption
            g.spans.append((0, r, sub, r))
            r += 1
        g.cells[(0, r)] = block.stub
        for c, col in enumerate(block.columns):
            g.cells[(1 + c * step, r)] = "".join(col.label)
            if step > 1:
                g.spans.append((1 + c * step, r, c * step + step, r))
        r += 1
        for row in block.rows:
            g.cells[(0, r)] = "".join(row.label)
            g.labels.add((0, r))
            for c, col in enumerate(block.columns):
                g.cells[(1 + c * step, r)] = format_value(values(row.id, col.id))
                if step > 1:
                    g.spans.append((1 + c * step, r, c * step + step, r))
            r += 1
    g.n_rows = r
    return g


def grid(report, table_id: str) -> Grid:
    table = report.definition.tables[table_id]
    values = lambda a, b: report.get(table_id, a, b)  # noqa: E731
    if len(table.blocks) == 1 and not table.blocks[0].caption:
        return replace(_nested_grid(table.blocks[0], values), table_id=table_id)
    return replace(_block_grid(table, values), table_id=table_id)


def flowable(g: Grid, fonts, *, max_height: float = ss.FRAME_HEIGHT):
    """The ReportLab Table of a grid, its row-label groups cut where one would not fit a page.

    ReportLab never splits a row span and raises LayoutError when one is taller than the page
    (with splitInRow it crashes). A group that cannot fit one page below the
    repeated header rows is merged in consecutive pieces instead, cut only between its own
    sub-groups, each piece repeating the group's label, so the table can break between them.
    """
    table = _make(g, fonts)
    table.wrap(ss.TEXT_WIDTH, 1e9)  # unbounded, so that every row's height is computed
    heights = table._rowHeights
    room = max_height - sum(heights[:g.header_rows])
    too_tall = [s for s in g.groups if sum(heights[s[1]:s[3] + 1]) > room]
    if not too_tall:
        return table
    spans, cells = [s for s in g.spans if s not in too_tall], dict(g.cells)
    for c0, r0, c1, r1 in too_tall:
        # rows inside a narrower merged cell to the right: a cut there would split that cell
        inside = {r for s in g.groups if s[0] > c0 and s not in too_tall for r in range(s[1] + 1, s[3] + 1)}
        start = r0
        while True:
            used, cut = 0.0, None
            for r in range(start, r1 + 1):
                if r > start and r not in inside:
                    cut = r
                if used + heights[r] > room and r > start:
                    break
                used += heights[r]
            else:
                spans.append((c0, start, c1, r1))
                break
            cut = cut or r
            spans.append((c0, start, c1, cut - 1))
            cells[(c0, cut)] = g.cells[(c0, r0)]
            start = cut
    return _make(replace(g, cells=cells, spans=[s for s in spans if s[:2] != s[2:]]), fonts)


def _make(g: Grid, fonts):
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    from report.pdf.text import TextBlock

    spans = g.spans
    cell_style, label_style, padding = ss.table_text(g.table_id)
    data = [["" for _ in range(g.n_cols)] for _ in range(g.n_rows)]
    for (c, r), text in g.cells.items():
        tall = any(s[0] == c and s[1] == r and s[3] > s[1] for s in spans)
        style = label_style if (c, r) in g.labels and not tall else cell_style
        data[r][c] = TextBlock(text, style, fonts) if text else ""
    font = fonts.roles["table"].name
    cmds = [
        ("FONT", (0, 0), (-1, -1), font, cell_style.size),
        ("GRID", (0, 0), (-1, -1), ss.TABLE_LINE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    return _ruled_table_class()(data, colWidths=g.col_widths, repeatRows=g.header_rows, style=TableStyle(cmds),
                                spaceBefore=ss.TABLE_SPACE_BEFORE, spaceAfter=ss.TABLE_SPACE_AFTER)


@cache
def _ruled_table_class():
    """A Table whose pieces, when it breaks across pages, are each closed by a full frame.

    ReportLab leaves out the line above (below) a merged cell that starts (ends) at a page break.
    """
    from reportlab.lib import colors
    from reportlab.platypus import Table

    class RuledTable(Table):
        def split(self, availWidth, availHeight):
            parts = super().split(availWidth, availHeight)
            if len(parts) > 1:
                for part in parts:
                    rules = [("BOX", (0, 0), (-1, -1), ss.TABLE_LINE_WIDTH, colors.black)]
                    if part.repeatRows:
                        rules.append(("LINEBELOW", (0, part.repeatRows - 1), (-1, part.repeatRows - 1),
                                      ss.TABLE_LINE_WIDTH, colors.black))
                    part.setStyle(rules)
            return parts

    return RuledTable
