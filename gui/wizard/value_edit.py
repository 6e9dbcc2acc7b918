"""A one-line box for a date, count or amount that writes only values it can read.

What the clerk typed is never thrown away: a text that cannot be read stays in the box with a
Chinese message under it, and the report keeps its last good value until the text is fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from gui.qt import QtWidgets, Signal
from gui.styling import set_state
from gui.wizard.findings_panel import mark
from gui.wizard.parsing import InputError
from report import dates
from report.document import format_value
from report.findings import Severity

_UNSET = object()


class ValueEdit(QtWidgets.QWidget):
    committed = Signal(object)  # a value read from the box (None for an emptied box)

    def __init__(self, label: str, parse: Callable[[str], Any], unit: str = "", placeholder: str = "",
                 parent=None):
        super().__init__(parent)
        self._parse = parse
        self._shown: Any = _UNSET
        self._findings: list = []
        self.edit = QtWidgets.QLineEdit(self)
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText(placeholder)
        self.message = QtWidgets.QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldError")
        self.message.hide()
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if unit:
            row.addWidget(QtWidgets.QLabel(unit, self))
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)

    def show_value(self, value: Any) -> None:
        """Display the report's value, unless the box already stands for it (keeps a bad text)."""
        if self._shown is not _UNSET and self._shown == value:
            return
        self._shown = value
        self.edit.setText(self.display(value))
        self._set_message("")

    def display(self, value: Any) -> str:
        return dates.iso_date(value) if isinstance(value, dt.date) else format_value(value)

    def set_findings(self, findings: list) -> None:
        self._findings = list(findings)
        self._restyle()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def _on_edited(self, text: str) -> None:
        try:
            value = self._parse(text)
        except InputError as e:
            self._set_message(str(e))
            return
        self._set_message("")
        self._shown = value
        self.committed.emit(value)

    def _set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._restyle()

    def _restyle(self) -> None:
        if self.message.text():
            set_state(self.edit, "finding", Severity.ERROR.value)
            self.edit.setToolTip(self.message.text())
        else:
            mark(self.edit, self._findings)
