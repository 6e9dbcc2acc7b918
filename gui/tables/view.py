"""The grid of the table editor: a QTableView that moves like a spreadsheet, sized from the font.

Keys (Enter down, Tab right — both past totals —, Delete, Ctrl+C/V/Z/Y), the line editor that
commits at once, and the pinned header rows of 表三 live here; what a key *does* to the report
is the TableEditor's business (``view.editor``).
"""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtGui, QtWidgets
from gui.tables.header import DATA, HEADER, LABEL, STUB, Piece
from gui.tables.model import FONT
from gui.tables.moves import MovingDelegate, enter_moves, typed_by_input_method

Move = QtWidgets.QAbstractItemView.CursorAction


class GridView(QtWidgets.QTableView):
    """A QTableView with spreadsheet keys and sizes measured from the font (crisp at any scale)."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.pinned = PinnedHeader(self)
        self.last_commit_ok = True
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.setSelectionMode(QtWidgets.QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QtWidgets.QAbstractItemView.AnyKeyPressed
                             | QtWidgets.QAbstractItemView.DoubleClicked
                             | QtWidgets.QAbstractItemView.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollPerPixel)
        self.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollPerPixel)
        self._natural_width = 0
        self._fitted_size = (0, 0)
        self._heights: list[int] = []
        self.verticalScrollBar().valueChanged.connect(self._place_pinned)

    @property
    def grid(self):
        return self.editor.model.grid

    def _piece(self, index=None) -> Piece | None:
        return self.editor.model.piece(self.currentIndex() if index is None else index)

    def _index(self, piece: Piece) -> QtCore.QModelIndex:
        return self.model().index(piece.row, piece.col)

    # ------------------------------------------------------------------ navigation
    def moveCursor(self, action, modifiers):
        here = self._piece()
        if here is None or here.kind != DATA:
            first = self.grid.data_pieces()
            return self._index(first[0]) if first else QtCore.QModelIndex()
        steps = {Move.MoveUp: (-1, 0), Move.MoveDown: (1, 0), Move.MoveLeft: (0, -1), Move.MoveRight: (0, 1)}
        if action in steps:
            target = self.neighbour(here, *steps[action])
        elif action == Move.MoveNext:
            target = self.next_editable(here, 1)
        elif action == Move.MovePrevious:
            target = self.next_editable(here, -1)
        elif action in (Move.MoveHome, Move.MoveEnd):
            row = [p for p in self.grid.data_pieces() if p.row == here.row]
            target = row[0] if action == Move.MoveHome else row[-1]
        else:  # PageUp/PageDown: Qt's own step, unless it lands on a label
            index = super().moveCursor(action, modifiers)
            target = self._piece(index)
            if target is None or target.kind != DATA:
                target = here
        return self._index(target or here)

    def neighbour(self, here: Piece, dr: int, dc: int, editable_only: bool = False) -> Piece | None:
        """The next number cell in a direction, past labels, captions (and totals if asked)."""
        r = here.row + here.rows if dr > 0 else here.row - 1 if dr < 0 else here.row
        c = here.col + here.cols if dc > 0 else here.col - 1 if dc < 0 else here.col
        while 0 <= r < self.grid.rows and 0 <= c < self.grid.cols:
            p = self.grid.at(r, c)
            if p is not None and p.kind == DATA and (not editable_only or self.editor.model.is_editable(p.cell)):
                return p
            r, c = r + dr, c + dc
        return None

    def next_editable(self, here: Piece, step: int) -> Piece | None:
        """Tab order: the next editable number cell in reading order (None at the end)."""
        order = self.grid.data_pieces()
        i = order.index(here) + step
        while 0 <= i < len(order):
            if self.editor.model.is_editable(order[i].cell):
                return order[i]
            i += step
        return None

    def advance(self, how: str) -> None:
        """After a commit: “down” (Enter) or “next”/“previous” (Tab/Shift+Tab), skipping totals."""
        here = self._piece()
        if here is None or here.kind != DATA:
            return
        if how == "down":
            target = self.neighbour(here, 1, 0, editable_only=True) or self.next_editable(here, 1)
        elif how == "up":
            target = self.neighbour(here, -1, 0, editable_only=True)
        else:
            target = self.next_editable(here, 1 if how == "next" else -1)
        if target is not None:
            self.setCurrentIndex(self._index(target))

    # ------------------------------------------------------------------ keys
    def event(self, e):
        if e.type() == QtCore.QEvent.ShortcutOverride and self._is_own_shortcut(e):
            e.accept()
            return True
        return super().event(e)

    @staticmethod
    def _is_own_shortcut(e: QtGui.QKeyEvent) -> bool:
        K = QtGui.QKeySequence.StandardKey
        if any(e.matches(k) for k in (K.Copy, K.Paste, K.Undo, K.Redo, K.Delete, K.Cut)):
            return True
        return e.key() in (Qt.Key_Y, Qt.Key_Z) and e.modifiers() & Qt.ControlModifier \
            or e.key() in (Qt.Key_Delete, Qt.Key_Backspace)

    def keyPressEvent(self, e: QtGui.QKeyEvent) -> None:
        K = QtGui.QKeySequence.StandardKey
        ed = self.editor
        ctrl = bool(e.modifiers() & Qt.ControlModifier)
        if e.matches(K.Copy):
            ed.copy_selection()
        elif e.matches(K.Paste):
            ed.paste_text(QtWidgets.QApplication.clipboard().text())
        elif e.matches(K.Undo):
            ed.session.undo_stack.undo()
        elif e.matches(K.Redo) or (ctrl and e.key() == Qt.Key_Y):
            ed.session.undo_stack.redo()
        elif e.key() in (Qt.Key_Delete, Qt.Key_Backspace) or e.matches(K.Cut):
            if e.matches(K.Cut):
                ed.copy_selection()
            ed.clear_selection_values()
        elif enter_moves(self, e):
            pass
        elif e.text().strip() and e.text().isprintable() and not ctrl and not self._current_editable():
            here = self._piece()
            if ed.is_read_only():
                ed.refuse_read_only()
            elif here is not None and here.kind == DATA:
                ed.refuse_computed(here.cell)
        else:
            super().keyPressEvent(e)
            return
        e.accept()

    def inputMethodEvent(self, e: QtGui.QInputMethodEvent) -> None:
        if not (self._current_editable() and typed_by_input_method(self, e)):
            super().inputMethodEvent(e)

    def _current_editable(self) -> bool:
        p = self._piece()
        return p is not None and p.kind == DATA and self.editor.model.is_editable(p.cell)

    # ------------------------------------------------------------------ sizes
    def changeEvent(self, e) -> None:
        super().changeEvent(e)
        if e.type() in (QtCore.QEvent.FontChange, QtCore.QEvent.StyleChange) and self.model() is not None:
            self.fit_to_font()

    def fit_to_font(self) -> None:
        """Column widths and row heights from font metrics, wrapping long labels (no fixed pixels).

        When the view is narrower than the table, the last label column gives up width (down to
        10 characters), then the number columns (down to a 6-digit figure or the widest figure
        they hold): labels and headers wrap onto more lines before a scroll bar is needed, so
        table 4's fifteen columns fit a 1280×720 screen.
        """
        grid = self.grid
        fm = QtGui.QFontMetrics(self.font())
        bold = QtGui.QFont(self.font())
        bold.setBold(True)
        fmb = QtGui.QFontMetrics(bold)
        em = fm.horizontalAdvance("中")
        pad = em

        def widest(col: int, kinds: tuple[str, ...], font_metrics) -> int:
            return max((font_metrics.horizontalAdvance(p.text) + pad for p in grid.pieces
                        if p.kind in kinds and p.col == col and p.cols == 1 and p.text), default=0)

        widths = [0] * grid.cols
        for col in range(grid.label_cols):  # inner label columns hold tall merged cells: keep them narrow
            cap = em * (18 if col == grid.label_cols - 1 else 5)
            widths[col] = min(widest(col, (LABEL, STUB), fm) or em * 4, cap)
        number = max(em * 4, fm.horizontalAdvance("0" * 7) + pad)  # a 7-digit figure fits
        for col in range(grid.label_cols, grid.cols):  # a column header up to 6 characters on one line
            widths[col] = min(max(number, widest(col, (HEADER,), fmb)), em * 7 + pad)
        self._natural_width = sum(widths)
        self._fitted_size = (self.width(), self.height())
        excess = self._natural_width - self._room()
        figures = self._figure_widths(fmb)
        floors = {col: max(fm.horizontalAdvance("0" * 6), figures.get(col, 0)) + pad
                  for col in range(grid.label_cols, grid.cols)}
        unwrapped = {col: max(floor, widest(col, (HEADER,), fmb)) for col, floor in floors.items()}
        # the long labels first, then number columns as far as their headers stay on one line,
        # and only then do the column headers wrap
        for stage in ({grid.label_cols - 1: em * 10} if grid.label_cols else {}, unwrapped, floors):
            for col, floor in stage.items():
                take = min(max(excess, 0), max(widths[col] - floor, 0))
                widths[col] -= take
                excess -= take
        vpad = max(2, fm.height() // 3)
        heights = [fm.height() + 2 * vpad] * grid.rows

        def need(p: Piece) -> int:
            width = sum(widths[p.col:p.col + p.cols]) - pad
            metrics = fmb if self.model().index(p.row, p.col).data(FONT) is not None else fm
            return metrics.boundingRect(QtCore.QRect(0, 0, max(width, em), 10 ** 6),
                                        int(Qt.TextWordWrap), p.text).height() + 2 * vpad

        for p in grid.pieces:
            if p.rows == 1 and p.text:
                heights[p.row] = max(heights[p.row], need(p))
        for p in grid.pieces:
            if p.rows > 1 and p.text:
                short = need(p) - sum(heights[p.row:p.row + p.rows])
                if short > 0:
                    heights[p.row + p.rows - 1] += short
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
        self._heights = heights
        self.pinned.copy_rows(self.pinned.rows)
        self._place_pinned()
        self.updateGeometry()

    def _figure_widths(self, metrics: QtGui.QFontMetrics) -> dict[int, int]:
        """The widest figure shown in each single number column (measured bold, as totals are)."""
        model, out = self.model(), {}
        for p in self.grid.pieces:
            if p.kind == DATA and p.cols == 1:
                text = model.index(p.row, p.col).data() or ""
                out[p.col] = max(out.get(p.col, 0), metrics.horizontalAdvance(text))
        return out

    def _refit_if_clipped(self) -> None:
        """A figure wider than its narrowed column gets the room it needs (never cut off)."""
        pad = QtGui.QFontMetrics(self.font()).horizontalAdvance("中")
        bold = QtGui.QFont(self.font())
        bold.setBold(True)
        if any(width + pad > self.columnWidth(col)
               for col, width in self._figure_widths(QtGui.QFontMetrics(bold)).items()):
            self.fit_to_font()

    def setModel(self, model) -> None:
        super().setModel(model)
        model.dataChanged.connect(self._refit_if_clipped)

    def _room(self) -> int:
        """The width the columns may take: inside the frame, less a vertical scroll bar if the
        table is taller than the view (measured on the widget, so scroll bars cannot make it
        oscillate)."""
        frame = 2 * self.frameWidth()
        tall = sum(self._heights) > self.height() - frame
        bar = self.verticalScrollBar().sizeHint().width() if tall else 0
        return self.width() - frame - bar

    def sizeHint(self) -> QtCore.QSize:
        """The whole table at its natural widths: a layout with room shows it without scroll bars."""
        frame = 2 * self.frameWidth()
        return QtCore.QSize(self._natural_width + frame, sum(self._heights) + frame)

    # ------------------------------------------------------------------ pinned header rows
    def pin_header_rows(self, rows: int) -> None:
        self.pinned.copy_rows(rows)
        self._place_pinned()

    def pinned_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.pinned.rows)) if self.pinned.isVisible() else 0

    def _place_pinned(self) -> None:
        """The pinned copy shows only while the grid's own header rows are scrolled away."""
        pinned = self.pinned
        scrolled = pinned.rows > 0 and self.verticalScrollBar().value() > 0
        if scrolled:
            area = self.viewport().geometry()
            height = sum(self.rowHeight(r) for r in range(pinned.rows))
            pinned.setGeometry(area.x(), area.y(), area.width(), min(height, area.height()))
            pinned.horizontalScrollBar().setValue(self.horizontalScrollBar().value())
        pinned.setVisible(scrolled)

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        if self.model() is not None and (self.width(), self.height()) != self._fitted_size:
            self.fit_to_font()
        self._place_pinned()

    def scrollTo(self, index, hint=QtWidgets.QAbstractItemView.EnsureVisible) -> None:
        """Keep the target cell clear of the pinned header rows."""
        super().scrollTo(index, hint)
        self._place_pinned()
        covered = self.pinned_height()
        top = self.visualRect(index).top()
        if covered and index.row() >= self.pinned.rows and top < covered:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (covered - top))


class PinnedHeader(QtWidgets.QTableView):
    """A copy of the grid's header rows laid over its top edge, so that the column headers of
    表三 stay readable while the clerk fills its last rows (Qt's “frozen column” pattern)."""

    def __init__(self, grid_view: GridView):
        super().__init__(grid_view)
        self.rows = 0
        self.grid_view = grid_view
        self.setFocusPolicy(Qt.NoFocus)
        self.setSelectionMode(QtWidgets.QAbstractItemView.NoSelection)
        self.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollPerPixel)
        self.setFrameShape(QtWidgets.QFrame.NoFrame)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.hide()
        grid_view.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def copy_rows(self, rows: int) -> None:
        view = self.grid_view
        if self.model() is not view.model():
            self.setModel(view.model())
        self.rows = rows
        self.clearSpans()
        for p in view.grid.pieces:
            if p.row < rows and (p.rows > 1 or p.cols > 1):
                self.setSpan(p.row, p.col, p.rows, p.cols)
        for c in range(view.model().columnCount()):
            self.setColumnWidth(c, view.columnWidth(c))
        for r in range(view.model().rowCount()):
            self.setRowHeight(r, view.rowHeight(r))
            self.setRowHidden(r, r >= rows)


class CellDelegate(MovingDelegate):
    """The grid's line editor: named after its cell; a block pasted into it goes over the grid."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        cell = self.view.editor.model.cell_at(index)
        if cell is not None:
            editor.setAccessibleName(self.view.editor.model.table.cell_name(*cell.key))
        return editor

    def setEditorData(self, editor, index):
        """The cell's value, unless the clerk has begun typing over it: Qt calls this again whenever
        the model refreshes (the checker's findings arrive), and the typing must not be lost."""
        if not editor.isModified():
            editor.setText(index.data(Qt.EditRole) or "")

    def setModelData(self, editor, model, index):
        self.view.last_commit_ok = model.setData(index, editor.text(), Qt.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == QtCore.QEvent.KeyPress and event.matches(QtGui.QKeySequence.StandardKey.Paste):
            text = QtWidgets.QApplication.clipboard().text()
            if "\t" in text or "\n" in text.strip():  # a block: paste it over the grid, not into one cell
                self.closeEditor.emit(editor, QtWidgets.QAbstractItemDelegate.NoHint)
                self.view.editor.paste_text(text)
                return True
        return super().eventFilter(editor, event)
