"""ReportWizard: the report, part by part, as pages generated from the form definition.

基本信息 · one page per part of the format (text parts, tables 二三四, 六 with the fees) · the
website counts · 检查与导出. The step list (the pages with their state) and the checker's
findings are made here and shown beside the wizard by gui/wizard/workspace.py; any page can be
reached from them. Pages never validate, so Back and Next never lose
input and a warning never blocks. The wizard lives embedded in the main window (Qt.Widget).
"""

from __future__ import annotations

from collections.abc import Callable

from gui.first_paint import SETTLE_MS, after_first_paint
from gui.qt import Qt, QtGui, QTimer, QtWidgets, Signal
from gui.wizard.basic_page import TITLE as BASIC_TITLE
from gui.wizard.basic_page import BasicPage
from gui.wizard.findings_panel import FindingsList
from gui.wizard.help import page_help
from gui.wizard.page import WizardPage
from gui.wizard.review_page import TITLE as REVIEW_TITLE
from gui.wizard.review_page import ReviewPage
from gui.wizard.step_list import StepList, page_state
from report.findings import Findings
from report.forms import common

W = QtWidgets.QWizard


def _table_page(session, part) -> WizardPage:
    """The table, text and website pages' modules load with the pages, after the first page is
    on screen (the table editor's alone take about 20 ms)."""
    from gui.wizard.table_page import TablePage

    return TablePage(session, part)


def _text_page(session, part, with_fees: bool) -> WizardPage:
    from gui.wizard.text_page import TextPage

    return TextPage(session, part, with_fees=with_fees)


def _website_page(session) -> WizardPage:
    from gui.wizard.website_page import WebsitePage

    return WebsitePage(session)


class ReportWizard(QtWidgets.QWizard):
    previewRequested = Signal()
    exportPdfRequested = Signal()
    exportJsonRequested = Signal()
    exportRequested = Signal(str)  # 其他格式: "docx", "html", "xlsx", "all" or "copy"
    finalRequested = Signal()
    helpRequested = Signal(str)  # F1: the current page's guidance, for the main window to show

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._jumping = False
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setOption(W.WizardOption.IndependentPages, True)  # Back keeps what was typed on the page it leaves
        self.setOption(W.WizardOption.NoCancelButton, True)
        self.setButtonLayout([W.WizardButton.Stretch, W.WizardButton.BackButton, W.WizardButton.NextButton])
        self.setButtonText(W.WizardButton.BackButton, "上一步")
        self.setButtonText(W.WizardButton.NextButton, "下一步")

        self.steps = StepList()
        self.findings_panel = FindingsList()
        self._factories = self._page_factories()
        self._built: dict[int, WizardPage] = {}
        for page_id, (title, _make) in enumerate(self._factories):
            self.setPage(page_id, QtWidgets.QWizardPage())  # a stand-in until the page is built
            self.steps.add_step(page_id, title)
        self._page(0)  # the page the clerk lands on; the others a moment after it is on screen, one per turn
        self._builder = QTimer(self)
        self._builder.setSingleShot(True)
        self._builder.timeout.connect(self._build_next)

        self.steps.pageRequested.connect(self.go_to_page)
        self.findings_panel.findingActivated.connect(self.show_finding)
        self.currentIdChanged.connect(self._on_page_changed)
        session.changed.connect(self._on_changed)
        session.findingsChanged.connect(self._on_findings)
        session.statusChanged.connect(self._on_status)
        shortcut = QtGui.QShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.HelpContents), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.helpRequested.emit(self.current_help()))

        self.restart()
        self._apply_read_only()
        self._on_findings()
        after_first_paint(self, self._build_next, SETTLE_MS)

    # ------------------------------------------------------------------ pages, built when first needed
    def _page_factories(self) -> list[tuple[str, Callable[[], WizardPage]]]:
        """(step title, page maker) for each page: building all of them at once would keep the
        clerk waiting at every start."""
        session, form = self.session, self.session.report.definition
        out: list[tuple[str, Callable[[], WizardPage]]] = [(BASIC_TITLE, lambda: BasicPage(session))]
        for part in form.parts:
            if part.table:
                out.append((part.step_title or part.title, lambda p=part: _table_page(session, p)))
            else:
                fees_here = bool(form.fees) and any(f.role == "fees" for f in part.fields)
                out.append((part.step_title or part.title,
                            lambda p=part, fees=fees_here: _text_page(session, p, fees)))
        out += [(common()["website"]["step"], lambda: _website_page(session)),
                (REVIEW_TITLE, lambda: self._review_page())]
        return out

    def _review_page(self) -> ReviewPage:
        page = ReviewPage(self.session)
        page.findings.findingActivated.connect(self.show_finding)
        for name in ("previewRequested", "exportPdfRequested", "exportJsonRequested", "exportRequested",
                     "finalRequested"):
            getattr(page, name).connect(getattr(self, name))
        return page

    def _page(self, page_id: int) -> WizardPage:
        """The page, built now if it was not yet (it takes the stand-in's place)."""
        page = self._built.get(page_id)
        if page is None:
            page = self._factories[page_id][1]()
            self._built[page_id] = page
            focused = QtWidgets.QApplication.focusWidget()
            self.removePage(page_id)
            self.setPage(page_id, page)
            if focused is not None and focused.isVisible() and not focused.hasFocus():
                focused.setFocus(Qt.FocusReason.OtherFocusReason)  # QWizard moves it; the clerk may be typing
            page.set_read_only(self.session.read_only)
            findings = list(self.session.findings)
            self._show_findings_on(page_id, page, findings)
            self._update_state(page_id, page, findings)
        return page

    def _build_next(self) -> None:
        """One more page per turn of the event loop, so typing is never held up for long."""
        todo = [i for i in range(len(self._factories)) if i not in self._built]
        if todo:
            self._page(todo[0])
            self._builder.start(0)

    def build_all(self) -> list[WizardPage]:
        """Every page, those not built yet built now."""
        return [self._page(i) for i in range(len(self._factories))]

    pages_ = property(build_all)

    @property
    def review(self) -> ReviewPage:
        return self._page(len(self._factories) - 1)  # type: ignore[return-value]

    def validateCurrentPage(self) -> bool:
        """下一步: pages never block; the next page must be built before the wizard shows it."""
        self.build_all()
        return True

    # ------------------------------------------------------------------ navigation
    def go_to_page(self, page_id: int) -> bool:
        """Jump to any page by stepping Next/Back (pages never validate, so this cannot stick)."""
        if page_id not in self.pageIds():
            return False
        pages = self.build_all()  # so that no stand-in is ever shown
        self._jumping = True
        try:
            for _ in range(len(pages)):
                if self.currentId() < page_id:
                    self.next()
                elif self.currentId() > page_id:
                    self.back()
                else:
                    break
        finally:
            self._jumping = False
        self._on_page_changed(self.currentId())
        return self.currentId() == page_id

    def page_for_ref(self, ref: str) -> int:
        """The page that shows a finding's cell or field; 检查与导出 when no page owns it."""
        for page_id, page in enumerate(self.pages_):
            if page.owns(ref):
                return page_id
        return len(self.pages_) - 1

    def show_page_for(self, ref: str, phrase: str = "") -> None:
        """Go to the page of a ref ("t3/3.7/natural", "texts/problems", "fees/collected", …) and
        focus it; in a text, select ``phrase`` (what a finding quotes) when given."""
        page_id = self.page_for_ref(ref)
        self.go_to_page(page_id)
        page = self.pages_[page_id]
        page.focus_ref(ref)
        if phrase:
            page.select_phrase(ref, phrase)

    def show_finding(self, finding) -> None:
        if finding.cells:
            self.show_page_for(finding.cells[0], finding.quote)
        else:
            self.go_to_page(len(self.pages_) - 1)

    def current_help(self) -> str:
        """F1: the current page's guidance text."""
        return page_help(self.currentPage()) if self.currentPage() is not None else ""

    def set_read_only(self, read_only: bool) -> None:
        """A final report (or a store held by another window): every input only shows its value."""
        for page in self._built.values():
            page.set_read_only(read_only)
        self._on_findings()

    def reject(self) -> None:
        """Escape must not hide a wizard embedded in the main window."""

    def keyPressEvent(self, event) -> None:
        """Enter in a box must not press 下一步 (QDialog's default button) and leave the page."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.ignore()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ session
    def _on_page_changed(self, page_id: int) -> None:
        if self._jumping or page_id < 0:
            return
        self.session.commit_pending()
        self.session.save_now()
        self.steps.set_current_page(page_id)
        self._page(page_id).refresh()

    def _on_changed(self) -> None:
        """Only the page in view follows every keystroke; the others refresh when entered."""
        if self.currentPage() is not None:
            self.currentPage().refresh()
        self._update_states()

    def _on_findings(self) -> None:
        findings = list(self.session.findings)
        for page_id, page in self._built.items():
            self._show_findings_on(page_id, page, findings)
        self.findings_panel.set_findings(findings)
        self._update_states()

    def _show_findings_on(self, page_id: int, page: WizardPage, findings: list) -> None:
        """Its own findings to a page; all of them to 检查与导出 (the last page)."""
        if page_id == len(self._factories) - 1:
            page.set_findings(findings)
        else:
            page.set_findings([f for f in findings if any(page.owns(r) for r in f.cells)])

    def _update_states(self) -> None:
        findings = list(self.session.findings)
        for page_id, page in self._built.items():
            self._update_state(page_id, page, findings)

    def _update_state(self, page_id: int, page: WizardPage, findings: list) -> None:
        if page.has_state():
            worst = Findings(f for f in findings if any(page.owns(r) for r in f.cells)).worst
            self.steps.set_state(page_id, page_state(page.is_filled(), worst))

    def _on_status(self, _status: str) -> None:
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        self.set_read_only(self.session.read_only)
