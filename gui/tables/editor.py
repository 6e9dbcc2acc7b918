"""The table editor: one official table (表二、表三 or 表四) laid out like the printed format.

It behaves like the spreadsheet the clerk knows: typing a digit starts editing, Enter commits
and moves down, Tab moves right, both skipping totals; Delete clears; Ctrl+C/Ctrl+V copy and
paste blocks to and from Excel or WPS; Ctrl+Z/Ctrl+Y undo through the session. Totals are
recomputed by the session as the clerk types and shown grey and bold. A refused entry keeps
the cell's old value and says, in Chinese, what was wrong and how to write it.

Paste rule: the block is laid over the grid cell for cell from the current cell, exactly as
Excel would; a value that lands on a total is not written (the total is recomputed from the
parts), so a block copied from an official table together with its totals still lines up —
and a pasted total that disagrees with the recomputed one is pointed out.
"""

from __future__ import annotations

from gui.qt import Qt, QtCore, QtWidgets
from gui.tables.commands import write_cells
from gui.tables.header import DATA, Piece
from gui.tables.model import TableModel, spec_of
from gui.tables.parsing import CellValueError, join_block, parse_cell, split_block
from gui.tables.view import CellDelegate, GridView
from report.document import format_value
from report.forms import Cell

LIST_LIMIT = 5  # refused cells named in a paste message; the rest are counted
FINAL_MESSAGE = "本报告已定稿，不能修改。如需修改，请先“撤回为草稿”。"
VIEW_ONLY_MESSAGE = "本报告现在只能查看，不能修改（可能另一个年报助手窗口正在编辑它）。"


class TableEditor(QtWidgets.QWidget):
    """Edits table ``table_id`` of ``session.report`` through ``session.set_cell``."""


    def __init__(self, session, table_id: str, parent=None):
        super().__init__(parent)
        self.session, self.table_id = session, table_id
        self._read_only = False
        self._paste_step: int | None = None  # the undo step after a paste whose message is shown
        self.model = TableModel(session, table_id, self._commit_text, self)
        self.view = GridView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setAccessibleName(self.model.table.title)
        self.setFocusProxy(self.view)
        self.message_label = QtWidgets.QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message_label.hide()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        self._apply_layout()
        session.changed.connect(self.refresh)
        session.undo_stack.indexChanged.connect(self._on_undo_step)
        if hasattr(session, "findingsChanged"):  # the checker re-runs as the clerk types
            session.findingsChanged.connect(self._take_session_findings)
            self._take_session_findings()
        if hasattr(session, "statusChanged"):  # 定稿 / 撤回为草稿
            session.statusChanged.connect(self._on_status_changed)
        if hasattr(session, "commitRequested"):  # a figure typed but not confirmed is not lost
            session.commitRequested.connect(self.view.itemDelegate().commit_open_editor)
        self._update_read_only()
        first = next((p for p in self.model.grid.data_pieces() if self.model.is_editable(p.cell)), None)
        if first is not None:
            self.view.setCurrentIndex(self.model.index(first.row, first.col))

    # ------------------------------------------------------------------ public API
    def focus_cell(self, a: str, b: str) -> None:
        """Select, scroll to and focus a cell (for “go to finding”)."""
        index = self.model.index_of(a, b)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.OtherFocusReason)

    def set_findings(self, findings) -> None:
        """Tint the cells the checker names (错误 red, 警告 amber, 提示 blue); the tooltip says why."""
        self.model.set_findings(findings)

    def refresh(self) -> None:
        """Re-read every value from ``session.report`` (and rebuild if its format changed)."""
        if self.model.rebuild_if_form_changed():
            self._apply_layout()
        self.model.refresh()

    def set_read_only(self, read_only: bool) -> None:
        """A final report: values stay visible and copyable, nothing can be changed."""
        self._read_only = bool(read_only)
        self._update_read_only()

    def is_read_only(self) -> bool:
        return self._read_only or bool(self.session.read_only)

    def refuse_read_only(self) -> None:
        final = getattr(self.session, "status", None) == "final"
        self.show_message(FINAL_MESSAGE if final else VIEW_ONLY_MESSAGE, error=True)

    def message(self) -> str:
        """The message under the table (empty when none is shown)."""
        return "" if self.message_label.isHidden() else self.message_label.text()

    # ------------------------------------------------------------------ session signals
    def _take_session_findings(self) -> None:
        self.set_findings(self.session.findings)

    def _on_status_changed(self, _status: str) -> None:
        self._update_read_only()

    # ------------------------------------------------------------------ editing
    def _update_read_only(self) -> None:
        self.model.read_only = self.is_read_only()
        if self.model.read_only:
            self.view.itemDelegate().close_open_editor()
        self.model.refresh()

    def cell_name(self, cell: Cell) -> str:
        """The cell in official words, e.g. 「三、（七）总计·自然人」."""
        return self.model.table.cell_name(*cell.key)

    def refuse_computed(self, cell: Cell) -> None:
        self.show_message(f"{self.cell_name(cell)}由程序自动计算，不能直接填写。", error=True)

    def _commit_text(self, cell: Cell, text: str) -> bool:
        """Parse what the clerk typed into ``cell``; write it, or refuse and keep the old value."""
        if self.is_read_only():
            self.refuse_read_only()
            return False
        try:
            value = parse_cell(text, spec_of(self.model.table, cell))
        except CellValueError as e:
            self.show_message(f"{self.cell_name(cell)}：{e.reason}。{e.hint}。", error=True, cell=cell)
            return False
        write_cells(self.session, [(cell, value)], f"修改 {self.cell_name(cell)}")
        self.clear_message()
        return True

    def clear_selection_values(self) -> None:
        """Delete: the selected editable cells become blank (not 0) in one undo step."""
        if self.is_read_only():
            self.refuse_read_only()
            return
        pieces = self._selected_pieces()
        cells = [p.cell for p in pieces if self.model.is_editable(p.cell)]
        if not cells and pieces:
            self.refuse_computed(pieces[0].cell)
            return
        write_cells(self.session, [(c, None) for c in cells], f"清除 {len(cells)} 个单元格")
        self.clear_message()

    def copy_selection(self) -> str:
        """Ctrl+C: the selected cells as tab-separated rows (totals included), also on the clipboard."""
        pieces = self._selected_pieces()
        if not pieces:
            return ""
        chosen = {(p.row, p.col) for p in pieces}
        rows = sorted({p.row for p in pieces})
        cols = sorted({p.col for p in pieces})
        report = self.session.report
        block = [[format_value(report.get(self.table_id, *self.model.grid.at(r, c).cell.key))
                  if (r, c) in chosen else "" for c in cols] for r in rows]
        text = join_block(block)
        QtWidgets.QApplication.clipboard().setText(text)
        return text

    def paste_text(self, text: str) -> None:
        """Ctrl+V: lay a copied block over the grid from the current cell (see the module doc)."""
        if self.is_read_only():
            self.refuse_read_only()
            return
        block = split_block(text)
        if not block:
            return
        start = self.model.piece(self.view.currentIndex())
        if start is None or start.kind != DATA:
            self.show_message("请先点选要从哪个数字单元格开始粘贴。", error=True)
            return
        if len(block) == 1 and len(block[0]) == 1 and len(self._selected_pieces()) > 1:
            targets = [(p, block[0][0]) for p in self._selected_pieces()]  # one value fills the selection
        else:
            targets = self._lay_over(start, block)
        self._write_pasted(targets, outside=sum(len(r) for r in block) - len(targets))

    def _lay_over(self, start: Piece, block: list[list[str]]) -> list[tuple[Piece, str]]:
        grid, out = self.model.grid, []
        for i, values in enumerate(block):
            col = start.col
            for raw in values:
                piece = grid.at(start.row + i, col)
                if piece is None or piece.kind != DATA:
                    break
                out.append((piece, raw))
                col = piece.col + piece.cols
        return out

    def _write_pasted(self, targets: list[tuple[Piece, str]], outside: int) -> None:
        table = self.model.table
        changes, refused, pasted_totals = [], [], []
        for piece, raw in targets:
            cell = piece.cell
            if cell.computed:
                if raw.strip():
                    pasted_totals.append((cell, raw))
                continue
            try:
                changes.append((cell, parse_cell(raw, spec_of(table, cell))))
            except CellValueError as e:
                refused.append(f"{self.cell_name(cell)} {e.reason}")
        written = write_cells(self.session, changes, f"粘贴 {len(changes)} 个单元格")
        self._select_targets([p for p, _ in targets])
        parts = []
        if refused:
            more = f"等（共 {len(refused)} 个）" if len(refused) > LIST_LIMIT else ""
            parts.append(f"{len(refused)} 个单元格未粘贴：{'；'.join(refused[:LIST_LIMIT])}{more}。")
        if outside:
            parts.append(f"另有 {outside} 个值超出表格范围，未粘贴。")
        parts += self._total_disagreements(pasted_totals)
        if parts:
            self.show_message("".join(parts), error=bool(refused or outside))
        else:
            self.show_message(f"已粘贴 {len(changes)} 个单元格（其中 {written} 个有改动）。", error=False)
        self._paste_step = self.session.undo_stack.index()

    def _on_undo_step(self, index: int) -> None:
        """Ctrl+Z past a paste takes its message away: it spoke of cells that are no longer pasted."""
        if self._paste_step is not None and index < self._paste_step:
            self.clear_message()

    def _total_disagreements(self, pasted_totals: list[tuple[Cell, str]]) -> list[str]:
        """Pasted totals are not written; those that differ from the recomputed total are named."""
        report, table, out = self.session.report, self.model.table, []
        for cell, raw in pasted_totals:
            try:
                pasted = parse_cell(raw, spec_of(table, cell))
            except CellValueError:
                pasted = raw.strip()
            computed = report.get(self.table_id, *cell.key)
            if pasted != computed:
                out.append(f"{self.cell_name(cell)}粘贴的是 {format_value(pasted) or '空'}，"
                           f"按各项相加为 {format_value(computed) or '空'}")
        if not out:
            return []
        return ["总计由程序按各项相加，未采用粘贴的总计：" + "；".join(out[:LIST_LIMIT]) + "。请核对原表。"]

    def _selected_pieces(self) -> list[Piece]:
        seen, out = set(), []
        for index in self.view.selectionModel().selectedIndexes():
            p = self.model.piece(index)
            if p is not None and p.kind == DATA and (p.row, p.col) not in seen:
                seen.add((p.row, p.col))
                out.append(p)
        return sorted(out, key=lambda p: (p.row, p.col))

    def _select_targets(self, pieces: list[Piece]) -> None:
        if not pieces:
            return
        selection = QtCore.QItemSelection()
        for p in pieces:
            index = self.model.index(p.row, p.col)
            selection.select(index, index)
        self.view.selectionModel().select(selection, QtCore.QItemSelectionModel.ClearAndSelect)

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, *, error: bool, cell: Cell | None = None) -> None:
        """Show ``text`` under the table (red for a refusal), and as a tooltip at the cell."""
        label = self.message_label
        label.setObjectName("bannerError" if error else "banner")
        label.setText(text)
        label.style().unpolish(label)
        label.style().polish(label)
        label.show()
        if cell is not None and self.view.isVisible():
            rect = self.view.visualRect(self.model.index_of(*cell.key))
            QtWidgets.QToolTip.showText(self.view.viewport().mapToGlobal(rect.bottomLeft()), text, self.view)

    def clear_message(self) -> None:
        self._paste_step = None
        self.message_label.clear()
        self.message_label.hide()

    # ------------------------------------------------------------------ geometry
    def _apply_layout(self) -> None:
        """Spans of the merged header and label cells, and sizes from the current font."""
        self.view.clearSpans()
        for p in self.model.grid.pieces:
            if p.rows > 1 or p.cols > 1:
                self.view.setSpan(p.row, p.col, p.rows, p.cols)
        self.view.fit_to_font()
        # One block (表三、表四): its column headers stay in sight while the rows scroll. Table 2's
        # blocks each carry their own headers, so nothing is pinned there.
        blocks = self.model.table.blocks
        self.view.pin_header_rows(blocks[0].header_depth if len(blocks) == 1 and not blocks[0].caption else 0)
