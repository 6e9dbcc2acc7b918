"""Lay the printed items (report.printed) into a python-docx Document and return its bytes."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from docx.shared import Mm

from report.printed import Item, check_printable, document_title, items
from report.printed.signature import right_indents
from report.printed.tables import TEXT_WIDTH_MM
from report.printed.wording import wording
from report.word import styles, tables


def _paragraph(doc, text: str, style_id: str):
    """A paragraph in a named style, set by its id: python-docx's lookup by name scans every style."""
    p = doc.add_paragraph(text)
    p._p.style = style_id
    return p


def _signature(doc, story: list[Item], style: str) -> None:
    name, date = (next(i.text for i in story if i.kind == kind) for kind in ("signature", "date"))
    name_right, date_right = right_indents(name, date)
    for n, (text, right) in enumerate(((name, name_right), (date, date_right))):
        if not text:
            continue
        p = _paragraph(doc, text, style)
        styles.indent_chars(p._p, right=right)
        if n == 0:
            styles.child(p._p.get_or_add_pPr(), "w:spacing", beforeLines=100, before=round(styles.LINE_PITCH))
            p.paragraph_format.keep_with_next = True


def _properties(doc, report) -> None:
    w, props = wording(), doc.core_properties
    props.title = document_title(report)
    props.author = props.last_modified_by = report.agency.name
    props.subject = w["subject"]
    props.keywords = "；".join([*w["keywords"], report.agency.name, str(report.year)])
    props.language = "zh-CN"
    props.comments = ""
    props.created = props.modified = datetime.now().replace(microsecond=0)
    props.revision = 1


def docx_bytes(report, *, history: dict | None = None, include_chart: bool = True,
               font_files: dict | None = None) -> bytes:
    from report.output import ExportError

    check_printable(report, ExportError)
    doc = Document()
    names = styles.set_up(doc, font_files)
    ids = {role: doc.styles[name].style_id for role, name in names.items()}
    body = doc.paragraphs[0] if doc.paragraphs else None  # the template's empty first paragraph
    story = items(report, history=history, include_chart=include_chart)
    for item in story:
        if item.kind in ("title", "body", "heading1", "heading2"):
            _paragraph(doc, item.text, ids[item.kind])
        elif item.kind == "table":
            tables.add_table(doc, item.payload, names["table"])
        elif item.kind == "signature":
            _signature(doc, story, ids["signature"])
        elif item.kind == "chart":
            from report import chart_picture

            p = _paragraph(doc, "", ids["picture"])
            styles.child(p._p.get_or_add_pPr(), "w:spacing", beforeLines=100, before=round(styles.LINE_PITCH))
            p.add_run().add_picture(io.BytesIO(chart_picture.png(item.payload, font_files)), width=Mm(TEXT_WIDTH_MM))
    if body is not None:
        body._p.getparent().remove(body._p)
    _properties(doc, report)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
