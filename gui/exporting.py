"""预览, 打印 and 导出: the PDF or the report file, built off the GUI thread.

Both formats are written with ``report.files.atomic_write`` (a temporary file beside the
target, then renamed), so a failed export never leaves a half-written file with the clerk's
chosen name. Preview and
printing use the very PDF export writes, built into a temporary folder that lives as long as
the window.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gui import ask, places, printing, qt, settings
from gui.qt import QtCore, Signal
from gui.workers import run_job
from report import dates
from report.files import atomic_write

if TYPE_CHECKING:  # report.document pulls in jsonschema: not needed to show the window
    from report.document import Report

PDF_NAME = "{agency}{year}年政府信息公开工作年度报告.pdf"
JSON_NAME = "{agency}{year}年政府信息公开工作年度报告.json"
JSON_FILTER = "年报数据文件 (*.json)"
PDF_FILTER = "PDF 文件 (*.pdf)"


def proposed_path(report: Report, pattern: str) -> Path:
    """The conventional name (「威海市文登区信访局2022年政府信息公开工作年度报告.pdf」) in the
    folder last used, or in Documents."""
    return places.start_folder() / pattern.format(agency=report.agency.name.strip(), year=report.year)


def ask_save_path(parent, report: Report, pattern: str, title: str, file_filter: str) -> Path | None:
    """The save dialog, proposing the conventional name; None if cancelled. The chosen folder is
    where the next file chooser starts."""
    suffix = Path(pattern).suffix
    path = ask.save_file(parent, title, str(proposed_path(report, pattern)), file_filter)
    if not path:
        return None
    places.remember(path)
    p = Path(path)
    return p if p.suffix.lower() == suffix else p.with_name(p.name + suffix)


def build_pdf(report: Report, out_path: str | Path, history: dict | None = None,
              font_files: dict | None = None, previous: Report | None = None) -> Path:
    """The PDF exactly as export writes it (also used for preview and printing); ``previous`` is
    last year's report, so that the 「草稿」 mark is decided as 定稿 decides it."""
    from report.pdf import export_pdf

    files = settings.font_files() if font_files is None else font_files
    return export_pdf(report, out_path, history=history, font_files=files or None, previous=previous)


def report_for_file(report: Report, history: dict | None) -> Report:
    """The report as exported: earlier years' website counts (the store's ``history_counts``
    for it) travel with it for the chart."""
    r = report.copy()
    if history:
        r.website_counts_history = dict(history)
    return r


def write_json(report: Report, out_path: str | Path, history: dict | None = None) -> Path:
    out_path = Path(out_path)
    atomic_write(out_path, report_for_file(report, history).dumps().encode("utf-8"))
    return out_path


class Exporter(QtCore.QObject):
    """The window's preview, print and export jobs; ``statusMessage`` says what was done."""

    statusMessage = Signal(str, int)  # text, milliseconds

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.jobs: list = []
        self.preview_dialog = None
        self._tmp: tempfile.TemporaryDirectory | None = None  # made at the first preview or print

    def _start(self, fn, busy: str, on_done, title: str):
        job = run_job(self.window, fn, busy, on_done, title)
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
        return Path(self._tmp.name) / f"preview-{dates.file_stamp(fraction=True)}.pdf"

    def preview(self, report: Report, history: dict, previous: Report | None, on_export) -> None:
        """预览; the preview's 导出 PDF button calls ``on_export`` (the open report's export)."""
        path = self._temp_pdf()
        self._start(lambda: build_pdf(report, path, history, previous=previous), "正在生成预览…",
                    lambda p: self._show_preview(p, report, on_export), "无法预览")

    def _show_preview(self, path: Path, report: Report, on_export) -> None:
        from gui.preview import PreviewDialog

        dialog = PreviewDialog(path, f"{report.agency.name}{report.year}年度报告", self.window)
        dialog.printRequested.connect(lambda: self.print_file(path))
        dialog.exportRequested.connect(on_export)
        self.preview_dialog = dialog
        dialog.open()

    def print_report(self, report: Report, history: dict, previous: Report | None) -> None:
        path = self._temp_pdf()
        self._start(lambda: build_pdf(report, path, history, previous=previous), "正在准备打印…",
                    self.print_file, "无法打印")

    def print_file(self, path: Path) -> None:
        QPdfDocument = qt.pdf()[0].QPdfDocument
        doc = QPdfDocument()
        doc.load(str(path))
        pages = doc.pageCount()
        doc.close()
        printer = printing.new_printer()
        if not printing.ask_printer(self.window, printer, pages):
            return
        self._start(lambda: printing.print_pdf(path, printer), "正在打印…",
                    lambda n: self.statusMessage.emit(f"已发送到打印机：{n} 页", 8000), "打印失败")

    def export_pdf(self, report: Report, history: dict, previous: Report | None) -> None:
        path = ask_save_path(self.window, report, PDF_NAME, "导出 PDF", PDF_FILTER)
        if path is None:
            return
        self._start(lambda: build_pdf(report, path, history, previous=previous), "正在生成 PDF…",
                    lambda p: self.statusMessage.emit(f"已导出：{p}", 15000), "导出 PDF 失败")

    def export_json(self, report: Report, history: dict) -> None:
        path = ask_save_path(self.window, report, JSON_NAME, "导出数据文件", JSON_FILTER)
        if path is None:
            return
        self._start(lambda: write_json(report, path, history), "正在导出数据文件…",
                    lambda p: self.statusMessage.emit(f"已导出：{p}", 15000), "导出数据文件失败")

    def close(self) -> None:
        """Wait for running jobs, then remove the temporary PDFs."""
        for job in list(self.jobs):
            job.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
