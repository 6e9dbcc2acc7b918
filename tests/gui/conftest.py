"""What the GUI tests share: a stand-in clerk at the question seam, hands on the widgets, and
real stores, sessions, editors, wizards and main windows in the test's private data folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtTest import QTest

from gui.qt import Qt, QtWidgets
from report.document import Agency, Report


# ---------------------------------------------------------------------- the clerk answers
@dataclass
class Clerk:
    """Stands in for the clerk at gui.ask: records every question and answers it at once.

    ``calls`` holds (kind, title, text) with kind one of confirm, inform, warn, fail, choose,
    open_file, save_file, choose_folder, dialog. ``answers`` gives the answer per kind: a value, or a function
    of the question's arguments. A dialog of the program's own (``ask.run``) is shown without a
    modal loop and handed to the handler queued for its class with ``on_dialog``; one nobody
    expected is rejected and recorded, so a test never hangs on a window no one will close.
    """

    answers: dict[str, Any] = field(default_factory=lambda: {
        "confirm": True, "warn": False, "choose": None, "open_file": None, "save_file": None,
        "choose_folder": None})
    calls: list[tuple[str, str, str]] = field(default_factory=list)
    handlers: list[tuple[type, Any, list]] = field(default_factory=list)

    def on_dialog(self, kind: type, handler) -> list:
        """Let ``handler(dialog)`` act on the next ``kind`` dialog; the returned list gets it."""
        seen: list = []
        self.handlers.append((kind, handler, seen))
        return seen

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [c for c in self.calls if c[0] == kind]

    def _answer(self, kind: str, *args):
        answer = self.answers.get(kind)
        return answer(*args) if callable(answer) else answer

    def confirm(self, parent, title, text, *, default=True, warning=False) -> bool:
        self.calls.append(("confirm", title, text))
        return bool(self._answer("confirm", title, text))

    def inform(self, parent, title, text) -> None:
        self.calls.append(("inform", title, text))

    def warn(self, parent, title, text, *, action=None) -> bool:
        self.calls.append(("warn", title, text))
        return action is not None and bool(self._answer("warn", title, text))

    def fail(self, parent, title, text) -> None:
        self.calls.append(("fail", title, text))

    def choose(self, parent, title, label, items):
        self.calls.append(("choose", title, label))
        return self._answer("choose", items)

    def open_file(self, parent, title, directory, file_filter):
        self.calls.append(("open_file", title, directory))
        return self._answer("open_file", directory)

    def save_file(self, parent, title, proposed, file_filter):
        self.calls.append(("save_file", title, proposed))
        return self._answer("save_file", proposed)

    def choose_folder(self, parent, title, directory):
        self.calls.append(("choose_folder", title, directory))
        return self._answer("choose_folder", directory)

    def run(self, dialog) -> bool:
        self.calls.append(("dialog", type(dialog).__name__, dialog.windowTitle()))
        for i, (kind, handler, seen) in enumerate(self.handlers):
            if isinstance(dialog, kind):
                del self.handlers[i]
                dialog.show()
                seen.append(dialog)
                handler(dialog)
                break
        if dialog.isVisible():
            dialog.reject()
        return dialog.result() == QtWidgets.QDialog.DialogCode.Accepted


@pytest.fixture(autouse=True)
def clerk(monkeypatch) -> Clerk:
    """Every GUI test talks to a stand-in clerk instead of real modal message boxes."""
    from gui import ask

    c = Clerk()
    for name in ("confirm", "inform", "warn", "fail", "choose", "open_file", "save_file", "choose_folder", "run"):
        monkeypatch.setattr(ask, name, getattr(c, name))
    return c


# ---------------------------------------------------------------------- hands on the widgets
class Hands:
    """Typing, pasting and reading as the clerk does, through the real widgets."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @staticmethod
    def type_text(widget, text: str) -> None:
        """Any text, Chinese included, in one key event (qtbot.keyClicks is ASCII only and aborts
        on Chinese), as an input method sends it."""
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, text, Qt.KeyboardModifier.NoModifier)

    @staticmethod
    def focused():
        return QtWidgets.QApplication.focusWidget()

    @staticmethod
    def page_titled(wizard, title: str) -> int:
        return next(i for i, p in enumerate(wizard.pages_) if p.title() == title)

    @staticmethod
    def editing(ed) -> bool:
        return ed.view.state() == QtWidgets.QAbstractItemView.State.EditingState

    @staticmethod
    def current_key(ed) -> tuple[str, str]:
        return ed.model.cell_at(ed.view.currentIndex()).key

    @staticmethod
    def shown(ed, a, b) -> str:
        return ed.model.index_of(a, b).data()

    def type_cell(self, ed, a, b, text, finish=Qt.Key.Key_Return, ascii_keys=True) -> None:
        """Select a cell, type ``text`` (the first key starts editing), then press ``finish``."""
        qtbot = self.qtbot
        ed.focus_cell(a, b)
        if ascii_keys:
            qtbot.keyClick(ed.view, text[0])
        else:
            self.type_text(ed.view, text[0])
        qtbot.waitUntil(lambda: self.editing(ed), timeout=1000)
        line = QtWidgets.QApplication.focusWidget()
        assert isinstance(line, QtWidgets.QLineEdit), (line, ed.view.state())
        if len(text) > 1:
            if ascii_keys:
                qtbot.keyClicks(line, text[1:])
            else:
                self.type_text(line, text[1:])
        qtbot.keyClick(line, finish)
        qtbot.waitUntil(lambda: not self.editing(ed), timeout=1000)

    def paste(self, ed, text: str) -> None:
        QtWidgets.QApplication.clipboard().setText(text)
        self.qtbot.keyClick(ed.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def ui(qtbot) -> Hands:
    return Hands(qtbot)


# ---------------------------------------------------------------------- reports and stores
def last_year_of(report, **texts) -> Report:
    """The same agency's report one year earlier (same figures), with some texts replaced."""
    data = report.to_dict()
    data["year"] -= 1
    data["texts"].update(texts)
    data.pop("website_counts_history", None)
    return Report.from_dict(data)


@pytest.fixture
def last_year():
    """last_year(report, **texts) → the same agency's report one year earlier."""
    return last_year_of


@pytest.fixture
def store(private_data_dir):
    """The store in the test's private data folder."""
    from store import open_store

    s = open_store(private_data_dir)
    yield s
    s.close()


@pytest.fixture
def new_session(qtbot, store):
    """new_session(year or report) → a real ReportSession on a report saved in the test's store."""
    from gui.session import ReportSession

    sessions = []

    def make(year_or_report):
        report = year_or_report if isinstance(year_or_report, Report) else \
            Report.blank(year_or_report, Agency(name="测试单位"))
        store.save_agency(report.agency)
        store.save(report)
        session = ReportSession(store, report.agency.name, report.year)
        sessions.append(session)
        qtbot.waitUntil(lambda: session.checked)  # the checker runs a moment after opening
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


@pytest.fixture
def open_wizard(qtbot, store):
    """open_wizard(report, previous=None) → a shown ReportWizard (beside its side panel) editing
    ``report`` from the store."""
    from gui.session import ReportSession
    from gui.wizard.workspace import ReportWorkspace

    sessions = []

    def open_(report, previous=None):
        store.save_agency(report.agency)
        for r in (previous, report):
            if r is not None:
                store.save(r)
        session = ReportSession(store, report.agency.name, report.year)
        sessions.append(session)
        workspace = ReportWorkspace(session)  # the wizard with its side panel, as the window shows it
        qtbot.addWidget(workspace)
        workspace.resize(1100, 760)
        with qtbot.waitExposed(workspace):
            workspace.show()
        workspace.activateWindow()
        qtbot.waitUntil(workspace.isActiveWindow)
        qtbot.waitUntil(lambda: session.checked)  # the findings come a moment after the report is on screen
        return workspace.wizard

    yield open_
    for s in sessions:
        s.close()


@pytest.fixture
def make_window(qtbot):
    """make_window() → a shown, started MainWindow on the test's private data folder, the report in
    progress open and checked."""
    from gui.app import make_app
    from gui.main_window import MainWindow

    make_app()
    windows = []

    def make(start: bool = True):
        w = MainWindow()
        qtbot.addWidget(w)
        with qtbot.waitActive(w):  # offscreen gives the keyboard focus only to the active window
            w.show()
            w.activateWindow()
        if start:
            w.start()
            bar = w.menuBar()  # made with the first report: wait until the widgets below have moved
            qtbot.waitUntil(lambda: bar.height() > 0 and w.centralWidget().y() >= bar.geometry().bottom())
            qtbot.waitUntil(lambda: w.session is None or w.session.checked)  # its findings follow it on screen
        windows.append(w)
        return w

    yield make
    for w in windows:
        if w.isVisible():
            w.close()


@pytest.fixture
def seeded(seed_path):
    """seeded(*more) → the seed report, saved with ``more`` reports in the test's store (closed again)."""
    from store import open_store

    def save(*more: Report) -> Report:
        s = open_store()
        report = Report.load(seed_path)
        s.save_agency(report.agency)
        for r in (report, *more):
            s.save(r)
        s.close()
        return report

    return save
