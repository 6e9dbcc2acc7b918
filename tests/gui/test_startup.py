"""Starting quickly: the window is on screen before the data load, the report opens on its first
page and the other pages are built while the clerk reads it — never shown half made, and every
step gets its state; the findings follow, and nothing the clerk does meanwhile is lost."""

from __future__ import annotations

import sys
import threading

from gui.qt import QObject, Qt, QtCore, QtWidgets
from gui.wizard.page import WizardPage


class Painted(QObject):
    """Counts the paint events of the widget it watches."""

    count = 0

    def eventFilter(self, obj, event) -> bool:
        self.count += event.type() == QtCore.QEvent.Type.Paint
        return False


def test_the_window_is_painted_before_the_data_and_the_report_load(qtbot, seeded, monkeypatch):
    from gui.app import show_window
    from gui.main_window import MainWindow
    from store import logs

    seeded()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its error hooks
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    painted, seen_at_start = Painted(), []
    start = MainWindow.start
    monkeypatch.setattr(MainWindow, "start", lambda w: seen_at_start.append(painted.count) or start(w))
    w = show_window()
    qtbot.addWidget(w)
    w.installEventFilter(painted)
    qtbot.waitUntil(lambda: w.session is not None, timeout=5000)  # started by the window itself
    assert seen_at_start[0] > 0  # the clerk saw the window before the store and the report loaded
    assert w.wizard.currentPage().title() == "基本信息"
    qtbot.waitUntil(lambda: logs.log_file() is not None)  # the log starts once the report is on screen


def test_final_right_after_opening_still_refuses_a_report_with_errors(clerk, make_window):
    from report.document import Agency, Report
    from store import open_store

    blank = Report.blank(2024, Agency(name="测试单位"))  # empty cells: errors
    s = open_store()
    s.save_agency(blank.agency)
    s.save(blank)
    s.close()
    w = make_window(start=False)
    w.start()
    assert not w.session.checked  # the findings have not arrived yet
    w.act_final.trigger()
    assert w.session.status == "draft"
    assert [c[1] for c in clerk.of("warn")] == ["暂不能定稿"]


def test_next_right_after_opening_shows_a_real_page_and_every_step_gets_its_state(qtbot, make_window,
                                                                                   seeded):
    report = seeded()
    w = make_window(start=False)
    w.start()
    wizard = w.wizard
    assert isinstance(wizard.currentPage(), WizardPage) and wizard.currentPage().title() == "基本信息"
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.currentPage()
    assert isinstance(page, WizardPage) and page.title() == report.definition.parts[0].title
    assert page.isVisible() and page.editors  # its text fields, not a stand-in
    steps = wizard.steps
    stateful = [i for i in range(steps.count() - 1)]  # 检查与导出 has no 已填/未填
    qtbot.waitUntil(lambda: all(steps.state(i) for i in stateful))
    assert steps.state(0) == "已填"


def test_the_field_the_clerk_is_in_keeps_the_keyboard_while_the_other_pages_are_built(qtbot, make_window,
                                                                                      seeded):
    seeded()
    w = make_window()
    kind = w.wizard.currentPage().kind
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus)
    wizard = w.wizard  # the other pages replace their stand-ins while the window is idle
    qtbot.waitUntil(lambda: all(isinstance(wizard.page(i), WizardPage) for i in wizard.pageIds()))
    assert kind.hasFocus(), QtWidgets.QApplication.focusWidget()
