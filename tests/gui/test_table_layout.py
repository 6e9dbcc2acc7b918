"""The tables look like the official format: merged headers, nested row labels, captioned blocks."""

from __future__ import annotations

import pytest

from gui.qt import Qt, QtCore
from report.forms import load_form


def spans(ed) -> dict[str, tuple[int, int, int, int]]:
    """Every header/label text shown → (row, col, rows, cols) as the view merges it."""
    out = {}
    v, m = ed.view, ed.model
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            index = m.index(r, c)
            if m.cell_at(index) is None and (v.rowSpan(r, c), v.columnSpan(r, c)) != (0, 0):
                top = m.grid.at(r, c)
                if top is not None and (top.row, top.col) == (r, c):
                    out.setdefault(index.data(), (r, c, v.rowSpan(r, c), v.columnSpan(r, c)))
    return out


@pytest.mark.parametrize("year, result_rows", [(2023, 22), (2020, 20)])
def test_table_3_headers_and_labels_are_merged_like_the_format(open_editor, year, result_rows, new_session):
    ed = open_editor(new_session(year), "t3")
    s = spans(ed)
    assert not ed.view.horizontalHeader().isVisible() and not ed.view.verticalHeader().isVisible()
    assert s["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (0, 0, 3, 3)
    assert s["申请人情况"] == (0, 3, 1, 7)
    assert s["自然人"] == (1, 3, 2, 1)
    assert s["法人或其他组织"] == (1, 4, 1, 5)
    assert s["总计"] == (1, 9, 2, 1)
    assert s["商业企业"] == (2, 4, 1, 1)
    assert s["一、本年新收政府信息公开申请数量"] == (3, 0, 1, 3)
    assert s["三、本年度办理结果"] == (5, 0, result_rows, 1)
    assert s["（一）予以公开"] == (5, 1, 1, 2)
    assert s["（三）不予公开"] == (7, 1, 8, 1)
    assert s["1.属于国家秘密"] == (7, 2, 1, 1)
    assert s["（七）总计"][2:] == (1, 2)
    assert s["四、结转下年度继续办理"][1:] == (0, 1, 3)
    index = ed.model.index_of("3.3.1", "natural")
    assert (index.row(), index.column()) == (7, 3)


def test_table_4_has_three_header_rows_over_fifteen_cells(open_editor, new_session):
    ed = open_editor(new_session(2023), "t4")
    s = spans(ed)
    assert ed.model.rowCount() == 4 and ed.model.columnCount() == 15
    assert s["行政复议"] == (0, 0, 1, 5)
    assert s["行政诉讼"] == (0, 5, 1, 10)
    assert s["结果维持"] == (1, 0, 2, 1)
    assert s["未经复议直接起诉"] == (1, 5, 1, 5)
    assert s["复议后起诉"] == (1, 10, 1, 5)
    assert ed.model.index(2, 14).data() == "总计"


@pytest.mark.parametrize("year", [2023, 2020])
def test_table_2_shows_each_block_with_its_caption_and_headers(open_editor, year, new_session):
    session = new_session(year)
    ed = open_editor(session, "t2")
    table = session.report.definition.tables["t2"]
    m = ed.model
    shown = [m.index(r, c).data() for r in range(m.rowCount()) for c in range(m.columnCount())]
    for block in table.blocks:
        caption_row = shown.index(block.caption) // m.columnCount()
        assert ed.view.columnSpan(caption_row, 0) == m.columnCount()
        assert m.index(caption_row + 1, 0).data() == block.stub
        headers = [m.index(caption_row + 1, c).data() for c in range(1, m.columnCount())]
        assert [c.label[0] for c in block.columns] == list(dict.fromkeys(headers))
        for i, row in enumerate(block.rows):
            assert m.index(caption_row + 2 + i, 0).data() == row.label[0]
    narrow = min(table.blocks, key=lambda b: len(b.columns))  # its last column takes the rest of the width
    index = m.index_of(narrow.rows[0].id, narrow.columns[-1].id)
    assert index.column() + ed.view.columnSpan(index.row(), index.column()) == m.columnCount()


def test_every_label_comes_from_the_definition(open_editor, new_session):
    ed = open_editor(new_session(2023), "t3")
    table = load_form("2021").tables["t3"]
    words = {table.blocks[0].stub} | {w for c in table.blocks[0].columns for w in c.label} \
        | {w for r in table.blocks[0].rows for w in r.label}
    m = ed.model
    texts = {m.index(r, c).data() for r in range(m.rowCount()) for c in range(m.columnCount())
             if m.cell_at(m.index(r, c)) is None}
    assert texts == words


def test_header_and_label_cells_cannot_be_selected_or_edited(open_editor, new_session):
    ed = open_editor(new_session(2023), "t3")
    flags = ed.model.index(0, 3).flags()
    assert not flags & Qt.ItemFlag.ItemIsSelectable and not flags & Qt.ItemFlag.ItemIsEditable
    assert ed.model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole) == "一、本年新收政府信息公开申请数量"


def test_the_whole_table_fits_its_size_hint(open_editor, new_session):
    ed = open_editor(new_session(2023), "t3")
    hint = ed.view.sizeHint()
    widths = sum(ed.view.columnWidth(c) for c in range(ed.model.columnCount()))
    heights = sum(ed.view.rowHeight(r) for r in range(ed.model.rowCount()))
    assert hint.width() >= widths and hint.height() >= heights


def test_table_3_column_headers_stay_in_sight_while_the_last_rows_are_filled(qtbot, open_editor, new_session):
    ed = open_editor(new_session(2023), "t3")
    ed.resize(ed.width(), 320)
    view = ed.view
    pinned = view.pinned
    assert not pinned.isVisible()  # at the top the grid shows its own headers
    ed.focus_cell("4", "legal")
    qtbot.waitUntil(pinned.isVisible, timeout=1000)
    assert pinned.geometry().top() == view.viewport().geometry().top()
    assert pinned.indexAt(QtCore.QPoint(pinned.columnViewportPosition(3) + 2, 2)).data() == "申请人情况"
    header_height = sum(view.rowHeight(r) for r in range(3))
    assert pinned.height() == header_height
    target = view.visualRect(ed.model.index_of("4", "legal"))
    assert target.top() >= header_height  # not hidden under the pinned headers
    ed.focus_cell("1", "natural")
    qtbot.waitUntil(lambda: not pinned.isVisible(), timeout=1000)


def test_table_2_pins_nothing(qtbot, open_editor, new_session):
    ed = open_editor(new_session(2023), "t2")
    ed.resize(ed.width(), 200)
    ed.focus_cell("charges", "amount")
    assert ed.view.verticalScrollBar().value() > 0
    assert ed.view.pinned_height() == 0


def test_a_report_in_the_other_format_rebuilds_the_grid(open_editor, new_session):
    from report.document import Agency, Report

    session = new_session(2021)
    ed = open_editor(session, "t3")
    assert ed.model.rowCount() == 3 + 25
    session.report = Report.blank(2020, Agency(name="测试单位"))  # e.g. the year was corrected
    ed.refresh()
    assert ed.model.rowCount() == 3 + 23
    index = ed.model.index_of("3.6", "natural")
    assert ed.view.rowHeight(index.row()) > 0
    assert ed.view.rowSpan(5, 0) == 20  # 三、本年度办理结果 over the 2019 result rows


def test_a_narrow_page_wraps_the_labels_instead_of_scrolling_sideways(qtbot, open_editor, new_session):
    ed = open_editor(new_session(2023), "t3")
    view = ed.view
    natural = view.sizeHint().width()
    ed.resize(natural - 120, 500)
    qtbot.waitUntil(lambda: sum(view.columnWidth(c) for c in range(10)) <= view.viewport().width()
                    and not view.horizontalScrollBar().isVisible(), timeout=1000)
    tall = ed.model.index_of("3.6.2", "natural").row()
    before = view.rowHeight(tall)
    ed.resize(natural + 40, 500)
    qtbot.waitUntil(lambda: view.rowHeight(tall) < before, timeout=1000)  # room again: fewer lines
