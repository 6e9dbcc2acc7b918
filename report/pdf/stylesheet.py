"""Every measure of the printed report, after GB/T 9704-2012 (党政机关公文格式), in one place.

Plain numbers (points) and small frozen records, no ReportLab import: the layout code reads
them, the tests measure the PDF against them, and a clerk's printer problem is fixed here.

Character grid: GB/T 9704 asks for 28 characters × 22 lines in a 156 × 225 mm 版心. 28
characters of 3号 (16 pt) are 448 pt, 5.8 pt wider than 156 mm (442.2 pt), so the text is set
at 16 pt with a character spacing of −0.21 pt (advance 15.79 pt): every full line holds exactly
28 characters and ends on the right edge, as in a Word document set to the official grid.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre

# ------------------------------------------------------------------ page (A4, 版心 156 × 225 mm)
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
MARGIN_TOP = 37 * MM  # 天头
MARGIN_BOTTOM = 35 * MM
MARGIN_LEFT = 28 * MM  # 订口
MARGIN_RIGHT = 26 * MM
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22

# ------------------------------------------------------------------ font sizes (字号)
SIZE_2HAO = 22.0  # 二号: title
SIZE_3HAO = 16.0  # 三号: body and headings
SIZE_4HAO = 14.0  # 四号: page numbers
SIZE_TABLE = 10.5  # 五号: every table, in one size (a figure too wide for its cell shrinks alone)
SIZE_TABLE_MIN = 6.0  # the smallest a figure is set to fit its cell
SIZE_CHART = 9.0

ADVANCE = TEXT_WIDTH / CHARS_PER_LINE  # 15.79 pt per character
# Each line's glyphs sit at the top of its line box, so the first line of a page touches the
# top of the 版心 and the 22nd line's glyphs end on its bottom edge: 21 line steps plus one
# character height fill the 225 mm (29.61 pt steps). The frame reaches one step minus one
# character height below the 版心 so that the 22nd line box fits in it.
LEADING = (TEXT_HEIGHT - SIZE_3HAO) / (LINES_PER_PAGE - 1)
FRAME_BOTTOM = MARGIN_BOTTOM - (LEADING - SIZE_3HAO)
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - FRAME_BOTTOM

@dataclass(frozen=True)
class TextStyle:
    """How one kind of line is set: font role, size, leading, alignment, indents, spacing."""

    role: str
    size: float
    leading: float
    align: str = "justify"  # justify | left | centre | right
    first_indent: float = 0.0  # points
    char_space: float = 0.0  # extra points after every character
    space_after: float = 0.0
    glyph_drop: float = 0.0  # share of (leading − size) above the glyphs: 0 top (text grid), 0.5 centred
    breaks: str = ""  # "" anywhere allowed; "pairs" after two Chinese characters; "words" between words


_GRID_SPACE = ADVANCE - SIZE_3HAO  # −0.21 pt

# Title lines (the agency's name, broken between words, and the year's line) share one leading.
TITLE = TextStyle("title", SIZE_2HAO, 1.5 * SIZE_2HAO, "centre", breaks="words")
TITLE_SPACE_AFTER = LEADING
BODY = TextStyle("body", SIZE_3HAO, LEADING, first_indent=2 * ADVANCE, char_space=_GRID_SPACE)
HEADING1 = TextStyle("heading1", SIZE_3HAO, LEADING, first_indent=2 * ADVANCE, char_space=_GRID_SPACE)
HEADING2 = TextStyle("heading2", SIZE_3HAO, LEADING, first_indent=2 * ADVANCE, char_space=_GRID_SPACE)
# A heading stays with the first two lines of its text or the first two rows of its table.
KEEP_LINES_AFTER_HEADING = 2
# No page before the last is left more than this share empty when the next block could start on it.
MAX_EMPTY_SHARE = 0.30
# 落款: one empty line after the text; the date's first character two characters right of the
# name's first, both kept two characters from the right edge (GB/T 9704 7.3.5.2). A name longer
# than SIGNATURE_MAX_CHARS breaks between words into two right-aligned lines.
SIGNATURE = TextStyle("body", SIZE_3HAO, LEADING, "right", char_space=_GRID_SPACE, breaks="words")
SIGNATURE_SPACE_BEFORE = LEADING
SIGNATURE_RIGHT_CHARS = 2
SIGNATURE_DATE_SHIFT_CHARS = 2
SIGNATURE_MAX_CHARS = CHARS_PER_LINE - 8
SIGNATURE_KEEPS_LINES = 2  # the last lines of text that move with the signature to a new page
TABLE_CELL = TextStyle("table", SIZE_TABLE, SIZE_TABLE * 1.3, "centre", glyph_drop=0.5)
TABLE_HEAD = TextStyle("table", SIZE_TABLE, SIZE_TABLE * 1.3, "centre", glyph_drop=0.5, breaks="pairs")
TABLE_LABEL = TextStyle("table", SIZE_TABLE, SIZE_TABLE * 1.3, "left", glyph_drop=0.5)

# ------------------------------------------------------------------ tables
TABLE_PADDING = 2.0  # points inside each cell, every side (「三、」 fits table 3's 9 mm column)


def table_text(table_id: str) -> tuple[TextStyle, TextStyle, float]:
    """(number cell style, row label style, padding): the same for every table."""
    return TABLE_CELL, TABLE_LABEL, TABLE_PADDING

TABLE_LINE_WIDTH = 0.5
TABLE_SPACE_BEFORE = 0.0
TABLE_SPACE_AFTER = 0.5 * LEADING

# ------------------------------------------------------------------ page number (GB/T 9704 7.5)
# 「— 1 —」 in 4号, its top 7 mm below the 版心; odd pages right, even pages left, one character in.
PAGE_NUMBER_GAP = 7 * MM
PAGE_NUMBER_INSET = SIZE_4HAO  # 空一字

# ------------------------------------------------------------------ draft watermark
WATERMARK_SIZE = 110.0
WATERMARK_GREY = 0.88  # light: the text stays readable through it
WATERMARK_ANGLE = 35.0

# ------------------------------------------------------------------ chart
CHART_WIDTH = TEXT_WIDTH
CHART_HEIGHT = 80 * MM  # at most; down to CHART_MIN_HEIGHT to finish a page rather than leave it
CHART_MIN_HEIGHT = 55 * MM
CHART_COLOURS = ((0.65, 0.73, 0.85), (0.32, 0.48, 0.70), (0.80, 0.55, 0.30), (0.55, 0.70, 0.45),
                 (0.60, 0.60, 0.60))
