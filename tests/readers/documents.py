"""Published documents made from a report, the way offices make them, for round-trip tests.

The order and wording are what our exports print (report.printed.items) and the tables the official
layout with every merge (report.printed.tables.grid); the markup imitates Word pasted into a
website's editor: runs split into nested <span>/<font>, <o:p>, &nbsp; and labels broken
over several <p> in one cell.
"""

from __future__ import annotations

import html
import io
from decimal import Decimal

from report.document import Report
from report.printed import tables
from report.printed.items import items as printed_items


def fill(report: Report) -> Report:
    """Every cell a distinct figure; some blank, some “/” where table 2 allows it."""
    n = 0
    for table in report.definition.tables.values():
        for cell in table.cells():
            n += 1
            if n % 11 == 0:
                value = None
            elif table.slash_allowed and n % 7 == 0:
                value = "/"
            elif cell.column.type == "money":
                value = Decimal(f"{n}.5")
            elif cell.column.type == "signed":
                value = -n if n % 2 else n
            else:
                value = n
            report.set(table.id, *cell.key, value)
    return report


def spans(grid: tables.Grid) -> list[list[tuple[str, int, int]]]:
    """The grid's rows as (text, rowspan, colspan) in reading order, covered cells left out."""
    starts = {(c0, r0): (r1 - r0 + 1, c1 - c0 + 1) for c0, r0, c1, r1 in grid.spans}
    rows = []
    for r in range(grid.n_rows):
        row = []
        for c in range(grid.n_cols):
            if (c, r) in grid.cells:
                rowspan, colspan = starts.get((c, r), (1, 1))
                row.append((grid.cells[(c, r)], rowspan, colspan))
        rows.append(row)
    return rows


def _runs(text: str) -> str:
    """Word's pasted runs: three characters at a time in nested span/font, &nbsp; where it had spaces."""
    out = []
    for i in range(0, len(text), 3):
        piece = html.escape(text[i:i + 3]).replace(" ", "&nbsp;")
        out.append(f'<span style="font-family: 仿宋_GB2312"><font face="方正仿宋_GBK">{piece}</font></span>')
    return "".join(out) + "<o:p></o:p>"


def web_page(report: Report, charset: str = "utf-8") -> bytes:
    parts = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
             "<title>政府信息公开</title><script>var a = '<p>一、总体情况</p>';</script></head><body>"
             '<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div>']
    for item in printed_items(report):
        if item.kind == "table":
            parts.append('<table border="1" style="border-collapse:collapse">')
            for row in spans(item.payload):
                parts.append("<tr>" + "".join(
                    f'<td rowspan="{rs}" colspan="{cs}">'
                    + "".join(f"<p>{_runs(line)}</p>" for line in _halves(text)) + "</td>"
                    for text, rs, cs in row) + "</tr>")
            parts.append("</table>")
        elif item.kind == "chart":
            parts.append('<p><img src="chart.png" alt="历年对比"></p>')
        elif item.text:
            tag = "h1" if item.kind == "title" else "p"
            parts.append(f'<{tag} style="text-indent:2em">{_runs(item.text)}</{tag}>')
    parts.append('<div class="footer"><p>主办单位：某某人民政府办公室</p><p>网站标识码：3200000001</p></div>'
                 "</body></html>")
    return "\n".join(parts).encode(charset)


def _halves(text: str) -> list[str]:
    """A long label broken over two paragraphs of its cell, as Word-pasted tables have it."""
    return [text[: len(text) // 2], text[len(text) // 2:]] if len(text) > 8 else [text]


def word_file(report: Report, inline_headings: bool = False) -> bytes:
    """A .docx with real merged cells; with ``inline_headings`` each sub-heading is a bold run
    at the start of its first paragraph of text, as many agencies write them."""
    import docx

    document = docx.Document()
    pending = None
    for item in printed_items(report):
        if item.kind == "table":
            grid = item.payload
            t = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
            t.style = "Table Grid"
            for (c, r), text in grid.cells.items():
                t.cell(r, c).text = text
            for c0, r0, c1, r1 in grid.spans:
                t.cell(r0, c0).merge(t.cell(r1, c1))
        elif item.kind == "heading2" and inline_headings:
            pending = item.text
        elif item.text and item.kind != "chart":
            p = document.add_paragraph()
            if pending and item.kind == "body":
                p.add_run(pending).bold = True
                pending = None
            p.add_run(item.text).bold = item.kind.startswith("heading")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
