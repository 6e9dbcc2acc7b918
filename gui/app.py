"""The QApplication: Chinese standard dialogs, the UI font, the style sheet, the main window.

Qt's own buttons (确定/取消, 下一步/上一步) come from the qtbase_zh_CN translation that PySide6
ships; without it a Chinese clerk would meet English in every standard dialog. That translation
predates some texts of Qt's file chooser, which gui/qt_chinese.py supplies.
"""

from __future__ import annotations

import sys

from gui.qt import QtCore, QtGui, QtWidgets
from report import resources

UI_FONTS = ("Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "PingFang SC", "SimHei")


def install_translations(app: QtWidgets.QApplication) -> bool:
    path = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QtCore.QTranslator(app)
    ok = translator.load("qtbase_zh_CN", path)
    if ok:
        app.installTranslator(translator)
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.China))
    return ok


def choose_ui_font(app: QtWidgets.QApplication) -> None:
    families = set(QtGui.QFontDatabase.families())
    for name in UI_FONTS:
        if name in families:
            font = QtGui.QFont(name)
            font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
            app.setFont(font)
            return


def style_sheet() -> str:
    with open(resources.path("style.qss"), encoding="utf-8") as fh:
        return fh.read()


def make_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The application object (reused when one exists, as under pytest-qt)."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("nianbao")
    app.setApplicationName("nianbao")
    app.setApplicationDisplayName("年报助手")
    install_translations(app)
    choose_ui_font(app)
    app.setStyleSheet(style_sheet())
    return app


def run(args) -> int:
    """Start the window; ``args.data_dir`` overrides the data folder."""
    app = make_app()
    from gui import unexpected
    from gui.main_window import MainWindow

    window = MainWindow(data_dir=getattr(args, "data_dir", None))
    unexpected.install(window)
    window.show()
    QtCore.QTimer.singleShot(0, lambda: window.start() or window.close())
    return app.exec()
