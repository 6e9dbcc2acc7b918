"""The one place that imports Qt: every gui module takes Qt names from here.

Keeping Qt behind one module (as qutebrowser does) makes it plain which code needs a screen
and lets the headless commands prove they never load it.
"""

import ctypes
import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 returns None from void calls and True from Signal.emit() without taking a
    # reference (correct only where they are immortal, Python 3.12+). On 3.11 their counts
    # fall with every call until the process aborts ("Fatal Python error: none_dealloc" /
    # "bool_dealloc") after a few thousand signals. Measured: bench/table_editor.py aborted
    # within a second. Give them a count no program can use up.
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

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
