"""Bytes of a web page or text file to text: the declared encoding when it decodes, else detected.

Chinese government sites still serve GBK and GB18030 pages, often with a wrong or second
``<meta charset>``; text saved on Windows is often GBK without saying so. A detected (not
declared) encoding is reported to the clerk: it is a guess, and guesses are never silent.
"""

from __future__ import annotations

import codecs
import re

from report.readers.source import ReadError

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# GB2312 and GBK pages routinely hold characters only their superset GB18030 has.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030"}


def decode(raw: bytes, html: bool) -> tuple[str, list[str]]:
    """The text and the notes for the clerk (empty when the encoding was certain)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, name) or "", []
    declared = [m.decode("ascii").lower() for m in _DECLARED.findall(raw[:20000])] if html else []
    for name in dict.fromkeys(declared):
        text = _strict(raw, _SUPERSET.get(name, name))
        if text is not None:
            return text, []
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, ([f"网页声明的编码（{'、'.join(declared)}）与内容不符，已按 UTF-8 读取，请核对文字。"]
                      if declared else [])
    text = _strict(raw, "gb18030")
    if text is not None and _looks_chinese(text):
        why = f"网页声明的编码（{'、'.join(declared)}）与内容不符" if declared else "文件没有注明编码"
        return text, [f"{why}，已按检测出的 GB18030（GBK）读取，请核对文字。"]
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise ReadError("无法识别文件的文字编码，请在浏览器或 Word 中另存为 UTF-8 编码后再导入。")
    return str(best), [f"文件的文字编码无法确定，已按检测出的 {best.encoding} 读取，请核对文字。"]


def _strict(raw: bytes, name: str) -> str | None:
    try:
        return raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes almost any bytes: accept it only when common Chinese characters dominate."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    odd = sum(1 for ch in text if "\u3400" <= ch <= "\u4dbf" or "\ue000" <= ch <= "\uf8ff" or ord(ch) > 0xffff)
    return han > 0 and odd * 20 < han
