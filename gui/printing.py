"""Printing the exact PDF that export writes, so paper and file never differ.

Qt cannot draw a PDF's vectors onto a printer, so each page is rendered by QtPdf at 600 dpi
(sharp small table text at the printer's resolution) and drawn page by page, one page in memory
at a time. The print dialog runs on the GUI thread; the rendering runs in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from gui import ask, qt
from gui.qt import Qt, QtCore, QtGui, QtWidgets

PRINT_DPI = 600


def new_printer():
    QtPrintSupport = qt.print_support()

    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF already carries the official margins
    printer.setDocName("年度报告")
    return printer


def ask_printer(parent: QtWidgets.QWidget | None, printer, page_count: int) -> bool:
    """The standard print dialog; True only when the clerk accepted it."""
    QtPrintSupport = qt.print_support()

    printer.setFromTo(1, max(page_count, 1))
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印年度报告")
    dialog.setMinMax(1, max(page_count, 1))
    return ask.run(dialog)


def print_pdf(pdf_path: str | Path, printer, dpi: int = PRINT_DPI) -> int:
    """Render every page (or the dialog's page range) onto ``printer``; returns pages printed."""
    QPdfDocument = qt.pdf()[0].QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf_path))
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
        raise OSError(f"无法读取要打印的文件：{pdf_path}")
    first, last = 1, doc.pageCount()
    if printer.printRange() == printer.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or last, last)
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("无法连接打印机，请检查打印机是否开启、是否选对了打印机。")
    printed = 0
    try:
        for index in range(first - 1, last):
            if printed:
                printer.newPage()
            size_pt = doc.pagePointSize(index)
            image = doc.render(index, QtCore.QSize(round(size_pt.width() * dpi / 72),
                                                   round(size_pt.height() * dpi / 72)))
            target = QtCore.QRectF(painter.viewport())
            scale = min(target.width() / size_pt.width(), target.height() / size_pt.height())
            painter.fillRect(target, Qt.GlobalColor.white)
            painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QtCore.QRectF(target.left(), target.top(), size_pt.width() * scale,
                                            size_pt.height() * scale), image)
            del image
            printed += 1
    finally:
        painter.end()
    doc.close()
    return printed
