"""Helpers for the main-window tests: answer modal dialogs, type Chinese, open a seeded window."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from gui.qt import Qt, QTimer, QtWidgets


def type_text(widget, text: str) -> None:
    """Chinese-safe typing (qtbot.keyClicks is ASCII only and aborts on Chinese)."""
    widget.setFocus()
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, text, Qt.KeyboardModifier.NoModifier)


def when_modal(kind, action, seen: list | None = None) -> list:
    """Run ``action(dialog)`` as soon as a modal ``kind`` is shown (dialogs block in exec())."""
    seen = [] if seen is None else seen

    def poll():
        w = QtWidgets.QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            seen.append(w)
            action(w)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def answer_box(monkeypatch, answer=QtWidgets.QMessageBox.StandardButton.Yes) -> list:
    """Record QMessageBox.question/warning/information calls and answer them."""
    calls: list = []

    def fake(kind):
        def f(parent, title, text, *args, **kwargs):
            calls.append((kind, title, text))
            return answer
        return staticmethod(f)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QtWidgets.QMessageBox, kind, fake(kind))
    return calls


@pytest.fixture
def make_window(qtbot):
    """make_window() → a shown, started MainWindow on the test's private data folder."""
    from gui.app import make_app
    from gui.main_window import MainWindow

    make_app()
    windows = []

    def make(start: bool = True):
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitActive(w)
        if start:
            w.start()
        windows.append(w)
        return w

    yield make
    for w in windows:
        if w.isVisible():
            w.close()
