"""A figure typed into a table cell but not yet confirmed with Enter is never lost: it is written
when the window closes, the page changes, and before a save, an export or 定稿."""

from __future__ import annotations

import pytest

from gui.qt import Qt, QtWidgets

T2_CELL = ("rules", "issued")


def table_page(ui, w, table_id):
    part = next(p for p in w.session.report.definition.parts if p.table == table_id)
    w.wizard.go_to_page(ui.page_titled(w.wizard, part.title))
    return w.wizard.currentPage().editor


def type_without_enter(ui, ed, cell, text):
    """Select a cell and type into it, leaving the cell editor open (no Enter, no Tab)."""
    ed.focus_cell(*cell)
    ui.qtbot.keyClick(ed.view, text[0])
    ui.qtbot.waitUntil(lambda: ui.editing(ed), timeout=1000)
    ui.qtbot.keyClicks(ui.focused(), text[1:])
    assert ui.editing(ed)


@pytest.fixture
def typing(ui, make_window, seeded):
    """A main window on the seed report with 7 typed, unconfirmed, into 表二's first cell."""
    report = seeded()
    assert report.get("t2", *T2_CELL) != 7
    w = make_window()
    ed = table_page(ui, w, "t2")
    type_without_enter(ui, ed, T2_CELL, "7")
    return w, ed


def stored(w):
    from store import open_store

    s = open_store()
    try:
        return s.load(w.agency_name, w.session.year if w.session else 2022).get("t2", *T2_CELL)
    finally:
        s.close()


def test_closing_the_window_keeps_an_unconfirmed_figure(typing):
    w, _ = typing
    year = w.session.year
    assert w.close()
    from store import open_store

    s = open_store()
    assert s.load(w.agency_name, year).get("t2", *T2_CELL) == 7
    s.close()


def test_going_to_another_page_keeps_an_unconfirmed_figure(qtbot, typing):
    w, ed = typing
    w.wizard.steps.pageRequested.emit(0)  # a click on 基本信息 in the step list
    assert w.wizard.currentId() == 0
    assert w.session.report.get("t2", *T2_CELL) == 7
    assert not ed.view.state() == QtWidgets.QAbstractItemView.State.EditingState


def test_ctrl_s_saves_an_unconfirmed_figure(qtbot, ui, typing):
    w, _ = typing
    qtbot.keyClick(ui.focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.save_state.text().startswith("已保存")
    assert stored(w) == 7


def test_export_takes_an_unconfirmed_figure(clerk, typing):
    w, _ = typing
    w.act_export_json.trigger()  # the clerk then cancels the file chooser
    assert clerk.of("save_file")
    assert w.session.report.get("t2", *T2_CELL) == 7
    assert stored(w) == 7


def test_final_takes_an_unconfirmed_figure(clerk, typing):
    w, _ = typing
    w.act_final.trigger()
    assert w.session.status == "final", clerk.calls
    assert stored(w) == 7


def test_findings_arriving_while_a_figure_is_typed_keep_it(ui, typing):
    """The checker runs a moment after the report opens and after each edit: its findings must
    not wipe out what the clerk is typing into a cell."""
    w, ed = typing
    w.session.run_checks()  # findings arrive while the cell editor is open
    assert ui.editing(ed) and ui.focused().text() == "7"
    ui.qtbot.keyClick(ui.focused(), Qt.Key.Key_Return)
    assert w.session.report.get("t2", *T2_CELL) == 7


def test_closing_the_window_keeps_an_unconfirmed_website_count(ui, make_window, seeded):
    seeded()
    w = make_window()
    w.wizard.go_to_page(len(w.wizard.pages_) - 2)
    table = w.wizard.currentPage().table
    table.setFocus()
    table.setCurrentCell(0, table.columnCount() - 1)
    ui.qtbot.keyClick(table, "1")
    ui.qtbot.keyClick(ui.focused(), "2")
    assert table.state() == QtWidgets.QAbstractItemView.State.EditingState
    category, year = table.verticalHeaderItem(0).text(), w.session.year
    assert w.close()
    from store import open_store

    s = open_store()
    assert s.load(w.agency_name, year).website_counts[category] == 12
    s.close()
