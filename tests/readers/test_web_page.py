"""A report published as a web page: the Shuyang 2023 page as its site serves it, in its encodings."""

from __future__ import annotations

import datetime as dt

import pytest

from report.readers import read_bytes
from report.readers.recognise import recognise
from tests.readers.conftest import PUBLISHED, read, wrong_cells

PAGE = PUBLISHED / "shuyang-fagaiju-2023.html"


@pytest.fixture(scope="module")
def result():
    return read(PAGE)


def test_every_table_cell_of_the_real_page_is_read_right(result, shuyang):
    assert result.report.form == "2021" and result.report.year == 2023
    assert wrong_cells(result.report, shuyang) == []
    assert result.missing == []


def test_blank_cells_stay_blank_and_zero_stays_zero(result):
    assert result.report.get("t3", "1", "commercial") is None
    assert result.report.get("t3", "2", "natural") == 0
    assert result.report.get("t4", "review", "pending") == 1


def test_agency_date_and_every_part_are_found(result):
    r = result.report
    assert r.agency.name == "沭阳县发展和改革局"
    assert r.issued_on == dt.date(2024, 1, 17)
    assert r.texts["intro"].startswith("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求")
    assert r.texts["intro"].endswith("电话：0527—83593059）。")
    assert r.texts["overview.lead"].startswith("2023年，县发展和改革局认真贯彻执行")
    assert "249条" in r.texts["overview.active"]
    assert r.texts["overview.requests"].startswith("2023年度我局共收到依申请信息公开26件")


def test_the_agencys_own_sub_headings_go_to_the_official_fields(result):
    texts = result.report.texts
    # （三）完善公开制度规范，加强政府信息管理 · （四）加强平台建设，扩展公开渠道 · （五）及时回应关切，自觉接受监督
    assert texts["overview.management"].startswith("我局所有发布信息均按照“先审查、后公开")
    assert texts["overview.platforms"].startswith("为确保部门网站网络信息安全平稳运行")
    assert texts["overview.oversight"].startswith("不断完善公共诉求服务相关工作")
    assert texts["problems"].startswith("（一）存在的主要问题。各科室人员")  # 五 headed 存在的主要问题及整改措施
    assert texts["improvements"].startswith("（二）整改措施。为进一步规范")


def test_only_the_unheaded_part_six_is_left_for_review(result):
    assert result.report.texts["other.more"] == "2023年度，县发展和改革局政府信息公开未发生收费情况。"
    assert len(result.review) == 1 and "六、其他需要报告的事项" in result.review[0]


def test_the_sites_navigation_and_header_are_not_taken_into_the_report(result):
    texts = "".join(result.report.texts.values())
    assert "首页" not in texts and "索引号" not in texts and "采集时间" not in texts
    assert any("采集时间" in t for t in result.outside)


@pytest.mark.parametrize("declared", ["gbk", "GB2312", "gb18030"])
def test_a_page_served_in_gbk_reads_the_same_without_a_note(declared, shuyang):
    page = PAGE.read_text("utf-8").replace('charset="utf-8"', f'charset="{declared}"')
    result = recognise(read_bytes(page.encode("gb18030"), "html"))
    assert wrong_cells(result.report, shuyang) == []
    assert result.report.texts["overview.lead"].startswith("2023年，县发展和改革局")
    assert not any("编码" in line for line in result.review)


def test_a_page_whose_declared_encoding_is_wrong_is_read_and_the_guess_is_on_the_review_list(shuyang):
    page = PAGE.read_text("utf-8")  # declares utf-8 (twice), but the bytes are GBK
    result = recognise(read_bytes(page.encode("gbk"), "html"))
    assert wrong_cells(result.report, shuyang) == []
    assert any("编码" in line and "GB18030" in line for line in result.review)


def test_a_page_saved_without_any_declaration_is_detected_and_said_so(shuyang):
    page = PAGE.read_text("utf-8").replace('<meta charset="utf-8" />', "").replace('<meta charset="utf-8">', "")
    result = recognise(read_bytes(page.encode("gb18030"), "html"))
    assert wrong_cells(result.report, shuyang) == []
    assert any("没有注明编码" in line for line in result.review)
