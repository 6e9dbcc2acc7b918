"""预览, 打印 and 导出 (PDF, Word, 网页, Excel, 数据文件, or all into a folder), off the GUI thread.

Every format is written with ``report.files.atomic_write`` (a temporary file beside the target,
then renamed), so a failed export never leaves a half-written file with the clerk's chosen
name. Preview and printing use the very PDF export writes, built into a temporary folder that
lives as long as the window. 复制网页内容 puts the web page's body on the clipboard as HTML with
a plain-text alternative. The save dialogs propose the standard name in the folder last used.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gui import ask, places, printing, qt, settings
from gui.qt import QtCore, QtGui, Signal
from gui.workers import run_job
from report import dates

if TYPE_CHECKING:  # the report modules are not needed to show the window
    from report.document import Report

JSON_FILTER = "年报数据文件 (*.json)"
FILTERS = {"pdf": "PDF 文件 (*.pdf)", "docx": "Word 文件 (*.docx)", "html": "网页文件 (*.html *.htm)",
           "xlsx": "Excel 表格 (*.xlsx)", "json": JSON_FILTER}


def proposed_path(report: Report, fid: str) -> Path:
    """The conventional name (「威海市文登区信访局2022年政府信息公开工作年度报告.pdf」) in the
    folder last used, or in Documents."""
    from report.exports import file_name

    return places.start_folder() / file_name(report, fid)


def ask_save_path(parent, report: Report, fid: str) -> Path | None:
    """The save dialog, proposing the conventional name; None if cancelled. The chosen folder is
    where the next file chooser starts."""
    from report.exports import FORMATS

    fmt = FORMATS[fid]
    path = ask.save_file(parent, f"导出{fmt.in_text}".rstrip(), str(proposed_path(report, fid)), FILTERS[fid])
    if not path:
        return None
    places.remember(path)
    p = Path(path)
    return p if p.suffix.lower() == fmt.suffix else p.with_name(p.name + fmt.suffix)


def build_pdf(report: Report, out_path: str | Path, history: dict | None = None,
              font_files: dict | None = None, previous: Report | None = None) -> Path:
    """The PDF exactly as export writes it (also used for preview and printing); ``previous`` is
    last year's report, so that the 「草稿」 mark is decided as 定稿 decides it."""
    from report.pdf import export_pdf

    files = settings.font_files() if font_files is None else font_files
    return export_pdf(report, out_path, history=history, font_files=files or None, previous=previous,
                      chart_as_annex=settings.chart_as_annex())


def write_format(fid: str, report: Report, out_path: Path, history: dict | None,
                 previous: Report | None = None) -> Path:
    """One export as the window writes it: the PDF as build_pdf makes it, the others via report.exports."""
    if fid == "pdf":
        return build_pdf(report, out_path, history, previous=previous)
    from report.exports import export

    return export(report, {fid: out_path}, history=history, font_files=settings.font_files() or None)[0]


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

    def export(self, fid: str, report: Report, history: dict, previous: Report | None = None) -> None:
        """导出 one format: ask where, then write it in a worker."""
        from report.exports import FORMATS

        path = ask_save_path(self.window, report, fid)
        if path is None:
            return
        name = FORMATS[fid].in_text
        self._start(lambda: write_format(fid, report, path, history, previous), f"正在导出{name.rstrip()}…",
                    lambda p: self.statusMessage.emit(f"已导出：{p}", 15000), f"导出{name}失败")

    def export_pdf(self, report: Report, history: dict, previous: Report | None) -> None:
        self.export("pdf", report, history, previous)

    def export_json(self, report: Report, history: dict) -> None:
        self.export("json", report, history)

    def export_all(self, report: Report, history: dict, previous: Report | None) -> None:
        """全部导出到文件夹: every format into a folder the clerk picks, under the standard names."""
        folder = ask.choose_folder(self.window, "全部导出到文件夹", str(places.start_folder()))
        if not folder:
            return
        places.remember_folder(folder)

        def write():
            from report.exports import export_all

            files = settings.font_files() or None
            return export_all(report, folder, history=history, font_files=files, previous=previous,
                              chart_as_annex=settings.chart_as_annex())

        self._start(write, "正在全部导出…",
                    lambda paths: self.statusMessage.emit(f"已导出 {len(paths)} 个文件到：{folder}", 15000),
                    "全部导出失败")

    def copy_html(self, report: Report, history: dict) -> None:
        """复制网页内容: the report body as HTML (tables with borders) and as plain text."""
        def build():
            from report.web import fragment, plain_text

            files = settings.font_files() or None
            return fragment(report, history=history, font_files=files), plain_text(report, history=history)

        self._start(build, "正在准备网页内容…", self._to_clipboard, "复制网页内容失败")

    def _to_clipboard(self, texts: tuple[str, str]) -> None:
        html, text = texts
        data = QtCore.QMimeData()
        data.setHtml(html)
        data.setText(text)
        QtGui.QGuiApplication.clipboard().setMimeData(data)
        self.statusMessage.emit("已复制网页内容：可直接粘贴到网站的编辑器中，表格边框随之保留。", 15000)

    def close(self) -> None:
        """Wait for running jobs, then remove the temporary PDFs."""
        for job in list(self.jobs):
            job.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
