"""PDFs and Word files made the way a clerk's office makes them, and a scanned PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from report.readers import ReadError, read_source
from report.readers.pdf import SCANNED
from tests.readers.conftest import PUBLISHED, read, wrong_cells

CUT_OFF = [("t4", "suit_after_review", c) for c in ("other", "pending", "total")]


def test_libreoffice_word_file_of_the_page_reads_every_cell(shuyang):
    result = read(PUBLISHED / "shuyang-fagaiju-2023-libreoffice.docx")
    assert wrong_cells(result.report, shuyang) == []
    assert result.report.issued_on == dt.date(2024, 1, 17)
    assert result.report.texts["overview.platforms"].startswith("为确保部门网站网络信息安全平稳运行")


def test_libreoffice_pdf_of_the_page_reads_table_three_across_five_page_breaks(shuyang):
    """LibreOffice breaks table 3 over six pages, cutting some labels in two, and prints
    table 4 wider than the page: its last three cells are not in the PDF at all."""
    result = read(PUBLISHED / "shuyang-fagaiju-2023-libreoffice-web.pdf")
    assert [w for w in wrong_cells(result.report, shuyang) if "t4" not in w] == []
    assert result.missing == CUT_OFF
    assert any(line.startswith("表四中没有找到") and "复议后起诉" in line for line in result.review)
    assert result.report.texts["problems"].startswith("（一）存在的主要问题。")


def test_a_pdf_with_no_text_layer_is_refused_as_a_picture(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)  # a scanner's page: marks, no text
    c.showPage()
    c.save()
    with pytest.raises(ReadError) as info:
        read_source(path)
    assert str(info.value) == SCANNED and "扫描" in SCANNED


@pytest.mark.parametrize("name, message", [
    ("report.doc", "另存为” .docx"), ("report.mht", "网页，全部"), ("report.xlsx", "不能读取 .xlsx"),
])
def test_files_of_other_kinds_are_refused_with_what_to_do(tmp_path, name, message):
    (tmp_path / name).write_bytes(b"x")
    with pytest.raises(ReadError, match=message):
        read_source(tmp_path / name)


def test_a_damaged_word_file_is_refused(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ReadError, match="无法打开这个 Word 文件"):
        read_source(tmp_path / "broken.docx")
