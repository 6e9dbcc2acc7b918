"""The typeset PDF of a report (GB/T 9704 layout, embedded Chinese fonts, real tables, chart).

Importing this package is cheap: ReportLab is imported only when a PDF is exported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from report.output import ExportError

if TYPE_CHECKING:
    from report.document import Report


class PdfError(ExportError):
    """The PDF cannot be made; ``str()`` is a Chinese message saying what to fix."""


def export_pdf(report: "Report", out_path, *, history: dict | None = None, include_chart: bool = True,
               font_files: dict | None = None, invariant: bool = False, draft: bool | None = None,
               previous: "Report | None" = None, chart_as_annex: bool = False) -> Path:
    """Write ``report`` as a PDF to ``out_path`` and return the path.

    history: earlier years' website counts {year: {category: n}} for the chart, already merged by
      report.website_counts.website_history (None: the history the report carries);
    font_files: {role: path} chosen by the clerk (roles title, body, heading1, heading2, table);
    invariant: reproducible bytes (fixed dates and ids); draft: None = 「草稿」 mark when
    ``report.checks.blocking_errors`` finds an error (with ``previous``, last year's report, when
    given), True/False forces it; chart_as_annex: the chart after the signature, as 「附件」,
    instead of after table 2.
    """
    from report.pdf.build import build

    return build(report, Path(out_path), history=history, include_chart=include_chart,
                 font_files=font_files, invariant=invariant, draft=draft, previous=previous,
                 chart_as_annex=chart_as_annex)


__all__ = ["PdfError", "export_pdf"]
