"""The Excel workbook read back with openpyxl: the official layout, figures as numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from report.excel import export_xlsx
from report.printed.tables import grid


def _book(report, tmp_path):
    return load_workbook(export_xlsx(report, tmp_path / "r.xlsx"))


def test_first_sheet_tells_agency_year_and_format_apart(shuyang, form2019, tmp_path):
    for report in (shuyang, form2019):
        info = _book(report, tmp_path)["报告信息"]
        values = {row[0]: row[1] for row in info.iter_rows(values_only=True)}
        assert values["单位名称"] == report.agency.name
        assert values["报告年度"] == report.year
        assert values["报告格式"].startswith(report.definition.name)


@pytest.mark.parametrize("make", ["seed", "shuyang", "form2019"])
def test_a_sheet_per_table_in_the_official_layout(make, request, tmp_path):
    report = request.getfixturevalue(make)
    wb = _book(report, tmp_path)
    parts = [p for p in report.definition.parts if p.table]
    assert wb.sheetnames == ["报告信息", *(p.title for p in parts)]
    for part in parts:
        ws, g = wb[part.title], grid(report, part.table)
        assert ws["A1"].value == report.definition.tables[part.table].title
        merged = {(m.min_col - 1, m.min_row - 2, m.max_col - 1, m.max_row - 2) for m in ws.merged_cells.ranges
                  if m.min_row > 1}
        assert merged == set(g.spans)
        for (c, r), text in g.cells.items():
            cell = ws.cell(r + 2, c + 1)
            assert cell.border.left.style == "thin"
            if (c, r) not in g.values:
                assert (cell.value or "") == text
        if g.header_rows:
            assert ws.freeze_panes[1:] == str(2 + g.header_rows) and ws.print_title_rows
    t3 = wb[parts[1].title]
    g3 = grid(report, "t3")
    table = report.definition.tables["t3"]
    for (c, r), value in g3.values.items():
        cell = t3.cell(r + 2, c + 1)
        assert cell.value == value, (c, r)
        assert value is None or isinstance(cell.value, int)
    assert any(isinstance(v, int) for v in g3.values.values())
    assert table.blocks[0].rows[0].label[-1] in [c.value for c in t3["A"]]


def test_slash_blank_zero_and_money_stay_distinct(marked, tmp_path):
    ws = _book(marked, tmp_path)["二、主动公开政府信息情况"]
    row = next(r for r in ws.iter_rows() if r[0].value == "规章")
    assert [c.value for c in row[1:4]] == ["/", None, 0]
    assert row[1].data_type == "s" and row[3].data_type == "n"
    money = next(r for r in ws.iter_rows() if r[0].value == "行政事业性收费")[1]
    assert money.value == Decimal("1.5") or money.value == 1.5
    assert money.number_format == "0.00" and money.data_type == "n"
