"""The main window: the agency's years on one side of a stack, the open report's wizard on the other.

The clerk normally lands straight in the report in progress; the year list is where years are
created, imported, exported, deleted and restored. Everything that can take a while (PDF,
printing, files) runs in a worker thread so the window never freezes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gui import exporting, printing, qt, settings
from gui.qt import Qt, QtGui, QtWidgets
from gui.workers import readable_error, run_job

if TYPE_CHECKING:  # the report and store modules load after the window is on screen
    from report.document import Report

JSON_FILTER = "年报数据文件 (*.json)"
PDF_FILTER = "PDF 文件 (*.pdf)"


class YearList(QtWidgets.QWidget):
    """The agency's reports: year, status, last modified, 错误 and 警告 counts."""

    COLUMNS = ("年度", "状态", "最后修改", "错误", "警告")

    def __init__(self, parent=None):
        super().__init__(parent)
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
        self.empty = QtWidgets.QLabel("还没有年度报告。点“新建年度报告”开始填写，或点“导入…”导入已有的报告文件。")
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)

        self.buttons: dict[str, QtWidgets.QPushButton] = {}
        button_row = QtWidgets.QHBoxLayout()
        for key, text in (("new", "新建年度报告…"), ("open", "打开"), ("import", "导入…"), ("export", "导出…"),
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
        self.hint = QtWidgets.QLabel("双击某一年度即可打开。草稿可以继续修改；定稿只能查看、打印和导出，"
                                     "如需修改请打开后点“撤回为草稿”。")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addLayout(button_row)

    def set_rows(self, rows: list[dict]) -> None:
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (f"{r['year']}年", r["status_label"], r["modified"], str(r["errors"]), str(r["warnings"]))
            for j, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["year"])
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 3 and r["errors"]:
                    item.setForeground(QtGui.QBrush(QtGui.QColor("#b00020")))
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


class NewYearDialog(QtWidgets.QDialog):
    """Which year, and whether to start from last year's report (the default when it exists)."""

    def __init__(self, existing: set[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self.existing = existing
        self.year = QtWidgets.QSpinBox()
        self.year.setRange(2019, dt.date.today().year + 1)
        self.year.setSuffix(" 年")
        self.year.setAccessibleName("报告年度")
        default = max(existing) + 1 if existing else dt.date.today().year - 1
        self.year.setValue(min(default, self.year.maximum()))
        self.from_last = QtWidgets.QRadioButton()
        self.blank = QtWidgets.QRadioButton("空白报告：所有内容从头填写")
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("bannerError")
        self.error.hide()
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QtWidgets.QFormLayout()
        form.addRow("报告年度", self.year)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.from_last)
        layout.addWidget(self.blank)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        y = self.year.value()
        has_last = (y - 1) in self.existing
        self.from_last.setText(f"以{y - 1}年度报告为基础：沿用单位信息和文字，表格数字留空"
                               if has_last else f"以上一年度报告为基础（没有{y - 1}年度的报告）")
        self.from_last.setEnabled(has_last)
        (self.from_last if has_last else self.blank).setChecked(True)

    def accept(self) -> None:
        if self.year.value() in self.existing:
            self.error.setText(f"{self.year.value()}年度的报告已经存在，请在列表中打开它，或选择其他年度。")
            self.error.show()
            return
        super().accept()


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, data_dir: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("年报助手")
        self._data_dir_option = data_dir
        self.data_dir = None
        self.store = None  # opened by start(), once the window is on screen
        self.agency_name: str | None = None
        self.session: ReportSession | None = None
        self.wizard = None
        self.preview_dialog = None
        self.jobs: list = []
        self._tmp: tempfile.TemporaryDirectory | None = None  # for preview/print PDFs, made when first needed
        self.undo_group = QtGui.QUndoGroup(self)

        self.stack = QtWidgets.QStackedWidget()
        self.years = YearList()
        self.editor = QtWidgets.QWidget()
        self.editor_banner = QtWidgets.QLabel()
        self.editor_banner.setObjectName("banner")
        self.editor_banner.setWordWrap(True)
        self.editor_banner.hide()
        self.editor_layout = QtWidgets.QVBoxLayout(self.editor)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_layout.addWidget(self.editor_banner)
        self.stack.addWidget(self.years)
        self.stack.addWidget(self.editor)
        self.setCentralWidget(self.stack)

        self.save_state = QtWidgets.QLabel()
        self.save_state.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_state)

        self._make_actions()
        self._connect_year_list()
        for button in self.years.buttons.values():  # until start() has opened the store
            button.setEnabled(False)
        self._show_list_mode()
        if not settings.restore_geometry(self):
            screen = QtGui.QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1200, screen.width() - 60), min(820, screen.height() - 60))

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QtGui.QAction:
        a = QtGui.QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QtGui.QKeySequence(shortcut))
        a.setToolTip(tip or text)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        K = QtGui.QKeySequence.StandardKey
        self.act_back = self._action("返回年度列表", self.back_to_list)
        self.act_save = self._action("保存", self.save, K.Save, "保存（Ctrl+S）；程序也会自动保存")
        self.act_preview = self._action("预览", self.preview)
        self.act_print = self._action("打印…", self.print_report, K.Print, "打印（Ctrl+P）")
        self.act_export_pdf = self._action("导出 PDF…", self.export_pdf, "Ctrl+E", "导出 PDF（Ctrl+E）")
        self.act_export_json = self._action("导出数据文件…", self.export_json)
        self.act_final = self._action("定稿", self.mark_final, tip="检查无错误后定稿；定稿后只能查看")
        self.act_reopen = self._action("撤回为草稿", self.reopen, tip="撤回为草稿以便修改")
        # fixed short texts (the toolbar must not jump); what would be undone is in the tooltip
        self.act_undo = self._action("撤销", self.undo_group.undo, K.Undo)
        self.act_redo = self._action("重做", self.undo_group.redo, "Ctrl+Y")
        self.act_redo.setShortcuts([QtGui.QKeySequence("Ctrl+Y"), QtGui.QKeySequence(K.Redo)])
        for action, can, text, verb in ((self.act_undo, self.undo_group.canUndoChanged,
                                         self.undo_group.undoTextChanged, "撤销"),
                                        (self.act_redo, self.undo_group.canRedoChanged,
                                         self.undo_group.redoTextChanged, "重做")):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, v=verb: a.setToolTip(f"{v}：{t}" if t else v))
        self.act_history = self._action("历史版本…", self.show_history,
                                        tip="查看本报告以前保存的各个版本，需要时恢复其中一个")
        # F1 itself is the wizard's shortcut (a second F1 here would make it ambiguous)
        self.act_help = self._action("帮助", self.show_help, tip="本页填写说明（F1）")

        self.toolbar = QtWidgets.QToolBar("编辑")
        self.toolbar.setObjectName("editToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_back, None, self.act_save, self.act_undo, self.act_redo, self.act_history, None,
                  self.act_preview,
                  self.act_print, self.act_export_pdf, self.act_export_json, None, self.act_final,
                  self.act_reopen, None, self.act_help):
            self.toolbar.addSeparator() if a is None else self.toolbar.addAction(a)
        self.addToolBar(self.toolbar)

        menu = self.menuBar().addMenu("报告")
        for a in (self.act_back, self.act_save, self.act_preview, self.act_print, self.act_export_pdf,
                  self.act_export_json, self.act_final, self.act_reopen):
            menu.addAction(a)
        edit = self.menuBar().addMenu("编辑")
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        edit.addAction(self.act_history)
        self.menuBar().addMenu("帮助").addAction(self.act_help)

    def _connect_year_list(self) -> None:
        b = self.years.buttons
        b["new"].clicked.connect(self.new_year)
        b["open"].clicked.connect(self.open_selected)
        b["import"].clicked.connect(self.import_file)
        b["delete"].clicked.connect(self.delete_selected)
        b["restore"].clicked.connect(self.restore_backup)
        b["settings"].clicked.connect(self.show_settings)
        export_menu = QtWidgets.QMenu(self)
        export_menu.addAction("导出 PDF…", lambda: self._export_selected("pdf"))
        export_menu.addAction("导出数据文件…", lambda: self._export_selected("json"))
        b["export"].setMenu(export_menu)
        self.years.profile_button.clicked.connect(self.edit_profile)
        self.years.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.years.agency_box.activated.connect(lambda _i: self.select_agency(self.years.agency_box.currentText()))

    # ------------------------------------------------------------------ start
    def start(self) -> bool:
        """Open the store; first run asks for the agency; otherwise open the year in progress.

        Called once the window is shown, so the clerk sees the window at once while the data and
        the report load. False (after a message) when the data folder cannot be used.
        """
        from store import StoreError, open_store
        from store.paths import data_dir as resolve_data_dir

        try:
            self.data_dir = resolve_data_dir(self._data_dir_option)
            self.store = open_store(self.data_dir)
        except StoreError as e:
            QtWidgets.QMessageBox.critical(self, "无法打开数据", str(e))
            return False
        for notice in self.store.notices:
            QtWidgets.QMessageBox.information(self, "年报助手", notice)
        if not self.store.agencies():
            if not self.store.read_only:
                self.edit_profile(first_run=True)
            self.refresh_list()
            return True
        self.select_agency(self._remembered_agency())
        summaries = self._summaries()
        if summaries:
            latest = max(summaries, key=lambda s: s.year)
            if latest.status == "draft" and not self.store.read_only:
                self.open_year(latest.year)
        return True

    def _remembered_agency(self) -> str:
        names = [a.name for a in self.store.agencies()]
        remembered = settings.settings().value("agency", "", str)
        return remembered if remembered in names else names[0]

    # ------------------------------------------------------------------ year list
    def select_agency(self, name: str) -> None:
        self.agency_name = name
        s = settings.settings()
        s.setValue("agency", name)
        self.refresh_list()

    def _summaries(self) -> list:
        return self.store.reports(self.agency_name) if self.agency_name else []

    def refresh_list(self) -> None:
        from report.forms import common

        names = [a.name for a in self.store.agencies()]
        box = self.years.agency_box
        box.blockSignals(True)
        box.clear()
        box.addItems(names)
        box.setCurrentText(self.agency_name or "")
        box.setVisible(len(names) > 1)
        box.blockSignals(False)
        self.years.title.setText(f"{self.agency_name}　年度报告" if self.agency_name else "年度报告")
        status_labels = common()["status"]
        rows = []
        for summary in sorted(self._summaries(), key=lambda x: x.year, reverse=True):
            errors, warnings = summary.errors, summary.warnings
            if errors is None or warnings is None:  # saved before the checker ran: count now
                errors, warnings = self._count_findings(summary.year)
            rows.append({"year": summary.year, "status_label": status_labels[summary.status],
                         "modified": f"{summary.modified:%Y-%m-%d %H:%M}", "errors": errors, "warnings": warnings})
        self.years.set_rows(rows)
        self.years.empty.setText(
            "还没有年度报告。点“新建年度报告”开始填写，或点“导入…”导入已有的报告文件。" if self.agency_name else
            "请先点右上角的“单位信息…”填写本单位的信息，或点“导入…”导入已有的报告文件。")
        ro = self.store.read_only
        for key in ("new", "import", "delete", "restore"):
            self.years.buttons[key].setEnabled(not ro and (key != "new" or bool(self.agency_name)))
        self.years.buttons["settings"].setEnabled(True)
        self.years.buttons["open"].setEnabled(bool(rows))
        self.years.buttons["export"].setEnabled(bool(rows))
        self.years.buttons["delete"].setEnabled(bool(rows) and not ro)
        self.years.banner.setVisible(ro)
        if ro:
            self.years.banner.setText("另一个年报助手窗口正在使用这些数据，本窗口只能查看，不能修改。"
                                      "请关闭另一个窗口后重新打开本程序。")

    def _count_findings(self, year: int) -> tuple[int, int]:
        from report.checks import check

        previous = self.store.load(self.agency_name, year - 1) if self.store.exists(self.agency_name, year - 1) else None
        findings = check(self.store.load(self.agency_name, year), previous)
        return sum(f.severity == "error" for f in findings), sum(f.severity == "warning" for f in findings)

    def edit_profile(self, first_run: bool = False) -> bool:
        from gui.profile_dialog import ProfileDialog

        current = self.store.get_agency(self.agency_name) if self.agency_name and not first_run else None
        dialog = ProfileDialog(current, self, first_run=first_run)
        if self.store.read_only:
            dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return False
        agency = dialog.agency()
        try:
            self.store.save_agency(agency)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "单位信息未保存", readable_error(e))
            return False
        self.select_agency(agency.name)
        return True

    def new_year(self) -> None:
        existing = {s.year for s in self._summaries()}
        dialog = NewYearDialog(existing, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        year = dialog.year.value()
        try:
            if dialog.from_last.isChecked():
                self.store.new_year_from_last(self.agency_name, year)
            else:
                self.store.new_blank_year(self.agency_name, year)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "未能新建报告", readable_error(e))
            return
        self.refresh_list()
        self.open_year(year)

    def open_selected(self) -> None:
        year = self.years.selected_year()
        if year is not None:
            self.open_year(year)

    def import_file(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "导入报告文件", str(exporting.documents_dir()),
                                                        JSON_FILTER + ";;所有文件 (*)")
        if path:
            self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        from report.document import Report, ReportFileError

        try:
            report = Report.load(path)
        except ReportFileError as e:
            QtWidgets.QMessageBox.warning(self, "无法导入", f"{Path(path).name}：{e}")
            return False
        name = report.agency.name.strip()
        if not name:
            QtWidgets.QMessageBox.warning(self, "无法导入", "文件中没有单位名称（agency.name），无法确定是哪个单位的报告。")
            return False
        exists = self.store.exists(name, report.year)
        if exists:
            answer = QtWidgets.QMessageBox.question(
                self, "覆盖已有报告？",
                f"{name}{report.year}年度的报告已经存在。导入后将替换它（原内容会先备份，可以恢复）。是否继续？")
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return False
            if self.store.status(name, report.year) == "final":
                self.store.reopen(name, report.year)
        try:
            self.store.import_report(report, replace=True)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "无法导入", readable_error(e))
            return False
        self.select_agency(name)
        self.years.select_year(report.year)
        self.statusBar().showMessage(f"已导入{name}{report.year}年度报告", 8000)
        return True

    def delete_selected(self) -> None:
        year = self.years.selected_year()
        if year is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self, "删除报告", f"确定删除{self.agency_name}{year}年度报告吗？\n删除前会自动备份，需要时可用“从备份恢复”找回。",
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No)
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete(self.agency_name, year)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "未能删除", readable_error(e))
            return
        self.refresh_list()
        self.statusBar().showMessage(f"已删除{year}年度报告（已备份）", 8000)

    def restore_backup(self) -> None:
        backups = list(self.store.backups())
        if not backups:
            QtWidgets.QMessageBox.information(self, "从备份恢复", "还没有备份。")
            return
        labels = [f"{b.time:%Y-%m-%d %H:%M:%S}　{b.label}" for b in backups]
        label, ok = QtWidgets.QInputDialog.getItem(self, "从备份恢复", "选择要恢复的备份（最新的在最前）：",
                                                   labels, 0, False)
        if not ok:
            return
        chosen = backups[labels.index(label)]
        answer = QtWidgets.QMessageBox.question(
            self, "从备份恢复", f"用备份“{label}”替换现在的全部数据吗？\n现在的数据会先备份，需要时仍可恢复。")
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.restore(chosen.path)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "未能恢复", readable_error(e))
            return
        names = [a.name for a in self.store.agencies()]
        self.agency_name = self.agency_name if self.agency_name in names else (names[0] if names else None)
        self.refresh_list()
        self.statusBar().showMessage("已从备份恢复", 8000)

    def show_settings(self) -> None:
        from gui.settings_dialog import SettingsDialog

        if SettingsDialog(self.store, self.data_dir, self).exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        if self.session is not None:
            self.session.set_packs(settings.local_packs(self.store.data_dir))
        self.refresh_list()

    def _export_selected(self, kind: str) -> None:
        year = self.years.selected_year()
        if year is None:
            return
        report = self.store.load(self.agency_name, year)
        history = self.store.history_counts(self.agency_name, before_year=year)
        (self._export_pdf_of if kind == "pdf" else self._export_json_of)(report, history)

    # ------------------------------------------------------------------ editing
    def open_year(self, year: int) -> None:
        from gui.session import ReportSession
        from gui.wizard.wizard import ReportWizard

        self.close_session()
        try:
            session = ReportSession(self.store, self.agency_name, year, self)
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "无法打开报告", readable_error(e))
            return
        self.session = session
        session.saved.connect(self._on_saved)
        session.saveFailed.connect(self._on_save_failed)
        session.statusChanged.connect(lambda _s: self._update_edit_state())
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.wizard = ReportWizard(session, self.editor)
        self.wizard.previewRequested.connect(self.preview)
        self.wizard.exportPdfRequested.connect(self.export_pdf)
        self.wizard.exportJsonRequested.connect(self.export_json)
        self.wizard.finalRequested.connect(self.mark_final)
        self.wizard.helpRequested.connect(self._show_help_text)
        self.editor_layout.addWidget(self.wizard, 1)
        self.stack.setCurrentWidget(self.editor)
        self.wizard.show()
        self.setWindowTitle(f"{year}年度报告 - {self.agency_name} - 年报助手")
        self.save_state.setText("")
        self._update_edit_state()
        self._focus_first_input()

    def _focus_first_input(self) -> None:
        """Keyboard focus in the page's first input, so the clerk can type (and Ctrl+S works) at once."""
        page = self.wizard.currentPage()
        w = page.nextInFocusChain()
        while w is not page and w is not None:
            if (page.isAncestorOf(w) and w.isVisibleTo(page) and w.isEnabled()
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            w = w.nextInFocusChain()
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_session(self) -> bool:
        """Save and drop the open report; False if its last save failed (edits would be lost)."""
        if self.session is None:
            return True
        self.session.close()
        if self.session.dirty and not self.session.read_only:
            answer = QtWidgets.QMessageBox.warning(
                self, "保存失败", "最近的修改未能保存（见状态栏）。现在关闭会丢失这些修改。\n"
                "建议先“导出数据文件”另存一份。仍要关闭吗？",
                QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
                QtWidgets.QMessageBox.StandardButton.No)
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return False
        self.undo_group.removeStack(self.session.undo_stack)
        if self.wizard is not None:
            self.wizard.hide()
            self.wizard.deleteLater()
        self.wizard = None
        self.session.deleteLater()
        self.session = None
        return True

    def back_to_list(self) -> None:
        if not self.close_session():
            return
        self.setWindowTitle("年报助手")
        self.refresh_list()
        self._show_list_mode()

    def _show_list_mode(self) -> None:
        self.stack.setCurrentWidget(self.years)
        self.editor_banner.hide()
        self.toolbar.hide()
        for a in (self.act_back, self.act_save, self.act_preview, self.act_print, self.act_export_pdf,
                  self.act_export_json, self.act_final, self.act_reopen, self.act_help, self.act_history):
            a.setEnabled(False)

    def _update_edit_state(self) -> None:
        s = self.session
        self.toolbar.show()
        for a in (self.act_back, self.act_save, self.act_preview, self.act_print, self.act_export_pdf,
                  self.act_export_json, self.act_help, self.act_history):
            a.setEnabled(True)
        final = s.status == "final"
        store_ro = bool(self.store.read_only)
        self.act_final.setVisible(not final)
        self.act_final.setEnabled(not final and not store_ro)
        self.act_reopen.setVisible(final)
        self.act_reopen.setEnabled(final and not store_ro)
        self.act_save.setEnabled(not s.read_only)
        if store_ro:
            self.editor_banner.setText("另一个年报助手窗口正在使用这些数据，本窗口只能查看，不能修改。")
        elif final:
            self.editor_banner.setText("本报告已定稿，只能查看、预览、打印和导出。如需修改，请点“撤回为草稿”。")
        self.editor_banner.setVisible(store_ro or final)
        if self.wizard is not None:
            self.wizard.set_read_only(s.read_only)

    def save(self) -> None:
        if self.session is not None and self.session.save_now():
            self._on_saved(f"已保存 {dt.datetime.now():%H:%M:%S}")

    def _on_saved(self, text: str) -> None:
        self.save_state.setObjectName("saveState")
        self.save_state.setStyleSheet("")
        self.save_state.setText(text)

    def _on_save_failed(self, message: str) -> None:
        self.save_state.setObjectName("saveFailed")
        self.save_state.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_state.setText("未能保存，正在重试")
        self.statusBar().showMessage(message, 30000)

    def mark_final(self) -> None:
        ok, message = self.session.mark_final()
        if ok:
            self.statusBar().showMessage(message, 8000)
            return
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "暂不能定稿", message,
                                    QtWidgets.QMessageBox.StandardButton.Close, self)
        go = box.addButton("查看第一个错误", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        errors = self.session.errors()
        if box.clickedButton() is go and errors and errors[0].cells:
            self.wizard.show_page_for(errors[0].cells[0])

    def reopen(self) -> None:
        try:
            self.session.reopen()
        except Exception as e:
            QtWidgets.QMessageBox.warning(self, "未能撤回", readable_error(e))

    def show_history(self) -> None:
        """历史版本 of the open report; a restore is reported in the status bar."""
        from gui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(dialog.message, 15000))
        dialog.open()

    def show_help(self) -> None:
        self._show_help_text(self.wizard.current_help())

    def _show_help_text(self, text: str) -> None:
        page = self.wizard.currentPage()
        title = page.title() if page is not None else "帮助"
        QtWidgets.QMessageBox.information(self, f"填写说明 - {title}",
                                          text or "本页没有额外的填写说明。各项的要求见输入框旁的提示。")

    # ------------------------------------------------------------------ PDF, print, export
    def _current(self) -> tuple[Report, dict]:
        self.session.save_now()
        return self.session.report.copy(), self.session.history_counts()

    def _start(self, fn, busy: str, on_done, title: str):
        job = run_job(self, fn, busy, on_done, title)
        self.jobs.append(job)
        job.done.connect(lambda _r, j=job: self._forget(j))
        job.failed.connect(lambda _m, j=job: self._forget(j))
        return job

    def _forget(self, job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)

    def _temp_pdf(self) -> Path:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="nianbao-")
        return Path(self._tmp.name) / f"preview-{dt.datetime.now():%H%M%S%f}.pdf"

    def preview(self) -> None:
        report, history = self._current()
        path = self._temp_pdf()
        self._start(lambda: exporting.build_pdf(report, path, history), "正在生成预览…",
                    lambda p: self._show_preview(p, report), "无法预览")

    def _show_preview(self, path: Path, report: Report) -> None:
        from gui.preview import PreviewDialog

        dialog = PreviewDialog(path, f"{report.agency.name}{report.year}年度报告", self)
        dialog.printRequested.connect(lambda: self._print_file(path))
        dialog.exportRequested.connect(self.export_pdf)
        self.preview_dialog = dialog
        dialog.open()

    def print_report(self) -> None:
        report, history = self._current()
        path = self._temp_pdf()
        self._start(lambda: exporting.build_pdf(report, path, history), "正在准备打印…",
                    self._print_file, "无法打印")

    def _print_file(self, path: Path) -> None:
        QPdfDocument = qt.pdf()[0].QPdfDocument

        doc = QPdfDocument()
        doc.load(str(path))
        pages = doc.pageCount()
        doc.close()
        printer = printing.new_printer()
        if not printing.ask_printer(self, printer, pages):
            return
        self._start(lambda: printing.print_pdf(path, printer), "正在打印…",
                    lambda n: self.statusBar().showMessage(f"已发送到打印机：{n} 页", 8000), "打印失败")

    def export_pdf(self) -> None:
        self._export_pdf_of(*self._current())

    def export_json(self) -> None:
        self._export_json_of(*self._current())

    def _export_pdf_of(self, report: Report, history: dict) -> None:
        path = exporting.ask_save_path(self, report, exporting.PDF_NAME, "导出 PDF", PDF_FILTER)
        if path is None:
            return
        self._start(lambda: exporting.build_pdf(report, path, history), "正在生成 PDF…",
                    lambda p: self.statusBar().showMessage(f"已导出：{p}", 15000), "导出 PDF 失败")

    def _export_json_of(self, report: Report, history: dict) -> None:
        path = exporting.ask_save_path(self, report, exporting.JSON_NAME, "导出数据文件", JSON_FILTER)
        if path is None:
            return
        self._start(lambda: exporting.write_json(report, path, history), "正在导出数据文件…",
                    lambda p: self.statusBar().showMessage(f"已导出：{p}", 15000), "导出数据文件失败")

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.close_session():
            event.ignore()
            return
        for job in list(self.jobs):
            job.wait()
        settings.save_geometry(self)
        if self.store is not None:
            self.store.close()
        if self._tmp is not None:
            self._tmp.cleanup()
        event.accept()

