"""Every question to the clerk goes through here: message boxes, choices, file choosers, dialogs.

One seam keeps the wording conventions (Yes/No with a safe default, the extra button of a
warning) in one place, and lets the tests answer for the clerk by replacing these functions
instead of hunting for modal windows. Callers use ``ask.confirm(...)``, never ``from gui.ask
import confirm``, so that a replacement is seen everywhere.
"""

from __future__ import annotations

from gui.qt import QtWidgets

# QMessageBox is named at each call, not at import: loading it costs the window's first frame ~2 ms


def confirm(parent, title: str, text: str, *, default: bool = True, warning: bool = False) -> bool:
    """是/否; True for 是. ``default`` is what Enter answers; ``warning`` for a risky step."""
    box_ = QtWidgets.QMessageBox
    yes, no = box_.StandardButton.Yes, box_.StandardButton.No
    box = box_(box_.Icon.Warning if warning else box_.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(yes if default else no)
    box.exec()
    return box.standardButton(box.clickedButton()) == yes


def inform(parent, title: str, text: str) -> None:
    QtWidgets.QMessageBox.information(parent, title, text)


def warn(parent, title: str, text: str, *, action: str | None = None) -> bool:
    """A warning with 关闭 and, when given, one ``action`` button; True if the clerk chose it."""
    box_ = QtWidgets.QMessageBox
    if action is None:
        box_.warning(parent, title, text)
        return False
    box = box_(box_.Icon.Warning, title, text, box_.StandardButton.Close, parent)
    chosen = box.addButton(action, box_.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is chosen


def fail(parent, title: str, text: str) -> None:
    """Something went wrong that the clerk cannot fix alone (the text says whom to tell)."""
    QtWidgets.QMessageBox.critical(parent, title, text)


def choose(parent, title: str, label: str, items: list[str]) -> str | None:
    """One of ``items`` (the first proposed), or None when cancelled."""
    item, ok = QtWidgets.QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None


def file_dialog(parent, title: str, path: str, file_filter: str, *, save: bool) -> QtWidgets.QFileDialog:
    """The platform's own file chooser where it has one (Windows, macOS, a Linux desktop's);
    elsewhere Qt's, in Chinese (gui/qt_chinese.py completes Qt's translation). ``path`` is a folder, or
    a file whose folder opens with its name proposed."""
    from gui import qt_chinese

    qt_chinese.ensure_installed()
    D = QtWidgets.QFileDialog
    dialog = D(parent, title, path, file_filter)
    dialog.setAcceptMode(D.AcceptMode.AcceptSave if save else D.AcceptMode.AcceptOpen)
    dialog.setFileMode(D.FileMode.AnyFile if save else D.FileMode.ExistingFile)
    em = dialog.fontMetrics().horizontalAdvance("中")  # Qt's own chooser: room for names and dates
    dialog.resize(max(dialog.width(), em * 56), max(dialog.height(), em * 32))
    return dialog


def _chosen(dialog: QtWidgets.QFileDialog) -> str | None:
    files = dialog.selectedFiles() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else []
    return files[0] if files else None


def open_file(parent, title: str, directory: str, file_filter: str) -> str | None:
    return _chosen(file_dialog(parent, title, directory, file_filter, save=False))


def save_file(parent, title: str, proposed: str, file_filter: str) -> str | None:
    return _chosen(file_dialog(parent, title, proposed, file_filter, save=True))


def choose_folder(parent, title: str, directory: str) -> str | None:
    path = QtWidgets.QFileDialog.getExistingDirectory(parent, title, directory)
    return path or None


def run(dialog: QtWidgets.QDialog) -> bool:
    """Show one of the program's own dialogs modally; True when the clerk accepted it."""
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
