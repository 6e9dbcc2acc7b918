"""Tables are read by their labels, whatever the layout and however the labels are written."""

from __future__ import annotations

from decimal import Decimal

from report.readers import read_bytes
from report.readers.recognise import recognise

HEAD = ("<html><head><meta charset='utf-8'></head><body><h1>某某县某某局2023年政府信息公开工作年度报告</h1>"
        "<p>根据《中华人民共和国政府信息公开条例》，现公布本局2023年度报告。</p><p>一、总体情况</p><p>总体。</p>")
TAIL = "<p>某某县某某局</p><p>2024年1月10日</p></body></html>"


def _table(rows: list[list[str]]) -> str:
    return "<table border=1>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"


def _read(*tables: str):
    page = HEAD + "<p>二、主动公开政府信息情况</p>" + "".join(tables) + TAIL
    return recognise(read_bytes(page.encode("utf-8"), "html"))


T3_COLUMNS = ["总计", "其他", "法律服务机构", "社会公益", "科研机构", "商业企业", "自然人"]  # reversed, 社会公益 short


def _t3(rows: list[tuple[list[str], list[str]]], label_columns: int = 2) -> str:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    header1 = [note] * label_columns + ["申请人情况"] * 7
    header2 = [""] * label_columns + ["总计"] + ["法 人 或 其 他 组 织"] * 5 + ["自然人"]
    header3 = [""] * label_columns + T3_COLUMNS
    return _table([header1, header2, header3] + [labels + values for labels, values in rows])


def test_columns_in_another_order_and_labels_written_otherwise_are_found_by_their_labels():
    result = _read(_t3([
        (["一、本年新收政府信息公开申请数量", ""], ["９", "", "", "", "", "1", "８"]),
        (["三、本年度办理结果", "(一)予以公开"], ["3", "", "", "", "", "", "3"]),
        (["（三）不予公开", "1、属于 国家秘密"], ["0", "", "", "", "", "", "0"]),
    ]))
    t3 = result.report.t3
    assert t3["1"] == {"natural": 8, "commercial": 1, "research": None, "social": None, "legal": None,
                       "other": None, "total": 9}
    assert t3["3.1"]["natural"] == 3 and t3["3.1"]["total"] == 3
    assert t3["3.3.1"]["natural"] == 0


def test_a_label_path_run_together_in_one_cell_names_its_row():
    result = _read(_t3([(["三、本年度办理结果（三）不予公开1.属于国家秘密"], ["2", "", "", "", "", "", "2"])],
                       label_columns=1))
    assert result.report.t3["3.3.1"]["natural"] == 2


def test_dashes_are_not_taken_for_figures_and_each_is_named_for_review():
    result = _read(_t3([(["二、上年结转政府信息公开申请数量", ""], ["—", "-", "", "/", "", "", "0"])]))
    t3 = result.report.t3["2"]
    assert t3["natural"] == 0 and t3["total"] is None and t3["other"] is None and t3["legal"] is None
    named = [line for line in result.review if "二、上年结转政府信息公开申请数量" in line and "原文为" in line]
    assert len(named) == 3  # 「—」 in 总计, 「-」 in 其他, 「/」 (not allowed in table 3) in 社会公益组织
    assert any("「—」" in line and "总计" in line for line in named)
    assert any("「/」" in line and "社会公益组织" in line for line in named)


def test_table_two_keeps_slash_and_blank_apart_and_refuses_yuan_in_a_wan_yuan_column():
    t2 = _table([
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "/", "", "0"],
        ["第二十条第（八）项", "", "", ""],
        ["信息内容", "本年收费金额（单位：万元）", "", ""],
        ["行政事业性收费", "251000元", "", ""],
    ])
    result = _read(t2)
    assert result.report.t2["rules"] == {"issued": "/", "repealed": None, "in_force": 0}
    assert result.report.t2["charges"]["amount"] is None
    assert any("行政事业性收费" in line and "251000元" in line and "万元" in line for line in result.review)


def test_money_is_read_as_a_decimal():
    t2 = _table([["信息内容", "本年收费金额（万元）"], ["行政事业性收费", "1.25"]])
    assert _read(t2).report.t2["charges"]["amount"] == Decimal("1.25")


def test_every_cell_not_in_the_source_is_listed_and_left_blank():
    result = _read(_t3([(["一、本年新收政府信息公开申请数量", ""], ["1", "", "", "", "", "", "1"])]))
    assert ("t3", "2", "natural") in result.missing and ("t3", "1", "natural") not in result.missing
    assert result.report.t3["2"]["natural"] is None
    assert any(line.startswith("表三中没有找到") for line in result.review)
    assert any(line.startswith("没有找到表四") for line in result.review)


def test_table_four_with_short_labels_and_a_total_called_heji():
    short = "".join(f"<td>{x}</td>" for x in ("维持", "纠正", "其他", "尚未审结", "合计"))
    t4 = ("<table border=1><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
          + "<tr>" + short.replace("<td>", "<td rowspan=2>") + "<td colspan=5>未经复议直接起诉</td>"
          "<td colspan=5>复议后起诉</td></tr>"
          + "<tr>" + short * 2 + "</tr><tr>"
          + "".join(f"<td>{v}</td>" for v in (1, 2, 3, 4, 10, 5, 0, 0, 0, 5, 0, 0, 0, 1, 1)) + "</tr></table>")
    t4_read = _read(t4).report.t4
    assert t4_read["review"] == {"upheld": 1, "corrected": 2, "other": 3, "pending": 4, "total": 10}
    assert t4_read["suit_direct"]["total"] == 5 and t4_read["suit_after_review"]["pending"] == 1
