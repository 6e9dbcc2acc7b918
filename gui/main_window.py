"""The main window: the agency's years on one side of a stack, the open report's wizard on the other.

The clerk normally lands straight in the report in progress; the year list (gui/year_list.py)
is where years are created, imported, exported, deleted and restored, and gui/exporting.py
builds the PDFs for preview, print and export in worker threads so the window never freezes.
The window keeps the actions, the stack and the life of the open report's session.

The window's first frame is the empty window: the actions, bars, store, year list and exporter
are made by ``start()`` or when first needed, so that the window is on screen sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui import ask, settings
from gui.qt import QtGui, QtWidgets
from gui.styling import restyle

if TYPE_CHECKING:  # loaded once the window is on screen
    from gui.exporting import Exporter
    from gui.session import ReportSession
    from gui.year_list import YearList
    from report.document import Report


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, data_dir: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("年报助手")
        self._data_dir_option = data_dir
        self.data_dir = None
        self.store = None  # opened by start(), once the window is on screen
        self.session: ReportSession | None = None
        self.wizard = None
        self.workspace = None  # the wizard with its side panel
        self._years: YearList | None = None
        self._agency: str | None = None  # chosen by start() until the year list exists
        self._exporter: Exporter | None = None
        self.toolbar: QtWidgets.QToolBar | None = None  # made by start(), with the actions and menus

        self.stack = QtWidgets.QStackedWidget()
        self.editor = QtWidgets.QWidget()
        self.editor_banner = QtWidgets.QLabel()
        self.editor_banner.setObjectName("banner")
        self.editor_banner.setWordWrap(True)
        self.editor_banner.hide()
        self.editor_layout = QtWidgets.QVBoxLayout(self.editor)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_layout.addWidget(self.editor_banner)
        self.stack.addWidget(self.editor)
        self.setCentralWidget(self.stack)

        self.save_state = QtWidgets.QLabel()
        self.save_state.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_state)
        if not settings.restore_geometry(self):
            screen = QtGui.QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1200, screen.width() - 60), min(820, screen.height() - 60))

    @property
    def agency_name(self) -> str | None:
        return self._years.agency_name if self._years is not None else self._agency

    @property
    def years(self) -> YearList:
        """The year list, made when first needed: the clerk usually lands in the report in progress."""
        if self._years is None:
            from gui.year_list import YearList

            years = YearList(self.exporter)
            years.openRequested.connect(self.open_year)
            years.statusMessage.connect(self.statusBar().showMessage)
            years.settingsChanged.connect(self._settings_changed)
            years.attach(self.store, self.data_dir)
            years.agency_name = self._agency  # shown by its next refresh()
            self.stack.insertWidget(0, years)
            self._years = years
        return self._years

    @property
    def exporter(self) -> Exporter:
        """Preview, print and export, made at the first use."""
        if self._exporter is None:
            from gui.exporting import Exporter

            self._exporter = Exporter(self)
            self._exporter.statusMessage.connect(self.statusBar().showMessage)
        return self._exporter

    # ------------------------------------------------------------------ actions
    def _make_bars(self) -> None:
        """The actions, toolbar and menus (gui/window_bars.py), made once the window is on screen
        (start) so that it shows sooner; until then there is nothing they could act on."""
        if self.toolbar is None:
            from gui import window_bars

            window_bars.setup(self)

    # ------------------------------------------------------------------ start
    def start(self) -> bool:
        """Open the store; first run asks for the agency; otherwise open the year in progress.

        Called once the window is shown, so the clerk sees the window at once while the data and
        the report load. False (after a message) when the data folder cannot be used.
        """
        from store import StoreError, open_store
        from store.paths import data_dir as resolve_data_dir

        self._make_bars()
        self._show_list_mode()
        try:
            self.data_dir = resolve_data_dir(self._data_dir_option)
            self.store = open_store(self.data_dir)
        except StoreError as e:
            ask.fail(self, "无法打开数据", str(e))
            return False
        for notice in self.store.notices:
            ask.inform(self, "年报助手", notice)
        names = [a.name for a in self.store.agencies()]
        if not names:
            if not self.store.read_only:
                self.years.edit_profile(first_run=True)
            self._show_list()
            return True
        self._agency = settings.remembered_agency(names)
        settings.remember_agency(self._agency)
        summaries = self.store.reports(self._agency)
        latest = max(summaries, key=lambda s: s.year) if summaries else None
        if latest is not None and latest.status == "draft" and not self.store.read_only:
            self.open_year(latest.year)  # the list is filled when the clerk goes back to it
        if self.session is None:
            self._show_list()
        return True

    # ------------------------------------------------------------------ editing
    def _settings_changed(self) -> None:
        """The local requirements chosen in 设置 apply to the open report at once."""
        if self.session is not None:
            self.session.set_packs(settings.local_packs(self.data_dir))

    def open_year(self, year: int) -> None:
        from gui.session import ReportSession
        from gui.wizard.workspace import ReportWorkspace
        from gui.workers import EXPECTED, readable_error

        self.close_session()
        try:
            session = ReportSession(self.store, self.agency_name, year, self)
        except EXPECTED as e:
            ask.warn(self, "无法打开报告", readable_error(e))
            return
        self.session = session
        session.saved.connect(self._on_saved)
        session.saveFailed.connect(self._on_save_failed)
        session.statusChanged.connect(lambda _s: self._update_edit_state())
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.workspace = ReportWorkspace(session, self.editor)
        self.wizard = self.workspace.wizard
        self.wizard.previewRequested.connect(self.preview)
        self.wizard.exportPdfRequested.connect(self.export_pdf)
        self.wizard.exportJsonRequested.connect(self.export_json)
        self.wizard.exportRequested.connect(self._export_from_wizard)
        self.wizard.finalRequested.connect(self.mark_final)
        self.wizard.helpRequested.connect(self._show_help_text)
        self.editor_layout.addWidget(self.workspace, 1)
        self.stack.setCurrentWidget(self.editor)
        self.workspace.show()
        self.setWindowTitle(f"{year}年度报告 - {self.agency_name} - 年报助手")
        self.save_state.setText("")
        self._update_edit_state()
        self._focus_first_input()

    def _focus_first_input(self) -> None:
        """Keyboard focus in the page's first input, so the clerk can type (and Ctrl+S works) at once."""
        from gui.qt import Qt

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
            if not ask.confirm(self, "保存失败", "最近的修改未能保存（见状态栏）。现在关闭会丢失这些修改。\n"
                               "建议先“导出数据文件”另存一份。仍要关闭吗？", default=False, warning=True):
                return False  # the clerk stays: the session keeps retrying, as the status bar says
        self.session.stop()
        self.undo_group.removeStack(self.session.undo_stack)
        if self.workspace is not None:
            self.workspace.hide()
            self.workspace.deleteLater()
        self.wizard = self.workspace = None
        self.session.deleteLater()
        self.session = None
        return True

    def back_to_list(self) -> None:
        if not self.close_session():
            return
        self.setWindowTitle("年报助手")
        self._show_list()

    def _show_list(self) -> None:
        self.years.refresh()
        self.stack.setCurrentWidget(self.years)
        self._show_list_mode()

    def _show_list_mode(self) -> None:
        self.editor_banner.hide()
        self.toolbar.hide()
        for a in (self.act_back, self.act_save, self.act_preview, self.act_print, *self._exports(),
                  self.act_final, self.act_reopen, self.act_help, self.act_history):
            a.setEnabled(False)

    def _update_edit_state(self) -> None:
        s = self.session
        self._make_bars()
        self.toolbar.show()
        for a in (self.act_back, self.act_save, self.act_preview, self.act_print, *self._exports(),
                  self.act_help, self.act_history):
            a.setEnabled(True)
        final = s.status == "final"
        store_ro = bool(self.store.read_only)
        self.act_final.setVisible(not final)
        self.act_final.setEnabled(not final and not store_ro)
        self.act_reopen.setVisible(final)
        self.act_reopen.setEnabled(final and not store_ro)
        self.act_save.setEnabled(not s.read_only)
        if store_ro:
            from gui.year_list import READ_ONLY_NOTICE

            self.editor_banner.setText(READ_ONLY_NOTICE)
        elif final:
            self.editor_banner.setText("本报告已定稿，只能查看、预览、打印和导出。如需修改，请点“撤回为草稿”。")
        self.editor_banner.setVisible(store_ro or final)
        if self.wizard is not None:
            self.wizard.set_read_only(s.read_only)

    def save(self) -> None:
        """Ctrl+S: the session saves within a second anyway; this says so at once."""
        from gui.session import saved_notice

        if self.session is None:
            return
        self.session.commit_pending()
        if self.session.save_now():
            self._on_saved(saved_notice())

    def _on_saved(self, text: str) -> None:
        self.save_state.setObjectName("saveState")
        restyle(self.save_state)
        self.save_state.setText(text)

    def _on_save_failed(self, message: str) -> None:
        self.save_state.setObjectName("saveFailed")
        restyle(self.save_state)
        self.save_state.setText("未能保存，正在重试")
        self.statusBar().showMessage(message, 30000)

    def mark_final(self) -> None:
        """定稿: refused while a 错误 remains, asked first while 警告 remain, confirmed in the status bar."""
        session = self.session
        if session.status != "final" and not self._warnings_accepted():
            self.statusBar().showMessage("未定稿：请在“检查与导出”中逐条核实警告。", 8000)
            return
        ok, message = session.mark_final()
        if ok:
            self._show_status_change(message)
            return
        go = ask.warn(self, "暂不能定稿", message, action="查看第一个错误")
        errors = self.session.errors()
        if go and errors and errors[0].cells:
            self.wizard.show_page_for(errors[0].cells[0])

    def _warnings_accepted(self) -> bool:
        """While 警告 (and no 错误) remain, the clerk confirms 定稿 knowing how many."""
        from report.findings import Findings, Severity

        self.session.commit_pending()
        self.session.run_checks()
        findings = Findings(self.session.findings)
        warnings = findings.of(Severity.WARNING)
        if not warnings or findings.errors:
            return True
        return ask.confirm(self, "定稿", f"还有 {len(warnings)} 个{Severity.WARNING.label}没有消除，"
                           f"例如：{warnings.excerpt(1)}\n\n警告不妨碍定稿，但请确认每一条都已核实。"
                           "定稿后报告只能查看（需要时可以撤回为草稿）。仍要定稿吗？", default=False)

    def reopen(self) -> None:
        from gui.workers import EXPECTED, readable_error

        try:
            self.session.reopen()
        except EXPECTED as e:
            ask.warn(self, "未能撤回", readable_error(e))
            return
        self._show_status_change(f"{self.session.year}年度报告已撤回为草稿，可以修改了。")

    def _show_status_change(self, message: str) -> None:
        """定稿 and 撤回 are said in the status bar, and its save notice says the new state."""
        from report import dates

        self.statusBar().showMessage(message, 15000)
        self._on_saved(f"{'已定稿' if self.session.status == 'final' else '已撤回为草稿'} {dates.clock()}")

    def show_history(self) -> None:
        """历史版本 of the open report; a restore is reported in the status bar."""
        from gui.history_dialog import HistoryDialog
        from gui.qt import Qt

        dialog = HistoryDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(dialog.message, 15000))
        dialog.open()

    def show_help(self) -> None:
        self._show_help_text(self.wizard.current_help())

    def _show_help_text(self, text: str) -> None:
        page = self.wizard.currentPage()
        title = page.title() if page is not None else "帮助"
        ask.inform(self, f"填写说明 - {title}", text or "本页没有额外的填写说明。各项的要求见输入框旁的提示。")

    # ------------------------------------------------------------------ PDF, print, export
    def _current(self) -> tuple[Report, dict]:
        self.session.commit_pending()
        self.session.save_now()
        return self.session.report.copy(), self.session.history_counts()

    def preview(self) -> None:
        self.exporter.preview(*self._current(), self.session.previous, on_export=self.export_pdf)

    def print_report(self) -> None:
        self.exporter.print_report(*self._current(), self.session.previous)

    def export_pdf(self) -> None:
        self.exporter.export_pdf(*self._current(), self.session.previous)

    def export_json(self) -> None:
        self.exporter.export_json(*self._current())

    def export(self, fid: str) -> None:
        self.exporter.export(fid, *self._current(), self.session.previous)

    def _export_from_wizard(self, choice: str) -> None:
        """检查与导出's 其他格式 menu: a format id, 「all」 or 「copy」."""
        {"all": self.export_all, "copy": self.copy_html}.get(choice, lambda: self.export(choice))()

    def export_all(self) -> None:
        self.exporter.export_all(*self._current(), self.session.previous)

    def copy_html(self) -> None:
        self.exporter.copy_html(*self._current())

    def _exports(self) -> list[QtGui.QAction]:
        return [a for a in self.export_actions if a is not None]

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.close_session():
            event.ignore()
            return
        if self._exporter is not None:
            self._exporter.close()
        settings.save_geometry(self)
        if self.store is not None:
            self.store.close()
        event.accept()
