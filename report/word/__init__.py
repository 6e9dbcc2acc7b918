"""The report as an editable Word file (.docx), written with python-docx from report.printed.

A4 with the GB/T 9704 margins and the 22 × 28 character grid, named paragraph styles, page
numbers as a field, tables 2–4 as real Word tables with the official merged headers, the chart
as a picture. Importing this package is cheap: python-docx is imported only when exporting.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from report.document import Report


def export_docx(report: "Report", out_path, *, history: dict | None = None, include_chart: bool = True,
                font_files: dict | None = None) -> Path:
    """Write ``report`` as a Word file to ``out_path`` and return the path (ExportError on failure).

    font_files: {role: path} chosen by the clerk for the PDF; the Word file names those fonts.
    """
    from report.output import write_atomically
    from report.word.build import docx_bytes

    return write_atomically(out_path, docx_bytes(report, history=history, include_chart=include_chart,
                                                 font_files=font_files))


__all__ = ["export_docx"]
