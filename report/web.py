"""The report as one self-contained web page (.html) and as HTML to paste into a website editor.

Rendered from report.printed: UTF-8, ``lang="zh-CN"``, no script, nothing loaded from outside
(the chart is an inline PNG). Tables keep the official rowspan/colspan, with ``<caption>`` and
``<th scope>``; their borders are written three ways (the ``border`` attribute, inline styles
and the style sheet) because content systems strip what they do not know. ``fragment()`` is the
report body alone, for 复制网页内容; ``plain_text()`` its plain-text alternative.
"""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path

from report import __version__, resources
from report.printed import Item, check_printable, document_title, items
from report.printed.signature import right_indents
from report.printed.tables import Grid

LINE = "1px solid #000"
STYLE = {
    "article": "",
    "h1": "text-align:center;font-size:22pt;font-weight:normal;line-height:1.5;margin:0 0 1em",
    "h2": "font-size:16pt;font-weight:normal;text-indent:2em;margin:0",
    "h3": "font-size:16pt;font-weight:normal;text-indent:2em;margin:0",
    "p": "text-indent:2em;text-align:justify;margin:0",
    "signature": "text-align:right;margin:0",
    "table": f"border-collapse:collapse;table-layout:fixed;width:100%;border:{LINE};margin:0.5em 0 1em",
    "caption": "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)",
    "cell": f"border:{LINE};padding:2px 4px;text-align:center;vertical-align:middle;font-weight:normal",
    "label": f"border:{LINE};padding:2px 4px;text-align:left;vertical-align:middle;font-weight:normal",
    "figure": "margin:1em 0 0;text-align:center",
}
TABLE_SIZE = {"t2": "12pt"}  # as in the PDF: table 2 at 小四, tables 3 and 4 at 小五
TABLE_SIZE_DEFAULT = "9pt"


LONG_LATIN = re.compile(r"[!-~]{16,}")  # a web address or e-mail: may break anywhere, like Chinese text


def _text(text: str) -> str:
    """Escaped text whose long Latin runs may break inside, so a line is not left half empty."""
    return LONG_LATIN.sub(lambda m: f'<span style="word-break:break-all">{m.group(0)}</span>', escape(text))


def _attr(name: str) -> str:
    return f' style="{STYLE[name]}"' if STYLE[name] else ""


def _span_attrs(span) -> str:
    if not span:
        return ""
    c0, r0, c1, r1 = span
    out = f' colspan="{c1 - c0 + 1}"' if c1 > c0 else ""
    return out + (f' rowspan="{r1 - r0 + 1}"' if r1 > r0 else "")


def _table(g: Grid) -> str:
    covered = g.covered()
    size = TABLE_SIZE.get(g.table_id, TABLE_SIZE_DEFAULT)
    total = sum(g.col_widths_mm)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in g.col_widths_mm)
    out = [f'<table border="1" cellspacing="0" cellpadding="3" style="{STYLE["table"]};font-size:{size}">',
           f"<caption{_attr('caption')}>{escape(g.title)}</caption>",
           f"<colgroup>{cols}</colgroup>"]  # the official proportions, as in the PDF
    for r in range(g.n_rows):
        if r == 0 and g.header_rows:
            out.append("<thead>")
        if r == g.header_rows:
            out.append("<tbody>")
        cells = []
        for c in range(g.n_cols):
            if (c, r) in covered:
                continue
            span = g.span_at(c, r)
            text = escape(g.cells.get((c, r), ""))
            if (c, r) in g.heads or r < g.header_rows:
                scope = "colgroup" if span and span[2] > span[0] else "col"
                cells.append(f'<th scope="{scope}"{_span_attrs(span)} style="{STYLE["cell"]}">{text}</th>')
            elif (c, r) in g.labels:
                tall = span and span[3] > span[1]
                scope = "rowgroup" if tall else "row"
                style = STYLE["cell"] if tall else STYLE["label"]
                cells.append(f'<th scope="{scope}"{_span_attrs(span)} style="{style}">{text}</th>')
            else:
                cells.append(f'<td{_span_attrs(span)} style="{STYLE["cell"]}">{text}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
        if g.header_rows and r == g.header_rows - 1:
            out.append("</thead>")
    out.append("</tbody></table>" if g.n_rows > g.header_rows else "</table>")
    return "\n".join(out)


def _signature(story: list[Item]) -> str:
    name, date = (next(i.text for i in story if i.kind == kind) for kind in ("signature", "date"))
    name_right, date_right = right_indents(name, date)
    out = [f'<p class="signature" style="{STYLE["signature"]};margin-top:1.8em;padding-right:{name_right:g}em">'
           f"{escape(name)}</p>"]
    if date:
        out.append(f'<p class="date" style="{STYLE["signature"]};padding-right:{date_right:g}em">{escape(date)}</p>')
    return "\n".join(out)


def fragment(report, *, history: dict | None = None, include_chart: bool = True,
             font_files: dict | None = None) -> str:
    """The report body as an ``<article>``, every look that matters written inline."""
    story = items(report, history=history, include_chart=include_chart)
    out = ['<article class="nianbao-report">']
    titles = [escape(i.text) for i in story if i.kind == "title"]
    out.append(f"<h1{_attr('h1')}>{'<br>'.join(titles)}</h1>")
    tags = {"heading1": "h2", "heading2": "h3", "body": "p"}
    for item in story:
        if item.kind in tags:
            tag = tags[item.kind]
            out.append(f"<{tag}{_attr(tag)}>{_text(item.text)}</{tag}>")
        elif item.kind == "table":
            out.append(_table(item.payload))
        elif item.kind == "signature":
            out.append(_signature(story))
        elif item.kind == "chart":
            from report import chart_picture

            data = base64.b64encode(chart_picture.png(item.payload, font_files)).decode("ascii")
            out.append(f"<figure{_attr('figure')}><img src=\"data:image/png;base64,{data}\" "
                       f"alt=\"{escape(item.payload.title)}\" style=\"width:100%;height:auto\"></figure>")
    out.append("</article>")
    return "\n".join(out)


def page(report, *, history: dict | None = None, include_chart: bool = True, font_files: dict | None = None) -> str:
    """The whole web page: one file that needs nothing else to show and print."""
    css = resources.path("report.css").read_text(encoding="utf-8")
    body = fragment(report, history=history, include_chart=include_chart, font_files=font_files)
    return ("<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="author" content="{escape(report.agency.name)}">\n'
            f'<meta name="generator" content="nianbao {escape(__version__)}">\n'
            f"<title>{escape(document_title(report))}</title>\n<style>\n{css}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def _table_text(g: Grid) -> list[str]:
    return ["\t".join(g.cells.get((c, r), "") for c in range(g.n_cols)).rstrip("\t") for r in range(g.n_rows)]


def plain_text(report, *, history: dict | None = None) -> str:
    """The report as plain text: a line per paragraph, table rows with tab-separated cells."""
    lines: list[str] = []
    for item in items(report, history=history, include_chart=False):
        if item.kind == "table":
            lines += _table_text(item.payload)
        elif item.text:
            lines.append(item.text)
    return "\n".join(lines) + "\n"


def export_html(report, out_path, *, history: dict | None = None, include_chart: bool = True,
                font_files: dict | None = None) -> Path:
    """Write the web page to ``out_path`` (UTF-8) and return the path."""
    from report.output import ExportError, write_atomically

    check_printable(report, ExportError)
    text = page(report, history=history, include_chart=include_chart, font_files=font_files)
    return write_atomically(out_path, text.encode("utf-8"))
