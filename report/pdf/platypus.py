"""ReportLab's page layout (platypus) and chart renderer, imported so that two unused patterns
compile only if ever used.

Importing any part of reportlab.platypus (reportlab.graphics imports it too) compiles, at module
level, ``reportlab.platypus.paragraph.uri_pat``: a case-insensitive URL pattern over
[\\xa1-\\uffff] that Python 3.12 and 3.13 take about 40 ms to compile, a tenth of a whole
``nianbao export --pdf``; and ``reportlab.lib.textsplit.rx`` (about 5 ms). ReportLab uses the
first only to break a URL inside its own Paragraph and the second only in ``cjkwrap``; neither
is called when the PDF is made (report/pdf/text.py sets every text), but both keep working.

While this module imports ReportLab, ``re.compile`` hands those two patterns, and only them,
back as stand-ins that compile the real pattern the first time one of its methods is used;
``re.compile`` is restored at once. The import system runs this once, holding the module's
import lock. Every module of report/ imports platypus and reportlab.graphics from here.
"""

from __future__ import annotations

import re

_URI_PAT_START = r"(^(?:[a-z0-9\.\-\+]*)://)"  # paragraph.uri_pat (ReportLab 5.1)
_CJK_RX = "([\u2e80-\uffff])"  # textsplit.rx


def _unused_at_import(pattern, flags: int) -> bool:
    return isinstance(pattern, str) and (pattern.startswith(_URI_PAT_START) or pattern == _CJK_RX)


class OnFirstUse:
    """A compiled pattern's stand-in: the pattern is compiled when a method is first used."""

    def __init__(self, pattern: str, flags: int):
        self._source = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):  # called only for what the instance lacks: Pattern's API
        if self._compiled is None:
            self._compiled = _compile(*self._source)
        return getattr(self._compiled, name)


def _deferring_compile(pattern, flags=0):
    if _unused_at_import(pattern, flags):
        return OnFirstUse(pattern, flags)
    return _compile(pattern, flags)


_compile = re.compile
re.compile = _deferring_compile
try:
    from reportlab.graphics import renderPDF
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Flowable,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Table,
        TableStyle,
    )
    from reportlab.platypus.doctemplate import LayoutError
finally:
    re.compile = _compile

__all__ = ["BaseDocTemplate", "CondPageBreak", "Flowable", "Frame", "KeepTogether", "LayoutError", "PageBreak",
           "PageTemplate", "Table", "TableStyle", "renderPDF"]
