"""Both formats give every role the program asks for to the row, column or field the official
format means by it — checked against labels typed here by hand, not read from resources/.
"""

from __future__ import annotations

import pytest

from report.forms import load_form

FORMS = ("2021", "2019")

T3_ROLES = {
    "received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "results_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize(("role", "label"), T3_ROLES.items())
def test_table3_rows_of_the_balance_are_found_by_role(form_id, role, label):
    row = load_form(form_id).tables["t3"].row_with_role(role)
    assert row is not None and row.label[-1] == label


@pytest.mark.parametrize("form_id", FORMS)
def test_table3_results_total_sums_every_result_row(form_id):
    table = load_form(form_id).tables["t3"]
    total = table.row_with_role("results_total")
    results = [r.id for r in table.blocks[0].rows if r.label[0] == "三、本年度办理结果" and r is not total]
    assert list(total.sum_of) == results
    assert table.column_with_role("total").label[-1] == "总计"


def test_only_the_2021_format_counts_applications_dropped_for_unpaid_fees():
    row = load_form("2021").tables["t3"].row_with_role("unpaid")
    assert row.label[-1] == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert load_form("2019").tables["t3"].row_with_role("unpaid") is None


def test_the_2019_row_other_handling_is_split_into_three_rows_in_2021():
    t2019, t2021 = load_form("2019").tables["t3"], load_form("2021").tables["t3"]
    assert t2019.rows_split_in(t2021) == {"3.6": ("3.6.1", "3.6.2", "3.6.3")}
    assert t2021.rows_split_in(t2019) == {}


@pytest.mark.parametrize(("form_id", "documents", "issued", "repealed", "stock"), [
    ("2021", ["规章", "行政规范性文件"], "本年制发件数", "本年废止件数", "现行有效件数"),
    ("2019", ["规章", "规范性文件"], "本年新公开数量", None, "对外公开总数量"),
])
def test_table2_stock_of_documents_is_found_by_role(form_id, documents, issued, repealed, stock):
    t2 = load_form(form_id).tables["t2"]
    assert [r.label[0] for r in t2.rows_with_role("documents")] == documents
    assert [r.label[0] for r in t2.rows_with_role("rules")] == ["规章"]
    labels = {role: (c.label[0] if (c := t2.column_with_role(role)) else None)
              for role in ("issued", "repealed", "stock")}
    assert labels == {"issued": issued, "repealed": repealed, "stock": stock}


def test_2019_items_are_last_years_plus_the_change():
    t2 = load_form("2019").tables["t2"]
    assert t2.column_with_role("items_last_year").label == ("上一年项目数量",)
    assert t2.column_with_role("items_change").label == ("本年增/减",)
    assert load_form("2021").tables["t2"].column_with_role("items_change") is None


@pytest.mark.parametrize("form_id", FORMS)
def test_charges_row_and_table4_columns_by_role(form_id):
    form = load_form(form_id)
    assert form.tables["t2"].row_with_role("charges").label == ("行政事业性收费",)
    t4 = form.tables["t4"]
    for role, label in (("upheld", "结果维持"), ("pending", "尚未审结"), ("total", "总计")):
        assert [c.label[-1] for c in t4.columns_with_role(role)] == [label] * 3
        assert {c.group for c in t4.columns_with_role(role)} == {"review", "suit_direct", "suit_after_review"}


@pytest.mark.parametrize("form_id", FORMS)
def test_required_fields_and_the_governments_topics(form_id):
    form = load_form(form_id)
    assert [f.label for f in form.required_fields()] == [
        "主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障", "存在的主要问题", "改进措施"]
    musts = [(f.label, f.government_must_mention) for f in form.text_fields() if f.government_must_mention]
    assert musts == [("监督保障", ("工作考核", "社会评议", "责任追究"))]
    assert form.field_with_role("requests").label == "依申请公开"


def test_only_the_2021_format_has_a_fee_item():
    assert load_form("2021").field_with_role("fees").label.startswith("依据《政府信息公开信息处理费管理办法》")
    assert load_form("2019").field_with_role("fees") is None


@pytest.mark.parametrize(("form_id", "part_six"), [
    ("2021", ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]),
    ("2019", [""]),
])
def test_subheadings_are_numbered_within_their_part(form_id, part_six):
    parts = {p.number: p for p in load_form(form_id).parts}
    assert [f.subheading for f in parts["一"].fields] == [
        "", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
    assert [f.number for f in parts["五"].fields] == ["", ""]
    assert [f.number for f in parts["六"].fields] == part_six
    assert [p.number for p in parts.values() if p.none_when_empty] == ["五", "六"]


@pytest.mark.parametrize(("form_id", "other_handling"), [("2021", ["3.6.1", "3.6.2", "3.6.3"]), ("2019", ["3.6"])])
def test_results_total_groups_its_rows_under_their_sub_headings(form_id, other_handling):
    table = load_form(form_id).tables["t3"]
    groups = table.parts_of(table.row_with_role("results_total"))
    assert [h[3:5] for h in groups] == ["予以", "部分", "不予", "无法", "不予", "其他"]
    assert groups["（三）不予公开"] == [f"3.3.{i}" for i in range(1, 9)]
    assert groups["（六）其他处理"] == other_handling
