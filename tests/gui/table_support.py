"""Shared by the table editor tests: a session on a report, a shown editor, typing helpers."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from gui.qt import Qt, QtWidgets
from report.document import Agency, Report


@pytest.fixture
def table_store(private_data_dir):
    from store import open_store

    s = open_store(private_data_dir)
    yield s
    s.close()


@pytest.fixture
def new_session(qtbot, table_store):
    """new_session(year or report) → a real ReportSession on a report saved in the test's store."""
    from gui.session import ReportSession

    sessions = []

    def make(year_or_report):
        report = year_or_report if isinstance(year_or_report, Report) else \
            Report.blank(year_or_report, Agency(name="测试单位"))
        table_store.save_agency(report.agency)
        table_store.save(report)
        session = ReportSession(table_store, report.agency.name, report.year)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def open_editor(qtbot):
    """open_editor(session, table_id) → a shown, active TableEditor."""
    from gui.tables.editor import TableEditor

    def open_(session, table_id):
        ed = TableEditor(session, table_id)
        qtbot.addWidget(ed)
        ed.resize(min(ed.view.sizeHint().width() + 40, 1000), min(ed.view.sizeHint().height() + 80, 900))
        with qtbot.waitActive(ed):
            ed.show()
            ed.activateWindow()
        qtbot.waitUntil(ed.isActiveWindow, timeout=2000)  # offscreen gives focus only to the active window
        return ed

    return open_


def editing(ed) -> bool:
    return ed.view.state() == QtWidgets.QAbstractItemView.State.EditingState


def type_key_text(widget, text: str) -> None:
    """One key event carrying ``text`` (full-width digits as an input method sends them)."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, text, Qt.KeyboardModifier.NoModifier)


def type_cell(qtbot, ed, a, b, text, finish=Qt.Key.Key_Return, ascii_keys=True) -> None:
    """Select a cell, type ``text`` as the clerk would (the first key starts editing), then ``finish``."""
    ed.focus_cell(a, b)
    if ascii_keys:
        qtbot.keyClick(ed.view, text[0])
    else:
        type_key_text(ed.view, text[0])
    qtbot.waitUntil(lambda: editing(ed), timeout=1000)
    line = QtWidgets.QApplication.focusWidget()
    assert isinstance(line, QtWidgets.QLineEdit), (line, ed.view.state())
    if len(text) > 1:
        if ascii_keys:
            qtbot.keyClicks(line, text[1:])
        else:
            type_key_text(line, text[1:])
    qtbot.keyClick(line, finish)
    qtbot.waitUntil(lambda: not editing(ed), timeout=1000)


def current_key(ed) -> tuple[str, str]:
    return ed.model.cell_at(ed.view.currentIndex()).key


def shown(ed, a, b) -> str:
    return ed.model.index_of(a, b).data()


def paste(qtbot, ed, text: str) -> None:
    QtWidgets.QApplication.clipboard().setText(text)
    qtbot.keyClick(ed.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
