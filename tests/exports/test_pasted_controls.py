"""A NUL, a line break or Word's cell mark (\\x07) pasted into the report reaches no exported file."""

import re

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from report.exports import export

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_every_format_prints_the_name_and_texts_without_control_characters(seed, tmp_path):
    seed.agency.name = "威海市文登区\x00信访局\n"
    seed.texts["problems"] = "一格\x07二\x0b三\x1b"
    files = export(seed, {fid: tmp_path / f"r.{fid}" for fid in ("pdf", "docx", "html", "xlsx", "json")})
    assert len(files) == 5
    pdf = "".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    docx = "\n".join(p.text for p in Document(tmp_path / "r.docx").paragraphs)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    xlsx = "\n".join(str(c.value) for ws in load_workbook(tmp_path / "r.xlsx") for row in ws.iter_rows() for c in row)
    for text in (pdf, docx, html, xlsx):
        assert "威海市文登区 信访局" in text and not CONTROL.search(text)
    for text in (pdf, docx, html):
        assert "一格二" in text
    assert "\\u0007" not in (tmp_path / "r.json").read_text(encoding="utf-8")
