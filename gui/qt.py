"""The one place that imports Qt: every gui module takes Qt names from here.

Keeping Qt behind one module (as qutebrowser does) makes it plain which code needs a screen
and lets the headless commands prove they never load it.
"""

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
from PySide6.QtCore import Qt, Signal, Slot, Property, QObject, QTimer  # noqa: F401

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot", "Property", "QObject", "QTimer"]
