"""The year-over-year chart as a PNG picture at print resolution, for the Word file and the web page.

The very drawing the PDF prints (report.pdf.chart, with the PDF's fonts) is made into a one-page
PDF by ReportLab and rasterised by PDFium (pypdfium2): the picture matches the PDF's chart in
every detail, and no second chart library decides how it looks.
"""

from __future__ import annotations

import io
from functools import lru_cache

from report.printed.chart import ChartData

DPI = 300


def png(data: ChartData, font_files: dict | None = None) -> bytes:
    """The chart as PNG bytes (the PDF chart's size, 156 × 80 mm, at 300 dpi)."""
    return _png(data, tuple(sorted((font_files or {}).items())))


@lru_cache(maxsize=8)
def _png(data: ChartData, font_files: tuple) -> bytes:
    import pypdfium2

    from report.pdf import chart
    from report.pdf import fonts as fontsel
    from report.pdf.platypus import renderPDF

    drawing = chart.drawing(data, fontsel.select(dict(font_files) or None))
    document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = document[0].render(scale=DPI / 72).to_pil()
    finally:
        document.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue()
