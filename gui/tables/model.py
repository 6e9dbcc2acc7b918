"""The item model of one official table: headers, row labels and number cells in one grid.

Values are read live from ``session.report`` (the model keeps no copy), so a refresh is a
repaint; edits go through a ``commit(cell, text) -> bool`` callback owned by the editor, which
parses, refuses with a message, or pushes an undoable change on the session.
"""

from __future__ import annotations

from typing import Callable

from gui.qt import QtCore, QtGui, Qt
from gui.tables.header import CAPTION, DATA, HEADER, LABEL, STUB, Grid, Piece
from gui.tables.parsing import CellSpec, format_value
from report.forms import Cell, Table, common

# Light tints that keep black text readable; a finding's colour wins over the total's grey.
HEADER_TINT = QtGui.QColor("#eef1f5")
TOTAL_TINT = QtGui.QColor("#e2e2e2")
FINDING_TINTS = {"error": QtGui.QColor("#f8d0d0"), "warning": QtGui.QColor("#fde7b0"),
                 "note": QtGui.QColor("#dbe8fb")}
SEVERITY_ORDER = ("error", "warning", "note")


def cell_ref(cell: Cell) -> str:
    """The checker's name for a cell: ``t3/3.7/natural``, ``t4/review/total``."""
    return f"{cell.table}/{cell.key[0]}/{cell.key[1]}"


def spec_of(table: Table, cell: Cell) -> CellSpec:
    return CellSpec(cell.column.type, cell.column.unit, table.slash_allowed)


class TableModel(QtCore.QAbstractTableModel):
    def __init__(self, session, table_id: str, commit: Callable[[Cell, str], bool], parent=None):
        super().__init__(parent)
        self._session, self._table_id, self._commit = session, table_id, commit
        self.grid = Grid(self.table)
        self.read_only = False
        self._marks: dict[str, list[tuple[str, str]]] = {}  # ref -> [(severity, message)]

    # ------------------------------------------------------------------ definition
    @property
    def table(self) -> Table:
        return self._session.report.definition.tables[self._table_id]

    def rebuild_if_form_changed(self) -> bool:
        """A different format (the year moved across 2020/2021) needs a different grid."""
        if self.grid.table is self.table:
            return False
        self.beginResetModel()
        self.grid = Grid(self.table)
        self.endResetModel()
        return True

    def piece(self, index: QtCore.QModelIndex) -> Piece | None:
        return self.grid.at(index.row(), index.column()) if index.isValid() else None

    def cell_at(self, index: QtCore.QModelIndex) -> Cell | None:
        p = self.piece(index)
        return p.cell if p is not None and p.kind == DATA else None

    def index_of(self, a: str, b: str) -> QtCore.QModelIndex:
        p = self.grid.data_piece(a, b)
        return self.index(p.row, p.col)

    def is_editable(self, cell: Cell | None) -> bool:
        return cell is not None and not cell.computed and not self.read_only

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index):
        p = self.piece(index)
        if p is None or p.kind != DATA or (index.row(), index.column()) != (p.row, p.col):
            return Qt.ItemIsEnabled
        if self.is_editable(p.cell):
            return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def data(self, index, role=Qt.DisplayRole):
        p = self.piece(index)
        if p is None:
            return None
        if p.kind == DATA:
            return self._cell_data(p.cell, role)
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return p.text
        if role == Qt.ToolTipRole and p.kind in (LABEL, STUB):
            return p.text
        if role == Qt.BackgroundRole:
            return QtGui.QBrush(HEADER_TINT)
        if role == Qt.TextAlignmentRole:
            if p.kind == LABEL and p.rows == 1:
                return int(Qt.AlignLeft | Qt.AlignVCenter)
            return int(Qt.AlignCenter)
        return None

    def _cell_data(self, cell: Cell, role):
        if role in (Qt.DisplayRole, Qt.EditRole):
            return format_value(self._session.report.get(cell.table, *cell.key))
        if role == Qt.AccessibleTextRole:
            shown = format_value(self._session.report.get(cell.table, *cell.key)) or "空"
            return f"{self.table.cell_name(*cell.key)}：{shown}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        marks = self._marks.get(cell_ref(cell), [])
        if role == Qt.BackgroundRole:
            if marks:
                return QtGui.QBrush(FINDING_TINTS[_worst(marks)])
            return QtGui.QBrush(TOTAL_TINT) if cell.computed else None
        if role in (Qt.ToolTipRole, Qt.AccessibleDescriptionRole):
            lines = [self.table.cell_name(*cell.key)]
            if cell.computed:
                lines.append("由程序自动计算，不能直接填写。")
            labels = common()["severity"]
            lines += [f"{labels[sev]}：{msg}" for sev, msg in marks]
            return "\n".join(lines)
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        cell = self.cell_at(index)
        if role != Qt.EditRole or not self.is_editable(cell):
            return False
        return self._commit(cell, "" if value is None else str(value))

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        """Re-read every value (after an edit, undo, or a reload of the report)."""
        if not self.rebuild_if_form_changed() and self.grid.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.grid.rows - 1, self.grid.cols - 1))

    def set_findings(self, findings) -> None:
        prefix = f"{self._table_id}/"
        marks: dict[str, list[tuple[str, str]]] = {}
        for f in findings:
            for ref in f.cells:
                if ref.startswith(prefix):
                    marks.setdefault(ref, []).append((f.severity, f.message))
        for ref in marks:
            marks[ref].sort(key=lambda m: SEVERITY_ORDER.index(m[0]))
        self._marks = marks
        self.refresh()

    def marks(self, cell: Cell) -> list[tuple[str, str]]:
        return list(self._marks.get(cell_ref(cell), []))


def _worst(marks: list[tuple[str, str]]) -> str:
    return min((m[0] for m in marks), key=SEVERITY_ORDER.index)


def is_bold(piece: Piece | None) -> bool:
    """Captions, column headers and totals are bold, as in the printed table."""
    return piece is not None and (piece.kind in (CAPTION, HEADER) or
                                  piece.kind == DATA and piece.cell.computed)
