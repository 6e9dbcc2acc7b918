"""Export the open report as a PDF or a report file, off the GUI thread.

Both formats are written with ``report.files.atomic_write`` (a temporary file beside the
target, then renamed), so a failed export never leaves a half-written file with the clerk's
chosen name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gui import settings
from gui.qt import QtCore, QtWidgets
from report.files import atomic_write

if TYPE_CHECKING:  # report.document pulls in jsonschema: not needed to show the window
    from report.document import Report

PDF_NAME = "{agency}{year}年政府信息公开工作年度报告.pdf"
JSON_NAME = "{agency}{year}年政府信息公开工作年度报告.json"


def documents_dir() -> Path:
    loc = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(loc or Path.home())


def proposed_path(report: Report, pattern: str) -> Path:
    return documents_dir() / pattern.format(agency=report.agency.name.strip(), year=report.year)


def ask_save_path(parent, report: Report, pattern: str, title: str, file_filter: str) -> Path | None:
    """The save dialog, proposing the standard name in the documents folder; None if cancelled."""
    suffix = Path(pattern).suffix
    path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, str(proposed_path(report, pattern)), file_filter)
    if not path:
        return None
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
