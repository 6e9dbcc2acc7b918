"""新建年度报告: which year, and whether to start from last year's report (the default when it exists)."""

from __future__ import annotations

import datetime as dt

from gui.dialog_parts import error_banner, ok_cancel
from gui.qt import QtWidgets

FIRST_YEAR = 2019  # the first year of the official formats


class NewYearDialog(QtWidgets.QDialog):
    def __init__(self, existing: set[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self.existing = existing
        self.year = QtWidgets.QSpinBox()
        self.year.setRange(FIRST_YEAR, dt.date.today().year + 1)
        self.year.setSuffix(" 年")
        self.year.setAccessibleName("报告年度")
        default = max(existing) + 1 if existing else dt.date.today().year - 1
        self.year.setValue(min(default, self.year.maximum()))
        self.from_last = QtWidgets.QRadioButton()
        self.blank = QtWidgets.QRadioButton("空白报告：所有内容从头填写")
        self.error = error_banner()
        form = QtWidgets.QFormLayout()
        form.addRow("报告年度", self.year)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.from_last)
        layout.addWidget(self.blank)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.year.valueChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        y = self.year.value()
        has_last = (y - 1) in self.existing
        self.from_last.setText(f"以{y - 1}年度报告为基础：沿用单位信息和文字，表格数字留空"
                               if has_last else f"以上一年度报告为基础（没有{y - 1}年度的报告）")
        self.from_last.setEnabled(has_last)
        (self.from_last if has_last else self.blank).setChecked(True)

    def accept(self) -> None:
        if self.year.value() in self.existing:
            self.error.setText(f"{self.year.value()}年度的报告已经存在，请在列表中打开它，或选择其他年度。")
            self.error.show()
            return
        super().accept()
