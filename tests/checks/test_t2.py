"""Table 2 rules, both formats."""

from decimal import Decimal


def test_clean_reports_have_no_table2_finding(of, clean, clean2019):
    for r in (clean, clean2019):
        assert [f.rule for f in of(r, "T2-INT") + of(r, "T2-STOCK") + of(r, "T2-2019")] == []


def test_counts_and_money_types(of, clean):
    clean.set("t2", "licensing", "decisions", -3)
    clean.set("t2", "charges", "amount", Decimal("4166.2416191"))
    clean.set("t2", "rules", "issued", "/")  # “/”: no such power, not an error
    negative, places = of(clean, "T2-INT")
    assert negative.severity == "error"
    assert negative.message == "行政许可·本年处理决定数量 = -3：件数不能为负数。"
    assert places.cells == ("t2/charges/amount",)
    assert places.message == ("行政事业性收费·本年收费金额（单位：万元） = 4166.2416191："
                              "单位是万元，最多保留 6 位小数（精确到分）。")
    clean.set("t2", "charges", "amount", Decimal("-1"))
    assert "金额不能为负数" in of(clean, "T2-INT")[1].message


def test_wanyuan_to_the_fen_six_decimals_pass(of, clean, clean2019):
    clean.set("t2", "charges", "amount", Decimal("4166.241619"))
    clean2019.set("t2", "procurement", "amount", Decimal("0.000001"))
    assert of(clean, "T2-INT") == [] and of(clean2019, "T2-INT") == []
    clean2019.set("t2", "procurement", "amount", Decimal("0.0000001"))
    [f] = of(clean2019, "T2-INT")
    assert f.severity == "error" and "最多保留 6 位小数" in f.message


def test_2019_change_may_be_negative_but_counts_not(of, clean2019):
    clean2019.set("t2", "penalty", "last_year_items", 5)
    clean2019.set("t2", "penalty", "change", -2)
    assert of(clean2019, "T2-INT") == []
    clean2019.set("t2", "penalty", "decisions", -1)
    [f] = of(clean2019, "T2-INT")
    assert f.cells == ("t2/penalty/decisions",)


def test_in_force_at_least_issued_unless_repealed(of, clean):
    clean.set("t2", "normative", "issued", 8)
    clean.set("t2", "normative", "in_force", 5)
    [f] = of(clean, "T2-STOCK")
    assert f.severity == "warning"
    assert "行政规范性文件·现行有效件数 = 5，少于行政规范性文件·本年制发件数 = 8" in f.message
    clean.set("t2", "normative", "repealed", 3)  # three of them repealed the same year
    assert of(clean, "T2-STOCK") == []


def test_in_force_blank_cannot_be_verified(of, clean):
    clean.set("t2", "rules", "in_force", None)
    [f] = of(clean, "T2-STOCK")
    assert f.message.startswith("无法核对") and f.cells == ("t2/rules/in_force",)


def test_2019_total_public_at_least_published(of, clean2019):
    clean2019.set("t2", "normative", "published", 4)
    clean2019.set("t2", "normative", "total_public", 2)
    [f] = of(clean2019, "T2-STOCK")
    assert "规范性文件·对外公开总数量 = 2，少于规范性文件·本年新公开数量 = 4" in f.message


def test_charges_probably_in_yuan(of, clean):
    clean.set("t2", "charges", "amount", Decimal("25000"))
    [f] = of(clean, "T2-UNIT")
    assert f.severity == "warning" and f.cells == ("t2/charges/amount",)
    assert "行政事业性收费·本年收费金额（单位：万元） = 25000" in f.message
    clean.agency.kind = "government"
    assert of(clean, "T2-UNIT") == []


def test_department_with_rules(of, clean, clean2019):
    for r in (clean, clean2019):
        col = "issued" if r.form == "2021" else "made"
        r.set("t2", "rules", col, 2)
        [f] = of(r, "T2-RULES")
        assert f.severity == "warning" and f.cells == (f"t2/rules/{col}",)
        assert "部门没有规章制定权" in f.message
        r.agency.kind = "government"
        assert of(r, "T2-RULES") == []


def test_2019_items_cannot_drop_below_zero(of, clean2019):
    clean2019.set("t2", "licensing", "last_year_items", 3)
    clean2019.set("t2", "licensing", "change", -5)
    [f] = of(clean2019, "T2-2019")
    assert f.severity == "warning"
    assert f.message == "行政许可·上一年项目数量 = 3，行政许可·本年增/减 = -5，相加为 -2：本年项目数量不能为负数。"
