"""The report document and its file: lossless round trip, blank/0/“/” kept apart, money as Decimal,
totals computed only when asked, and malformed files refused with a Chinese message."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from report.document import SLASH, Agency, Report, ReportFileError


@pytest.mark.parametrize("name", ["seed_path", "shuyang_path"])
def test_round_trip_is_lossless(request, name):
    path = request.getfixturevalue(name)
    original = json.loads(path.read_text(encoding="utf-8"))
    report = Report.load(path)
    assert json.loads(report.dumps()) == original
    again = Report.loads(report.dumps())
    assert again == report


def test_seed_values(seed_path):
    r = Report.load(seed_path)
    assert (r.form, r.year, r.issued_on) == ("2021", 2022, dt.date(2023, 1, 16))
    assert r.agency.name == "威海市文登区信访局" and r.agency.kind == "department"
    assert r.get("t3", "3.7", "total") == 0 and type(r.get("t3", "3.7", "total")) is int
    assert r.get("t2", "charges", "amount") == Decimal("0")
    assert r.fees == {"notices": 0, "billed": Decimal("0"), "collected": Decimal("0")}
    assert r.website_counts_history == {"2021": {"机构职能": 3, "工作动态": 40, "政策解读": 1, "重点领域信息公开": 6}}


def test_blank_zero_and_slash_stay_distinct():
    r = Report.blank(2022, Agency(name="测试局"))
    r.set("t2", "rules", "issued", None)
    r.set("t2", "rules", "repealed", 0)
    r.set("t2", "rules", "in_force", SLASH)
    d = json.loads(r.dumps())
    assert d["t2"]["rules"] == {"issued": None, "repealed": 0, "in_force": "/"}
    back = Report.loads(r.dumps())
    assert [back.get("t2", "rules", c) for c in ("issued", "repealed", "in_force")] == [None, 0, "/"]


def test_money_is_decimal_written_as_string():
    r = Report.blank(2022, Agency(name="测试局"))
    r.set("t2", "charges", "amount", Decimal("12.3456"))
    r.fees = {"notices": 1, "billed": Decimal("0.10"), "collected": Decimal("0.1")}
    d = json.loads(r.dumps())
    assert d["t2"]["charges"]["amount"] == "12.3456"
    assert d["fees"] == {"notices": 1, "billed": "0.10", "collected": "0.1"}
    back = Report.loads(r.dumps())
    assert back.get("t2", "charges", "amount") == Decimal("12.3456")
    assert isinstance(back.fees["billed"], Decimal) and str(back.fees["billed"]) == "0.10"


def test_money_to_the_fen_keeps_all_six_places_and_never_exponent_form():
    r = Report.blank(2025, Agency(name="测试局"))
    r.set("t2", "charges", "amount", Decimal("4166.241619"))
    assert json.loads(r.dumps())["t2"]["charges"]["amount"] == "4166.241619"
    r.set("t2", "charges", "amount", Decimal("0.0000001"))  # too precise, but still written as it was typed
    assert json.loads(r.dumps())["t2"]["charges"]["amount"] == "0.0000001"
    assert Report.loads(r.dumps()).get("t2", "charges", "amount") == Decimal("0.0000001")


def test_blank_report_of_each_format():
    r2021, r2020 = Report.blank(2022), Report.blank(2020)
    assert (r2021.form, r2020.form) == ("2021", "2019")
    assert all(v is None for row in r2021.t3.values() for v in row.values())
    assert len(r2021.t3) == 25 and len(r2020.t3) == 23 and "3.6" in r2020.t3
    assert r2021.fees == {"notices": None, "billed": None, "collected": None} and r2020.fees is None


def test_compute_totals_fills_row_and_column_totals():
    r = Report.blank(2022)
    r.set("t3", "3.1", "natural", 3)
    r.set("t3", "3.3.2", "natural", 2)
    r.set("t3", "3.1", "legal", 1)
    r.set("t4", "review", "upheld", 1)
    r.set("t4", "review", "pending", 2)
    changed = r.compute_totals()
    assert r.get("t3", "3.7", "natural") == 5
    assert r.get("t3", "3.1", "total") == 4
    assert r.get("t3", "3.7", "total") == 6
    assert r.get("t4", "review", "total") == 3
    assert r.get("t3", "1", "total") is None  # parts all blank: the total stays blank, not 0
    assert ("t3", "3.7", "total") in changed and r.compute_totals() == []


def test_loading_never_rewrites_a_stored_total(seed_path):
    d = json.loads(seed_path.read_text(encoding="utf-8"))
    d["t3"]["3.7"]["natural"] = 9
    r = Report.loads(json.dumps(d))
    assert r.get("t3", "3.7", "natural") == 9


@pytest.mark.parametrize("text, says", [
    ('{"schema": "nianbao.report/1", "form": "2021"', "不是有效的 JSON 文件"),
    ('"just a string"', "应是一个 JSON 对象"),
    ('{"schema": "other/1"}', "不是本程序认识的报告文件"),
    ('{"schema": "nianbao.report/1", "form": "2021", "year": 2022}', "缺少必填项 agency"),
    ('{"schema": "nianbao.report/1", "form": "2021", "year": 2022, "agency": {}, "t3": {"1": {"natural": 1.5}}}',
     "件数只能是整数"),
    ('{"schema": "nianbao.report/1", "form": "2021", "year": 2022, "agency": {}, "t2": {"charges": {"amount": 3.5}}}',
     "金额请写成字符串"),
    ('{"schema": "nianbao.report/1", "form": "2021", "year": 2022, "agency": {}, "fees": {"billed": 12.5}}',
     "$.fees.billed：应为 写成字符串的十进制数"),
    ('{"schema": "nianbao.report/1", "form": "2021", "year": 1999, "agency": {}}', "不能小于 2019"),
    ('[' * 100000, "不是有效"),
])
def test_malformed_files_are_refused_in_chinese(text, says):
    with pytest.raises(ReportFileError) as info:
        Report.loads(text)
    assert says in str(info.value)


def test_bytes_not_utf8():
    with pytest.raises(ReportFileError, match="不是 UTF-8"):
        Report.loads("{\"年\": 1}".encode("gbk"))


def test_integral_decimal_count_is_read_as_int():
    text = '{"schema": "nianbao.report/1", "form": "2021", "year": 2022, "agency": {}, "t3": {"1": {"natural": 3.0}}}'
    v = Report.loads(text).get("t3", "1", "natural")
    assert v == 3 and type(v) is int
