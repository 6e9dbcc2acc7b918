"""Errors nobody foresaw: logged with their traceback, and told to the clerk with the log's name.

Without this hook an exception in a slot only reaches stderr, which a clerk's desktop program
does not have: the click would silently do nothing and no trace would remain anywhere.
"""

from __future__ import annotations

import logging
import sys
import threading

from gui import ask

log = logging.getLogger(__name__)
TITLE = "出现意外错误"


def message(exc: BaseException) -> str:
    """What the clerk reads: what happened, that the report is safe, and where the details are."""
    from store import logs

    return (f"程序出现意外错误（{type(exc).__name__}：{exc}）。您的报告已自动保存，不受影响。"
            f"{logs.where()}，请把这个文件发给技术人员。")


def report(exc_type, exc, tb, parent=None) -> None:
    """Log one uncaught exception and tell the clerk (nothing is shown for Ctrl+C)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _ensure_log()
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    ask.fail(parent, TITLE, message(exc))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    _ensure_log()
    log.critical("unexpected error in thread %s", getattr(args.thread, "name", "?"),
                 exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _ensure_log() -> None:
    """The window starts its log once the report is on screen: an error before then starts it."""
    from store import logs

    if logs.log_file() is None:
        logs.setup()


def install(parent) -> None:
    """Route every uncaught exception of the program (slots, events, threads) to ``report``."""
    sys.excepthook = lambda t, e, tb: report(t, e, tb, parent)
    threading.excepthook = _thread_hook
