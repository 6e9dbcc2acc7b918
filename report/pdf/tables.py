"""Tables 2, 3 and 4 laid out exactly as the official format, derived from the form definitions.

``grid()`` turns a table definition and the report's figures into a plain grid (texts, spans,
column widths) without ReportLab, so the character check can read every label; ``flowable()``
makes the ReportLab Table. Spans come from the nested labels: equal consecutive labels at one
level merge, and a column's (row's) last label spans the remaining header rows (label columns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

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

    def texts(self):
        return self.cells.values()


def format_value(v) -> str:
    """A cell as printed: blank stays empty, “/” prints “/”, money keeps its written digits."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


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


def _nested_grid(table: Table, block: Block, values) -> Grid:
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
        return _nested_grid(table, table.blocks[0], values)
    return _block_grid(table, values)


def flowable(g: Grid, fonts, *, max_height: float = ss.FRAME_HEIGHT):
    """The ReportLab Table of a grid; row-label groups that cannot fit a page are not merged.

    ReportLab never splits a row span, and raises LayoutError when one is taller than the page
    (with splitInRow it crashes, tech-notes §5c): such a group prints its label in its first
    row, with the lines inside the group hidden, so the rows can split across pages.
    """
    table = _make(g, fonts)
    table.wrap(ss.TEXT_WIDTH, max_height)
    heights = table._rowHeights
    header = sum(heights[:g.header_rows])
    too_tall = [s for s in g.groups if header + sum(heights[s[1]:s[3] + 1]) > max_height]
    if too_tall:
        table = _make(g, fonts, unmerged=too_tall)
    return table


def _make(g: Grid, fonts, unmerged: list[Span] = ()):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    from report.pdf.text import TextBlock

    dropped = set(unmerged)
    spans = [s for s in g.spans if s not in dropped]
    data = [["" for _ in range(g.n_cols)] for _ in range(g.n_rows)]
    for (c, r), text in g.cells.items():
        tall = any(s[0] == c and s[1] == r and s[3] > s[1] for s in spans)
        style = ss.TABLE_LABEL if (c, r) in g.labels and not tall else ss.TABLE_CELL
        data[r][c] = TextBlock(text, style, fonts) if text else ""
    font = fonts.roles["table"].name
    cmds = [
        ("FONT", (0, 0), (-1, -1), font, ss.SIZE_TABLE),
        ("GRID", (0, 0), (-1, -1), ss.TABLE_LINE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), ss.TABLE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), ss.TABLE_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), ss.TABLE_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ss.TABLE_PADDING),
    ]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    for c0, r0, c1, r1 in unmerged:  # hide the lines inside a group that could not be merged
        cmds.append(("LINEABOVE", (c0, r0 + 1), (c1, r1), ss.TABLE_LINE_WIDTH, colors.white))
    t = Table(data, colWidths=g.col_widths, repeatRows=g.header_rows, style=TableStyle(cmds),
              spaceBefore=ss.TABLE_SPACE_BEFORE, spaceAfter=ss.TABLE_SPACE_AFTER)
    return t
