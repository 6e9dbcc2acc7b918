"""Export a report as PDF: choose fonts, check every character, lay out, write atomically."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from report import __version__
from report.forms import common
from report.output import write_atomically
from report.pdf import PdfError, flow
from report.pdf import fonts as fontsel
from report.pdf import stylesheet as ss
from report.printed import Item, agency_name, check_printable, document_title, items
from report.printed.wording import wording

log = logging.getLogger(__name__)

_ROLE_OF = {"title": "title", "heading1": "heading1", "heading2": "heading2", "body": "body",
            "signature": "body", "date": "body", "table": "table", "chart": "table"}
PAGE_NUMBER_ROLE = "table"  # GB/T 9704: page numbers in a Song face
WATERMARK_ROLE = "heading1"


def _texts(story: list[Item], draft_text: str | None):
    for item in story:
        for text in item.texts():
            yield _ROLE_OF[item.kind], text, item.where
        if item.kind == "chart":
            yield "body", flow.caption(item.payload), item.where
            yield "heading1", flow.chart_wording()["annex"], item.where
    yield PAGE_NUMBER_ROLE, wording()["page_number"].format(n=1234567890), "页码"
    if draft_text:
        yield WATERMARK_ROLE, draft_text, "草稿水印"


def _decorate(fonts, draft_text: str | None):
    number_font = fonts.roles[PAGE_NUMBER_ROLE].name
    mark_font = fonts.roles[WATERMARK_ROLE].name
    fmt = wording()["page_number"]

    def on_page(canvas, doc):
        canvas.saveState()
        if draft_text:
            canvas.setFillGray(ss.WATERMARK_GREY)
            canvas.setFont(mark_font, ss.WATERMARK_SIZE)
            canvas.translate(ss.PAGE_WIDTH / 2, ss.PAGE_HEIGHT / 2)
            canvas.rotate(ss.WATERMARK_ANGLE)
            canvas.drawCentredString(0, -ss.WATERMARK_SIZE / 3, draft_text)
            canvas.restoreState()
            canvas.saveState()
        n = doc.page
        canvas.setFont(number_font, ss.SIZE_4HAO)
        canvas.setFillGray(0)
        y = ss.MARGIN_BOTTOM - ss.PAGE_NUMBER_GAP - 0.3 * ss.SIZE_4HAO
        text = fmt.format(n=n)
        if n % 2:
            canvas.drawRightString(ss.PAGE_WIDTH - ss.MARGIN_RIGHT - ss.PAGE_NUMBER_INSET, y, text)
        else:
            canvas.drawString(ss.MARGIN_LEFT + ss.PAGE_NUMBER_INSET, y, text)
        canvas.restoreState()

    return on_page


def build(report, out_path: Path, *, history=None, include_chart=True, font_files=None, invariant=False,
          draft=None, previous=None, chart_as_annex=False) -> Path:
    check_printable(report, PdfError)
    fonts = fontsel.select(font_files)
    story = items(report, history=history, include_chart=include_chart)
    if draft is None:
        from report.checks import blocking_errors

        draft = bool(blocking_errors(report, previous))
    draft_text = common()["status"]["draft"] if draft else None
    fontsel.check_coverage(fonts, _texts(story, draft_text))

    from report.pdf.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate

    w = wording()
    title = document_title(report)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=(ss.PAGE_WIDTH, ss.PAGE_HEIGHT), leftMargin=ss.MARGIN_LEFT, rightMargin=ss.MARGIN_RIGHT,
        topMargin=ss.MARGIN_TOP, bottomMargin=ss.FRAME_BOTTOM, title=title, author=agency_name(report),
        subject=w["subject"], keywords=[*w["keywords"], agency_name(report), str(report.year)],
        creator=w["creator"].format(version=__version__), lang="zh-CN", invariant=1 if invariant else 0,
        initialFontName=fonts.roles["body"].name, initialFontSize=ss.SIZE_3HAO)
    frame = Frame(ss.MARGIN_LEFT, ss.FRAME_BOTTOM, ss.TEXT_WIDTH, ss.FRAME_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_decorate(fonts, draft_text))])
    try:
        doc.build(flow.flowables(story, fonts, chart_as_annex=chart_as_annex))
    except LayoutError:
        log.warning("layout failed", exc_info=True)
        raise PdfError("排版失败：有一部分内容比一页还大，无法排入页面。请缩短该部分后再导出。") from None
    write_atomically(out_path, buf.getvalue(), PdfError)
    return out_path
