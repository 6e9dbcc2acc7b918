"""Shared by the wizard tests: a real store in the test's private data folder, a real
ReportSession on it, and a shown, active ReportWizard (offscreen needs activation for focus)."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from gui.qt import Qt, QtWidgets


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included (qtbot.keyClicks is ASCII only and aborts on Chinese)."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, text, Qt.KeyboardModifier.NoModifier)


def focused():
    return QtWidgets.QApplication.focusWidget()


def page_titled(wizard, title: str) -> int:
    return next(i for i, p in enumerate(wizard.pages_) if p.title() == title)


def last_year_of(report, **texts):
    """The same agency's report one year earlier (same figures), with some texts replaced."""
    from report.document import Report

    data = report.to_dict()
    data["year"] -= 1
    data["texts"].update(texts)
    data.pop("website_counts_history", None)
    return Report.from_dict(data)


@pytest.fixture
def store():
    from store import open_store

    s = open_store()
    yield s
    s.close()


@pytest.fixture
def open_wizard(qtbot, store):
    """open_wizard(report, previous=None) → a shown ReportWizard editing ``report`` from the store."""
    from gui.session import ReportSession
    from gui.wizard import ReportWizard

    sessions = []

    def open_(report, previous=None):
        store.save_agency(report.agency)
        for r in (previous, report):
            if r is not None:
                store.save(r)
        session = ReportSession(store, report.agency.name, report.year)
        sessions.append(session)
        wizard = ReportWizard(session)
        qtbot.addWidget(wizard)
        wizard.resize(1100, 760)
        with qtbot.waitExposed(wizard):
            wizard.show()
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        return wizard

    yield open_
    for s in sessions:
        s.close()
