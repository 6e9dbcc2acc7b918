"""Pieces every form-like dialog shares: the error banner and the 确定/取消 buttons."""

from __future__ import annotations

from gui.qt import QtWidgets


def error_banner() -> QtWidgets.QLabel:
    """A hidden red banner that says what is wrong when 确定 is refused."""
    label = QtWidgets.QLabel()
    label.setObjectName("bannerError")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QtWidgets.QDialog) -> QtWidgets.QDialogButtonBox:
    """确定 runs the dialog's own accept() (which may refuse); 取消 closes it."""
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                     | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
