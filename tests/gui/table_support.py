"""Shared by the table editor tests: a session on a report, a shown editor, typing helpers."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtTest import QTest

from gui.qt import QObject, QtGui, QtWidgets, Qt, Signal
from report.document import Agency, Report


class Session(QObject):
    """A ReportSession without a store: the same editing interface (set_cell, undo stack, signals)
    and the same behaviour (one undo command per changed cell, totals recomputed, ``changed``)."""

    changed = Signal()
    findingsChanged = Signal()
    statusChanged = Signal(str)

    def __init__(self, report: Report):
        super().__init__()
        self.report = report
        self.undo_stack = QtGui.QUndoStack(self)
        self.findings: list = []
        self.status = "draft"

    @property
    def read_only(self) -> bool:
        return self.status == "final"

    def set_cell(self, table_id, a, b, value) -> None:
        old = self.report.get(table_id, a, b)
        if self.read_only or old == value:
            return
        self.undo_stack.push(_SetCell(self, table_id, a, b, old, value))

    def after_edit(self) -> None:
        self.report.compute_totals()
        self.changed.emit()


class _SetCell(QtGui.QUndoCommand):
    def __init__(self, session, table_id, a, b, old, new):
        super().__init__(f"修改 {session.report.definition.tables[table_id].cell_name(a, b)}")
        self.s, self.where, self.old, self.new = session, (table_id, a, b), copy.deepcopy(old), copy.deepcopy(new)

    def redo(self):
        self.s.report.set(*self.where, copy.deepcopy(self.new))
        self.s.after_edit()

    def undo(self):
        self.s.report.set(*self.where, copy.deepcopy(self.old))
        self.s.after_edit()


def blank_session(year: int) -> Session:
    return Session(Report.blank(year, Agency(name="测试单位")))


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
