"""The one place that imports Qt: every gui module takes Qt names from here.

Keeping Qt behind one module (as qutebrowser does) makes it plain which code needs a screen
and lets the headless commands prove they never load it.
"""

import sys


def _pin_singletons() -> None:
    """Keep None/True/False alive under PySide6 6.12.0 on a CPython older than 3.12.

    shiboken6 6.12.0 returns None from void calls and True from Signal.emit() without taking a
    reference, which is correct only where they are immortal (Python 3.12+). On 3.11 their
    counts fall with every call until the process aborts ("Fatal Python error: none_dealloc" /
    "bool_dealloc") after a few thousand signals; bench/table_editor.py aborted within a second.
    Their counts are set to half of the largest count: even a billion lost or extra references
    a second would need 146 years to reach either end. Debug builds (sys.gettotalrefcount)
    keep their exact counts, so that their leak checks still mean something.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return
    import shiboken6

    if shiboken6.__version_info__[:3] != (6, 12, 0):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value = sys.maxsize >> 1


_pin_singletons()

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401,E402
from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot  # noqa: F401,E402


def _uses_pyside(module) -> bool:
    """Whether a module's source names PySide6, read as bytes: what PySide asks of every module."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def _quicker_imports() -> None:
    """Make every import after Qt's cheaper: PySide asks of each newly imported module whether its
    source names PySide6 (for its opt-in ``from __feature__ import``, which nianbao never uses),
    through inspect.getsource, which splits and caches every line of the file. Reading the bytes
    gives the same answer; opening the report imports about a hundred modules after Qt, and
    measured 20–25 ms faster (bench/startup.py). Left alone if PySide no longer works this way.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside


_quicker_imports()


def __getattr__(name: str):
    """``Qt``, the namespace of Qt's enums, made on first use: PySide makes its ~90 Python enums
    then (about 30 ms), which the window's first frame does not need."""
    if name == "Qt":
        return QtCore.Qt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot", "Property", "QObject", "QTimer",  # noqa: F822 (Qt: __getattr__)
           "print_support", "pdf"]


def print_support():
    """QtPrintSupport, loaded at the first print: showing the window does not need it."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport


def pdf():
    """(QtPdf, QtPdfWidgets), loaded at the first preview or print."""
    from PySide6 import QtPdf, QtPdfWidgets

    return QtPdf, QtPdfWidgets
