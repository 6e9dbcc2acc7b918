"""Tables 2–4 as real Word tables: the official merged headers from the model's grid, borders,
header rows repeated on every page, rows that never split across pages, figures centred."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from report.pdf import stylesheet as ss
from report.printed.tables import TEXT_WIDTH_MM, Grid

_LINE = str(int(ss.TABLE_LINE_WIDTH * 8))  # border width in eighths of a point


def _el(tag: str, **attrs):
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def _table_properties(table, padding: float) -> None:
    tblPr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar"):
        old = tblPr.find(qn(tag))
        if old is not None:
            tblPr.remove(old)
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="single", sz=_LINE, space=0, color="000000"))
    margins = _el("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_el(f"w:{side}", w=int(padding * 20), type="dxa"))
    # CT_TblPr order: tblStyle … tblW, jc, … tblBorders, shd, tblLayout, tblCellMar, tblLook
    tblPr.insert_element_before(_el("w:tblW", w=int(Mm(TEXT_WIDTH_MM).twips), type="dxa"),
                                "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    tblPr.insert_element_before(_el("w:tblLayout", type="fixed"), "w:tblCellMar", "w:tblLook")
    tblPr.insert_element_before(margins, "w:tblLook")


def _paragraph(text: str, style_id: str, size_half_points: int, left: bool, keep: bool):
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle", val=style_id))
    if keep:
        ppr.append(_el("w:keepNext"))
    if left:
        ppr.append(_el("w:jc", val="left"))
    p.append(ppr)
    if text:
        r = _el("w:r")
        rpr = _el("w:rPr")
        rpr.append(_el("w:sz", val=size_half_points))
        rpr.append(_el("w:szCs", val=size_half_points))
        r.append(rpr)
        t = _el("w:t")
        t.text = text
        r.append(t)
        p.append(r)
    return p


def _cell(width_twips: int, span: int, vmerge: str | None, paragraph):
    tc = _el("w:tc")
    tcPr = _el("w:tcPr")
    tcPr.append(_el("w:tcW", w=width_twips, type="dxa"))
    if span > 1:
        tcPr.append(_el("w:gridSpan", val=span))
    if vmerge:
        tcPr.append(_el("w:vMerge", val=vmerge))
    tcPr.append(_el("w:vAlign", val="center"))
    tc.append(tcPr)
    tc.append(paragraph)
    return tc


def add_table(doc, g: Grid, style_name: str):
    """Append grid ``g`` to ``doc`` as a Word table (built as XML: python-docx's merge is quadratic).

    Every row but the last is kept with the next, as Word and WPS keep a table together: a table
    that fits one page starts on a new page with its heading rather than break a merged label;
    a longer one breaks between rows, its header rows repeated."""
    cell_style, _label, padding = ss.table_text(g.table_id)
    table = doc.add_table(rows=0, cols=g.n_cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_properties(table, padding)
    widths = [int(Mm(w).twips) for w in g.col_widths_mm]
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    style_id = doc.styles[style_name].style_id
    size = int(cell_style.size * 2)
    starts = {(s[0], s[1]): s for s in g.spans}
    below = {(s[0], r): s for s in g.spans for r in range(s[1] + 1, s[3] + 1)}  # vMerge continuations
    covered = g.covered()
    for r in range(g.n_rows):
        tr = _el("w:tr")
        trPr = _el("w:trPr")
        trPr.append(_el("w:cantSplit"))
        if r < g.header_rows:
            trPr.append(_el("w:tblHeader"))
        tr.append(trPr)
        for c in range(g.n_cols):
            span = starts.get((c, r)) or below.get((c, r))
            if span is None and (c, r) in covered:
                continue  # inside a horizontal span, already counted by its gridSpan
            cols = span[2] - span[0] + 1 if span else 1
            width = sum(widths[c:c + cols])
            keep = r < g.n_rows - 1
            if span and span[1] != r:
                tr.append(_cell(width, cols, "continue", _paragraph("", style_id, size, False, keep)))
                continue
            vmerge = "restart" if span and span[3] > span[1] else None
            text = g.cells.get((c, r), "")
            left = (c, r) in g.labels and not (span and span[3] > span[1])
            tr.append(_cell(width, cols, vmerge, _paragraph(text, style_id, size, left, keep)))
        table._tbl.append(tr)
    return table
