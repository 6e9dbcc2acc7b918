"""Text-against-table rules: the clerk's Chinese read with regular expressions."""

import pytest

from report import sentences


@pytest.fixture
def busy(clean):
    """The clean report with applications: 新收 11 + 结转 2 = 办结 12 + 结转下年度 1."""
    for row, v in (("1", 11), ("2", 2), ("3.1", 7), ("3.3.4", 3), ("3.5.2", 2), ("4", 1)):
        clean.set("t3", row, "natural", v)
    clean.compute_totals()
    clean.texts["overview.requests"] = sentences.requests(clean)
    return clean


def test_generated_requests_sentence_agrees_with_the_table(of, busy):
    assert "新收政府信息公开申请11件" in busy.texts["overview.requests"]
    assert [f for r in ("X-REQ", "X-NONE", "X-SUM") for f in of(busy, r)] == []


@pytest.mark.parametrize("phrase, row, value", [
    ("新收政府信息公开申请12件", "1", 11),
    ("上年结转3件", "2", 2),
    ("办结13件", "3.7", 12),
    ("结转下年度继续办理2件", "4", 1),
])
def test_request_figures_against_table3(of, busy, phrase, row, value):
    busy.texts["overview.requests"] = f"2022年，我局{phrase}。"
    [f] = of(busy, "X-REQ")
    assert f.severity == "warning"
    assert f"一（二）依申请公开写“{phrase}”" in f.message
    assert f"·总计 = {value}" in f.message
    assert f.cells == ("texts/overview.requests", f"t3/{row}/total")


def test_figures_about_other_matters_are_not_request_figures(of, busy):
    busy.texts["other.proposals"] = "办结人大代表建议15件、政协提案8件，办理结果均已公开。"
    assert of(busy, "X-REQ") == []


def test_received_may_mean_new_or_new_plus_carried(of, busy):
    busy.texts["overview.requests"] = "全年共收到政府信息公开申请13件。"  # 11 new + 2 carried over
    assert of(busy, "X-REQ") == []
    busy.texts["overview.requests"] = "全年共收到政府信息公开申请14件。"
    [f] = of(busy, "X-REQ")
    assert "一、本年新收政府信息公开申请数量·总计 = 11，加上二、上年结转政府信息公开申请数量·总计也只有 13" in f.message


def test_request_figure_with_blank_total_cannot_be_verified(of, busy):
    busy.set("t3", "3.7", "total", None)
    busy.texts["overview.requests"] = "办结12件。"
    [f] = of(busy, "X-REQ")
    assert f.message.startswith("无法核对") and f.cells == ("t3/3.7/total",)


def test_full_width_digits_are_read(of, busy):
    busy.texts["overview.requests"] = "新收申请１２件。"
    assert len(of(busy, "X-REQ")) == 1


def test_text_says_none_but_table_has_applications(of, busy):
    busy.texts["overview.requests"] = "2022年，我局未收到政府信息公开申请。"
    [f] = of(busy, "X-NONE")
    assert f.severity == "warning"
    assert f.message == ("一（二）依申请公开写“未收到政府信息公开申请”，"
                         "但一、本年新收政府信息公开申请数量·总计 = 11。")


def test_text_says_received_but_table_has_none(of, clean):
    clean.texts["overview.requests"] = "对收到的政府信息公开申请，均在法定期限内答复。"
    [f] = of(clean, "X-NONE")
    assert "像是收到了申请" in f.message and "总计 = 0" in f.message


def test_text_says_no_appeal_but_table4_has_one(of, clean):
    clean.set("t4", "review", "pending", 1)
    clean.set("t4", "review", "total", 1)
    clean.texts["other.more"] = "本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"
    [f] = of(clean, "X-APPEAL")
    assert f.severity == "warning"
    assert f.message.endswith("但行政复议·总计 = 1。")
    assert f.cells == ("texts/other.more", "t4/review/total")


def test_text_says_suits_zero_but_table4_has_one(of, clean):
    clean.set("t4", "suit_after_review", "upheld", 2)
    clean.set("t4", "suit_after_review", "total", 2)
    clean.texts["other.more"] = "行政诉讼案件为0件。"
    [f] = of(clean, "X-APPEAL")
    assert "行政诉讼·复议后起诉·总计 = 2" in f.message


def test_text_says_all_upheld_but_one_was_corrected(of, clean):
    clean.set("t4", "review", "upheld", 2)
    clean.set("t4", "review", "corrected", 1)
    clean.set("t4", "review", "total", 3)
    clean.texts["other.more"] = "本年度行政复议案件均获维持。"
    [f] = of(clean, "X-APPEAL")
    assert "行政复议·结果纠正 = 1" in f.message
    assert "t4/review/corrected" in f.cells


def test_training_on_appeals_is_not_a_statement_about_them(of, clean):
    clean.set("t4", "review", "total", 1)
    clean.set("t4", "review", "pending", 1)
    assert "围绕政府信息公开、行政复议、行政诉讼" in clean.texts["overview.oversight"]
    assert of(clean, "X-APPEAL") == []


def test_seed_breakdown_adds_up_and_enumerators_are_not_parts(of, clean):
    assert "共计76条，其中：1．组织机构类信息3条" in clean.texts["overview.active"]
    assert of(clean, "X-SUM") == []
    clean.texts["overview.active"] = clean.texts["overview.active"].replace("76", "77")
    [f] = of(clean, "X-SUM")
    assert f.severity == "warning"
    assert f.message == "一（一）主动公开写“共计77条”，但其中各项之和为 3 + 1 + 60 + 4 + 8 = 76 条，请核对。"


def test_breakdown_after_a_colon(of, clean):
    clean.texts["overview.active"] = ("全年审核发布各类公开政府信息249条：行政公文9条；重点工作39条；"
                                      "政府网站信息185条。受理网络问政182件。")
    [f] = of(clean, "X-SUM")
    assert "9 + 39 + 185 = 233 条" in f.message


def test_single_subset_and_article_numbers_are_not_a_breakdown(of, clean):
    clean.texts["overview.active"] = "共发布信息30条，其中依据第20条发布政策文件12条。"
    assert of(clean, "X-SUM") == []
    clean.texts["overview.active"] = "共发布信息30条，其中政策文件12条（含解读3条），工作动态17条。"
    [f] = of(clean, "X-SUM")
    assert "12 + 17 = 29" in f.message  # the figure in brackets is part of 12, not a part of 30


def test_last_years_date_left_in_the_text(of, clean):
    clean.texts["overview.active"] = clean.texts["overview.active"].replace("截至2022年", "截至2021年")
    [f] = of(clean, "X-YEAR")
    assert f.severity == "warning" and f.cells == ("texts/overview.active",)
    assert f.message.startswith("一（一）主动公开写着“2021年”")


def test_comparisons_with_last_year_and_next_year_plans_are_fine(of, clean):
    clean.texts["overview.active"] = "与2021年相比，公开数量增加20条。"
    clean.texts["improvements"] = "2023年，我局将进一步加强培训，落实2021年修订的收费办法和2019年修订的《条例》。"
    assert of(clean, "X-YEAR") == []


def test_future_year(of, clean):
    clean.texts["improvements"] = "计划在2025年完成平台改版，进一步提高公开质量和水平。"
    [f] = of(clean, "X-YEAR")
    assert "晚于落款年度" in f.message


def test_statistics_period_must_be_the_report_year(of, clean):
    clean.texts["intro"] = "本报告中所列数据的统计时限自2022年1月1日起至2022年11月30日止。"
    [f] = of(clean, "X-YEAR")
    assert f.message == "开头写的统计时限是“2022年1月1日起至2022年11月30日”，应为2022年1月1日至2022年12月31日。"
    clean.texts["intro"] = "统计时限2022年1月1日至12月31日。"
    assert of(clean, "X-YEAR") == []


def test_intro_naming_an_unofficial_heading(of, seed):
    [f] = of(seed, "X-PARTS")
    assert f.severity == "note" and f.cells == ("texts/intro",)
    assert "“四、政府信息公开行政复议、行政诉讼情况”" in f.message
    assert "因政府信息公开工作被申请行政复议、提起行政诉讼的情况" in f.message


def test_intro_listing_official_headings_after_the_count(of, clean):
    clean.texts["intro"] = ("本报告共分六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                            "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。")
    assert of(clean, "X-PARTS") == []


def test_intro_naming_fewer_parts(of, clean):
    clean.texts["intro"] = ("本报告由总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，"
                            "存在的主要问题及改进情况，其他需要报告的事项共六部分组成。")
    [f] = of(clean, "X-PARTS")
    assert "只列出了 5 部分" in f.message


def test_intro_with_the_wrong_count(of, clean):
    clean.texts["intro"] = "本报告由总体情况等五部分组成。"
    [f] = of(clean, "X-PARTS")
    assert f.message == "开头说本报告共五部分，正式格式共六部分。"


def test_a_field_with_two_openings_is_warned(of, clean):
    carried = sentences.intro(clean).replace(str(clean.year), str(clean.year - 1))  # last year's, carried over
    clean.texts["intro"] = carried + "\n" + sentences.intro(clean)
    [f] = of(clean, "X-OPENING")
    assert f.severity == "warning" and f.cells == ("texts/intro",)
    assert "2 段" in f.message and "开头语" in f.message
    clean.texts["intro"] = sentences.intro(clean)
    assert of(clean, "X-OPENING") == []
