"""How real reports vary around the official form: titles, headings on a line with text,
signatures, dates, running headers in PDFs."""

from __future__ import annotations

import datetime as dt

import pytest

from report.readers import read_bytes, read_source
from report.readers.lines import parse_date
from report.readers.recognise import recognise
from tests.readers.conftest import DATA


def _page(*paragraphs: str) -> bytes:
    return ("<html><meta charset='utf-8'><body>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</body></html>").encode("utf-8")


OPENING = "根据《中华人民共和国政府信息公开条例》，现公布本局2022年度政府信息公开工作年度报告。"


def test_year_before_the_agency_in_the_title():
    r = recognise(read_bytes(_page("2022年威海市文登区信访局政府信息公开工作年度报告", OPENING,
                                   "一、总体情况", "总体。"), "html")).report
    assert (r.agency.name, r.year) == ("威海市文登区信访局", 2022)


def test_a_part_heading_with_its_text_on_the_same_line_keeps_the_text():
    r = recognise(read_bytes(_page("某某局2022年政府信息公开工作年度报告", OPENING,
                                   "一、总体情况。2022年，我局认真贯彻《条例》。", "（一）主动公开情况",
                                   "全年主动公开信息76条。"), "html")).report
    assert r.texts["overview.lead"] == "2022年，我局认真贯彻《条例》。"
    assert r.texts["overview.active"] == "全年主动公开信息76条。"


def test_signature_and_date_on_one_line_end_the_report():
    result = recognise(read_bytes(_page("某某局2022年政府信息公开工作年度报告", OPENING, "一、总体情况", "总体。",
                                        "六、其他需要报告的事项", "无。", "某某局　　2023年1月16日",
                                        "打印本页 关闭窗口"), "html"))
    assert result.report.issued_on == dt.date(2023, 1, 16)
    assert result.report.texts["other.more"] == "无。"
    assert "打印本页关闭窗口" in result.outside


@pytest.mark.parametrize("text, date", [
    ("2023年1月16日", dt.date(2023, 1, 16)), ("２０２３年１月１６日", dt.date(2023, 1, 16)),
    ("二〇二三年一月十六日", dt.date(2023, 1, 16)), ("二〇二四年十二月三十一日", dt.date(2024, 12, 31)),
    ("2023年2月30日", None), ("截至2023年1月16日", None),
])
def test_issuing_dates_as_agencies_write_them(text, date):
    assert parse_date(text) == date


def test_a_running_header_on_every_pdf_page_is_not_taken_into_the_text(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from report import resources

    pdfmetrics.registerFont(TTFont("Song", str(resources.path("fonts", "FandolSong-Bold.ttf"))))
    lines = DATA.joinpath("seed-report-wendeng-xinfang-2022.txt").read_text("utf-8").splitlines()
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("[") and "\t" not in ln]
    rows = []  # paragraphs wrapped at 30 characters, the first line indented by two
    for line in lines:
        rows += [(92 if i == 0 else 72, line[i:i + 30]) for i in range(0, len(line), 30)]
    path = tmp_path / "headed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for start in range(0, len(rows), 30):
        c.setFont("Song", 9)
        c.drawString(72, 800, "威海市文登区信访局政府信息公开工作年度报告")  # the running header
        c.setFont("Song", 10)
        for n, (x, text) in enumerate(rows[start:start + 30]):
            c.drawString(x, 760 - 22 * n, text)
        c.showPage()
    c.save()
    result = recognise(read_source(path)[0])
    assert not any("威海市文登区信访局政府信息公开工作年度报告" in t for t in result.report.texts.values())
    assert result.report.texts["other.fees"] == "2022年，本单位未收取信息处理费。"
