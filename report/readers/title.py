"""The title of a published report: agency, year, and the format its table 2 is in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from report.forms import Form, form_for_year, load_form
from report.readers import tables as table_reader
from report.readers.labels import enumerator
from report.readers.source import Grid, Paragraph, ReadError

_YEAR = re.compile(r"(20[1-3]\d)\s*年")
_PERIOD = re.compile(r"统计(时限|期限|时间)[^。]*?(20[1-3]\d)\s*年\s*1\s*月\s*1\s*日")


@dataclass
class Title:
    agency: str = ""
    year: int | None = None
    start: int | None = None  # index of the first block after the title
    first: int | None = None  # index of the title's first block


def find_title(blocks) -> Title:
    """The last title-like short paragraph before part 一's heading: 「XX局2022年政府信息公开工作年度报告」."""
    first_part = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                       and enumerator(b.text) == ("part", 1) and "总体" in b.text), len(blocks))
    found = Title()
    for i, b in enumerate(blocks[:first_part]):
        if not isinstance(b, Paragraph) or len(b.text) > 70 or "。" in b.text:
            continue
        t = unicodedata.normalize("NFKC", b.text)
        m = _YEAR.search(t)
        if not m or "报告" not in t or not ("公开" in t or "年报" in t):
            continue
        agency = re.sub(r"^.*[:：]", "", t[: m.start()]).strip(" -—")
        rest = t[m.end():]
        after = re.match(r"(?:度)?(.{2,30}?)(?:关于)?(?:政府信息公开|政务公开|信息公开)", rest)
        if not agency and after and name_like(after.group(1)) and not re.match(r"度?(政府信息|政务|信息)公开", rest):
            agency = after.group(1)  # 「2022年威海市文登区信访局政府信息公开工作年度报告」
        first = i
        if not agency and i > 0 and isinstance(blocks[i - 1], Paragraph) and name_like(blocks[i - 1].text):
            agency, first = blocks[i - 1].text, i - 1
        found = Title(agency, int(m.group(1)), i + 1, first)
    return found


def name_like(text: str) -> bool:
    return 2 <= len(text) <= 40 and not any(ch in text for ch in "。，,；;：:")


def year_from_text(paragraphs: list[Paragraph]) -> int | None:
    for p in paragraphs:
        m = _PERIOD.search(unicodedata.normalize("NFKC", p.text))
        if m:
            return int(m.group(2))
    return None


def choose_form(year: int, grids: dict[str, list[Grid]], forms: list[Form], review: list[str]) -> Form:
    try:
        by_year = load_form(form_for_year(year))
    except ValueError as e:
        raise ReadError(str(e)) from None
    signals = table_reader.form_signals(grids["t2"], forms)
    told = [fid for fid, n in signals.items() if n and n == max(signals.values())]
    if len(told) == 1 and told[0] != by_year.id:
        shown = load_form(told[0])
        review.append(f"表二是{shown.name}（{shown.document}），但{year}年的报告应使用{by_year.name}；"
                      f"已按{by_year.name}读取，与之不符的单元格会列为未找到，请核对。")
    elif not told and grids["t2"]:
        review.append(f"无法从表二判断报告格式，已按{year}年适用的{by_year.name}读取。")
    return by_year
