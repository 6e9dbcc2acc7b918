"""The sentences the program offers and prints agree with the figures the clerk entered."""

from decimal import Decimal

from report import sentences
from report.document import Agency, Report


def test_seed_sentences_match_the_published_report(seed_path):
    r = Report.load(seed_path)
    assert sentences.requests(r) == "2022年，我局未收到政府信息公开申请。"
    assert sentences.fees(r) == "2022年，本单位未收取信息处理费。"
    assert sentences.for_field(r, "overview.requests") == ["2022年，我局未收到政府信息公开申请。"]


def test_intro_names_every_part_the_period_the_website_and_the_contact(seed_path):
    r = Report.load(seed_path)
    text = sentences.intro(r)
    for heading in (p.heading for p in r.definition.parts):
        assert heading in text
    assert "共六部分组成" in text
    assert "自2022年1月1日起至2022年12月31日止" in text
    assert "http://www.wendeng.gov.cn" in text
    assert "邮编：264400" in text and "传真：0631-8805565" in text
    assert "国办公开办函〔2021〕30号" in text


def test_intro_leaves_out_what_the_agency_profile_lacks():
    r = Report.blank(2023, Agency(name="某县某局"))
    text = sentences.intro(r)
    assert "查阅" not in text and "联系" not in text
    assert "某县某局2023年" in text


def test_requests_sentence_gives_table_3_figures():
    r = Report.blank(2023, Agency(name="某局", self_name="我局"))
    for row in r.definition.tables["t3"].row_ids():
        r.set("t3", row, "natural", 0)
    r.set("t3", "1", "natural", 5)
    r.set("t3", "2", "natural", 2)
    r.set("t3", "3.1", "natural", 3)
    r.set("t3", "3.5.2", "natural", 2)
    r.set("t3", "4", "natural", 2)
    r.compute_totals()
    assert sentences.requests(r) == ("2023年，我局新收政府信息公开申请5件，上年结转2件；办结5件，"
                                     "其中予以公开3件，不予处理2件；结转下年度继续办理2件。")


def test_requests_sentence_counts_other_handling_in_either_format():
    sentence = {}
    for year, other_rows in ((2020, ["3.6"]), (2023, ["3.6.1", "3.6.3"])):
        r = Report.blank(year, Agency(name="某局", self_name="我局"))
        for row in r.definition.tables["t3"].row_ids():
            r.set("t3", row, "natural", 0)
        r.set("t3", "1", "natural", 4)
        r.set("t3", "3.3.2", "natural", 2)
        for row in other_rows:
            r.set("t3", row, "natural", 1)
        r.set("t3", "4", "natural", 4 - 2 - len(other_rows) if year == 2020 else 0)
        r.compute_totals()
        sentence[year] = sentences.requests(r)
    assert "其中不予公开2件，其他处理1件；结转下年度继续办理1件" in sentence[2020]
    assert "其中不予公开2件，其他处理2件；结转下年度继续办理0件" in sentence[2023]


def test_no_sentence_is_offered_when_a_figure_is_blank():
    r = Report.blank(2023, Agency(name="某局"))
    r.set("t3", "1", "total", 4)
    assert sentences.requests(r) == ""
    assert sentences.for_field(r, "overview.requests") == []


def test_fee_sentence_from_figures_and_none_for_2019():
    r = Report.blank(2023, Agency(name="某局"))
    r.fees = {"notices": 2, "billed": Decimal("300.00"), "collected": Decimal("100")}
    assert sentences.fees(r) == ("2023年，本单位依据《政府信息公开信息处理费管理办法》发出收费通知2件，"
                                 "收费通知总金额300.00元，实际收取信息处理费100元。")
    assert sentences.fees(Report.blank(2020, Agency(name="某局"))) == ""


def test_effective_text_prefers_the_clerks_text_and_generates_only_where_defined(seed_path):
    r = Report.load(seed_path)
    assert sentences.effective_text(r, "intro") == r.texts["intro"]
    r.texts["intro"] = "  "
    assert sentences.effective_text(r, "intro") == sentences.intro(r)
    r.texts["other.fees"] = ""
    assert sentences.effective_text(r, "other.fees") == "2022年，本单位未收取信息处理费。"
    r.texts["overview.requests"] = ""
    assert sentences.effective_text(r, "overview.requests") == ""
