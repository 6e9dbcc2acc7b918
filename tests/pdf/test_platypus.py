"""ReportLab imported through report.pdf.platypus (in a fresh process, as `nianbao export` does):
its URL pattern compiles on first use, and ReportLab still recognises URLs with it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
URL = "https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm"


def _run(code: str) -> str:
    code = "import re, report.pdf.platypus\n" + code
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout


def test_reportlab_still_breaks_a_long_url_after_a_slash():
    out = _run("from reportlab.lib.styles import ParagraphStyle\n"
               "from reportlab.platypus import Paragraph\n"
               "style = ParagraphStyle('url', fontName='Helvetica', fontSize=10, uriWasteReduce=0.3)\n"
               f"p = Paragraph('See {URL}', style)\n"
               "p.wrap(150, 1000)\n"
               "for line in p.blPara.lines: print(''.join(line[1]))")
    assert out.split() == ["Seehttps://www.gov.cn/zhengce/", "content/2019-04/15/content_5382991.htm"]


def test_the_import_defers_only_reportlabs_unused_patterns_and_restores_re_compile():
    """If a ReportLab upgrade changes these patterns, the deferral stops applying: see platypus.py."""
    out = _run("import reportlab.platypus.paragraph as p, reportlab.lib.textsplit as t\n"
               "print(type(p.uri_pat).__name__, type(t.rx).__name__, type(p._hy_letters_pat).__name__,"
               " re.compile.__module__, type(re.compile('x')).__name__)")
    assert out.split() == ["OnFirstUse", "OnFirstUse", "Pattern", "re", "Pattern"]
