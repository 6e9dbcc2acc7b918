"""Long jobs (building the PDF, printing, writing files) off the GUI thread.

The clerk sees a busy cursor at once and, for anything longer than ~200 ms, a small progress
window that cannot be mistaken for a frozen program; any failure becomes a dialog in plain
Chinese instead of a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from gui import ask
from gui.qt import Qt, QtCore, QtWidgets, Signal
from store.errors import StoreError

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 200
EXPECTED = (StoreError, OSError)  # failures with a message for the clerk; others are logged as defects


def readable_error(exc: BaseException) -> str:
    """A Chinese sentence for the clerk; our own errors already carry one."""
    from report.document import ReportFileError
    from report.pdf import PdfError

    if isinstance(exc, (ReportFileError, PdfError, StoreError)):  # every subclass too (DamagedFileError)
        return str(exc)
    name = type(exc).__name__
    if isinstance(exc, PermissionError):
        return f"没有权限写入“{exc.filename or ''}”。请换一个文件夹（如“文档”），或关闭正在使用该文件的程序后再试。"
    if isinstance(exc, IsADirectoryError):
        return f"“{exc.filename}”是一个文件夹，请输入文件名。"
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件或文件夹“{exc.filename or ''}”，请检查路径。"
    if isinstance(exc, OSError):
        return f"写入文件失败（{exc.strerror or exc}）。请检查磁盘空间和文件夹权限后再试。"
    from store import logs

    return f"出现意外错误：{exc or name}。您的报告已保存，不受影响；{logs.where()}，请把此信息和该文件告知技术人员。"


class _Thread(QtCore.QThread):
    def __init__(self, fn: Callable[[], Any], parent=None):
        super().__init__(parent)
        self._fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as e:  # reported to the clerk on the GUI thread
            log.exception("job failed")
            self.error = e


class Job(QtCore.QObject):
    """One job: ``done(result)`` or ``failed(message)`` arrive on the GUI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None, fn: Callable[[], Any], busy_text: str,
                 error_title: str = "操作未完成", show_errors: bool = True):
        super().__init__(parent)
        self._parent, self._error_title, self._show_errors = parent, error_title, show_errors
        self.finished = False
        self._thread = _Thread(fn, self)
        self._thread.finished.connect(self._on_finished)
        self._progress = QtWidgets.QProgressDialog(busy_text, "", 0, 0, parent)
        self._progress.setWindowTitle("请稍候")
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)

    def start(self) -> "Job":
        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._progress.setValue(0)  # arms the delayed progress window
        self._thread.start()
        return self

    def _on_finished(self) -> None:
        QtWidgets.QApplication.restoreOverrideCursor()
        self._progress.close()
        self._progress.deleteLater()
        self.finished = True
        if self._thread.error is not None:
            message = readable_error(self._thread.error)
            self.failed.emit(message)
            if self._show_errors:
                ask.warn(self._parent, self._error_title, message)
        else:
            self.done.emit(self._thread.result)

    def wait(self, ms: int = 60000) -> bool:
        return self._thread.wait(ms)


def run_job(parent, fn: Callable[[], Any], busy_text: str, on_done: Callable[[Any], None] | None = None,
            error_title: str = "操作未完成") -> Job:
    """Start ``fn`` in a thread; ``on_done(result)`` runs on the GUI thread when it succeeds."""
    job = Job(parent, fn, busy_text, error_title)
    if on_done is not None:
        job.done.connect(on_done)
    return job.start()
