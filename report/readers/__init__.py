"""Reading last year's published report from a web page, Word file, PDF or plain text.

Each reader turns its kind of file into the same ``Source`` (blocks in reading order);
``recognise`` turns a Source into a Report with a review list. No Qt, no store.
"""

from __future__ import annotations

from pathlib import Path

from report import files
from report.readers.source import ReadError, Source

SUFFIXES = {".html": "html", ".htm": "html", ".shtml": "html", ".mht": None, ".docx": "docx", ".doc": None,
            ".pdf": "pdf", ".txt": "txt"}
MAX_BYTES = 50 * 1024 * 1024


def readable(path: str | Path) -> bool:
    """True for the kinds of published report this package reads."""
    return bool(SUFFIXES.get(Path(path).suffix.lower()))


def read_source(path: str | Path) -> tuple[Source, bytes]:
    """The file's blocks and its bytes (kept with the report as its 原文); ReadError in Chinese."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".doc":
        raise ReadError("这是旧版 Word 文件（.doc），请先在 Word 或 WPS 中“另存为” .docx 再导入。")
    if suffix == ".mht":
        raise ReadError("这是单个文件网页（.mht），请在浏览器中另存为“网页，全部”或“仅 HTML”（.html）再导入。")
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise ReadError(f"不能读取 {suffix or '无扩展名'} 文件；"
                        "可以导入网页（.html）、Word（.docx）、PDF 或文本（.txt）。")
    try:
        if p.stat().st_size > MAX_BYTES:
            raise ReadError("文件过大（超过 50 MB），不像是一份年度报告。")
        raw = p.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        raise ReadError(files.unreadable(p, e)) from None
    return read_bytes(raw, kind), raw


def read_bytes(raw: bytes, kind: str) -> Source:
    if kind == "html":
        from report.readers.html import read_html

        return read_html(raw)
    if kind == "docx":
        from report.readers.docx import read_docx

        return read_docx(raw)
    if kind == "pdf":
        from report.readers.pdf import read_pdf

        return read_pdf(raw)
    from report.readers.text import read_text

    return read_text(raw)


__all__ = ["ReadError", "Source", "SUFFIXES", "readable", "read_source", "read_bytes"]
