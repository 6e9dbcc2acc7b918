"""A web page saved from a browser (“网页，全部” or “仅 HTML”) to blocks.

lxml's HTML parser reads the broken markup content systems publish (Word's pasted ``<o:p>``,
nested ``<span>``/``<font>`` runs, unclosed tags) as a browser would, and quickly. Layout
tables that hold the whole article are walked through; only tables of figures become grids.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from report.readers.encoding import decode
from report.readers.source import Block, GridBuilder, Paragraph, Picture, ReadError, Source, clean

_SKIP = {"script", "style", "noscript", "head", "title", "iframe", "select", "button", "input", "textarea",
         "object", "embed", "svg", "template"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
          "footer", "nav", "center", "blockquote", "pre", "dl", "dt", "dd", "tr", "body", "main", "aside",
          "caption", "figure", "hr", "address"}
_EMPHASIS = re.compile(r"黑体|楷体|bold|[6-9]00", re.IGNORECASE)
_LAYOUT_TEXT = 200  # a cell with more text than this is page layout, not a table of figures


def read_html(raw: bytes) -> Source:
    text, notes = decode(raw, html=True)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text or "<html></html>")
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"无法读取这个网页文件（{e}）。") from None
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return Source("html", walker.blocks, notes)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._runs: list[tuple[str, bool]] = []

    def flush(self) -> None:
        text = clean("".join(t for t, _ in self._runs))
        if text:
            lead = ""
            for t, strong in self._runs:
                if not strong:
                    break
                lead += t
            lead = clean(lead)
            self.blocks.append(Paragraph(text, lead if lead and lead != text else ""))
        self._runs = []

    def walk(self, el, strong: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "img":
            if el.get("width") not in ("1", "0"):
                self.flush()
                self.blocks.append(Picture(el.get("alt") or el.get("title") or ""))
            return
        if tag == "table" and _is_grid(el):
            self.flush()
            self.blocks.append(_grid(el))
            return
        strong = strong or tag in ("b", "strong", "h1", "h2", "h3", "h4") or bool(
            _EMPHASIS.search(el.get("face", "") + el.get("style", "")))
        block = tag in _BLOCK or tag in ("td", "th", "table")
        if block:
            self.flush()
        if el.text:
            self._runs.append((el.text, strong))
        for child in el:
            self.walk(child, strong)
            if child.tail:
                self._runs.append((child.tail, strong))
        if block:
            self.flush()


def _is_grid(table) -> bool:
    """A table of figures, not a layout table around the article."""
    if table.find(".//table") is not None:
        return False
    return all(len(_cell_text(td)) <= _LAYOUT_TEXT for td in table.iter("td", "th"))


def _cell_text(td) -> str:
    parts: list[str] = []

    def visit(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            return
        if tag in ("br", "p", "div"):
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(td)
    return clean("".join(parts))


def _grid(table):
    builder = GridBuilder()
    for tr in table.iter("tr"):
        builder.next_row()
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            builder.add(_cell_text(td), _span(td.get("rowspan")), _span(td.get("colspan")))
    return builder.grid()


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return int(m.group(1)) if m and int(m.group(1)) > 0 else 1
