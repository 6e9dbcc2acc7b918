"""What single lines of a published report say: the issuing date, a signature with its date,
the web page's own information, and the counts of the website chart."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from report.readers.labels import CN_DIGITS, number

DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年"
                       r"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$")
SIGNED = re.compile(r"^\s*(\S.{1,38}?)\s+((?:19|20)\d{2}\s*年.*日)\s*$")  # the signature and the date on one line
PAGE_INFO = re.compile(r"^\s*([\u4e00-\u9fff]{2,4})\s*:\s*(.*)$")


def parse_date(text: str) -> dt.date | None:
    """「2023年1月16日」, 「２０２３年１月１６日」 or 「二〇二三年一月十六日」 alone on a line."""
    m = DATE_LINE.match(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    y, mo, d = m.groups()
    if not y.isdigit():
        y = "".join(str(CN_DIGITS.index("〇" if ch == "零" else ch)) for ch in y)
    try:
        return dt.date(int(y), number(mo) or 0, number(d) or 0)
    except (ValueError, TypeError):
        return None


def website_counts(tokens: list[str]) -> dict[str, dict[str, int]]:
    """{"2021": {"机构职能": 3, …}, …} from 「2021年 机构职能 工作动态 … 3 40 …」."""
    out: dict[str, dict[str, int]] = {}
    year, names, values = None, [], []
    for tok in [unicodedata.normalize("NFKC", t).strip() for t in tokens] + ["2000年"]:
        if not tok:
            continue
        m = re.fullmatch(r"(20\d\d)年?", tok)
        if m and (year is None or values or not names):
            if year and names and len(values) == len(names):
                out[year] = dict(zip(names, values, strict=True))
            year, names, values = m.group(1), [], []
        elif tok.isdigit() and year:
            values.append(int(tok))
        elif year and not values:
            names.append(tok)
    return out
