"""The list of the checker's findings, grouped by severity, and the marks on fields that have them.

The same list serves the side panel and the error summary of 检查与导出: a click on a finding
emits ``findingActivated`` and the wizard goes to the cell or field it names.
"""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from gui.styling import set_state
from report.findings import Findings, Severity

COLOURS = {Severity.ERROR: "#c0392b", Severity.WARNING: "#d68910", Severity.NOTE: "#2e86c1"}
_FINDING = Qt.ItemDataRole.UserRole


def mark(widget: QtWidgets.QWidget, findings) -> None:
    """Give a field the border of its gravest finding (style.qss: ``[finding=...]``) and a tooltip
    listing them; both cleared when there are none."""
    sev = Findings(findings).worst
    set_state(widget, "finding", sev.value if sev else "")
    widget.setToolTip("" if sev is None else
                      "\n".join(f"{Severity(f.severity).label}：{f.message}" for f in findings))


class _WrappingDelegate(QtWidgets.QStyledItemDelegate):
    """Row height for the message wrapped to the column width (Qt's own hint is one line)."""

    def sizeHint(self, option, index):
        hint = super().sizeHint(option, index)
        view: QtWidgets.QTreeView = self.parent()
        depth = 1 + (1 if index.parent().isValid() else 0)
        width = view.viewport().width() - view.indentation() * depth - 12
        if width <= 0:
            return hint
        rect = option.fontMetrics.boundingRect(QtCore.QRect(0, 0, width, 100000),
                                               int(Qt.TextFlag.TextWordWrap), str(index.data() or ""))
        return QtCore.QSize(hint.width(), max(hint.height(), rect.height() + 6))


class FindingsList(QtWidgets.QTreeWidget):
    """Findings under 错误 / 警告 / 提示 headings; activating one asks to show its cell or field."""

    findingActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIndentation(self.fontMetrics().horizontalAdvance("中"))  # room for the sentences
        self.setWordWrap(True)  # messages are long sentences: wrap them, never cut them off
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setAccessibleName("检查发现的问题")
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)
        self._findings = Findings()

    def set_findings(self, findings) -> None:
        self._findings = Findings(findings)
        self.clear()
        for sev in Severity:
            group = self._findings.of(sev)
            if not group:
                continue
            head = QtWidgets.QTreeWidgetItem([f"{sev.label}（{len(group)}）"])
            head.setForeground(0, QtGui.QBrush(QtGui.QColor(COLOURS[sev])))
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.addTopLevelItem(head)
            for f in group:
                item = QtWidgets.QTreeWidgetItem([f.message])
                item.setData(0, _FINDING, f)
                item.setToolTip(0, f.message)
                head.addChild(item)
            head.setExpanded(True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights depend on the width the text wraps to

    def findings(self) -> Findings:
        return Findings(self._findings)

    def item_for(self, finding) -> QtWidgets.QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            for j in range(head.childCount()):
                if head.child(j).data(0, _FINDING) is finding:
                    return head.child(j)
        return None

    def _activate(self, item: QtWidgets.QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _FINDING)
        if finding is not None:
            self.findingActivated.emit(finding)
