"""A real 2019-format report: 上海市人民政府办公厅's 2019 report as its site published it (texts
shortened, tables and headings as published), and LibreOffice's Word file of that page.

Its tables are what real ones look like: value cells merged differently from their headers,
blank cells where nothing happened (totals left blank too), 「251000元」 in a 万元 column."""

from __future__ import annotations

import pytest

from tests.readers.conftest import PUBLISHED, read

BLANK = None
T3 = {  # natural, commercial, research, social, legal, other, total — as printed
    "1": (821, 35, BLANK, BLANK, 2, 1, 859),
    "2": (18, BLANK, BLANK, BLANK, BLANK, BLANK, 18),
    "3.1": (258, 12, BLANK, BLANK, 1, 1, BLANK),
    "3.3.6": (3, 1, BLANK, BLANK, BLANK, BLANK, BLANK),
    "3.4.1": (252, 12, BLANK, BLANK, 1, BLANK, BLANK),
    "3.5.2": (5, 4, BLANK, BLANK, BLANK, BLANK, BLANK),
    "3.6": (BLANK,) * 7,
    "3.7": (767, 35, BLANK, BLANK, 2, 1, 805),
    "4": (72, BLANK, BLANK, BLANK, BLANK, BLANK, 72),
}
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


@pytest.fixture(scope="module", params=["shanghai-bangongting-2019.html", "shanghai-bangongting-2019-libreoffice.docx"])
def result(request):
    return read(PUBLISHED / request.param)


def test_the_2019_format_is_told_by_table_two(result):
    assert (result.report.form, result.report.year) == ("2019", 2019)
    assert result.report.agency.name == "上海市人民政府办公厅"


def test_table_three_as_printed_blank_stays_blank(result):
    for row, values in T3.items():
        assert tuple(result.report.t3[row][c] for c in COLUMNS) == values, row
    assert result.missing == []


def test_table_two_values_merged_across_their_headers_pair_with_them_in_order(result):
    t2 = result.report.t2
    assert t2["rules"] == {"made": 13, "published": 13, "total_public": 524}
    assert t2["normative"] == {"made": 60, "published": 60, "total_public": 368}
    assert t2["licensing"] == {"last_year_items": 0, "change": 0, "decisions": 0}
    assert t2["procurement"]["items"] == 6


def test_yuan_in_a_wan_yuan_column_is_left_for_the_clerk(result):
    assert result.report.t2["procurement"]["amount"] is None
    assert [line for line in result.review if "251000元" in line and "万元" in line]
    assert len(result.review) == 2  # that, and the missing issuing date (the page shows none)


def test_table_four_and_the_texts(result):
    t4 = result.report.t4
    assert t4["review"] == {"upheld": 5, "corrected": None, "other": None, "pending": 2, "total": 7}
    assert t4["suit_direct"]["total"] == 9 and t4["suit_after_review"]["total"] is None
    texts = result.report.texts
    assert texts["intro"].startswith("本年度报告根据《中华人民共和国政府信息公开条例》")
    assert texts["overview.requests"].endswith("均在法定期限内予以答复。")
    assert texts["problems"].startswith("（一）主要问题\n一是新《条例》实施后")
    assert texts["improvements"].startswith("（二）改进措施\n一是深入做好《条例》的贯彻落实。")
    assert texts["other.more"] == "无。"
