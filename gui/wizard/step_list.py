"""The side panel: every page of the wizard with its state; a click jumps there.

States are 未填 / 已填 / 有错误 / 有警告 (a page with errors shows 有错误 even if filled), so the
clerk sees at a glance which parts still need work.
"""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from gui.wizard.findings_panel import COLOURS
from report.findings import Severity

EMPTY, FILLED, ERRORS, WARNINGS = "未填", "已填", "有错误", "有警告"
_STATE_COLOURS = {ERRORS: COLOURS[Severity.ERROR], WARNINGS: COLOURS[Severity.WARNING], FILLED: "#1e8449",
                  EMPTY: "#7f7f7f"}
_PAGE_ID = Qt.ItemDataRole.UserRole


def page_state(filled: bool, worst: Severity | None) -> str:
    """Errors always show; an untouched page is 未填 even though the checker warns it is empty."""
    if worst == Severity.ERROR:
        return ERRORS
    if not filled:
        return EMPTY
    return WARNINGS if worst == Severity.WARNING else FILLED


class StepList(QtWidgets.QListWidget):
    pageRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("报告各部分")
        self.setWordWrap(True)
        # every step in sight: as tall as its rows (the side panel scrolls if even that is too tall)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._titles: dict[int, str] = {}
        self._states: dict[int, str] = {}
        self.itemClicked.connect(lambda item: self.pageRequested.emit(item.data(_PAGE_ID)))
        self.itemActivated.connect(lambda item: self.pageRequested.emit(item.data(_PAGE_ID)))

    def sizeHint(self) -> QtCore.QSize:
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        return QtCore.QSize(super().sizeHint().width(), rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # wrapped titles change the rows' height
            self.updateGeometry()

    def add_step(self, page_id: int, title: str) -> None:
        item = QtWidgets.QListWidgetItem(title)
        item.setData(_PAGE_ID, page_id)
        self.addItem(item)
        self._titles[page_id] = title

    def set_state(self, page_id: int, state: str) -> None:
        """Show a page's state beside its title ("" for a page without one)."""
        self._states[page_id] = state
        item = self._item(page_id)
        item.setText(f"{self._titles[page_id]}　{state}" if state else self._titles[page_id])
        colour = _STATE_COLOURS.get(state)
        item.setForeground(QtGui.QBrush(QtGui.QColor(colour)) if colour else QtGui.QBrush())
        self.updateGeometry()  # a longer text may wrap onto another line

    def state(self, page_id: int) -> str:
        return self._states.get(page_id, "")

    def set_current_page(self, page_id: int) -> None:
        self.blockSignals(True)
        self.setCurrentItem(self._item(page_id))
        self.blockSignals(False)

    def item_for(self, page_id: int) -> QtWidgets.QListWidgetItem:
        return self._item(page_id)

    def _item(self, page_id: int) -> QtWidgets.QListWidgetItem:
        for i in range(self.count()):
            if self.item(i).data(_PAGE_ID) == page_id:
                return self.item(i)
        raise KeyError(page_id)
