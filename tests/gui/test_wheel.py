"""The mouse wheel scrolls pages; it never changes a value the clerk has not clicked into."""

from __future__ import annotations

from PySide6.QtTest import QTest

from gui.new_year_dialog import NewYearDialog
from gui.qt import Qt, QtCore, QtWidgets


def wheel_over(widget: QtWidgets.QWidget, notches: int = -1) -> None:
    """Turn the wheel with the pointer over ``widget``, as the window system delivers it."""
    window = widget.window().windowHandle()
    pos = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, QtCore.QPointF(pos), QtCore.QPoint(0, 120 * notches))


def test_wheel_over_an_unfocused_combo_box_scrolls_without_changing_it(qtbot, make_window, seeded):
    report = seeded()
    w = make_window()
    w.resize(1000, 500)  # short enough for the 基本信息 page to scroll
    page = w.wizard.currentPage()
    kind = page.kind
    qtbot.waitUntil(kind.isVisible)
    page.issued_on.edit.setFocus()
    before, bar = kind.currentText(), page.scroll.verticalScrollBar()
    page.ensure_visible(kind)
    scrolled = bar.value()
    assert scrolled > bar.minimum()  # the window is short: 单位类型 is further down the page
    wheel_over(kind, notches=1)
    qtbot.waitUntil(lambda: bar.value() < scrolled)  # the page scrolled up
    page.ensure_visible(kind)
    wheel_over(kind, notches=-1)
    QtWidgets.QApplication.processEvents()
    assert kind.currentText() == before
    assert w.session.report.agency.kind == report.agency.kind
    assert not kind.hasFocus()


def test_wheel_changes_a_combo_box_the_clerk_has_clicked_into(qtbot, make_window, seeded):
    report = seeded()
    w = make_window()
    kind = w.wizard.currentPage().kind
    w.wizard.currentPage().ensure_visible(kind)
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus)
    wheel_over(kind, notches=1 if kind.currentIndex() else -1)
    qtbot.waitUntil(lambda: w.session.report.agency.kind != report.agency.kind)


def test_wheel_over_the_year_of_a_new_report_leaves_the_year(qtbot, clerk, make_window, seeded):
    seeded()
    w = make_window()
    w.back_to_list()
    seen_year = []

    def wheel(dialog: NewYearDialog):
        dialog.blank.setFocus()
        qtbot.waitUntil(dialog.blank.hasFocus)
        before = dialog.year.value()
        wheel_over(dialog.year)
        wheel_over(dialog.year)
        QtWidgets.QApplication.processEvents()
        seen_year.append((before, dialog.year.value()))

    clerk.on_dialog(NewYearDialog, wheel)
    qtbot.mouseClick(w.years.buttons["new"], Qt.MouseButton.LeftButton)
    ((before, after),) = seen_year
    assert after == before
