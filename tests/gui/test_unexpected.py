"""Errors nobody foresaw: the log keeps the traceback, and the clerk is told where it is."""

import sys

import pytest

from gui import unexpected, workers
from gui.qt import QTimer
from store import logs


@pytest.fixture
def log_file(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    return logs.setup()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_the_dialog_names_the_log(qtbot, clerk, log_file):
    def broken_slot():
        raise KeyError("没有这一项")

    unexpected.install(None)
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(clerk.of("fail")), timeout=2000)
    (_kind, title, text), = clerk.of("fail")
    assert title == "出现意外错误"
    assert "KeyError" in text and "没有这一项" in text and "不受影响" in text
    assert str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken_slot" in logged and "KeyError: '没有这一项'" in logged


@pytest.mark.qt_no_exception_capture
def test_an_error_before_the_window_started_its_log_is_logged_all_the_same(qtbot, clerk, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    assert logs.log_file() is None  # the window starts its log once the report is on screen

    def broken_slot():
        raise KeyError("没有这一项")

    unexpected.install(None)
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(clerk.of("fail")), timeout=2000)
    path = logs.log_file()
    assert path is not None and str(path) in clerk.of("fail")[0][2]
    assert "KeyError: '没有这一项'" in path.read_text(encoding="utf-8")


def test_a_failed_job_is_logged_and_an_unforeseen_one_names_the_log(qtbot, clerk, log_file):
    def fails():
        raise ZeroDivisionError("除数为零")

    job = workers.run_job(None, fails, "正在生成 PDF…", error_title="导出 PDF 失败")
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    (_kind, title, text), = clerk.of("warn")
    assert title == "导出 PDF 失败" and "除数为零" in text and str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in fails" in logged and "ZeroDivisionError: 除数为零" in logged
