"""A Word file (.docx) to blocks, with its tables' merged cells.

python-docx opens the package and resolves styles (a heading's bold often lives in its style);
the body is walked in document order at the XML level because python-docx lists paragraphs and
tables separately and repeats a merged cell at every position it covers.
"""

from __future__ import annotations

import io
import zipfile

from report.readers.source import Block, GridBuilder, Paragraph, Picture, ReadError, Source, clean

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes) -> Source:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"无法打开这个 Word 文件（{e}）。"
                        "如果是 .doc 旧格式，请先在 Word 或 WPS 中另存为 .docx。") from None
    blocks: list[Block] = []

    def walk(parent) -> None:
        for el in parent:
            if el.tag == _W + "p":
                _paragraph(DocxParagraph(el, document.part), blocks)
            elif el.tag == _W + "tbl":
                blocks.append(_grid(el))
            elif el.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                walk(el)

    walk(document.element.body)
    return Source("docx", blocks)


def _paragraph(p, blocks: list[Block]) -> None:
    if p._p.findall(".//" + _W + "drawing") or p._p.findall(".//{urn:schemas-microsoft-com:vml}imagedata"):
        blocks.append(Picture())
    text = clean(p.text)
    if not text:
        return
    lead = ""
    for run in p.runs:
        if not run.text.strip():
            lead += run.text
            continue
        if not _bold(run, p):
            break
        lead += run.text
    lead = clean(lead)
    blocks.append(Paragraph(text, lead if lead != text else ""))


def _bold(run, p) -> bool:
    if run.bold is not None:
        return run.bold
    style = p.style
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        style = style.base_style
    return False


def _grid(tbl):
    builder = GridBuilder()
    open_cells: dict[int, object] = {}  # grid column → the cell a vertical merge continues
    for tr in tbl.findall(_W + "tr"):
        builder.next_row()
        col = _int(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
        for tc in tr.findall(_W + "tc"):
            span = _int(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if vmerge is not None and vmerge.get(_W + "val") in (None, "continue") and col in open_cells:
                cell = open_cells[col]
                builder.extend_down(cell)
            else:
                cell = builder.add(_tc_text(tc), 1, span, col)
                for k in range(col, col + span):
                    open_cells.pop(k, None)
                if vmerge is not None:
                    open_cells[col] = cell
            col += span
    return builder.grid()


def _tc_text(tc) -> str:
    lines = []
    for p in tc.iter(_W + "p"):
        runs = []
        for el in p.iter(_W + "t", _W + "tab", _W + "br"):
            runs.append(el.text or "" if el.tag == _W + "t" else ("\t" if el.tag == _W + "tab" else "\n"))
        lines.append("".join(runs))
    return clean("\n".join(lines))


def _int(el, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(_W + "val"))
    except (TypeError, ValueError):
        return default
