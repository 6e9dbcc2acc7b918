"""Work that can wait until the clerk sees a widget: run at the turn of the event loop after its
first paint, or a moment later.

Qt paints at a later turn than show(): whatever runs at the first turn after show() keeps the
window blank until it is done. A widget that is never painted (a window on another desktop)
still gets its work done after ``latest_ms``.
"""

from __future__ import annotations

from collections.abc import Callable

from gui.qt import QtCore, QtWidgets

LATEST_MS = 1000
SETTLE_MS = 100  # work that can wait longer lets the clerk's first keys and clicks in first


class _FirstPaint(QtCore.QObject):
    def __init__(self, widget: QtWidgets.QWidget, callback: Callable[[], object], delay_ms: int, latest_ms: int):
        super().__init__(widget)  # dies with the widget, and its timers with it
        self._callback, self._delay_ms = callback, delay_ms
        widget.installEventFilter(self)
        QtCore.QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QtCore.QTimer.singleShot(self._delay_ms, self, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self.parent().removeEventFilter(self)
            callback()


def after_first_paint(widget: QtWidgets.QWidget, callback: Callable[[], object], delay_ms: int = 0,
                      latest_ms: int = LATEST_MS) -> None:
    """Call ``callback`` once, ``delay_ms`` after the turn at which ``widget`` first painted (or
    after ``latest_ms``)."""
    _FirstPaint(widget, callback, delay_ms, latest_ms)
