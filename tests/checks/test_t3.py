"""Table 3 rules on small hand-made reports (the clean seed report, one change per test)."""

from decimal import Decimal


def test_clean_reports_have_no_table3_finding(of, clean, clean2019):
    for r in (clean, clean2019):
        assert [f for f in of(r, "T3-BAL") + of(r, "T3-SUM") + of(r, "T3-ROW") + of(r, "T3-FWD")] == []


def test_balance_names_both_sides_with_values(of, clean):
    clean.set("t3", "1", "natural", 5)
    clean.set("t3", "3.1", "natural", 3)
    clean.set("t3", "4", "natural", 1)
    clean.compute_totals()
    [natural, total] = of(clean, "T3-BAL")
    assert natural.severity == "error"
    assert ("一、本年新收政府信息公开申请数量·自然人 + 二、上年结转政府信息公开申请数量·自然人 = 5 + 0 = 5"
            in natural.message)
    assert "三、（七）总计·自然人 + 四、结转下年度继续办理·自然人 = 3 + 1 = 4" in natural.message
    assert set(natural.cells) == {"t3/1/natural", "t3/2/natural", "t3/3.7/natural", "t3/4/natural"}
    assert "总计" in total.message and total.cells[0] == "t3/1/total"


def test_balance_with_a_blank_cannot_be_verified_and_does_not_block(of, clean):
    clean.set("t3", "2", "research", None)
    [f] = of(clean, "T3-BAL")
    assert f.severity == "warning"
    assert f.message.startswith("无法核对")
    assert "二、上年结转政府信息公开申请数量·法人或其他组织·科研机构为空" in f.message
    assert f.cells == ("t3/2/research",)


def test_balance_wrong_whatever_the_blank_is_an_error(of, clean):
    clean.set("t3", "1", "natural", 5)
    clean.set("t3", "2", "natural", None)  # left side ≥ 5 in any case, right side is 0
    [f] = of(clean, "T3-BAL")
    assert f.severity == "error"
    assert "已填的部分已达 5（另有 1 格为空）" in f.message


def test_results_total_against_its_rows(of, clean):
    clean.set("t3", "1", "natural", 12)
    clean.set("t3", "3.7", "natural", 12)
    clean.set("t3", "3.3.4", "natural", 11)
    [f] = of(clean, "T3-SUM")
    assert f.severity == "error"
    assert f.message == "三、（七）总计·自然人 = 12，但三、本年度办理结果各项之和 = 11。"
    assert "t3/3.3.4/natural" in f.cells and "t3/3.7/natural" in f.cells


def test_results_total_2019_form_counts_its_single_other_row(of, clean2019):
    clean2019.set("t3", "3.6", "social", 2)
    [f] = of(clean2019, "T3-SUM")
    assert f.message == "三、（七）总计·法人或其他组织·社会公益组织 = 0，但三、本年度办理结果各项之和 = 2。"
    assert "t3/3.6/social" in f.cells


def test_balance_2019_form(of, clean2019):
    clean2019.set("t3", "1", "natural", 4)
    clean2019.set("t3", "3.6", "natural", 3)
    clean2019.compute_totals()
    assert [f.cells[0] for f in of(clean2019, "T3-BAL")] == ["t3/1/natural", "t3/1/total"]


def test_carried_forward_cannot_exceed_what_there_was(of, clean):
    clean.set("t3", "1", "legal", 1)
    clean.set("t3", "4", "legal", 3)
    [f] = of(clean, "T3-FWD")
    assert f.severity == "error"
    assert "四、结转下年度继续办理·法人或其他组织·法律服务机构 = 3，超过了" in f.message
    assert "= 1 + 0 = 1" in f.message


def test_whole_numbers_only(of, clean):
    clean.set("t3", "3.1", "natural", -1)
    clean.set("t3", "3.2", "other", Decimal("1.5"))
    negative, fraction = of(clean, "T3-INT")
    assert negative.severity == "error"
    assert negative.message == "三、（一）予以公开·自然人 = -1：件数不能为负数。"
    assert fraction.cells == ("t3/3.2/other",) and "应填整数" in fraction.message


def test_row_total_against_the_applicant_columns(of, clean):
    clean.set("t3", "1", "natural", 2)
    clean.set("t3", "1", "total", 3)
    [f] = of(clean, "T3-ROW")
    assert f.severity == "error"
    assert f.message == "一、本年新收政府信息公开申请数量·总计 = 3，但申请人情况各列之和 = 2。"


def test_blank_cells_are_noted_per_column(of, clean):
    clean.set("t3", "3.3.2", "legal", None)
    clean.set("t3", "3.5.1", "legal", None)
    [f] = of(clean, "T3-BLANK")
    assert f.severity == "note"
    assert f.cells == ("t3/3.3.2/legal", "t3/3.5.1/legal")
    assert "三、（三）不予公开2.其他法律行政法规禁止公开·法人或其他组织·法律服务机构" in f.message
