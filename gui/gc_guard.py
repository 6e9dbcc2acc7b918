"""Python's cycle collector runs only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate, so a job thread
(building a PDF, writing an export) finalises cyclic garbage that holds Qt objects of the GUI
thread and deletes them from the wrong thread. Qt objects must die in their own thread: a
timer left registered by such a deletion later fired on freed memory and crashed the whole
test suite (seen with Python 3.13.0; with 3.12 the same collections in job threads were
measured, merely luckier). The automatic collector is switched off and a GUI-thread timer
collects with the same generation thresholds instead.
"""

from __future__ import annotations

import gc

from gui.qt import QtCore

INTERVAL_MS = 250
NAME = "nianbao-gui-thread-gc"


class GuiThreadCollector(QtCore.QObject):
    def __init__(self, parent: QtCore.QObject):
        super().__init__(parent)
        self.setObjectName(NAME)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QtCore.QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (what CPython would)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                return gc.collect(generation)
        return 0


def install(app: QtCore.QCoreApplication) -> None:
    """Once per application; the collector lives as long as the application object."""
    if app.findChild(QtCore.QObject, NAME) is None:
        GuiThreadCollector(app)
