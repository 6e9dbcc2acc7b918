"""Undo steps of the table editor, on the session's QUndoStack.

``session.set_cell`` pushes one undo command per cell (and skips a value that did not change).
A paste or the clearing of a selection changes many cells but is one action for the clerk, so
those writes are wrapped in a macro: one Ctrl+Z takes the whole block back.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

from report.forms import Cell


def write_cells(session, changes: Iterable[tuple[Cell, object]], text: str) -> int:
    """Write ``changes`` as one undo step named ``text``; returns how many cells changed.

    Cells whose value is already the new one are left out, so that a paste of unchanged
    figures leaves no empty step on the undo stack.
    """
    report = session.report
    real = [(c, v) for c, v in changes if report.get(c.table, *c.key) != v]
    if not real:
        return 0
    if len(real) == 1:
        cell, value = real[0]
        session.set_cell(cell.table, *cell.key, value)
        return 1
    with _macro(session.undo_stack, text):
        for cell, value in real:
            session.set_cell(cell.table, *cell.key, value)
    return len(real)


@contextmanager
def _macro(stack, text: str):
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()
