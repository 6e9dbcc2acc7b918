"""Spreadsheet keys shared by every table of the program (表二、表三、表四 and 网站公开数量).

Enter commits the cell and moves down, Shift+Enter up, Tab and Shift+Tab to the next and
previous editable cell, ↑/↓ commit and move: typing 3⏎70⏎2⏎ fills three cells down in any
table. A view using :class:`MovingDelegate` provides ``advance(how)`` (how: down, up, next,
previous) and ``last_commit_ok`` (False when the commit was refused, so the cursor stays).
"""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtGui, QtWidgets

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MovingDelegate(QtWidgets.QStyledItemDelegate):
    """A right-aligned line editor whose Enter/Tab/↑/↓ commit at once and move the cursor."""

    MOVES = {Qt.Key.Key_Return: "down", Qt.Key.Key_Enter: "down", Qt.Key.Key_Tab: "next",
             Qt.Key.Key_Backtab: "previous", Qt.Key.Key_Down: "down", Qt.Key.Key_Up: "up"}

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.current_editor: QtWidgets.QLineEdit | None = None

    def createEditor(self, parent, option, index):
        editor = QtWidgets.QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        self.current_editor = editor
        return editor

    def destroyEditor(self, editor, index):
        if editor is self.current_editor:
            self.current_editor = None
        super().destroyEditor(editor, index)

    def commit_open_editor(self) -> None:
        """Write what is typed in an open cell (the window closes, the page changes, a save)."""
        if self.current_editor is not None:
            editor = self.current_editor
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)

    def close_open_editor(self) -> None:
        """Drop an edit in progress without committing it (the report just became read-only)."""
        if self.current_editor is not None:
            self.closeEditor.emit(self.current_editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, editor, event):
        if event.type() == QtCore.QEvent.Type.KeyPress and event.key() in self.MOVES \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            how = self.MOVES[event.key()]
            if event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                how = "previous"
            if event.key() in ENTER and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                how = "up"
            self.view.last_commit_ok = True
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)
            if self.view.last_commit_ok:
                self.view.advance(how)
            return True
        return super().eventFilter(editor, event)


def enter_moves(view: QtWidgets.QAbstractItemView, event: QtGui.QKeyEvent) -> bool:
    """Enter on a cell that is not being edited moves down (Shift+Enter up); True if it did."""
    if event.key() in ENTER and view.state() != QtWidgets.QAbstractItemView.State.EditingState:
        view.advance("up" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "down")
        return True
    return False


def typed_by_input_method(view: QtWidgets.QAbstractItemView, e: QtGui.QInputMethodEvent) -> bool:
    """A Chinese input method commits full-width digits (“３５”) without key presses: start
    editing the current (editable) cell with them, as a typed digit would (Qt itself drops the
    text). True when the text went into the cell."""
    if e.commitString() and not e.preeditString() \
            and view.state() != QtWidgets.QAbstractItemView.State.EditingState:
        view.edit(view.currentIndex())
        line = view.itemDelegate().current_editor
        if line is not None:
            QtWidgets.QApplication.sendEvent(line, e)
            return True
    return False


class CountTable(QtWidgets.QTableWidget):
    """A plain table of figures with the same keys as the official tables.

    “Editable” is the items' own flag: locked cells (another report's figures) are skipped.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_commit_ok = True
        self.setItemDelegate(MovingDelegate(self))
        self.setTabKeyNavigation(True)

    def _editable(self, row: int, col: int) -> bool:
        item = self.item(row, col)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEditable)

    def _reading_order(self, row: int, col: int, step: int) -> tuple[int, int] | None:
        cols, i = self.columnCount(), row * self.columnCount() + col + step
        while 0 <= i < self.rowCount() * cols:
            if self._editable(i // cols, i % cols):
                return i // cols, i % cols
            i += step
        return None

    def advance(self, how: str) -> None:
        row, col = self.currentRow(), self.currentColumn()
        if row < 0 or col < 0:
            return
        target = None
        if how in ("down", "up"):
            step = 1 if how == "down" else -1
            r = row + step
            while 0 <= r < self.rowCount() and not self._editable(r, col):
                r += step
            target = (r, col) if 0 <= r < self.rowCount() else None
            if target is None and how == "down":
                target = self._reading_order(row, col, 1)
        else:
            target = self._reading_order(row, col, 1 if how == "next" else -1)
        if target is not None:
            self.setCurrentCell(*target)

    def moveCursor(self, action, modifiers):
        """Tab and Shift+Tab outside an editor skip the locked cells, as inside one."""
        Move = QtWidgets.QAbstractItemView.CursorAction
        if action in (Move.MoveNext, Move.MovePrevious) and self.currentRow() >= 0:
            target = self._reading_order(self.currentRow(), self.currentColumn(),
                                         1 if action == Move.MoveNext else -1)
            if target is not None:
                return self.model().index(*target)
            return self.currentIndex()
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, e: QtGui.QKeyEvent) -> None:
        if enter_moves(self, e):
            e.accept()
            return
        super().keyPressEvent(e)

    def inputMethodEvent(self, e: QtGui.QInputMethodEvent) -> None:
        here = self.currentIndex()
        if not (here.isValid() and self._editable(here.row(), here.column()) and typed_by_input_method(self, e)):
            super().inputMethodEvent(e)
