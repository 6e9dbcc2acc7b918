"""Completeness rules: parts written, placeholders, agency and date, publication window."""

import datetime as dt

import pytest


@pytest.mark.parametrize("text, says", [("", "没有填写"), ("无。", "只写了“无。”"), ("  无 ", "只写了“无”")])
def test_problems_can_never_be_none(of, clean, text, says):
    clean.texts["problems"] = text
    [f] = of(clean, "C-PART")
    assert f.severity == "warning" and f.cells == ("texts/problems",)
    assert f.message.startswith(f"五、存在的主要问题及改进情况·存在的主要问题{says}")


def test_too_short_part(of, clean):
    clean.texts["overview.platforms"] = "依托政府网站。"
    [f] = of(clean, "C-PART")
    assert f.message.startswith("一（四）政府信息公开平台建设只有 6 个字")


def test_items_of_part_six_may_be_none(of, clean):
    assert clean.texts["other.more"] == "无。"
    assert of(clean, "C-PART") == []


def test_government_must_report_assessment_appraisal_accountability(of, clean):
    clean.agency.kind = "government"
    [f] = of(clean, "C-PART")
    assert f.cells == ("texts/overview.oversight",)
    assert "没有提到“社会评议”“责任追究”" in f.message  # the seed mentions only 考核 (工作考核)
    clean.texts["overview.oversight"] += "全年开展社会评议1次，未发生责任追究情况。"
    assert of(clean, "C-PART") == []


@pytest.mark.parametrize("placeholder", ["XX", "××", "【单位名称】", "待填", "TODO", "请填写"])
def test_placeholders_left_in(of, clean, placeholder):
    clean.texts["overview.management"] += f"本年度共清理文件{placeholder}件。"
    [f] = of(clean, "C-HOLDER")
    assert f.severity == "error" and f.cells == ("texts/overview.management",)
    assert f"占位文字“{placeholder}”" in f.message


def test_bracketed_column_names_are_not_placeholders(of, clean):
    clean.texts["overview.platforms"] += "在【工作动态】栏目发布信息。"
    assert of(clean, "C-HOLDER") == []
    clean.texts["overview.platforms"] += "联系人：【 】。"
    assert len(of(clean, "C-HOLDER")) == 1


def test_placeholder_in_agency_profile_and_no_false_alarm_on_urls(of, clean):
    clean.agency.website_url = "http://www.wendeng.gov.cn/xxgk/"
    assert of(clean, "C-HOLDER") == []
    clean.agency.phone = "0631-XXXXXXX"
    intro, phone = of(clean, "C-HOLDER")  # the generated opening prints the telephone number too
    assert phone.cells == ("agency/phone",) and phone.message.startswith("电话里还有占位文字“XXXXXXX”")
    assert intro.cells == ("texts/intro",)


def test_agency_name_and_issuing_date_required(of, clean):
    clean.agency.name = " "
    clean.issued_on = None
    name, date = of(clean, "C-AGENCY")
    assert (name.severity, name.cells) == ("error", ("agency/name",))
    assert "单位名称" in name.message and "落款日期" in date.message and date.cells == ("issued_on",)


@pytest.mark.parametrize("kind, issued, late", [
    ("department", dt.date(2023, 1, 31), False),
    ("department", dt.date(2023, 2, 1), True),
    ("government", dt.date(2023, 3, 31), False),
    ("government", dt.date(2023, 4, 1), True),
    ("department", dt.date(2022, 12, 30), True),
])
def test_publication_window(of, clean, kind, issued, late):
    clean.agency.kind, clean.issued_on = kind, issued
    if kind == "government":
        clean.texts["overview.oversight"] += "工作考核、社会评议和责任追究结果情况已公开。"
    found = of(clean, "C-DATE")
    assert bool(found) == late
    if late:
        assert found[0].severity == "note" and found[0].cells == ("issued_on",)
        assert "第四十九条" in found[0].message
