"""The Word file, read back by python-docx and by LibreOffice: page set-up, styles, tables, texts."""

from __future__ import annotations

import re
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from exportkit import every_text, needs_soffice, report_2019, soffice_to_pdf, squeeze

from report.output import ExportError
from report.printed.tables import grid
from report.word import export_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def seed_docx(seed, tmp_path):
    return Document(export_docx(seed, tmp_path / "seed.docx"))


def test_a4_with_the_official_margins_and_the_22_by_28_grid(seed_docx):
    s = seed_docx.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26]
    grid_el = s._sectPr.find(qn("w:docGrid"))
    assert grid_el.get(qn("w:type")) == "linesAndChars"
    line_pitch_pt = int(grid_el.get(qn("w:linePitch"))) / 20
    text_height_pt = (297 - 37 - 35) / 25.4 * 72
    assert int(text_height_pt // line_pitch_pt) == 22
    char_pitch_pt = 16 + int(grid_el.get(qn("w:charSpace"))) / 4096  # counted from the 三号 default size
    text_width_pt = (210 - 28 - 26) / 25.4 * 72
    assert int(text_width_pt // char_pitch_pt) == 28
    defaults = seed_docx.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{W}sz").get(qn("w:val")) == "32"


def test_named_styles_carry_the_chinese_fonts_and_times_new_roman(seed_docx):
    expected = {"报告标题": ("方正小标宋简体", 22), "报告正文": ("仿宋", 16), "一级标题": ("黑体", 16),
                "二级标题": ("楷体", 16), "落款": ("仿宋", 16), "表格文字": ("宋体", 10.5)}
    for name, (east_asian, size) in expected.items():
        style = seed_docx.styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == east_asian, name
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
        assert style.font.size.pt == size
    paragraphs = seed_docx.paragraphs
    assert [p.text for p in paragraphs[:2]] == ["威海市文登区信访局", "2022年政府信息公开工作年度报告"]
    assert {p.style.name for p in paragraphs[:2]} == {"报告标题"}
    by_style = {}
    for p in paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["一级标题"][0] == "一、总体情况" and len(by_style["一级标题"]) == 6
    assert "（一）主动公开" in by_style["二级标题"]
    assert by_style["落款"] == ["威海市文登区信访局", "2023年1月16日"]
    outline = seed_docx.styles["一级标题"].element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == "0"  # listed in Word's navigation pane


def test_the_clerks_font_choice_names_that_font(seed, tmp_path):
    from report.pdf import fonts as fontsel

    hei = fontsel.bundled_dir() / "wqy-microhei.ttc"
    doc = Document(export_docx(seed, tmp_path / "f.docx", font_files={"body": str(hei)}))
    assert doc.styles["报告正文"].element.rPr.rFonts.get(qn("w:eastAsia")) == "文泉驿微米黑"  # its Chinese name
    kai = fontsel.bundled_dir() / "FandolKai-Regular.ttf"  # a font with no Chinese name: its own family name
    doc = Document(export_docx(seed, tmp_path / "k.docx", font_files={"body": str(kai)}))
    assert doc.styles["报告正文"].element.rPr.rFonts.get(qn("w:eastAsia")) == "FandolKai"
    assert doc.styles["一级标题"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"  # roles not chosen keep theirs


def test_page_numbers_are_page_fields_right_on_odd_and_left_on_even_pages(seed_docx):
    assert seed_docx.settings.odd_and_even_pages_header_footer
    s = seed_docx.sections[0]
    for footer, align in ((s.footer, "right"), (s.even_page_footer, "left")):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.alignment is not None and p.alignment.name.lower() == align
        assert p.style.font.size.pt == 14 and "w:fldChar" in xml


def _spans(table) -> set[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row) of every merged area, from gridSpan and vMerge."""
    spans, open_ = set(), {}
    for r, tr in enumerate(table._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            width = tc.grid_span
            vmerge = tc.vMerge
            if vmerge == "restart":
                if c in open_:
                    spans.add(tuple(open_.pop(c)))
                open_[c] = [c, r, c + width - 1, r]
            elif vmerge == "continue":
                open_[c][3] = r
            elif width > 1:
                spans.add((c, r, c + width - 1, r))
            c += width
    return spans | {tuple(s) for s in open_.values() if s[3] > s[1] or s[2] > s[0]}


@pytest.mark.parametrize("make", ["seed", "form2019"])
def test_tables_have_exactly_the_official_merged_headers(make, request, tmp_path):
    report = request.getfixturevalue(make)
    doc = Document(export_docx(report, tmp_path / "t.docx"))
    assert len(doc.tables) == 3
    for table, tid in zip(doc.tables, ("t2", "t3", "t4"), strict=True):
        g = grid(report, tid)
        assert _spans(table) == set(g.spans), tid
        rows = table._tbl.tr_lst
        assert len(rows) == g.n_rows
        for r, tr in enumerate(rows):
            assert tr.trPr.find(qn("w:cantSplit")) is not None  # rows never split across pages
            assert (tr.trPr.find(qn("w:tblHeader")) is not None) == (r < g.header_rows)
    t3 = doc.tables[1]
    assert t3._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
    figure = next(c for c in t3.rows[5].cells if c.text.strip().isdigit())
    assert figure.paragraphs[0].alignment is None  # centred by the 表格文字 style
    assert doc.styles["表格文字"].paragraph_format.alignment.name == "CENTER"


def test_slash_blank_and_zero_stay_distinct(marked, tmp_path):
    doc = Document(export_docx(marked, tmp_path / "m.docx"))
    t2 = doc.tables[0]
    row = next(r for r in t2.rows if r.cells[0].text == "规章")
    assert [c.text for c in row.cells[1:]] == ["/", "", "0"]
    assert any(c.text == "1.5" for r in t2.rows for c in r.cells)


def test_chart_picture_and_document_properties(seed, tmp_path):
    doc = Document(export_docx(seed, tmp_path / "c.docx"))
    pictures = doc.inline_shapes
    assert len(pictures) == 1
    assert round(pictures[0].width.mm) == 156
    image = doc.part.related_parts[pictures[0]._inline.graphic.graphicData.pic.blipFill.blip.embed]
    assert image.content_type == "image/png" and len(image.blob) > 20_000
    p = doc.core_properties
    assert p.title == "威海市文登区信访局2022年政府信息公开工作年度报告"
    assert p.author == "威海市文登区信访局" and p.language == "zh-CN"
    body = doc.paragraphs
    assert body[-1]._p.xml.count("<pic:pic") == 1  # after the signature, where the PDF places it


def test_a_report_without_agency_name_is_refused(seed, tmp_path):
    seed.agency.name = " "
    with pytest.raises(ExportError, match="单位名称为空"):
        export_docx(seed, tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


@needs_soffice
@pytest.mark.parametrize("make", ["seed", "shuyang", "form2019"])
def test_libreoffice_reads_every_label_and_text(make, request, tmp_path):
    report = request.getfixturevalue(make) if make != "form2019" else report_2019()
    pdf = soffice_to_pdf(export_docx(report, tmp_path / f"{make}.docx"), tmp_path)
    text = squeeze(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout)
    assert re.findall(r"—(\d+)—", text)[:3] == ["1", "2", "3"]  # the PAGE fields, filled in per page
    text = re.sub(r"—\d+—", "", text)  # a paragraph continues across the page footer
    missing = [t for t in every_text(report) if squeeze(t) not in text]
    assert missing == []
