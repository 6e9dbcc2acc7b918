"""The item model of one official table: headers, row labels and number cells in one grid.

Values are read live from ``session.report`` (the model keeps no copy), so a refresh is a
repaint; edits go through a ``commit(cell, text) -> bool`` callback owned by the editor, which
parses, refuses with a message, or pushes an undoable change on the session.
"""

from __future__ import annotations

from collections.abc import Callable

from gui.qt import Qt, QtCore, QtGui
from gui.tables.header import CAPTION, DATA, HEADER, LABEL, STUB, Grid, Piece
from gui.tables.parsing import CellSpec
from report.document import format_value
from report.findings import Ref, RefKind, Severity
from report.forms import Cell, Table

# Light tints that keep black text readable; a finding's colour wins over the total's grey.
HEADER_TINT = QtGui.QColor("#eef1f5")
TOTAL_TINT = QtGui.QColor("#e2e2e2")
FINDING_TINTS = {Severity.ERROR: QtGui.QColor("#f8d0d0"), Severity.WARNING: QtGui.QColor("#fde7b0"),
                 Severity.NOTE: QtGui.QColor("#dbe8fb")}
HEADER_BRUSH, TOTAL_BRUSH = QtGui.QBrush(HEADER_TINT), QtGui.QBrush(TOTAL_TINT)
FINDING_BRUSHES = {k: QtGui.QBrush(c) for k, c in FINDING_TINTS.items()}
# Captions, column headers and totals are bold, as in the printed table. Only the weight is
# set, so the view's family and size still apply (QFont.resolve): crisp at any scaling.
_ROOT = QtCore.QModelIndex()  # the invalid index Qt passes for a flat table
BOLD = QtGui.QFont()
BOLD.setBold(True)

# Qt names bound once: the short forms (Qt.DisplayRole) cost ~7 µs per lookup in PySide6,
# and a repaint of table 3 asks data() some 15,000 times.
_R, _F, _A = Qt.ItemDataRole, Qt.ItemFlag, Qt.AlignmentFlag
DISPLAY, EDIT, TOOLTIP, BACKGROUND, ALIGNMENT = (_R.DisplayRole, _R.EditRole, _R.ToolTipRole,
                                                 _R.BackgroundRole, _R.TextAlignmentRole)
ACCESSIBLE_TEXT, ACCESSIBLE_DESCRIPTION = _R.AccessibleTextRole, _R.AccessibleDescriptionRole
FONT = _R.FontRole
_ROOT = QtCore.QModelIndex()  # the invalid index: the parent of every cell
SHOWN_ONLY, SELECTABLE = _F.ItemIsEnabled, _F.ItemIsEnabled | _F.ItemIsSelectable
EDITABLE = SELECTABLE | _F.ItemIsEditable
LEFT, CENTRE, RIGHT = (int(_A.AlignLeft | _A.AlignVCenter), int(_A.AlignCenter),
                       int(_A.AlignRight | _A.AlignVCenter))


def spec_of(table: Table, cell: Cell) -> CellSpec:
    return CellSpec(cell.column.type, cell.column.unit, table.slash_allowed)


class TableModel(QtCore.QAbstractTableModel):
    def __init__(self, session, table_id: str, commit: Callable[[Cell, str], bool], parent=None):
        super().__init__(parent)
        self._session, self._table_id, self._commit = session, table_id, commit
        self.grid = Grid(self.table)
        self.read_only = False
        self._marks: dict[tuple[str, ...], list[tuple[Severity, str]]] = {}  # cell key -> [(severity, message)]

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
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index):
        p = self.piece(index)
        if p is None or p.kind != DATA or (index.row(), index.column()) != (p.row, p.col):
            return SHOWN_ONLY
        return EDITABLE if self.is_editable(p.cell) else SELECTABLE

    def data(self, index, role=DISPLAY):
        p = self.piece(index)
        if p is None:
            return None
        if p.kind == DATA:
            return self._cell_data(p.cell, role)
        if role == DISPLAY or role == ACCESSIBLE_TEXT:
            return p.text
        if role == TOOLTIP and p.kind in (LABEL, STUB):
            return p.text
        if role == BACKGROUND:
            return HEADER_BRUSH
        if role == ALIGNMENT:
            return LEFT if p.kind == LABEL and p.rows == 1 else CENTRE
        if role == FONT and p.kind in (CAPTION, HEADER):
            return BOLD
        return None

    def _cell_data(self, cell: Cell, role):
        if role == DISPLAY or role == EDIT:
            return format_value(self._session.report.get(cell.table, *cell.key))
        if role == ACCESSIBLE_TEXT:
            shown = format_value(self._session.report.get(cell.table, *cell.key)) or "空"
            return f"{self.table.cell_name(*cell.key)}：{shown}"
        if role == ALIGNMENT:
            return RIGHT
        if role == FONT:
            return BOLD if cell.computed else None
        if role != BACKGROUND and role != TOOLTIP and role != ACCESSIBLE_DESCRIPTION:
            return None
        marks = self._marks.get(cell.key, [])
        if role == BACKGROUND:
            if marks:
                return FINDING_BRUSHES[marks[0][0]]  # the gravest comes first
            return TOTAL_BRUSH if cell.computed else None
        lines = [self.table.cell_name(*cell.key)]
        if cell.computed:
            lines.append("由程序自动计算，不能直接填写。")
        lines += [f"{sev.label}：{msg}" for sev, msg in marks]
        return "\n".join(lines)

    def setData(self, index, value, role=EDIT) -> bool:
        cell = self.cell_at(index)
        if role != EDIT or not self.is_editable(cell):
            return False
        return self._commit(cell, "" if value is None else str(value))

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        """Re-read every value (after an edit, undo, or a reload of the report)."""
        if not self.rebuild_if_form_changed() and self.grid.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.grid.rows - 1, self.grid.cols - 1))

    def set_findings(self, findings) -> None:
        marks: dict[tuple[str, ...], list[tuple[Severity, str]]] = {}
        for f in findings:
            for ref in map(Ref, f.cells):
                if ref.kind is RefKind.CELL and ref.area == self._table_id:
                    marks.setdefault(ref.key, []).append((Severity(f.severity), f.message))
        for cell_marks in marks.values():
            cell_marks.sort(key=lambda m: m[0], reverse=True)  # gravest first, stable within one severity
        self._marks = marks
        self.refresh()
