"""Where the signature and its date stand (GB/T 9704 7.3.5.2), in characters from the right edge.

The agency's name ends two characters from the right edge; the date starts two characters right
of the name's first character; when the date is the longer, it ends two characters from the
edge and the name moves left with it. The PDF measures the glyphs; the Word file and the web
page, which set the text themselves, get the same rule in character widths from here.
"""

from __future__ import annotations

import unicodedata

RIGHT_CHARS = 2
DATE_SHIFT_CHARS = 2


def width_in_chars(text: str) -> float:
    """A Chinese character counts one, a digit or Latin letter half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def right_indents(name: str, date: str) -> tuple[float, float]:
    """(name, date): the room each leaves to the right edge, in characters."""
    wn, wd = width_in_chars(name), width_in_chars(date)
    date_right = RIGHT_CHARS + wn - DATE_SHIFT_CHARS - wd
    if date_right >= RIGHT_CHARS or not date:
        return RIGHT_CHARS, max(date_right, 0.0)
    return RIGHT_CHARS + wd + DATE_SHIFT_CHARS - wn, RIGHT_CHARS
