"""Tables 2, 3 and 4 in the PDF: the ReportLab Table of a grid from report.printed.tables.

The grid (texts, spans, widths) is the format-neutral model every writer shares; this module
only sets it in ReportLab, cutting row-label groups that would not fit one page.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from report.pdf import stylesheet as ss
from report.printed.tables import Grid


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
    widths = [w * ss.MM for w in g.col_widths_mm]
    return _ruled_table_class()(data, colWidths=widths, repeatRows=g.header_rows, style=TableStyle(cmds),
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
