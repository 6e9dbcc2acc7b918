"""A 1280×720 screen: every step, every column of table 4 and the findings stay reachable, and the
side panel can be widened for long findings (the width is remembered)."""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtWidgets


def seeded_window(qtbot, make_window, seeded, size=(1280, 720)):
    """The main window at ``size`` with the seed report (a draft) open, as a clerk starts it."""
    seeded()
    w = make_window(start=False)
    w.resize(*size)
    w.start()
    assert w.session is not None
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # offscreen gives the keyboard only to the active window
    qtbot.waitUntil(lambda: w.session.checked)  # the findings follow the report on screen
    return w


def click_step(qtbot, wizard, title: str) -> None:
    steps = wizard.steps
    item = next(steps.item(i) for i in range(steps.count()) if steps.item(i).text().startswith(title))
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=steps.visualItemRect(item).center())


def in_sight(widget: QtWidgets.QWidget, rect: QtCore.QRect, window: QtWidgets.QWidget) -> bool:
    """Whether ``rect`` (in ``widget``'s coordinates) is inside the window's visible area."""
    top_left = widget.mapTo(window, rect.topLeft())
    return window.rect().contains(QtCore.QRect(top_left, rect.size()))


def test_every_step_shows_whole_at_1280x720_and_the_last_one_is_reachable(qtbot, make_window, seeded):
    w = seeded_window(qtbot, make_window, seeded)
    steps = w.wizard.steps
    qtbot.waitUntil(lambda: steps.height() > 0)
    for i in range(steps.count()):
        rect = steps.visualItemRect(steps.item(i))
        assert steps.viewport().rect().contains(rect), steps.item(i).text()  # not cut by the list
        assert in_sight(steps.viewport(), rect, w), steps.item(i).text()  # nor by the window
    click_step(qtbot, w.wizard, "检查与导出")
    assert w.wizard.currentId() == len(w.wizard.pages_) - 1
    assert w.wizard.findings_panel.height() >= w.wizard.findings_panel.fontMetrics().lineSpacing() * 6


def test_table_4_shows_its_last_column_at_1280x720(qtbot, make_window, seeded):
    w = seeded_window(qtbot, make_window, seeded)
    click_step(qtbot, w.wizard, "四、")
    view = w.wizard.currentPage().editor.view
    model = view.model()

    def last():
        return view.visualRect(model.index(model.rowCount() - 1, model.columnCount() - 1))

    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().rect().contains(last()))  # once laid out
    assert view.horizontalScrollBar().maximum() == 0
    assert in_sight(view.viewport(), last(), w)
    for c in range(model.columnCount()):  # the headers wrap rather than being cut off
        index = model.index(2, c)
        text = index.data()
        if text:
            rect = view.visualRect(index)
            need = view.fontMetrics().boundingRect(QtCore.QRect(0, 0, rect.width(), 10 ** 4),
                                                   int(Qt.TextFlag.TextWordWrap), text)
            assert need.width() <= rect.width() and need.height() <= rect.height(), text


def test_a_wide_figure_widens_its_narrowed_column(qtbot, ui, make_window, seeded):
    w = seeded_window(qtbot, make_window, seeded)
    click_step(qtbot, w.wizard, "四、")
    editor = w.wizard.currentPage().editor
    cell = _first_t4_cell(w)
    ui.type_cell(editor, *cell, "1234567")
    index = editor.model.index_of(*cell)
    assert index.data() == "1234567"
    need = editor.view.fontMetrics().horizontalAdvance("1234567")
    qtbot.waitUntil(lambda: editor.view.visualRect(index).width() > need)


def _first_t4_cell(w) -> tuple[str, str]:
    table = w.session.report.definition.tables["t4"]
    return next(c.key for c in table.cells() if not c.computed)


def drag(qtbot, handle: QtWidgets.QWidget, dx: int) -> None:
    """Press on the splitter handle, move, release — as the clerk's mouse does."""
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(handle, QtCore.QPoint(start.x() + dx * step // 5, start.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(start.x() + dx, start.y()))


def test_the_findings_panel_is_widened_by_dragging_and_keeps_its_width(qtbot, make_window, seeded):
    w = seeded_window(qtbot, make_window, seeded)
    workspace = w.workspace
    panel = w.wizard.findings_panel
    finding = panel.topLevelItem(0).child(0)
    before_width, before_height = workspace.side.width(), panel.visualItemRect(finding).height()
    drag(qtbot, workspace.handle(1), 160)
    qtbot.waitUntil(lambda: workspace.side.width() >= before_width + 150)
    qtbot.waitUntil(lambda: panel.visualItemRect(panel.topLevelItem(0).child(0)).height() < before_height)
    widened = workspace.side.width()
    w.close()

    again = make_window(start=False)
    again.resize(1280, 720)
    again.start()
    qtbot.waitUntil(lambda: again.workspace is not None and again.workspace.side.width() == widened)
