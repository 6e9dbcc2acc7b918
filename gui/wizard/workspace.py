"""The report's workspace: the side panel (steps and findings) beside the wizard, in a splitter.

The clerk drags the splitter to give the findings room (a finding is a long sentence); the width
is remembered (gui/settings.py). The side panel keeps every step in sight and scrolls as a whole
only when even the steps do not fit, so 检查与导出 is never half hidden on a 1280×720 screen.
"""

from __future__ import annotations

from gui import settings
from gui.qt import Qt, QtWidgets
from gui.wizard.wizard import ReportWizard

SIDE_WIDTH_EM = 18  # the side panel's width until the clerk drags the splitter
SIDE_MIN_EM = 12
FINDINGS_MIN_LINES = 6


class SidePanel(QtWidgets.QScrollArea):
    """The step list at its full height above the findings, which take the rest."""

    def __init__(self, steps: QtWidgets.QWidget, findings: QtWidgets.QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(inner)
        margin = self.fontMetrics().horizontalAdvance("中") // 2
        layout.setContentsMargins(margin, margin, 0, margin)
        layout.addWidget(steps)
        layout.addWidget(findings, 1)
        findings.setMinimumHeight(findings.fontMetrics().lineSpacing() * FINDINGS_MIN_LINES)
        self.setWidget(inner)
        em = self.fontMetrics().horizontalAdvance("中")
        self.setMinimumWidth(em * SIDE_MIN_EM)


class ReportWorkspace(QtWidgets.QSplitter):
    """The side panel and the wizard; ``wizard`` is the ReportWizard of ``session``."""

    def __init__(self, session, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("reportWorkspace")
        self.wizard = ReportWizard(session, self)
        self.side = SidePanel(self.wizard.steps, self.wizard.findings_panel, self)
        self.addWidget(self.side)
        self.addWidget(self.wizard)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setStretchFactor(0, 0)  # a wider window widens the page, not the side panel
        self.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("中")
        width = settings.side_width() or em * SIDE_WIDTH_EM
        self.setSizes([width, max(self.width() - width, em * 40)])
        self.splitterMoved.connect(lambda _pos, _index: settings.set_side_width(self.sizes()[0]))
