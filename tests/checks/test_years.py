"""Cross-year rules: this report against last year's (same agency), across formats too."""

import datetime as dt
from decimal import Decimal

import pytest


@pytest.fixture
def last(clean):
    """Last year's report of the same agency, its texts rewritten so that they are not copies."""
    r = clean.copy()
    r.year, r.issued_on = 2021, dt.date(2022, 1, 20)
    r.texts = {k: "" for k in r.texts}
    return r


def test_no_previous_no_cross_year_finding(of, clean):
    assert [f for f in of(clean, "Y-CARRY") + of(clean, "Y-COPY") + of(clean, "Y-PREV")] == []


def test_carried_over_equals_last_years_carried_forward(of, clean, last):
    for r, row, v in ((last, "1", 2), (last, "4", 2), (clean, "2", 1), (clean, "3.1", 1)):
        r.set("t3", row, "natural", v)
        r.compute_totals()
    findings = of(clean, "Y-CARRY", last)
    assert [f.cells for f in findings] == [("t3/2/natural",), ("t3/2/total",)]
    assert findings[0].severity == "warning"
    assert ("二、上年结转政府信息公开申请数量·自然人 = 1，但2021年报告的四、结转下年度继续办理·自然人 = 2"
            in findings[0].message)


def test_carried_over_with_last_year_blank_cannot_be_verified(of, clean, last):
    last.set("t3", "4", "other", None)
    [f] = of(clean, "Y-CARRY", last)
    assert f.message.startswith("无法核对") and "2021年报告的四、结转下年度继续办理·法人或其他组织·其他" in f.message


def test_stock_in_force_follows_last_year(of, clean, last):
    last.set("t2", "normative", "in_force", 10)
    clean.set("t2", "normative", "issued", 3)
    clean.set("t2", "normative", "repealed", 1)
    clean.set("t2", "normative", "in_force", 11)
    [f] = of(clean, "Y-STOCK", last)
    assert f.severity == "warning"
    assert f.message.startswith("行政规范性文件·现行有效件数 = 11，但按2021年报告的行政规范性文件·现行有效件数 10")
    assert "计算应为 12" in f.message
    clean.set("t2", "normative", "in_force", 12)
    assert of(clean, "Y-STOCK", last) == []


def test_copied_text_even_with_new_figures(of, clean, last):
    last.texts["overview.active"] = clean.texts["overview.active"].replace("76", "81").replace("60", "65")
    last.texts["other.fees"] = clean.texts["other.fees"]  # a stock sentence, too short to count
    [f] = of(clean, "Y-COPY", last)
    assert f.severity == "warning" and f.cells == ("texts/overview.active",)
    assert f.message.startswith("一（一）主动公开除年份和数字外，与2021年报告的同一部分相同：")
    assert "%" not in f.message


def test_a_nearly_copied_text_says_how_much_is_the_same(of, clean, last):
    last.texts["overview.active"] = clean.texts["overview.active"] + "全年未发生失泄密事件。"
    [f] = of(clean, "Y-COPY", last)
    assert "除年份和数字外，与2021年报告的同一部分有 9" in f.message and "% 相同" in f.message


def test_rewritten_text_is_not_a_copy(of, clean, last):
    last.texts["overview.active"] = ("2021年，我局在区政府网站发布各类信息，重点做好信访政策法规的宣传解读，"
                                     "及时更新机构职能、领导分工和办事指南，全年未出现信息发布错误。")
    assert of(clean, "Y-COPY", last) == []


def test_every_figure_the_same_as_last_year(of, clean, last):
    for r in (clean, last):
        r.set("t2", "licensing", "decisions", 4)
    [f] = of(clean, "Y-SAME", last)
    assert f.severity == "warning" and "与2021年报告完全相同" in f.message
    clean.set("t2", "licensing", "decisions", 5)
    assert of(clean, "Y-SAME", last) == []


def test_all_zero_both_years_is_not_suspicious(of, clean, last):
    assert of(clean, "Y-SAME", last) == []


def test_2019_form_compares_by_summing_other_handling(of, clean, clean2019):
    this = clean.copy()
    this.year, this.issued_on = 2021, dt.date(2022, 1, 20)
    clean2019.set("t3", "3.6", "natural", 3)
    this.set("t3", "3.6.1", "natural", 1)
    this.set("t3", "3.6.2", "natural", 2)
    [f] = of(this, "Y-SAME", clean2019)
    assert "与2020年报告完全相同" in f.message
    this.set("t3", "3.6.2", "natural", 1)
    assert of(this, "Y-SAME", clean2019) == []


def test_carry_across_formats(of, clean, clean2019):
    this = clean.copy()
    this.year, this.issued_on = 2021, dt.date(2022, 1, 20)
    clean2019.set("t3", "4", "commercial", 1)
    [f] = of(this, "Y-CARRY", clean2019)
    assert "2020年报告的四、结转下年度继续办理·法人或其他组织·商业企业 = 1" in f.message


def test_pending_cases_of_last_year_need_a_word(of, clean, last):
    last.set("t4", "review", "pending", 1)
    last.set("t4", "review", "total", 1)
    clean.texts["overview.oversight"] = "配备政务公开专职工作人员2名，召开培训会议1次。积极落实考核制度。"
    [f] = of(clean, "Y-PENDING", last)
    assert f.severity == "note" and "2021年报告的行政复议·尚未审结 = 1" in f.message
    clean.texts["other.more"] = "2021年尚未审结的1件行政复议案件已于本年审结，结果维持。"
    assert of(clean, "Y-PENDING", last) == []


def test_previous_report_of_another_year_is_not_compared(of, clean, last):
    last.year = 2020
    last.set("t3", "4", "natural", 5)
    [f] = of(clean, "Y-PREV", last)
    assert f.severity == "note" and "不是上一年度（2021年）的" in f.message
    assert of(clean, "Y-CARRY", last) == []


def test_previous_report_of_another_agency_is_not_compared(of, clean, last):
    last.agency.name = "威海市文登区民政局"
    [f] = of(clean, "Y-PREV", last)
    assert "威海市文登区民政局" in f.message


def test_repetition_rate_of_a_report_copied_from_last_year(of, clean, last):
    last.texts = {k: v.replace("2022", "2021").replace("76", "70") for k, v in clean.texts.items()}
    [f] = of(clean, "Y-RATE", last)
    assert f.severity == "note"
    assert f.message.startswith("正文与2021年报告的重复率 100%（不计年份和数字），评分细则一般以 50% 为限："
                                "重复主要在一、总体情况（100%）")
    assert "texts/overview.active" in f.cells


def test_repetition_rate_names_the_parts_that_carry_it(of, clean, last):
    kept = ("overview.active", "overview.management", "overview.platforms", "overview.oversight", "problems")
    last.texts = {k: clean.texts[k] for k in kept}
    last.texts["overview.lead"] = "全年围绕中心工作推进政务公开，取得了新的进展。" * 3
    [f] = of(clean, "Y-RATE", last)
    assert f.message == ("正文与2021年报告的重复率 62%（不计年份和数字），评分细则一般以 50% 为限：重复主要在"
                         "一、总体情况（79%）、五、存在的主要问题及改进情况（52%）。请按本年度的实际情况改写。")
    assert set(f.cells) == {f"texts/{fid}" for fid in clean.texts if fid.startswith("overview.")} | {
        "texts/problems", "texts/improvements"}


def test_repetition_rate_at_half_or_below_says_nothing(of, clean, last):
    assert of(clean, "Y-RATE", last) == []  # last year's texts all empty
    last.texts = {"overview.active": clean.texts["overview.active"]}
    assert of(clean, "Y-RATE", last) == []  # one part of several repeated


@pytest.mark.parametrize("before, now, says", [
    (10, 100, "是上年的 10.0 倍"), (60, 11, "只有上年的 18%"), (12, 0, "降为 0"),
])
def test_an_implausible_jump_asks_to_be_confirmed(of, clean, last, before, now, says):
    last.set("t2", "licensing", "decisions", before)
    clean.set("t2", "licensing", "decisions", now)
    [f] = of(clean, "Y-JUMP", last)
    assert f.severity == "note" and f.cells == ("t2/licensing/decisions",)
    assert f.message.startswith(f"行政许可·本年处理决定数量 = {now}，2021年为 {before}，{says}：变化很大")


@pytest.mark.parametrize("before, now", [(10, 50), (9, 100), (100, 20), (5, 0), (0, 40)])
def test_a_plausible_change_is_not_a_jump(of, clean, last, before, now):
    last.set("t2", "licensing", "decisions", before)
    clean.set("t2", "licensing", "decisions", now)
    assert of(clean, "Y-JUMP", last) == []


def test_jump_in_money_and_in_table_totals(of, clean, last):
    last.set("t2", "charges", "amount", Decimal("12.5"))
    clean.set("t2", "charges", "amount", Decimal("125000"))  # typed in 元
    last.set("t4", "review", "total", 60)
    clean.set("t4", "review", "total", 11)
    assert [f.cells for f in of(clean, "Y-JUMP", last)] == [("t2/charges/amount",), ("t4/review/total",)]
    clean.set("t3", "3.1", "natural", 500)  # a result row is not compared, only the 总计 of rows 1, 2, 3.7, 4
    assert len(of(clean, "Y-JUMP", last)) == 2
