"""Export the open report as a PDF or a report file, off the GUI thread.

Both formats are written to a temporary file beside the target and then moved into place, so
a failed export never leaves a half-written file with the clerk's chosen name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gui import settings
from gui.qt import QtCore, QtWidgets

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


def _atomic(out_path: Path, write) -> Path:
    out_path = Path(out_path)
    fd, tmp = tempfile.mkstemp(prefix=".nianbao-", suffix=out_path.suffix, dir=out_path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def build_pdf(report: Report, out_path: str | Path, history: dict | None = None,
              font_files: dict | None = None) -> Path:
    """The PDF exactly as export writes it (also used for preview and printing)."""
    from report.pdf import export_pdf

    files = settings.font_files() if font_files is None else font_files
    annex = settings.chart_as_annex()
    return _atomic(Path(out_path), lambda tmp: export_pdf(report, tmp, history=history, font_files=files or None,
                                                          chart_as_annex=annex))


def report_for_file(report: Report, history: dict | None) -> Report:
    """The report as exported: earlier years' website counts travel with it for the chart."""
    r = report.copy()
    if history:
        merged = dict(r.website_counts_history or {})
        merged.update(history)
        r.website_counts_history = merged
    return r


def write_json(report: Report, out_path: str | Path, history: dict | None = None) -> Path:
    text = report_for_file(report, history).dumps()
    return _atomic(Path(out_path), lambda tmp: tmp.write_text(text, encoding="utf-8"))
