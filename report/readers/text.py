"""Plain text copied from a page or saved by Word (.txt) to blocks.

Each line is a paragraph. Lines with tabs are table rows, as browsers, Word and WPS copy a
table; a run of such lines is one table, without merges (a merged cell is written once). Word's “[image: …]” and
“[bookmark: …]” markers of a converted document are a picture and nothing.
"""

from __future__ import annotations

import re

from report.readers.encoding import decode
from report.readers.source import Block, GridBuilder, Paragraph, Picture, Source, clean

_PICTURE = re.compile(r"^\s*\[image:?\s*([^\]]*)\]\s*$", re.IGNORECASE)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]\s*", re.IGNORECASE)


def read_text(raw: bytes) -> Source:
    text, notes = decode(raw, html=False)
    blocks: list[Block] = []
    rows: list[list[str]] = []

    def end_table() -> None:
        if rows:
            builder = GridBuilder()
            for row in rows:
                builder.next_row()
                for cell in row:
                    builder.add(clean(cell))
            blocks.append(builder.grid())
            rows.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BOOKMARK.sub("", line)
        if "\t" in line.strip(" "):
            rows.append(line.rstrip("\t").split("\t"))
            continue
        end_table()
        picture = _PICTURE.match(line)
        if picture:
            blocks.append(Picture(picture.group(1).strip()))
        elif clean(line):
            blocks.append(Paragraph(clean(line)))
    end_table()
    return Source("txt", blocks, notes)
