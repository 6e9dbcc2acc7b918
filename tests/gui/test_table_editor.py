"""Typing into the official tables: totals as you type, spreadsheet keys, refusals, undo, marks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from gui.qt import Qt, QtCore, QtGui, QtWidgets
from gui.tables.model import FINDING_TINTS, TOTAL_TINT
from report.checks import Finding
from report.document import Report

K = Qt.Key


@pytest.fixture
def t3(open_editor, new_session):
    session = new_session(2023)
    return session, open_editor(session, "t3")


def test_typing_digits_fills_the_cell_and_the_totals_follow(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "3.1", "natural", "5")
    ui.type_cell(ed, "3.1", "commercial", "12")
    assert session.report.get("t3", "3.1", "natural") == 5
    assert session.report.get("t3", "3.1", "commercial") == 12
    assert ui.shown(ed, "3.1", "total") == "17"
    assert ui.shown(ed, "3.7", "natural") == "5"
    assert ui.shown(ed, "3.7", "total") == "17"


def test_full_width_digits_from_an_input_method_are_normalised(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "1", "natural", "１２", ascii_keys=False)
    assert session.report.get("t3", "1", "natural") == 12
    assert ui.shown(ed, "1", "total") == "12"


def test_typing_replaces_the_old_value(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "2", "legal", "40")
    ui.type_cell(ed, "2", "legal", "7")
    assert session.report.get("t3", "2", "legal") == 7


def test_enter_moves_down_skipping_the_total_row(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "3.6.2", "natural", "1")
    assert ui.current_key(ed) == ("3.6.3", "natural")
    ui.type_cell(ed, "3.6.3", "natural", "2")
    assert ui.current_key(ed) == ("4", "natural")  # 3.7 is computed: skipped


def test_tab_moves_right_and_past_the_total_column(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "1", "legal", "1", finish=K.Key_Tab)
    assert ui.current_key(ed) == ("1", "other")
    ui.type_cell(ed, "1", "other", "2", finish=K.Key_Tab)
    assert ui.current_key(ed) == ("2", "natural")
    assert session.report.get("t3", "1", "other") == 2


def test_arrow_keys_move_between_number_cells_and_onto_totals(qtbot, ui, t3):
    _, ed = t3
    ed.focus_cell("3.6.3", "other")
    qtbot.keyClick(ed.view, K.Key_Right)
    assert ui.current_key(ed) == ("3.6.3", "total")
    qtbot.keyClick(ed.view, K.Key_Down)
    assert ui.current_key(ed) == ("3.7", "total")
    ed.focus_cell("1", "natural")
    qtbot.keyClick(ed.view, K.Key_Left)  # the row labels are not cells to land on
    assert ui.current_key(ed) == ("1", "natural")
    qtbot.keyClick(ed.view, K.Key_Up)  # nor are the column headers
    assert ui.current_key(ed) == ("1", "natural")


@pytest.mark.parametrize("typed, words", [
    ("1,350", ["千位分隔符", "1350"]),
    ("abc", ["“abc”不是整数"]),
    ("-3", ["“-3”是负数"]),
    ("1.5", ["“1.5”不是整数", "不能有小数"]),
    ("/", ["不能填“/”"]),
])
def test_refused_entries_keep_the_old_value_and_say_why(qtbot, ui, t3, typed, words):
    session, ed = t3
    ui.type_cell(ed, "3.2", "research", "4")
    ui.type_cell(ed, "3.2", "research", typed)
    assert session.report.get("t3", "3.2", "research") == 4
    assert ui.shown(ed, "3.2", "research") == "4"
    assert ui.current_key(ed) == ("3.2", "research")  # stays put so the clerk can retype
    message = ed.message()
    assert ed.message_label.isVisible()
    assert message.startswith("三、（二）部分公开（区分处理的，只计这一情形，不计其他情形）·法人或其他组织·科研机构：")
    for w in words:
        assert w in message
    ui.type_cell(ed, "3.2", "research", "6")
    assert ed.message() == "" and session.report.get("t3", "3.2", "research") == 6


def test_totals_cannot_be_typed_into_and_look_different(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("3.7", "natural")
    qtbot.keyClick(ed.view, "9")
    assert not ui.editing(ed)
    assert session.report.get("t3", "3.7", "natural") is None
    assert "三、（七）总计·自然人由程序自动计算" in ed.message()
    ed.clear_message()
    qtbot.keyClick(ed.view, K.Key_Escape)  # not a character: nothing to refuse
    assert ed.message() == ""
    ed.set_findings([])  # the checker's notes on the blank table would tint the cells
    total, plain = ed.model.index_of("3.7", "natural"), ed.model.index_of("3.1", "natural")
    assert not total.flags() & Qt.ItemFlag.ItemIsEditable and plain.flags() & Qt.ItemFlag.ItemIsEditable
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == TOTAL_TINT
    assert plain.data(Qt.ItemDataRole.BackgroundRole) is None
    for index, bold in ((total, True), (plain, False)):
        option = QtWidgets.QStyleOptionViewItem()
        ed.view.itemDelegate().initStyleOption(option, index)
        assert option.font.bold() == bold


def test_delete_clears_to_blank_not_zero(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "4", "social", "3")
    assert ui.shown(ed, "4", "total") == "3"
    ed.focus_cell("4", "social")
    qtbot.keyClick(ed.view, K.Key_Delete)
    assert session.report.get("t3", "4", "social") is None
    assert session.report.get("t3", "4", "total") is None  # a total of blanks stays blank
    assert ui.shown(ed, "4", "social") == ""
    qtbot.keyClick(ed.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.report.get("t3", "4", "social") == 3


def test_zero_is_kept_as_zero(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "2", "natural", "0")
    assert session.report.get("t3", "2", "natural") == 0
    assert ui.shown(ed, "2", "natural") == "0" and ui.shown(ed, "2", "total") == "0"


def test_undo_and_redo_with_ctrl_z_and_ctrl_y(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "1", "natural", "8")
    ui.type_cell(ed, "1", "natural", "9")
    ed.focus_cell("1", "commercial")
    qtbot.keyClick(ed.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.report.get("t3", "1", "natural") == 8 and ui.shown(ed, "1", "total") == "8"
    qtbot.keyClick(ed.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.report.get("t3", "1", "natural") is None and ui.shown(ed, "1", "total") == ""
    qtbot.keyClick(ed.view, K.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert session.report.get("t3", "1", "natural") == 8 and ui.shown(ed, "1", "total") == "8"


def test_escape_cancels_an_edit(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("1", "natural")
    qtbot.keyClick(ed.view, "7")
    qtbot.waitUntil(lambda: ui.editing(ed), timeout=1000)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), K.Key_Escape)
    qtbot.waitUntil(lambda: not ui.editing(ed), timeout=1000)
    assert session.report.get("t3", "1", "natural") is None


def test_read_only_report_cannot_be_changed(qtbot, ui, t3):
    session, ed = t3
    ui.type_cell(ed, "1", "natural", "3")
    ed.set_read_only(True)
    ed.focus_cell("1", "natural")
    qtbot.keyClick(ed.view, "5")
    assert not ui.editing(ed)
    qtbot.keyClick(ed.view, K.Key_Delete)
    assert session.report.get("t3", "1", "natural") == 3
    assert "只能查看" in ed.message()
    assert not ed.model.index_of("1", "natural").flags() & Qt.ItemFlag.ItemIsEditable
    ed.set_read_only(False)
    ui.type_cell(ed, "1", "natural", "5")
    assert session.report.get("t3", "1", "natural") == 5


def test_turning_read_only_drops_an_edit_in_progress(qtbot, ui, t3):
    session, ed = t3
    ed.focus_cell("2", "natural")
    qtbot.keyClick(ed.view, "4")
    qtbot.waitUntil(lambda: ui.editing(ed), timeout=1000)
    ed.set_read_only(True)
    qtbot.waitUntil(lambda: not ui.editing(ed), timeout=1000)
    assert session.report.get("t3", "2", "natural") is None


def test_a_report_marked_final_becomes_read_only_without_being_told(qtbot, ui, open_editor, new_session,
                                                                    seed_path):
    session = new_session(Report.load(seed_path))
    ed = open_editor(session, "t3")
    ok, message = session.mark_final()
    assert ok, message
    ed.focus_cell("1", "natural")
    qtbot.keyClick(ed.view, "5")
    assert not ui.editing(ed) and session.report.get("t3", "1", "natural") == 0
    assert "定稿" in ed.message()


def test_findings_from_the_checker_mark_the_cells_as_the_clerk_types(qtbot, ui, open_editor, new_session,
                                                                     seed_path):
    session = new_session(Report.load(seed_path))  # every figure 0: no findings on table 3
    ed = open_editor(session, "t3")
    assert ed.model.index_of("4", "natural").data(Qt.ItemDataRole.BackgroundRole) is None
    ui.type_cell(ed, "1", "natural", "3")
    ui.type_cell(ed, "4", "natural", "9")  # carried over more than received: T3-FWD, an error
    index = ed.model.index_of("4", "natural")
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.BackgroundRole) is not None, timeout=2000)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_TINTS["error"]
    assert "错误：" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_findings_tint_the_cells_and_explain_in_the_tooltip(t3):
    _, ed = t3
    ed.set_findings([
        Finding("T3-SUM", "error", "三、（七）总计·自然人 = 12，但各项办理结果之和 = 11",
                ("t3/3.7/natural", "t3/3.1/natural")),
        Finding("T3-BLANK", "note", "一、本年新收政府信息公开申请数量·其他为空", ("t3/1/other",)),
        Finding("T3-FWD", "warning", "结转下年度偏多", ("t3/3.1/natural",)),
        Finding("T4-SUM", "error", "表四不平", ("t4/review/total",)),
    ])
    total = ed.model.index_of("3.7", "natural")
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_TINTS["error"]
    assert "错误：三、（七）总计·自然人 = 12，但各项办理结果之和 = 11" in total.data(Qt.ItemDataRole.ToolTipRole)
    both = ed.model.index_of("3.1", "natural")
    assert both.data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_TINTS["error"]  # the worst wins
    tip = both.data(Qt.ItemDataRole.ToolTipRole)
    assert "错误：" in tip and "警告：结转下年度偏多" in tip
    note = ed.model.index_of("1", "other")
    assert note.data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_TINTS["note"]
    assert "提示：一、本年新收政府信息公开申请数量·其他为空" in note.data(Qt.ItemDataRole.ToolTipRole)
    assert "提示：" in note.data(Qt.ItemDataRole.AccessibleDescriptionRole)  # read out by a screen reader
    ed.set_findings([])
    assert ed.model.index_of("1", "other").data(Qt.ItemDataRole.BackgroundRole) is None
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == TOTAL_TINT


def test_focus_cell_selects_scrolls_and_focuses(qtbot, ui, t3):
    _, ed = t3
    ed.resize(ed.width(), 200)  # too short for the whole table: the cell must be scrolled to
    ed.focus_cell("4", "legal")
    assert ui.current_key(ed) == ("4", "legal")
    qtbot.waitUntil(lambda: ed.view.hasFocus(), timeout=1000)
    rect = ed.view.visualRect(ed.model.index_of("4", "legal"))
    assert ed.view.viewport().rect().contains(rect.center())


def test_cells_name_themselves_for_screen_readers(qtbot, ui, t3):
    _, ed = t3
    ui.type_cell(ed, "3.1", "natural", "4")
    role = Qt.ItemDataRole.AccessibleTextRole
    assert ed.model.index_of("3.7", "natural").data(role) == "三、（七）总计·自然人：4"
    assert (ed.model.index_of("3.3.3", "other").data(role)
            == "三、（三）不予公开3.危及“三安全一稳定”·法人或其他组织·其他：空")


def test_copy_puts_the_selection_on_the_clipboard_as_tab_separated_rows(qtbot, t3):
    session, ed = t3
    for b, v in (("natural", 1), ("commercial", 2)):
        session.set_cell("t3", "1", b, v)
        session.set_cell("t3", "2", b, v * 10)
    top, bottom = ed.model.index_of("1", "natural"), ed.model.index_of("2", "commercial")
    ed.view.selectionModel().select(QtCore.QItemSelection(top, bottom),
                                    QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(ed.view, K.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QtWidgets.QApplication.clipboard().text() == "1\t2\n10\t20\n"


def test_a_larger_font_makes_larger_cells(qtbot, t3):
    _, ed = t3
    width, height = ed.view.columnWidth(4), ed.view.rowHeight(3)
    font = QtGui.QFont(ed.view.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    ed.view.setFont(font)
    assert ed.view.columnWidth(4) > 1.6 * width
    assert ed.view.rowHeight(3) > 1.6 * height


# ---------------------------------------------------------------------- 2019 table 3, table 4, table 2

def test_2019_table_3_has_one_other_row_in_its_total(qtbot, ui, open_editor, new_session):
    session = new_session(2020)
    ed = open_editor(session, "t3")
    assert ed.model.grid.rows == 3 + 23
    ui.type_cell(ed, "3.6", "natural", "2")
    ui.type_cell(ed, "3.5.5", "natural", "1")
    assert ui.shown(ed, "3.7", "natural") == "3"


def test_table_4_totals_per_group_and_enter_moves_along_the_single_row(qtbot, ui, open_editor, new_session):
    session = new_session(2023)
    ed = open_editor(session, "t4")
    ui.type_cell(ed, "review", "upheld", "2")
    assert ui.current_key(ed) == ("review", "corrected")  # no row below: Enter goes on to the next cell
    ui.type_cell(ed, "review", "pending", "1", finish=K.Key_Tab)
    assert ui.current_key(ed) == ("suit_direct", "upheld")  # past 行政复议·总计
    ui.type_cell(ed, "suit_direct", "upheld", "4")
    assert ui.shown(ed, "review", "total") == "3"
    assert ui.shown(ed, "suit_direct", "total") == "4"
    assert ui.shown(ed, "suit_after_review", "total") == ""
    assert session.report.get("t4", "review", "total") == 3


def test_table_2_takes_slash_and_money_and_refuses_too_many_decimals(qtbot, ui, open_editor, new_session):
    session = new_session(2023)
    ed = open_editor(session, "t2")
    ui.type_cell(ed, "rules", "issued", "/")
    assert session.report.get("t2", "rules", "issued") == "/"
    ui.type_cell(ed, "charges", "amount", "4166.241619")  # 万元 to the fen, as real reports print it
    assert session.report.get("t2", "charges", "amount") == Decimal("4166.241619")
    assert isinstance(session.report.get("t2", "charges", "amount"), Decimal)
    assert ui.shown(ed, "charges", "amount") == "4166.241619"
    ui.type_cell(ed, "charges", "amount", "1.2345678")
    assert session.report.get("t2", "charges", "amount") == Decimal("4166.241619")
    assert "小数超过 6 位" in ed.message() and "行政事业性收费·本年收费金额（单位：万元）" in ed.message()
    ui.type_cell(ed, "licensing", "decisions", "2.5")
    assert session.report.get("t2", "licensing", "decisions") is None and "不是整数" in ed.message()


def test_table_2_enter_goes_down_into_the_next_block(qtbot, ui, open_editor, new_session):
    session = new_session(2023)
    ed = open_editor(session, "t2")
    ui.type_cell(ed, "normative", "issued", "3")
    assert ui.current_key(ed) == ("licensing", "decisions")  # past the caption and header rows
    ui.type_cell(ed, "licensing", "decisions", "5")
    assert ui.current_key(ed) == ("penalty", "decisions")


def test_2019_table_2_change_may_be_negative(qtbot, ui, open_editor, new_session):
    session = new_session(2019)
    ed = open_editor(session, "t2")
    ui.type_cell(ed, "licensing", "change", "-3")
    assert session.report.get("t2", "licensing", "change") == -3
    ui.type_cell(ed, "licensing", "decisions", "-3")
    assert session.report.get("t2", "licensing", "decisions") is None and "负数" in ed.message()
    ui.type_cell(ed, "procurement", "amount", "12.5")
    assert session.report.get("t2", "procurement", "amount") == Decimal("12.5")


def test_a_long_editing_session_does_not_abort_the_process():
    """PySide6 6.12 on Python 3.11 drops a reference to True on every Signal.emit() and to None on
    every void call: a long session (the editor emits and repaints on every keystroke) ended in
    “Fatal Python error: bool_dealloc”. gui.qt guards against it; run in a child process so a
    regression shows as a failed test rather than a crashed test run."""
    code = textwrap.dedent("""
        from gui.qt import QObject, QtCore, Signal

        class Editor(QObject):
            changed = Signal()

        e = Editor()
        for _ in range(200_000):
            e.changed.emit()
            e.setObjectName("t3")
        print("alive")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "alive", out.stderr[-500:]


def test_page_down_lands_on_a_number_cell_and_focus_goes_to_the_grid(qtbot, ui, t3):
    _, ed = t3
    ed.resize(ed.width(), 300)
    ed.setFocus()
    qtbot.waitUntil(ed.view.hasFocus, timeout=1000)  # keyboard users arrive straight in the grid
    ed.focus_cell("1", "research")
    qtbot.keyClick(ed.view, K.Key_PageDown)
    key = ui.current_key(ed)
    assert key[1] == "research" and key != ("1", "research")


def test_an_input_method_commit_on_a_selected_cell_starts_editing(qtbot, ui, t3):
    session, ed = t3
    session.set_cell("t3", "2", "other", 7)
    ed.focus_cell("2", "other")
    event = QtGui.QInputMethodEvent()
    event.setCommitString("３５")  # what a Chinese input method in full-width mode sends
    QtWidgets.QApplication.sendEvent(ed.view, event)
    qtbot.waitUntil(lambda: ui.editing(ed), timeout=1000)
    line = QtWidgets.QApplication.focusWidget()
    assert line.text() == "３５"  # replaces the 7, as a typed digit does
    qtbot.keyClick(line, K.Key_Return)
    qtbot.waitUntil(lambda: not ui.editing(ed), timeout=1000)
    assert session.report.get("t3", "2", "other") == 35


def test_tab_after_the_last_cell_leaves_the_table_for_keyboard_users(qtbot, ui, new_session):
    from gui.tables.editor import TableEditor

    host = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(host)
    ed = TableEditor(new_session(2023), "t4")
    after = QtWidgets.QPushButton("下一步")
    layout.addWidget(ed)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow, timeout=2000)
    ed.focus_cell("suit_after_review", "other")
    qtbot.keyClick(ed.view, K.Key_Tab)
    assert ui.current_key(ed) == ("suit_after_review", "pending") and ed.view.hasFocus()
    qtbot.keyClick(ed.view, K.Key_Tab)  # the total is skipped and nothing editable follows
    assert after.hasFocus()
