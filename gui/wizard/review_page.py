"""检查与导出: every finding first (an error summary), then preview, export and 定稿.

A click on a finding goes to its page and focuses the cell or field. The buttons only ask: the
main window owns preview, export and 定稿 and connects to the wizard's signals.
"""

from __future__ import annotations

from gui import session as session_module
from gui.qt import QtWidgets, Signal
from gui.styling import set_state
from gui.wizard.findings_panel import FindingsList
from gui.wizard.page import WizardPage
from report.findings import Findings, Severity

TITLE = "检查与导出"


class ReviewPage(WizardPage):
    previewRequested = Signal()
    exportPdfRequested = Signal()
    exportJsonRequested = Signal()
    exportRequested = Signal(str)  # 其他格式: "docx", "html", "xlsx", "all" or "copy"
    finalRequested = Signal()

    def __init__(self, session, parent=None):
        super().__init__(session, TITLE, parent, scrolling=False)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.deadline = QtWidgets.QLabel(self)
        self.deadline.setObjectName("deadline")
        self.deadline.setAccessibleName("发布截止")
        self.findings = FindingsList(self)
        self.findings.setAccessibleName("检查结果")
        self.body.addWidget(self.deadline)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.findings, 1)

        buttons = QtWidgets.QHBoxLayout()
        self.preview = QtWidgets.QPushButton("预览", self)
        self.export_pdf = QtWidgets.QPushButton("导出 PDF", self)
        self.export_json = QtWidgets.QPushButton("导出数据文件", self)
        self.export_other = QtWidgets.QPushButton("其他格式", self)
        self.export_other.setToolTip("导出 Word、网页或 Excel，全部导出到文件夹，或复制网页内容")
        menu = QtWidgets.QMenu(self.export_other)
        for text, choice in (("导出 Word…", "docx"), ("导出网页…", "html"), ("导出 Excel…", "xlsx"), (None, None),
                             ("全部导出到文件夹…", "all"), ("复制网页内容", "copy")):
            if text is None:
                menu.addSeparator()
            else:
                menu.addAction(text, lambda c=choice: self.exportRequested.emit(c))
        self.export_other.setMenu(menu)
        self.final = QtWidgets.QPushButton("定稿", self)
        for button, signal in ((self.preview, self.previewRequested), (self.export_pdf, self.exportPdfRequested),
                               (self.export_json, self.exportJsonRequested), (self.export_other, None),
                               (self.final, self.finalRequested)):
            if signal is not None:
                button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.final_note = QtWidgets.QLabel(self)
        self.final_note.setWordWrap(True)
        self.body.addWidget(self.final_note)
        self.set_findings(list(session.findings))

    def has_state(self) -> bool:
        return False

    def owns(self, ref: str) -> bool:
        return False

    def set_findings(self, findings: list) -> None:
        """Every finding of the report (not only this page's)."""
        findings = Findings(findings)
        self.findings.set_findings(findings)
        if not findings:
            self.summary.setText("检查完毕，没有发现问题。")
        else:
            self.summary.setText(f"发现 {findings.summary()}。点击一条可跳到相应的单元格或文字处修改。")
        self._update_final(len(findings.errors))
        self._update_deadline()

    def _update_deadline(self) -> None:
        text, urgent = self.session.deadline(session_module.today())
        self.deadline.setText(text + ("，尚未定稿，请抓紧。" if urgent else "。") if text else "")
        self.deadline.setVisible(bool(text))
        set_state(self.deadline, "deadline", "urgent" if urgent else "")

    def set_read_only(self, read_only: bool) -> None:
        self._update_final(len(self.findings.findings().errors))
        self._update_deadline()

    def _update_final(self, errors: int) -> None:
        status = getattr(self.session, "status", "draft")
        if status == "final":
            self.final.setEnabled(False)
            self.final_note.setText("本报告已经定稿。")
        elif errors:
            self.final.setEnabled(False)
            self.final_note.setText(f"还有 {errors} 个{Severity.ERROR.label}，改正后才能定稿；"
                                    "现在导出的 PDF 会带“草稿”字样。")
        else:
            self.final.setEnabled(not self.session.read_only)
            self.final_note.setText("")

    def help_text(self) -> str:
        return ("检查与导出：上面列出程序检查发现的全部问题——错误必须改正才能定稿，警告和提示请核实。"
                "点击一条问题可跳到相应位置。预览后可打印；导出 PDF 得到排好版的报告，导出数据文件可在其他电脑上导入。")
