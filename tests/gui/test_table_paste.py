"""Pasting blocks copied from Excel, WPS or a PDF into the tables, through the real clipboard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gui.qt import Qt, QtCore, QtWidgets

K, CTRL = Qt.Key, Qt.KeyboardModifier.ControlModifier
COLS = ("natural", "commercial", "research", "social", "legal", "other", "total")


@pytest.fixture
def t3(open_editor, new_session):
    session = new_session(2023)
    return session, open_editor(session, "t3")


def row(session, a, table="t3", cols=COLS):
    return [session.report.get(table, a, b) for b in cols]


def select_block(ed, first, last) -> None:
    """Make cell ``first`` current and select the block from it to ``last``, as a drag does."""
    top, bottom = ed.model.index_of(*first), ed.model.index_of(*last)
    ed.view.setCurrentIndex(top)
    ed.view.selectionModel().select(QtCore.QItemSelection(top, bottom),
                                    QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_an_excel_block_fills_from_the_current_cell_and_is_one_undo_step(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("1", "natural")
    ui.paste(ed, "1\t2\t3\r\n4\t5\t6\r\n")
    assert row(session, "1") == [1, 2, 3, None, None, None, 6]
    assert row(session, "2") == [4, 5, 6, None, None, None, 15]
    assert ui.shown(ed, "2", "total") == "15"
    assert "已粘贴 6 个单元格" in ed.message()
    qtbot.keyClick(ed.view, K.Key_Z, CTRL)
    assert row(session, "1") == [None] * 7 and row(session, "2") == [None] * 7
    qtbot.keyClick(ed.view, K.Key_Y, CTRL)
    assert row(session, "2") == [4, 5, 6, None, None, None, 15]


def test_units_full_width_digits_and_spaces_are_understood(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("3.1", "natural")
    ui.paste(ed, "３件  ４件\u3000 12条\n")
    assert row(session, "3.1")[:3] == [3, 4, 12]
    assert session.report.get("t3", "3.7", "natural") == 3


def test_cells_that_cannot_be_taken_are_listed_and_the_rest_is_pasted(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("3.1", "natural")
    ui.paste(ed, "abc\t2\t1,350\n")
    assert row(session, "3.1")[:3] == [None, 2, None]
    assert ed.message().startswith(
        "2 个单元格未粘贴：三、（一）予以公开·自然人 “abc”不是整数；"
        "三、（一）予以公开·法人或其他组织·科研机构 “1,350”含有千位分隔符。")


def test_a_number_with_spaced_thousands_is_named_not_split_into_two_cells(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("3.1", "natural")
    ed.view.selectionModel().select(ed.view.currentIndex(), QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    ui.paste(ed, "1 000")
    assert row(session, "3.1")[:2] == [None, None]
    assert ed.message() == "1 个单元格未粘贴：三、（一）予以公开·自然人 “1 000”中间有空格。"


def test_one_refused_value_over_a_selection_counts_nothing_outside_the_table(qtbot, ui, t3):
    session, ed = t3
    select_block(ed, ("3.1", "natural"), ("3.1", "commercial"))
    ui.paste(ed, "abc")
    assert "超出表格范围" not in ed.message() and ed.message().startswith("2 个单元格未粘贴")


def test_a_block_copied_with_its_totals_still_lines_up(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("1", "natural")
    ui.paste(ed, "1\t2\t3\t4\t5\t6\t21\n")
    assert row(session, "1") == [1, 2, 3, 4, 5, 6, 21]
    assert "总计" not in ed.message()


def test_a_pasted_total_that_does_not_add_up_is_pointed_out_not_written(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("1", "natural")
    ui.paste(ed, "1\t2\t3\t4\t5\t6\t99\n")
    assert session.report.get("t3", "1", "total") == 21
    message = ed.message()
    assert "一、本年新收政府信息公开申请数量·总计粘贴的是 99，按各项相加为 21" in message
    assert "未采用粘贴的总计" in message


def test_a_column_pasted_across_the_total_row_skips_it(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("3.6.3", "natural")
    ui.paste(ed, "1\n1\n2\n")  # 3.6.3, 三、（七）总计 (copied with the table), 四、
    assert session.report.get("t3", "3.6.3", "natural") == 1
    assert session.report.get("t3", "3.7", "natural") == 1
    assert session.report.get("t3", "4", "natural") == 2
    assert "总计" not in ed.message()


def test_values_beyond_the_table_edge_are_counted(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("4", "legal")
    ui.paste(ed, "1\t2\t3\t4\n5\n")  # 3 lands on 总计; 4 is right of the table, 5 below it
    assert session.report.get("t3", "4", "legal") == 1 and session.report.get("t3", "4", "other") == 2
    assert session.report.get("t3", "4", "total") == 3
    assert ed.message() == "另有 2 个值超出表格范围，未粘贴。"


def test_blank_cells_in_the_block_clear_the_target(qtbot, ui, t3):
    session, ed = t3
    for b in ("natural", "commercial"):
        session.set_cell("t3", "2", b, 5)
    ed.focus_cell("2", "natural")
    ui.paste(ed, "\t0\n")
    assert row(session, "2")[:2] == [None, 0]


def test_one_value_fills_every_selected_cell(qtbot, ui, t3):
    session, ed = t3
    select_block(ed, ("3.3.1", "natural"), ("3.3.8", "other"))
    ui.paste(ed, "0\n")
    assert all(session.report.get("t3", f"3.3.{i}", b) == 0 for i in range(1, 9) for b in COLS[:6])
    assert session.report.get("t3", "3.3.8", "total") == 0
    qtbot.keyClick(ed.view, K.Key_Z, CTRL)
    assert session.report.get("t3", "3.3.1", "natural") is None


def test_copy_one_row_and_paste_it_into_another(qtbot, t3):
    session, ed = t3
    for i, b in enumerate(COLS[:6]):
        session.set_cell("t3", "1", b, i + 1)
    select_block(ed, ("1", "natural"), ("1", "total"))
    qtbot.keyClick(ed.view, K.Key_C, CTRL)
    assert QtWidgets.QApplication.clipboard().text() == "1\t2\t3\t4\t5\t6\t21\n"
    ed.focus_cell("3.1", "natural")
    qtbot.keyClick(ed.view, K.Key_V, CTRL)
    assert row(session, "3.1") == [1, 2, 3, 4, 5, 6, 21]


def test_nothing_is_pasted_into_a_final_report(qtbot, ui, t3):
    session, ed = t3
    ed.set_read_only(True)
    ed.focus_cell("1", "natural")
    ui.paste(ed, "1\t2\n")
    assert row(session, "1") == [None] * 7
    assert "只能查看" in ed.message()
    assert session.undo_stack.count() == 0


def test_table_4_row_copied_from_an_official_table(qtbot, ui, open_editor, new_session):
    session = new_session(2023)
    ed = open_editor(session, "t4")
    ed.focus_cell("review", "upheld")
    ui.paste(ed, "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t3\t0\t0\t0\t3\r\n")
    assert [session.report.get("t4", "review", b) for b in ("upheld", "pending", "total")] == [1, 1, 2]
    assert session.report.get("t4", "suit_direct", "total") == 0
    assert session.report.get("t4", "suit_after_review", "total") == 3
    assert "已粘贴 12 个单元格" in ed.message()


def test_table_2_block_with_slash_and_money(qtbot, ui, open_editor, new_session):
    session = new_session(2023)
    ed = open_editor(session, "t2")
    ed.focus_cell("rules", "issued")
    ui.paste(ed, "/\t/\t/\n2\t1\t35\n")
    assert [session.report.get("t2", "rules", b) for b in ("issued", "repealed", "in_force")] == ["/"] * 3
    assert [session.report.get("t2", "normative", b) for b in ("issued", "repealed", "in_force")] == [2, 1, 35]
    ed.focus_cell("charges", "amount")
    ui.paste(ed, "1.25万元\n")
    assert session.report.get("t2", "charges", "amount") == Decimal("1.25")


def test_a_block_pasted_while_typing_in_a_cell_still_fills_the_grid(qtbot, t3):
    session, ed = t3
    ed.focus_cell("2", "natural")
    qtbot.keyClick(ed.view, "9")
    qtbot.waitUntil(lambda: ed.view.state() == ed.view.State.EditingState, timeout=1000)
    QtWidgets.QApplication.clipboard().setText("1\t2\n3\t4\n")
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), K.Key_V, CTRL)
    qtbot.waitUntil(lambda: ed.view.state() != ed.view.State.EditingState, timeout=1000)
    assert row(session, "2")[:2] == [1, 2]
    assert row(session, "3.1")[:2] == [3, 4]


def test_undoing_a_paste_takes_its_message_away(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "1", "research", "9")  # an earlier edit, not part of the paste
    ed.focus_cell("1", "natural")
    ui.paste(ed, "1\tabc\r\n")
    assert ed.message_label.objectName() == "bannerError" and "未粘贴" in ed.message()
    qtbot.keyClick(ed.view, K.Key_Z, CTRL)
    assert row(session, "1")[0] is None
    assert ed.message() == ""  # the red banner spoke of a paste that is undone
    assert session.report.get("t3", "1", "research") == 9  # only the paste was undone
