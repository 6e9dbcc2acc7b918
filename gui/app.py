"""The QApplication: Chinese standard dialogs, the UI font, the style sheet, the main window.

Qt's own buttons (确定/取消, 下一步/上一步) come from the qtbase_zh_CN translation that PySide6
ships; without it a Chinese clerk would meet English in every standard dialog.
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


class WheelGuard(QtCore.QObject):
    """The mouse wheel scrolls the page; it changes a combo box or spin box only once the clerk
    has clicked or tabbed into it. Qt would otherwise change whatever value passes under the
    pointer while the page scrolls (单位类型 silently became 人民政府).

    One application-wide filter covers every such widget, present and future: a wheel over an
    unfocused one is ignored there, so Qt hands it on to the scrolling page behind it, and the
    wheel no longer gives them focus.
    """

    GUARDED = (QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QtCore.QEvent.Type.Wheel and isinstance(obj, self.GUARDED) and not obj.hasFocus():
            event.ignore()
            return True
        if kind == QtCore.QEvent.Type.Polish and isinstance(obj, self.GUARDED) \
                and obj.focusPolicy() == QtCore.Qt.FocusPolicy.WheelFocus:
            obj.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        return False


def guard_wheel(app: QtWidgets.QApplication) -> None:
    """Install the WheelGuard once per application."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))


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
    guard_wheel(app)
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
