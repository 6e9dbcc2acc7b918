"""The year list: the agency's reports, and what the clerk does with whole reports.

New, open, import, export, delete and restore live here with the list they act on; the main
window only opens a year when asked (``openRequested``). Failures the store foresees
(StoreError, OSError) become a warning in plain Chinese; anything else reaches the program's
hook for unexpected errors, which logs it.
"""

from __future__ import annotations

from pathlib import Path

from gui import ask, exporting, places, settings
from gui.new_year_dialog import NewYearDialog
from gui.qt import Qt, QtGui, QtWidgets, Signal
from gui.workers import EXPECTED, readable_error
from report import dates

IMPORTABLE = "报告文件或已发布的报告 (*.json *.html *.htm *.docx *.pdf *.txt)"
READ_ONLY_NOTICE = "另一个年报助手窗口正在使用这些数据，本窗口只能查看，不能修改。"
URGENT_TINT = "#fde7e9"  # the tint of style.qss's urgent deadline banner


class YearList(QtWidgets.QWidget):
    """The agency's reports: year, status, last modified, 错误 and 警告 counts, the days left to the
    publication deadline of the report in progress, and their actions."""

    COLUMNS = ("年度", "状态", "最后修改", "错误", "警告", "发布截止")
    openRequested = Signal(int)  # the clerk wants to edit this year
    statusMessage = Signal(str, int)  # text, milliseconds
    settingsChanged = Signal()  # the clerk accepted 设置 (the local requirements may differ)

    def __init__(self, exporter: exporting.Exporter, parent=None):
        super().__init__(parent)
        self.exporter = exporter
        self.store = None  # set by attach() once the window has opened the store
        self.data_dir = None
        self.agency_name: str | None = None
        self._make_widgets()
        self._connect()
        for button in self.buttons.values():  # until attach()
            button.setEnabled(False)

    def _make_widgets(self) -> None:
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")
        self.agency_box = QtWidgets.QComboBox()
        self.agency_box.setAccessibleName("单位")
        self.agency_box.setMinimumContentsLength(16)
        self.profile_button = QtWidgets.QPushButton("单位信息…")
        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.table = QtWidgets.QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("yearList")
        self.table.setAccessibleName("年度报告列表")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2)
        self.table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumWidth(self.fontMetrics().horizontalAdvance("年") * 60)
        self.empty = QtWidgets.QLabel()
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.hint = QtWidgets.QLabel("双击某一年度即可打开。草稿可以继续修改；定稿只能查看、打印和导出，"
                                     "如需修改请打开后点“撤回为草稿”。")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

        self.buttons: dict[str, QtWidgets.QPushButton] = {}
        button_row = QtWidgets.QHBoxLayout()
        for key, text in (("new", "新建年度报告…"), ("open", "打开"), ("import", "导入…"), ("export", "导出…"),
                          ("original", "原文…"),
                          ("delete", "删除…"), ("restore", "从备份恢复…"), ("settings", "设置…")):
            b = QtWidgets.QPushButton(text)
            if key == "new":
                b.setObjectName("primary")
            self.buttons[key] = b
            button_row.addWidget(b)
            if key == "delete":
                button_row.addStretch(1)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.agency_box)
        top.addWidget(self.profile_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hint)
        layout.addLayout(button_row)

    def _connect(self) -> None:
        b = self.buttons
        b["new"].clicked.connect(self.new_year)
        b["open"].clicked.connect(self.open_selected)
        b["import"].clicked.connect(self.import_file)
        b["original"].clicked.connect(self.show_original)
        b["delete"].clicked.connect(self.delete_selected)
        b["restore"].clicked.connect(self.restore_backup)
        b["settings"].clicked.connect(self.show_settings)
        export_menu = QtWidgets.QMenu(self)
        for text, kind in (("导出 PDF…", "pdf"), ("导出 Word…", "docx"), ("导出网页…", "html"), ("导出 Excel…", "xlsx"),
                           ("导出数据文件…", "json"), (None, None), ("全部导出到文件夹…", "all"),
                           ("复制网页内容", "copy")):
            if text is None:
                export_menu.addSeparator()
            else:
                export_menu.addAction(text, lambda k=kind: self.export_selected(k))
        b["export"].setMenu(export_menu)
        self.profile_button.clicked.connect(lambda: self.edit_profile())
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.agency_box.activated.connect(lambda _i: self.select_agency(self.agency_box.currentText()))

    def attach(self, store, data_dir) -> None:
        self.store, self.data_dir = store, data_dir

    # ------------------------------------------------------------------ showing
    def set_rows(self, rows: list[dict]) -> None:
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (f"{r['year']}年", r["status_label"], r["modified"], str(r["errors"]), str(r["warnings"]),
                     r["deadline"])
            for j, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["year"])
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 3 and r["errors"]:
                    item.setForeground(QtGui.QBrush(QtGui.QColor("#b00020")))
                if r["deadline_tip"]:
                    item.setToolTip(r["deadline_tip"])
                if r["urgent"]:  # not yet 定稿 within 14 days of the deadline: the whole row says so
                    item.setBackground(QtGui.QBrush(QtGui.QColor(URGENT_TINT)))
                self.table.setItem(i, j, item)
        self.empty.setVisible(not rows)
        self.hint.setVisible(bool(rows))
        if rows:
            self.table.selectRow(0)

    def selected_year(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select_year(self, year: int) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == year:
                self.table.selectRow(i)

    def select_agency(self, name: str) -> None:
        self.agency_name = name
        settings.remember_agency(name)
        self.refresh()

    def summaries(self) -> list:
        return self.store.reports(self.agency_name) if self.agency_name else []

    def refresh(self) -> None:
        from report.forms import common

        names = [a.name for a in self.store.agencies()]
        box = self.agency_box
        box.blockSignals(True)
        box.clear()
        box.addItems(names)
        box.setCurrentText(self.agency_name or "")
        box.setVisible(len(names) > 1)
        box.blockSignals(False)
        self.title.setText(f"{self.agency_name}　年度报告" if self.agency_name else "年度报告")
        status_labels = common()["status"]
        rows = []
        due = self._deadlines()
        for summary in sorted(self.summaries(), key=lambda x: x.year, reverse=True):
            errors, warnings = summary.errors, summary.warnings
            if errors is None or warnings is None:  # saved before the checker ran: count now
                errors, warnings = self._count_findings(summary.year)
            rows.append({"year": summary.year, "status_label": status_labels[summary.status],
                         "modified": dates.short_time(summary.modified), "errors": errors, "warnings": warnings,
                         **due(summary.year, summary.status == "final")})
        self.set_rows(rows)
        self.empty.setText(
            "还没有年度报告。点“新建年度报告”开始填写，或点“导入…”导入已有的报告文件。" if self.agency_name else
            "请先点右上角的“单位信息…”填写本单位的信息，或点“导入…”导入已有的报告文件。")
        ro = self.store.read_only
        for key in ("new", "import", "delete", "restore"):
            self.buttons[key].setEnabled(not ro and (key != "new" or bool(self.agency_name)))
        self.buttons["settings"].setEnabled(True)
        self.buttons["open"].setEnabled(bool(rows))
        self.buttons["export"].setEnabled(bool(rows))
        self.buttons["original"].setEnabled(bool(rows))
        self.buttons["delete"].setEnabled(bool(rows) and not ro)
        self.banner.setVisible(ro)
        if ro:
            self.banner.setText(READ_ONLY_NOTICE + "请关闭另一个窗口后重新打开本程序。")

    def _deadlines(self):
        """``due(year, final)``: the deadline cells of a row — shown for the report in progress only."""
        from gui.session import today
        from report import deadline

        agency = self.store.get_agency(self.agency_name) if self.agency_name else None
        kind = agency.kind if agency else "department"
        packs, now = settings.local_packs(self.data_dir), today()

        def due(year: int, final: bool) -> dict:
            if not deadline.in_progress(year, now, final):
                return {"deadline": "", "deadline_tip": "", "urgent": False}
            return {"deadline": deadline.short(year, kind, now, packs),
                    "deadline_tip": deadline.describe(year, kind, now, packs),
                    "urgent": deadline.urgent(year, kind, now, final, packs)}

        return due

    def _count_findings(self, year: int) -> tuple[int, int]:
        """With the local packs chosen in 设置, as the window counts them before it saves."""
        return self.store.count_findings(self.agency_name, year, settings.local_packs(self.data_dir))

    def _failed(self, title: str, error: BaseException) -> None:
        ask.warn(self.window(), title, readable_error(error))

    # ------------------------------------------------------------------ actions
    def edit_profile(self, first_run: bool = False) -> bool:
        from gui.profile_dialog import ProfileDialog

        current = self.store.get_agency(self.agency_name) if self.agency_name and not first_run else None
        dialog = ProfileDialog(current, self.window(), first_run=first_run)
        if self.store.read_only:
            dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        dialog.importRequested.connect(lambda: self._import_for_profile(dialog))
        if not ask.run(dialog):
            return False
        if dialog.imported:
            return True
        agency = dialog.agency()
        try:
            self.store.save_agency(agency)
        except EXPECTED as e:
            self._failed("单位信息未保存", e)
            return False
        self.select_agency(agency.name)
        return True

    def _import_for_profile(self, dialog) -> None:
        """导入上年报告 from the first-run profile: the report brings the agency's profile."""
        path = ask.open_file(dialog, "导入上年报告", str(places.start_folder()),
                             exporting.JSON_FILTER + ";;所有文件 (*)")
        if path:
            places.remember(path)
            if self.import_path(path):
                dialog.accept_imported()

    def new_year(self) -> None:
        dialog = NewYearDialog({s.year for s in self.summaries()}, self.window())
        if not ask.run(dialog):
            return
        year = dialog.year.value()
        try:
            if dialog.from_last.isChecked():
                self.store.new_year_from_last(self.agency_name, year)
            else:
                self.store.new_blank_year(self.agency_name, year)
        except EXPECTED as e:
            self._failed("未能新建报告", e)
            return
        self.refresh()
        self.openRequested.emit(year)

    def open_selected(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.openRequested.emit(year)

    def import_file(self) -> None:
        path = ask.open_file(self.window(), "导入报告", str(places.start_folder()),
                             f"{IMPORTABLE};;{exporting.JSON_FILTER};;所有文件 (*)")
        if path:
            places.remember(path)
            self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        """Import a report file or a published report (gui.importing); True when it went in."""
        from gui import importing

        return importing.import_path(self, path)

    def show_original(self) -> None:
        from gui.import_dialog import show_original

        if self.selected_year() is not None:
            show_original(self.window(), self.store, self.agency_name, self.selected_year())

    def delete_selected(self) -> None:
        year = self.selected_year()
        if year is None:
            return
        if not ask.confirm(self.window(), "删除报告", f"确定删除{self.agency_name}{year}年度报告吗？\n"
                           "删除前会自动备份，需要时可用“从备份恢复”找回。", default=False):
            return
        try:
            self.store.delete(self.agency_name, year)
        except EXPECTED as e:
            self._failed("未能删除", e)
            return
        self.refresh()
        self.statusMessage.emit(f"已删除{year}年度报告（已备份）", 8000)

    def restore_backup(self) -> None:
        backups = list(self.store.backups())
        if not backups:
            ask.inform(self.window(), "从备份恢复", "还没有备份。")
            return
        labels = [f"{dates.full_time(b.time)}　{b.label}" for b in backups]
        label = ask.choose(self.window(), "从备份恢复", "选择要恢复的备份（最新的在最前）：", labels)
        if label is None:
            return
        chosen = backups[labels.index(label)]
        if not ask.confirm(self.window(), "从备份恢复",
                           f"用备份“{label}”替换现在的全部数据吗？\n现在的数据会先备份，需要时仍可恢复。"):
            return
        try:
            self.store.restore(chosen.path)
        except EXPECTED as e:
            self._failed("未能恢复", e)
            return
        names = [a.name for a in self.store.agencies()]
        self.agency_name = self.agency_name if self.agency_name in names else (names[0] if names else None)
        self.refresh()
        self.statusMessage.emit("已从备份恢复", 8000)

    def show_settings(self) -> None:
        from gui.settings_dialog import SettingsDialog

        if ask.run(SettingsDialog(self.store, self.data_dir, self.window())):
            self.settingsChanged.emit()
            self.refresh()

    def export_selected(self, kind: str) -> None:
        year = self.selected_year()
        if year is None:
            return
        from gui.session import previous_report

        report = self.store.load(self.agency_name, year)
        history = self.store.history_counts(self.agency_name, before_year=year)
        if kind == "all":
            self.exporter.export_all(report, history, previous_report(self.store, self.agency_name, year))
        elif kind == "copy":
            self.exporter.copy_html(report, history)
        else:
            self.exporter.export(kind, report, history, previous_report(self.store, self.agency_name, year))
