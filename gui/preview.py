"""预览: the very PDF that export would write, shown page by page in the program.

Showing the real file (not a re-drawing) means what the clerk checks on screen is what lands
on the website and on paper.
"""

from __future__ import annotations

from pathlib import Path

from gui import qt
from gui.qt import QtGui, QtWidgets, Signal


class PreviewDialog(QtWidgets.QDialog):
    printRequested = Signal()
    exportRequested = Signal()

    def __init__(self, pdf_path: str | Path, title: str, parent=None):
        super().__init__(parent)
        QtPdf, QtPdfWidgets = qt.pdf()
        QPdfDocument, QPdfView = QtPdf.QPdfDocument, QtPdfWidgets.QPdfView

        self.setWindowTitle(f"预览 - {title}")
        self.document = QPdfDocument(self)
        self.document.load(str(pdf_path))
        self.view = QPdfView(self)
        self.view.setAccessibleName("报告预览")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.pages = QtWidgets.QLabel(f"共 {self.document.pageCount()} 页")
        print_button = QtWidgets.QPushButton("打印…")
        export_button = QtWidgets.QPushButton("导出 PDF…")
        close_button = QtWidgets.QPushButton("关闭")
        print_button.clicked.connect(self.printRequested)
        export_button.clicked.connect(self.exportRequested)
        close_button.clicked.connect(self.accept)

        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.pages)
        buttons.addStretch(1)
        for b in (print_button, export_button, close_button):
            buttons.addWidget(b)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent else QtGui.QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(900, screen.width() - 40), screen.height() - 80)

    def page_count(self) -> int:
        return self.document.pageCount()

    def closeEvent(self, event) -> None:
        self.document.close()
        super().closeEvent(event)
