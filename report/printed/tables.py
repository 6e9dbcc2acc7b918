"""Tables 2, 3 and 4 laid out exactly as the official format, derived from the form definitions.

``grid()`` turns a table definition and the report's figures into a plain grid (texts, spans,
column widths) that every writer renders: the PDF, the Word table, the web page's rowspan and
colspan, the Excel sheet's merged cells. Spans come from the nested labels: equal consecutive
labels at one level merge, and a column's (row's) last label spans the remaining header rows
(label columns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from report.document import format_value
from report.forms import Block, Table

Span = tuple[int, int, int, int]  # first column, first row, last column, last row

TEXT_WIDTH_MM = 156.0  # the 版心 of GB/T 9704: every table spans it
# Label columns of table 3 (一、 / （三） / 1.) in millimetres; number columns share the rest.
T3_LABEL_COLUMNS_MM = (9.0, 18.0, 50.0)
T2_STUB_MM = 40.0


@dataclass
class Grid:
    cells: dict[tuple[int, int], str]  # (column, row) → text; cells covered by a span are absent
    n_cols: int
    n_rows: int
    col_widths_mm: list[float]  # summing to TEXT_WIDTH_MM
    spans: list[Span] = field(default_factory=list)
    header_rows: int = 0  # repeated at the top of every page the table runs onto
    labels: set[tuple[int, int]] = field(default_factory=set)  # row-label cells (left-aligned)
    groups: list[Span] = field(default_factory=list)  # row spans in label columns (kept whole)
    table_id: str = ""
    title: str = ""  # the table's official name (a web page's caption, an Excel sheet's title)
    values: dict[tuple[int, int], object] = field(default_factory=dict)  # (column, row) → int, Decimal, "/" or None
    heads: set[tuple[int, int]] = field(default_factory=set)  # header and caption cells

    def texts(self):
        return self.cells.values()

    def span_at(self, c: int, r: int) -> Span | None:
        """The span that starts at (c, r), if any."""
        return next((s for s in self.spans if s[0] == c and s[1] == r), None)

    def covered(self) -> set[tuple[int, int]]:
        """Cells hidden under a span (not its top-left cell)."""
        return {(c, r) for c0, r0, c1, r1 in self.spans for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)
                if (c, r) != (c0, r0)}


def _label_runs(labels: list[tuple[str, ...]], level: int):
    """Runs (first, last, leaf) of consecutive entries sharing the same labels up to ``level``;
    ``leaf`` when no entry of the run has a label below ``level``, so its cell spans the deeper levels."""
    i = 0
    while i < len(labels):
        if len(labels[i]) <= level:
            i += 1
            continue
        j = i
        while j + 1 < len(labels) and len(labels[j + 1]) > level and labels[j + 1][:level + 1] == labels[i][:level + 1]:
            j += 1
        yield i, j, all(len(labels[k]) == level + 1 for k in range(i, j + 1))
        i = j + 1


def _nested_grid(block: Block, values) -> Grid:
    depth, label_depth = block.header_depth, block.label_depth
    n_cols, n_rows = label_depth + len(block.columns), depth + len(block.rows)
    label_mm = T3_LABEL_COLUMNS_MM[-label_depth:] if label_depth else ()
    rest = TEXT_WIDTH_MM - sum(label_mm)
    g = Grid({}, n_cols, n_rows, [*label_mm] + [rest / len(block.columns)] * len(block.columns), header_rows=depth)
    if label_depth:
        g.cells[(0, 0)] = block.stub
        g.heads.add((0, 0))
        g.spans.append((0, 0, label_depth - 1, depth - 1))
    col_labels = [c.label for c in block.columns]
    for level in range(depth):
        for i, j, leaf in _label_runs(col_labels, level):
            c0, c1 = label_depth + i, label_depth + j
            g.cells[(c0, level)] = col_labels[i][level]
            g.heads.add((c0, level))
            span = (c0, level, c1, depth - 1 if leaf else level)
            if span[:2] != span[2:]:
                g.spans.append(span)
    row_labels = [r.label for r in block.rows]
    for level in range(label_depth):
        for i, j, leaf in _label_runs(row_labels, level):
            r0, r1 = depth + i, depth + j
            g.cells[(level, r0)] = row_labels[i][level]
            g.labels.add((level, r0))
            span = (level, r0, label_depth - 1 if leaf else level, r1)
            if span[:2] != span[2:]:
                g.spans.append(span)
            if r1 > r0:
                g.groups.append(span)
    for r, row in enumerate(block.rows):
        for c, col in enumerate(block.columns):
            key = (col.group, col.id) if col.group else (row.id, col.id)
            g.values[(label_depth + c, depth + r)] = v = values(*key)
            g.cells[(label_depth + c, depth + r)] = format_value(v)
    return g


def _block_grid(table: Table, values) -> Grid:
    """Table 2: blocks stacked, each with its caption row and its own header row."""
    sub = math.lcm(*(len(b.columns) for b in table.blocks))
    rest = TEXT_WIDTH_MM - T2_STUB_MM
    g = Grid({}, 1 + sub, 0, [T2_STUB_MM] + [rest / sub] * sub)
    r = 0
    for block in table.blocks:
        step = sub // len(block.columns)
        if block.caption:
            g.cells[(0, r)] = block.caption
            g.heads.add((0, r))
            g.spans.append((0, r, sub, r))
            r += 1
        g.cells[(0, r)] = block.stub
        g.heads.add((0, r))
        for c, col in enumerate(block.columns):
            g.cells[(1 + c * step, r)] = "".join(col.label)
            g.heads.add((1 + c * step, r))
            if step > 1:
                g.spans.append((1 + c * step, r, c * step + step, r))
        r += 1
        for row in block.rows:
            g.cells[(0, r)] = "".join(row.label)
            g.labels.add((0, r))
            for c, col in enumerate(block.columns):
                g.values[(1 + c * step, r)] = v = values(row.id, col.id)
                g.cells[(1 + c * step, r)] = format_value(v)
                if step > 1:
                    g.spans.append((1 + c * step, r, c * step + step, r))
            r += 1
    g.n_rows = r
    return g


def grid(report, table_id: str) -> Grid:
    table = report.definition.tables[table_id]
    values = lambda a, b: report.get(table_id, a, b)  # noqa: E731
    if len(table.blocks) == 1 and not table.blocks[0].caption:
        return replace(_nested_grid(table.blocks[0], values), table_id=table_id, title=table.title)
    return replace(_block_grid(table, values), table_id=table_id, title=table.title)
