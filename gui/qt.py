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
from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot  # noqa: F401,E402

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot", "Property", "QObject", "QTimer",
           "print_support", "pdf"]


def print_support():
    """QtPrintSupport, loaded at the first print: showing the window does not need it."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport


def pdf():
    """(QtPdf, QtPdfWidgets), loaded at the first preview or print."""
    from PySide6 import QtPdf, QtPdfWidgets

    return QtPdf, QtPdfWidgets
