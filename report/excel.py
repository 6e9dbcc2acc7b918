"""The report's tables as an Excel workbook (.xlsx), written with openpyxl from report.printed.

A first sheet names the agency, year and format, so that whoever collects many agencies'
workbooks can tell them apart; then a sheet per table laid out like the official table: merged
headers, borders, widths, frozen header rows. Figures are numbers (money with two decimals),
blank cells stay empty and 「/」 is text, so the three never mix.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal
from pathlib import Path

from report import __version__
from report.printed import check_printable, document_title, issued_date
from report.printed.tables import Grid, grid
from report.printed.wording import wording

FONT_NAME = "宋体"
FONT_SIZE = 11
WIDTH_PER_MM = 0.75  # Excel's width unit (one digit of the default font) per millimetre of the PDF's table
MIN_WIDTH = 8
LINE_HEIGHT = 15  # points per line of wrapped text
CHAR_MM = FONT_SIZE * 25.4 / 72  # a Chinese character's width
SHEET_NAME_MAX = 31
INVALID_IN_SHEET_NAME = str.maketrans({c: "_" for c in "[]:*?/\\"})
MONEY_FORMAT = "0.00"
CELL, LABEL, MONEY = "表格数字", "表格栏目", "表格金额"  # the cells' named styles


def _sheet_name(title: str) -> str:
    return title.translate(INVALID_IN_SHEET_NAME)[:SHEET_NAME_MAX]


def _info_sheet(ws, report) -> None:
    from openpyxl.styles import Alignment, Font

    labels, form = wording()["workbook"], report.definition
    rows = [(labels["agency"], report.agency.name), (labels["year"], report.year),
            (labels["format"], f"{form.name}（{form.document}）"), (labels["title"], document_title(report)),
            (labels["issued"], issued_date(report)), (labels["program"], f"年报助手 {__version__}")]
    for r, (label, value) in enumerate(rows, start=1):
        ws.cell(r, 1, label).font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        cell = ws.cell(r, 2, value if value != "" else None)
        cell.font = Font(name=FONT_NAME, size=FONT_SIZE)
        cell.alignment = Alignment(horizontal="left")
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60


def _cell_styles(wb) -> None:
    """Named styles for the table cells, registered once: assigning one by name is far cheaper
    than hashing a font, border and alignment for every cell."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    side = Side(style="thin", color="000000")
    for name, horizontal, number_format in ((CELL, "center", "General"), (LABEL, "left", "General"),
                                            (MONEY, "center", MONEY_FORMAT)):
        style = NamedStyle(name=name, font=Font(name=FONT_NAME, size=FONT_SIZE),
                           border=Border(left=side, right=side, top=side, bottom=side),
                           alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True),
                           number_format=number_format)
        wb.add_named_style(style)


def _table_sheet(ws, g: Grid) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    top = 2  # row 1 holds the table's title
    ws.cell(1, 1, g.title).font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=g.n_cols)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 2 * LINE_HEIGHT
    for r in range(g.n_rows):
        for c in range(g.n_cols):
            ws.cell(top + r, 1 + c).style = CELL
    for (c, r), text in g.cells.items():
        cell = ws.cell(top + r, 1 + c)
        if (c, r) in g.values:
            cell.value = value = g.values[(c, r)]
            if isinstance(value, Decimal):
                cell.style = MONEY
        else:
            cell.value = text or None
            span = g.span_at(c, r)
            if (c, r) in g.labels and not (span and span[3] > span[1]):
                cell.style = LABEL
    for c0, r0, c1, r1 in g.spans:
        ws.merge_cells(start_row=top + r0, start_column=1 + c0, end_row=top + r1, end_column=1 + c1)
    widths = [max(MIN_WIDTH, w * WIDTH_PER_MM) for w in g.col_widths_mm]
    for c, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(1 + c)].width = w
    _row_heights(ws, g, top)
    labels = max((c + 1 for c, _r in g.labels), default=0)
    ws.freeze_panes = f"{get_column_letter(1 + labels)}{top + g.header_rows}"
    ws.print_title_rows = f"{top}:{top + g.header_rows - 1}" if g.header_rows else None
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _row_heights(ws, g: Grid, top: int) -> None:
    """Rows tall enough for their wrapped labels (Excel does not grow rows of merged cells itself)."""
    lines = [1] * g.n_rows
    for (c, r), text in g.cells.items():
        span = g.span_at(c, r) or (c, r, c, r)
        width_mm = sum(g.col_widths_mm[span[0]:span[2] + 1])
        per_line = max(1, int(width_mm / CHAR_MM))
        need = math.ceil(len(text) / per_line) if text else 1
        rows = span[3] - span[1] + 1
        for k in range(span[1], span[3] + 1):
            lines[k] = max(lines[k], math.ceil(need / rows))
    for r, n in enumerate(lines):
        ws.row_dimensions[top + r].height = n * LINE_HEIGHT + 4


def xlsx_bytes(report) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.active
    info.title = wording()["workbook"]["info_sheet"]
    _info_sheet(info, report)
    _cell_styles(wb)
    for part in report.definition.parts:
        if part.table:
            _table_sheet(wb.create_sheet(_sheet_name(part.title)), grid(report, part.table))
    props = wb.properties
    props.title = document_title(report)
    props.creator = props.lastModifiedBy = report.agency.name
    props.subject = wording()["subject"]
    props.language = "zh-CN"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_xlsx(report, out_path) -> Path:
    """Write the workbook to ``out_path`` and return the path (ExportError on failure)."""
    from report.output import ExportError, write_atomically

    check_printable(report, ExportError)
    return write_atomically(out_path, xlsx_bytes(report))
