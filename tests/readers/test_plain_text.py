"""The seed report's published text (.txt), whose tables were pasted as pictures."""

from __future__ import annotations

import datetime as dt

import pytest

from report.readers import read_bytes
from report.readers.recognise import recognise
from tests.readers.conftest import DATA, read

SEED = DATA / "seed-report-wendeng-xinfang-2022.txt"


@pytest.fixture(scope="module")
def result():
    return read(SEED)


def test_every_text_of_the_seed_goes_to_its_field(result, wendeng):
    for fid, text in wendeng.texts.items():
        assert result.report.texts.get(fid) == text, fid


def test_title_signature_date_and_website_counts(result, wendeng):
    r = result.report
    assert (r.agency.name, r.year, r.form) == ("威海市文登区信访局", 2022, "2021")
    assert r.issued_on == dt.date(2023, 1, 16)
    assert r.website_counts == wendeng.website_counts
    assert r.website_counts_history == wendeng.website_counts_history


def test_the_pictured_tables_are_named_and_their_cells_listed_not_guessed(result):
    assert all(v is None for cols in result.report.t3.values() for v in cols.values())
    assert len(result.missing) == 200
    for name in ("表二", "表三", "表四"):
        assert any(line.startswith(f"{name}在原文中是图片") for line in result.review)


def test_part_five_without_sub_headings_is_split_and_the_split_is_on_the_review_list(result):
    assert any("没有小标题" in line and "改进措施" in line for line in result.review)


def test_text_saved_by_windows_in_gbk_reads_the_same_and_says_it_was_detected(wendeng):
    result = recognise(read_bytes(SEED.read_text("utf-8").encode("gbk"), "txt"))
    assert result.report.texts["overview.platforms"] == wendeng.texts["overview.platforms"]
    assert any("没有注明编码" in line for line in result.review)


def test_a_text_that_is_not_a_report_is_refused():
    from report.readers import ReadError

    with pytest.raises(ReadError, match="不像是年度报告"):
        recognise(read_bytes("会议通知\n请各单位于周五前报送材料。\n".encode(), "txt"))


def test_a_table_copied_as_text_is_read_in_the_official_order_and_said_so():
    copied = "\n".join([
        "某某县某某局2023年政府信息公开工作年度报告",
        "根据《中华人民共和国政府信息公开条例》，现公布本局2023年度报告。",
        "一、总体情况", "总体。", "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",  # merges lost in the copy
        "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6",
        "三、本年度办理结果\t（一）予以公开\t4\t1\t0\t0\t0\t0\t5",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1",
    ])
    result = recognise(read_bytes(copied.encode("utf-8"), "txt"))
    t3 = result.report.t3
    assert t3["1"] == {"natural": 5, "commercial": 1, "research": 0, "social": 0, "legal": 0, "other": 0, "total": 6}
    assert t3["3.1"]["total"] == 5 and t3["3.2"]["natural"] == 1
    assert any("官方格式的列顺序" in line for line in result.review)
