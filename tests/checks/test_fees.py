"""信息处理费 rules (2021 form only)."""

from decimal import Decimal


def _fees(report, notices, billed, collected):
    report.fees = {"notices": notices, "billed": billed, "collected": collected}


def test_collected_within_billed(of, clean):
    _fees(clean, 2, Decimal("100"), Decimal("150.5"))
    [f] = of(clean, "F-PAID")
    assert f.severity == "error"
    assert f.message == ("信息处理费·实际收取的总金额 = 150.5 元，超过了信息处理费·收费通知的总金额 = 100 元："
                         "实收不能多于通知收取的金额。")
    assert f.cells == ("fees/collected", "fees/billed")


def test_blank_fee_cannot_be_verified(of, clean):
    _fees(clean, 0, None, Decimal(0))
    [f] = of(clean, "F-PAID")
    assert f.severity == "warning" and f.cells == ("fees/billed",)


def test_fee_figure_types(of, clean):
    _fees(clean, -1, Decimal("1.234"), Decimal(0))
    notices, billed = of(clean, "F-INT")
    assert notices.cells == ("fees/notices",) and "不能为负数" in notices.message
    assert billed.cells == ("fees/billed",) and "最多保留 2 位小数" in billed.message


def test_dropped_for_not_paying_needs_a_notice(of, clean):
    clean.set("t3", "3.6.2", "natural", 1)
    clean.set("t3", "3.6.2", "total", 1)
    [f] = of(clean, "F-NOTICE")
    assert f.severity == "warning"
    assert "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请·总计 = 1" in f.message
    assert f.cells == ("t3/3.6.2/total", "fees/notices")
    clean.fees["notices"] = 1
    assert of(clean, "F-NOTICE") == []


def test_text_says_none_while_collected(of, clean):
    _fees(clean, 1, Decimal("50"), Decimal("50"))
    clean.texts["other.fees"] = "2022年，本单位未收取信息处理费。"
    [f] = of(clean, "F-TEXT")
    assert "写着“未收取”" in f.message and "实际收取的总金额 = 50 元" in f.message
    clean.texts["other.fees"] = ""  # the generated sentence states the figures
    assert of(clean, "F-TEXT") == []


def test_text_says_nothing_about_fees(of, clean):
    clean.texts["other.fees"] = "本年度工作顺利。"
    [f] = of(clean, "F-TEXT")
    assert f.message.startswith("六（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况没有写收费情况")
    assert f.cells == ("texts/other.fees", "fees/collected")


def test_information_fee_typed_into_table2(of, clean):
    _fees(clean, 1, Decimal("300"), Decimal("300"))
    clean.set("t2", "charges", "amount", Decimal("0.03"))
    [f] = of(clean, "F-NOTT2")
    assert f.severity == "note" and set(f.cells) == {"t2/charges/amount", "fees/collected"}
    clean.set("t2", "charges", "amount", Decimal("0.0301"))
    assert of(clean, "F-NOTT2") == []


def test_2019_form_has_no_fee_rules(of, clean2019):
    assert clean2019.fees is None
    assert [f for r in ("F-PAID", "F-TEXT", "F-NOTICE", "F-INT") for f in of(clean2019, r)] == []
