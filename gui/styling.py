"""Looks are in resources/style.qss; code only names a widget's state, and the sheet draws it."""

from __future__ import annotations

from gui.qt import QtWidgets


def restyle(widget: QtWidgets.QWidget) -> None:
    """Apply the style sheet again after a name or property it selects on has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_state(widget: QtWidgets.QWidget, name: str, value: str) -> None:
    """Set the dynamic property ``name`` that the style sheet selects on (``""`` for none)."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        restyle(widget)
