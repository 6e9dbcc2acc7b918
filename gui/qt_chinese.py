"""The texts of Qt's file chooser that PySide6's qtbase_zh_CN lacks ("Look in:", "Files of type:",
"Folder"), from resources/qt_zh_CN.toml.

Installed when the first file chooser opens (gui/ask.py) rather than at start, where reading
the table would delay the window for a dialog most sessions never open. Qt asks the newest
translator first; this one answers only its own few texts and leaves the rest to qtbase_zh_CN.
"""

from __future__ import annotations

from gui.qt import QtCore, QtWidgets
from report import resources


class MissingQtChinese(QtCore.QTranslator):
    """Translates the texts listed in resources/qt_zh_CN.toml; None (not known) for any other."""

    def __init__(self, parent=None):
        super().__init__(parent)
        import tomllib

        with open(resources.path("qt_zh_CN.toml"), "rb") as fh:
            table = tomllib.load(fh)
        self.texts = {(context, *key.split("|", 1)): text
                      for context, texts in table.items() for key, text in texts.items()}

    def translate(self, context, source, disambiguation=None, n=-1):
        key = (context, source, disambiguation) if disambiguation else (context, source)
        return self.texts.get(key)

    def isEmpty(self) -> bool:
        return False


def ensure_installed() -> None:
    app = QtWidgets.QApplication.instance()
    if app is not None and not any(isinstance(t, MissingQtChinese) for t in app.findChildren(QtCore.QTranslator)):
        app.installTranslator(MissingQtChinese(app))
