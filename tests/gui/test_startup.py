"""Starting quickly: the report opens on its first page and the other pages are built while the
clerk reads it — never shown half made, and every step gets its state."""

from __future__ import annotations

from gui.qt import Qt, QtWidgets
from gui.wizard.page import WizardPage


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
