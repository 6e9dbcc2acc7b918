"""The QApplication: Chinese standard dialogs, the UI font, the style sheet, the main window.

Qt's own buttons (确定/取消, 下一步/上一步) come from the qtbase_zh_CN translation that PySide6
ships; without it a Chinese clerk would meet English in every standard dialog. That translation
predates some texts of Qt's file chooser, which gui/qt_chinese.py supplies.

The window is shown before anything it does not need for its first frame: the empty main window
paints first, and the rest of the application, the data and the report in progress follow at the
turn of the event loop after it painted (``show_window``, gui/first_paint.py).
"""

from __future__ import annotations

import logging
import sys

from gui import gc_guard
from gui.first_paint import SETTLE_MS, after_first_paint
from gui.qt import QtCore, QtGui, QtWidgets
from report import __version__, resources

log = logging.getLogger(__name__)

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


def app_icon() -> QtGui.QIcon:
    """The window's icon from the PNG sizes (an SVG icon would need the QtSvg plugin)."""
    icon = QtGui.QIcon()
    for png in sorted(resources.path("icons").glob("nianbao-*.png")):
        icon.addFile(str(png))
    return icon


def make_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The application object, complete (reused when one exists, as under pytest-qt)."""
    app = first_frame_app(argv)
    finish_app(app)
    return app


def first_frame_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The application with what the window's first frame needs: its names."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    gc_guard.install(app)
    app.setOrganizationName("nianbao")
    app.setApplicationName("nianbao")
    app.setApplicationDisplayName("年报助手")
    app.setDesktopFileName("nianbao")
    return app


def finish_app(app: QtWidgets.QApplication) -> None:
    """The rest, before the first page or dialog: the wheel guard, the style sheet (the first
    frame has nothing it draws), Chinese standard texts, the UI font and the icon (a generic one
    for a moment)."""
    from gui.wheel_guard import guard_wheel

    if app.property("complete"):
        return
    guard_wheel(app)
    app.setStyleSheet(style_sheet())
    install_translations(app)
    choose_ui_font(app)
    app.setWindowIcon(app_icon())
    app.setProperty("complete", True)


def show_window(data_dir: str | None = None):
    """The main window on screen now; the error hook, the application's rest, the data and the
    report in progress once it has painted; the log once that is on screen too."""
    app = first_frame_app()
    from gui.main_window import MainWindow

    window = MainWindow(data_dir=data_dir)
    window.show()
    after_first_paint(window, lambda: _start(app, window))
    return window


def _start(app: QtWidgets.QApplication, window) -> None:
    from gui import unexpected

    unexpected.install(window)  # an error before the log is started starts it
    finish_app(app)
    if window.start():
        after_first_paint(window, _start_log, SETTLE_MS)  # once the report is on screen (~10 ms)
    else:
        _start_log()
        window.close()


def _start_log() -> None:
    from store import logs

    logs.setup()
    log.info("nianbao %s (window)", __version__)


def run(args) -> int:
    """Start the window; ``args.data_dir`` overrides the data folder."""
    try:
        show_window(getattr(args, "data_dir", None))
    except Exception:  # the log and the error hook come after the first frame: log this one here
        from store import logs

        logs.setup()
        log.exception("the window could not be shown")
        raise
    return QtWidgets.QApplication.instance().exec()
