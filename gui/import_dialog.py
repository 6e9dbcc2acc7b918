"""导入已发布的报告: what was recognised beside the document it was read from.

The clerk sees every table cell with the text it was read from (cells not found and cells whose
text was not a figure are marked), every part's text, the review list and the source; corrects
what is wrong, and imports (offered as 定稿: a published report is final) or cancels.
"""

from __future__ import annotations

from gui import dialog_parts, places
from gui.qt import Qt, QtGui, QtWidgets
from report.dates import chinese_date
from report.document import format_value
from report.readers.recognise import TABLE_NAMES, Recognition
from report.values import CellSpec, CellValueError, InputError, parse_cell, parse_date

MISSING = QtGui.QColor("#fff3c4")  # a cell the document does not show
REFUSED = QtGui.QColor("#ffd9d9")  # a cell whose printed text is not a figure
NAME, VALUE, SOURCE = range(3)


class ImportReviewDialog(QtWidgets.QDialog):
    def __init__(self, result: Recognition, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"导入已发布的报告：{file_name}")
        self.recognition = result
        self.report = result.report.copy()
        self._texts = dict(self.report.texts)
        self._field = None
        tabs = QtWidgets.QTabWidget()
        tabs.addTab(self._basics(), "基本信息")
        self.tables: dict[str, QtWidgets.QTableWidget] = {}
        for tid, table in self.report.definition.tables.items():
            self.tables[tid] = self._table(tid, table)
            tabs.addTab(self.tables[tid], f"{TABLE_NAMES[tid]} {table.title}")
        tabs.addTab(self._text_page(), "各部分文字")
        self.review = QtWidgets.QListWidget()
        self.review.setWordWrap(True)
        self.review.addItems(result.review or ["全部内容都已识别。"])
        tabs.addTab(self.review, f"需核对（{len(result.review)}）")
        if result.review:
            tabs.setCurrentWidget(self.review)
        self.tabs = tabs

        self.source = QtWidgets.QPlainTextEdit(result.source.text() if result.source else "")
        self.source.setReadOnly(True)
        right = QtWidgets.QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QtWidgets.QLabel(f"原文：{file_name}"))
        right_layout.addWidget(self.source)
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(tabs)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.final = QtWidgets.QCheckBox("导入后标为定稿（已发布的报告通常已定稿；有错误时仍保存为草稿）")
        self.final.setChecked(True)
        self.error = dialog_parts.error_banner()
        buttons = dialog_parts.ok_cancel(self)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("导入")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.final)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("年") * 90
        self.resize(width, int(width * 0.6))

    # ------------------------------------------------------------------ pages
    def _basics(self) -> QtWidgets.QWidget:
        r = self.report
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(page)
        self.agency = QtWidgets.QLineEdit(r.agency.name)
        self.issued = QtWidgets.QLineEdit(chinese_date(r.issued_on) if r.issued_on else "")
        self.issued.setPlaceholderText("如 2023年1月16日")
        form.addRow("单位名称", self.agency)
        form.addRow("报告年度", QtWidgets.QLabel(f"{r.year}年"))
        form.addRow("报告格式", QtWidgets.QLabel(f"{r.definition.name}（{r.definition.document}）"))
        form.addRow("落款日期", self.issued)
        found, missing = len(self.recognition.cells), len(self.recognition.missing)
        form.addRow("表格", QtWidgets.QLabel(f"已读出 {found} 个单元格，{missing} 个未找到（黄色）"))
        return page

    def _table(self, tid: str, table) -> QtWidgets.QTableWidget:
        cells = list(table.cells())
        w = QtWidgets.QTableWidget(len(cells), 3)
        w.setHorizontalHeaderLabels(["单元格", "数值", "原文"])
        w.verticalHeader().hide()
        w.horizontalHeader().setSectionResizeMode(NAME, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for i, cell in enumerate(cells):
            read = self.recognition.cells.get((tid, *cell.key))
            name = QtWidgets.QTableWidgetItem(table.cell_name(*cell.key))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, cell.key)
            value = QtWidgets.QTableWidgetItem(format_value(self.report.get(tid, *cell.key)))
            source = QtWidgets.QTableWidgetItem("未找到" if read is None else read.text.replace("\n", ""))
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            colour = MISSING if read is None else REFUSED if read.problem else None
            if read is not None and read.problem:
                source.setToolTip(read.problem)
            for item in (name, value, source):
                if colour is not None:
                    item.setBackground(colour)
            w.setItem(i, NAME, name)
            w.setItem(i, VALUE, value)
            w.setItem(i, SOURCE, source)
        return w

    def _text_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        self.fields = QtWidgets.QListWidget()
        self.editor = QtWidgets.QPlainTextEdit()
        form = self.report.definition
        for f in form.text_fields():
            part = next((p.title for p in form.parts if f in p.fields), "")
            shown = f"{part}·{f.label}" if part else f.label
            item = QtWidgets.QListWidgetItem(shown if self._texts.get(f.id) else f"{shown}（未找到）")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            if not self._texts.get(f.id):
                item.setBackground(MISSING)
            self.fields.addItem(item)
        self.fields.currentItemChanged.connect(self._show_field)
        layout = QtWidgets.QHBoxLayout(page)
        layout.addWidget(self.fields, 2)
        layout.addWidget(self.editor, 3)
        self.fields.setCurrentRow(0)
        return page

    def _show_field(self, current, _previous=None) -> None:
        self._keep_text()
        self._field = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.editor.setPlainText(self._texts.get(self._field, "") if self._field else "")

    def _keep_text(self) -> None:
        if self._field:
            self._texts[self._field] = self.editor.toPlainText()

    # ------------------------------------------------------------------ accept
    def accept(self) -> None:
        problem = self._apply()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    def _apply(self) -> str:
        """Take the clerk's corrections into ``self.report``; a Chinese sentence if one is wrong."""
        r = self.report
        name = self.agency.text().strip()
        if not name:
            return "请填写单位名称。"
        try:
            issued = parse_date(self.issued.text())
        except InputError as e:
            return f"落款日期：{e}"
        for tid, w in self.tables.items():
            table = r.definition.tables[tid]
            for i in range(w.rowCount()):
                key = w.item(i, NAME).data(Qt.ItemDataRole.UserRole)
                col = table.cell(*key).column
                try:
                    value = parse_cell(w.item(i, VALUE).text(), CellSpec(col.type, col.unit, table.slash_allowed))
                except CellValueError as e:
                    return f"{TABLE_NAMES[tid]}「{table.cell_name(*key)}」：{e}"
                r.set(tid, *key, value)
        self._keep_text()
        r.agency.name, r.issued_on = name, issued
        r.texts = {k: v for k, v in self._texts.items() if v.strip()}
        return ""


class OriginalDialog(QtWidgets.QDialog):
    """原文: the published file a report was imported from, as text, and saved again as it was."""

    def __init__(self, file_name: str, data: bytes, parent=None):
        from report.readers import SUFFIXES, ReadError, read_bytes

        super().__init__(parent)
        self.setWindowTitle(f"原文：{file_name}")
        self.file_name, self.data = file_name, data
        kind = SUFFIXES.get("." + file_name.rsplit(".", 1)[-1].lower())
        try:
            text = read_bytes(data, kind).text() if kind else ""
        except ReadError as e:
            text = str(e)
        view = QtWidgets.QPlainTextEdit(text)
        view.setReadOnly(True)
        self.view = view
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton("另存为…", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("年") * 60
        self.resize(width, width)

    def save_as(self) -> None:
        from gui import ask
        from report.files import atomic_write

        path = ask.save_file(self, "另存原文", str(places.start_folder() / self.file_name), "所有文件 (*)")
        if not path:
            return
        try:
            atomic_write(path, self.data)
        except OSError as e:
            ask.warn(self, "未能保存", f"{path}：{e.strerror or e}")


def show_original(parent, store, agency_name: str, year: int) -> None:
    """原文… in the year list: the kept original of the selected year, or why there is none."""
    from gui import ask

    kept = store.original(agency_name, year)
    if kept is None:
        ask.inform(parent, "原文", f"{year}年度报告不是从已发布的文件导入的，没有保存原文。")
        return
    ask.run(OriginalDialog(*kept, parent))
