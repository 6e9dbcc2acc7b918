"""Our own documents read back: every cell and every text as the report holds them.

Both formats, as our PDF, web page and Word file (the exports), a web page with Word-pasted
markup and Word files with merged cells made as agencies make them. Each table cell carries a
different figure, so a cell read from the wrong row or column cannot pass; some cells are
blank and some “/”.
"""

from __future__ import annotations

import pytest

from report.document import Agency, Report
from report.pdf import export_pdf
from report.readers import read_bytes
from report.readers.recognise import recognise
from report.web import export_html
from report.word import export_docx
from tests.readers.conftest import wrong_cells
from tests.readers.documents import fill, web_page, word_file


def _report(form: str, wendeng: Report) -> Report:
    if form == "2021":
        return fill(wendeng.copy())
    r = Report.blank(2020, Agency(name=wendeng.agency.name))
    r.issued_on = wendeng.issued_on.replace(year=2021)
    for fid in ("intro", "overview.lead", "overview.active", "overview.requests", "overview.management",
                "overview.platforms", "overview.oversight", "problems", "improvements"):
        r.texts[fid] = wendeng.texts[fid].replace("2022", "2020")
    r.texts["other.more"] = "本年度无其他需要报告的事项。"
    return fill(r)


def _document(kind: str, report: Report, tmp_path) -> bytes:
    if kind == "pdf":
        return export_pdf(report, tmp_path / "r.pdf", draft=False).read_bytes()
    if kind == "our-html":
        return export_html(report, tmp_path / "r.html").read_bytes()
    if kind == "our-docx":
        return export_docx(report, tmp_path / "r.docx").read_bytes()
    if kind == "pasted-html":
        return web_page(report)
    return word_file(report, inline_headings=kind == "docx-inline")


@pytest.mark.parametrize("form", ["2021", "2019"])
@pytest.mark.parametrize("kind", ["pdf", "our-html", "our-docx", "pasted-html", "docx", "docx-inline"])
def test_every_cell_and_text_comes_back(kind, form, wendeng, tmp_path):
    original = _report(form, wendeng)
    reader = "docx" if "docx" in kind else "html" if "html" in kind else kind
    result = recognise(read_bytes(_document(kind, original, tmp_path), reader))
    got = result.report
    assert (got.form, got.year, got.agency.name, got.issued_on) == (
        original.form, original.year, original.agency.name, original.issued_on)
    assert wrong_cells(got, original) == []
    assert result.missing == []
    five = ("problems", "improvements")
    for fid, text in original.texts.items():
        if fid not in five:
            assert got.texts.get(fid) == text, fid
    # 五's two items print without sub-headings: they come back as one text, split where
    # the measures begin, and that split is on the review list
    assert "\n".join(got.texts.get(f, "") for f in five) == "\n".join(original.texts[f] for f in five)
    assert not [line for line in result.review if "未导入" in line or "没有找到" in line]
    if kind.startswith("our") and original.website_counts:  # the chart is a picture: said so
        assert any("图" in line and "网站公开数量" in line for line in result.review)


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023, 2024, 2025])
def test_every_report_year_reads_in_its_format(year, wendeng, tmp_path):
    report = _report("2019" if year < 2021 else "2021", wendeng)
    report.year = year
    report.issued_on = report.issued_on.replace(year=year + 1)
    result = recognise(read_bytes(export_html(report, tmp_path / "r.html").read_bytes(), "html"))
    assert (result.report.year, result.report.form) == (year, report.form)
    assert wrong_cells(result.report, report) == []
