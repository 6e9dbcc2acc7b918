"""The form definitions against labels typed here by hand from the official formats.

Deliberately not read from resources/: a typo in the .toml files must fail here.
"""

from __future__ import annotations

import pytest

from report.forms import load_form

PARTS = [
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
]

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS = "三、本年度办理结果"
T3_ROWS_2021 = [
    ("1", ("一、本年新收政府信息公开申请数量",)),
    ("2", ("二、上年结转政府信息公开申请数量",)),
    ("3.1", (RESULTS, "（一）予以公开")),
    ("3.2", (RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
    ("3.3.1", (RESULTS, "（三）不予公开", "1.属于国家秘密")),
    ("3.3.2", (RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开")),
    ("3.3.3", (RESULTS, "（三）不予公开", "3.危及“三安全一稳定”")),
    ("3.3.4", (RESULTS, "（三）不予公开", "4.保护第三方合法权益")),
    ("3.3.5", (RESULTS, "（三）不予公开", "5.属于三类内部事务信息")),
    ("3.3.6", (RESULTS, "（三）不予公开", "6.属于四类过程性信息")),
    ("3.3.7", (RESULTS, "（三）不予公开", "7.属于行政执法案卷")),
    ("3.3.8", (RESULTS, "（三）不予公开", "8.属于行政查询事项")),
    ("3.4.1", (RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息")),
    ("3.4.2", (RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作")),
    ("3.4.3", (RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确")),
    ("3.5.1", (RESULTS, "（五）不予处理", "1.信访举报投诉类申请")),
    ("3.5.2", (RESULTS, "（五）不予处理", "2.重复申请")),
    ("3.5.3", (RESULTS, "（五）不予处理", "3.要求提供公开出版物")),
    ("3.5.4", (RESULTS, "（五）不予处理", "4.无正当理由大量反复申请")),
    ("3.5.5", (RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息")),
    ("3.6.1", (RESULTS, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
    ("3.6.2", (RESULTS, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
    ("3.6.3", (RESULTS, "（六）其他处理", "3.其他")),
    ("3.7", (RESULTS, "（七）总计")),
    ("4", ("四、结转下年度继续办理",)),
]
T3_ROWS_2019 = T3_ROWS_2021[:20] + [("3.6", (RESULTS, "（六）其他处理"))] + T3_ROWS_2021[23:]
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"
T3_COLUMNS = [
    ("natural", (APPLICANTS, "自然人")),
    ("commercial", (APPLICANTS, LEGAL_PERSONS, "商业企业")),
    ("research", (APPLICANTS, LEGAL_PERSONS, "科研机构")),
    ("social", (APPLICANTS, LEGAL_PERSONS, "社会公益组织")),
    ("legal", (APPLICANTS, LEGAL_PERSONS, "法律服务机构")),
    ("other", (APPLICANTS, LEGAL_PERSONS, "其他")),
    ("total", (APPLICANTS, "总计")),
]
RESULTS_T4 = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
              ("total", "总计")]
T4_HEADERS = (
    [(("review", c), ("行政复议", h)) for c, h in RESULTS_T4]
    + [(("suit_direct", c), ("行政诉讼", "未经复议直接起诉", h)) for c, h in RESULTS_T4]
    + [(("suit_after_review", c), ("行政诉讼", "复议后起诉", h)) for c, h in RESULTS_T4]
)
# (caption, stub, [(column id, header)], [(row id, label)]) per block
T2_2021 = [
    ("第二十条第（一）项", "信息内容",
     [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
     [("rules", "规章"), ("normative", "行政规范性文件")]),
    ("第二十条第（五）项", "信息内容", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
    ("第二十条第（六）项", "信息内容", [("decisions", "本年处理决定数量")],
     [("penalty", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", "信息内容", [("amount", "本年收费金额（单位：万元）")], [("charges", "行政事业性收费")]),
]
ITEMS_2019 = [("last_year_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")]
T2_2019 = [
    ("第二十条第（一）项", "信息内容",
     [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_public", "对外公开总数量")],
     [("rules", "规章"), ("normative", "规范性文件")]),
    ("第二十条第（五）项", "信息内容", ITEMS_2019,
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
    ("第二十条第（六）项", "信息内容", ITEMS_2019, [("penalty", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", "信息内容", ITEMS_2019[:2], [("charges", "行政事业性收费")]),
    ("第二十条第（九）项", "信息内容", [("items", "采购项目数量"), ("amount", "采购总金额")],
     [("procurement", "政府集中采购")]),
]
PART6_ITEMS_2021 = [
    "落实上级年度政务公开工作要点情况",
    "人大代表建议和政协提案办理结果公开情况",
    "政务公开工作创新情况",
]


@pytest.mark.parametrize("form_id", ["2021", "2019"])
def test_part_headings(form_id):
    assert [(p.number, p.heading) for p in load_form(form_id).parts] == PARTS


def test_documents():
    assert load_form("2021").document == "国办公开办函〔2021〕30号"
    assert load_form("2019").document == "国办公开办函〔2019〕60号"


@pytest.mark.parametrize("form_id, rows", [("2021", T3_ROWS_2021), ("2019", T3_ROWS_2019)])
def test_table3_rows_columns_and_note(form_id, rows):
    [block] = load_form(form_id).tables["t3"].blocks
    assert [(r.id, r.label) for r in block.rows] == rows
    assert [(c.id, c.label) for c in block.columns] == T3_COLUMNS
    assert block.stub == T3_NOTE
    assert len(rows) == (25 if form_id == "2021" else 23)


@pytest.mark.parametrize("form_id", ["2021", "2019"])
def test_table4_headers(form_id):
    [block] = load_form(form_id).tables["t4"].blocks
    assert [((c.group, c.id), c.label) for c in block.columns] == T4_HEADERS


@pytest.mark.parametrize("form_id, blocks", [("2021", T2_2021), ("2019", T2_2019)])
def test_table2_labels(form_id, blocks):
    got = [(b.caption, b.stub, [(c.id, "".join(c.label)) for c in b.columns],
            [(r.id, "".join(r.label)) for r in b.rows])
           for b in load_form(form_id).tables["t2"].blocks]
    assert got == blocks


def test_table_titles_are_the_part_headings():
    for form_id in ("2021", "2019"):
        form = load_form(form_id)
        assert [(p.heading, form.tables[p.table].title) for p in form.parts if p.table] == [
            (h, h) for _, h in PARTS[1:4]]


def test_part_six_items_2021():
    fields = [f.label for f in load_form("2021").parts[5].fields]
    assert fields[0] == "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况"
    assert fields[1:4] == PART6_ITEMS_2021


def test_cell_names_in_messages():
    t3 = load_form("2021").tables["t3"]
    assert t3.cell_name("3.7", "natural") == "三、（七）总计·自然人"
    assert t3.cell_name("3.3.3", "legal") == "三、（三）不予公开3.危及“三安全一稳定”·法人或其他组织·法律服务机构"
    assert load_form("2019").tables["t4"].cell_name("suit_after_review", "pending") == "行政诉讼·复议后起诉·尚未审结"
