"""The printed items as ReportLab flowables, paginated as a typesetter would.

- A heading stays with the first two lines of its text, or the header and first two rows of
  its table; nothing else is kept with it, so no page ends far from its foot.
- Paragraphs break between lines, never leaving one line alone (text.py); table 2 breaks
  between its blocks, tables 3 and 4 between rows (tables.py).
- The signature takes the last two lines of text with it to a new page.
- The chart, with its caption, follows table 2 (or the signature, as an annex); it shrinks to
  finish a page rather than leave it more than a third empty.
- The title's lines, the agency's name broken between words, share one leading.
"""

from __future__ import annotations

import tomllib
from functools import cache

from report import resources
from report.pdf import chart, tables
from report.pdf import stylesheet as ss
from report.printed import Item

_STYLE_OF = {"title": ss.TITLE, "heading1": ss.HEADING1, "heading2": ss.HEADING2, "body": ss.BODY}
CAPTION = ss.TextStyle("body", ss.SIZE_4HAO, ss.LEADING, "centre", glyph_drop=0.5)
ANNEX = ss.TextStyle("heading1", ss.SIZE_3HAO, ss.LEADING, "left", char_space=ss.ADVANCE - ss.SIZE_3HAO,
                     space_after=ss.LEADING)  # 「附件」 at the top left, in 黑体


@cache
def chart_wording() -> dict:
    with open(resources.path("typesetting.toml"), "rb") as fh:
        return tomllib.load(fh)["chart"]


def caption(data) -> str:
    return chart_wording()["caption"].format(title=data.title, unit=data.unit)


def _chart_block(data, fonts):
    """The chart and its caption: full height where there is room, smaller to finish a page."""
    from report.pdf.platypus import Flowable
    from report.pdf.text import TextBlock

    class ChartBlock(Flowable):
        def __init__(self):
            super().__init__()
            self.caption = TextBlock(caption(data), CAPTION, fonts)
            self.spaceBefore = 0.5 * ss.LEADING
            self.spaceAfter = 0.5 * ss.LEADING
            self.chart_height = ss.CHART_HEIGHT

        def wrap(self, availWidth, availHeight):
            _w, cap = self.caption.wrap(availWidth, availHeight)
            room = availHeight - cap
            self.chart_height = max(ss.CHART_MIN_HEIGHT, min(ss.CHART_HEIGHT, room))
            self.width, self.height = availWidth, self.chart_height + cap
            return self.width, self.height

        def draw(self):
            from report.pdf.platypus import renderPDF

            renderPDF.draw(chart.drawing(data, fonts, self.chart_height), self.canv, 0, self.caption.height)
            self.caption.drawOn(self.canv, 0, 0)

    return ChartBlock()


def _signature(name_text: str, date_text: str, fonts) -> list:
    """Agency name and date: the name two characters from the right edge (two right-aligned
    lines broken between words when it is long), the date's first character two characters right
    of the name's last line's (GB/T 9704 7.3.5.2), both moved left if the date is longer."""
    from report.pdf.text import TextBlock

    name, date = TextBlock(name_text, ss.SIGNATURE, fonts), TextBlock(date_text, ss.SIGNATURE, fonts)
    right = ss.TEXT_WIDTH - ss.SIGNATURE_RIGHT_CHARS * ss.ADVANCE
    limit = ss.SIGNATURE_MAX_CHARS * ss.ADVANCE
    lines = name.lines_at(limit, balanced=True) if name.natural_width() > limit else None
    last = name.line_widths(lines)[-1] if lines else name.natural_width()
    wd = date.natural_width()
    date_start = right - last + ss.SIGNATURE_DATE_SHIFT_CHARS * ss.ADVANCE
    shift = max(0.0, date_start + wd - right)
    name.right_indent = ss.SIGNATURE_RIGHT_CHARS * ss.ADVANCE + shift
    if lines:
        name.fix_lines(lines, ss.TEXT_WIDTH)
    date.right_indent = ss.TEXT_WIDTH - (date_start - shift) - wd
    name.spaceBefore = ss.SIGNATURE_SPACE_BEFORE
    return [b for b in (name, date) if b.text]


def _keep_with_signature(out: list, signature: list) -> list:
    """The signature with the last SIGNATURE_KEEPS_LINES lines of text before it, as one block."""
    from report.pdf.platypus import KeepTogether
    from report.pdf.text import TextBlock

    kept, lines = [], 0
    while out and lines < ss.SIGNATURE_KEEPS_LINES and isinstance(out[-1], TextBlock):
        block = out.pop()
        block.wrap(ss.TEXT_WIDTH, ss.FRAME_HEIGHT)
        need = ss.SIGNATURE_KEEPS_LINES - lines
        if block.line_count() > need and not block.keep_whole:
            head, tail = block.split_at(block.line_count() - need)
            out.append(head)
            block = tail
        kept.insert(0, block)
        lines += block.line_count()
    return [*out, KeepTogether([*kept, *signature])]


def _keep_after_heading(nxt, fonts) -> float:
    """What a heading needs below it on its page: two lines of its text or two rows of its table."""
    from report.pdf.text import TextBlock

    if isinstance(nxt, TextBlock):
        nxt.wrap(ss.TEXT_WIDTH, ss.FRAME_HEIGHT)
        return min(nxt.line_count(), ss.KEEP_LINES_AFTER_HEADING) * nxt.style.leading
    if isinstance(nxt, list):  # a table's flowables
        return tables.first_rows_height(nxt)
    return ss.CHART_MIN_HEIGHT


def flowables(story: list[Item], fonts, *, chart_as_annex: bool = False) -> list:
    from report.pdf.platypus import CondPageBreak, PageBreak
    from report.pdf.text import TextBlock

    story = list(story)
    chart_item = next((i for i in story if i.kind == "chart"), None)
    if chart_item:
        story.remove(chart_item)
        if chart_as_annex:
            story.append(chart_item)
        else:
            first_table = next((n for n, i in enumerate(story) if i.kind == "table"), len(story) - 1)
            story.insert(first_table + 1, chart_item)
    made: list = []  # one entry per item: a flowable, or a list of them for a table
    for item in story:
        if item.kind in _STYLE_OF:
            made.append(TextBlock(item.text, _STYLE_OF[item.kind], fonts))
            made[-1].keep_whole = item.kind != "body"
        elif item.kind == "table":
            made.append(tables.flowables(item.payload, fonts))
        elif item.kind == "chart":
            made.append(_chart_block(item.payload, fonts))
        else:
            made.append(None)  # signature and date: set together below
    titles = [m for i, m in zip(story, made, strict=True) if i.kind == "title"]
    if titles:
        titles[-1].spaceAfter = ss.TITLE_SPACE_AFTER
    out: list = []
    n = 0
    while n < len(story):
        kind = story[n].kind
        if kind.startswith("heading") and (n == 0 or not story[n - 1].kind.startswith("heading")):
            end = n
            while end < len(story) and story[end].kind.startswith("heading"):
                end += 1
            after = _keep_after_heading(made[end], fonts) if end < len(story) else 0.0
            headings = sum(made[k].wrap(ss.TEXT_WIDTH, ss.FRAME_HEIGHT)[1] for k in range(n, end))
            out.append(CondPageBreak(headings + after))
        if kind == "signature":
            name = story[n].text
            date = next((i.text for i in story[n + 1:] if i.kind == "date"), "")
            out = _keep_with_signature(out, _signature(name, date, fonts))
        elif kind == "date":
            pass
        elif kind == "chart" and chart_as_annex:
            out += [PageBreak(), TextBlock(chart_wording()["annex"], ANNEX, fonts), made[n]]
        elif isinstance(made[n], list):
            out += made[n]
        else:
            out.append(made[n])
        n += 1
    return out
