"""What is printed, in the official order, as plain items (no PDF, Word or HTML library).

The decisions about content live here once: which parts and sub-headings, the generated
sentences for empty fields, 「无。」 for an empty part 五/六 item, the signature and date, the
tables' layouts and the chart's figures. Each item carries the place it comes from, so a
missing glyph can be reported as 「五、存在的主要问题及改进情况·改进措施」.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from report import sentences
from report.printed import chart, tables
from report.printed.wording import wording

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (sub-heading numbers （一）…)."""
    if n < 10:
        return _DIGITS[n]
    tens, unit = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[unit] if unit else "")


@dataclass(frozen=True)
class Item:
    kind: str  # title | heading1 | heading2 | body | table | chart | signature | date
    text: str = ""
    where: str = ""
    payload: Any = None  # tables.Grid for a table, chart.ChartData for the chart

    def texts(self) -> list[str]:
        if self.kind == "table":
            return list(self.payload.texts())
        if self.kind == "chart":
            return self.payload.texts()
        return [self.text]


def _paragraphs(text: str) -> list[str]:
    """Each line of a text is a paragraph; tabs print as spaces, empty lines are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    return [line.strip() for line in lines if line.strip()]


def issued_date(report) -> str:
    d = report.issued_on
    return wording()["date"].format(year=d.year, month=d.month, day=d.day) if d else ""


def document_title(report) -> str:
    """「威海市文登区信访局2022年政府信息公开工作年度报告」: the title of every written file, and its name."""
    return report.agency.name + wording()["title"].format(year=report.year)


def items(report, *, history: dict | None = None, include_chart: bool = True) -> list[Item]:
    form, w = report.definition, wording()
    out = [Item("title", report.agency.name, "标题"),
           Item("title", w["title"].format(year=report.year), "标题")]
    out += [Item("body", p, form.intro.label) for p in _paragraphs(sentences.effective_text(report, "intro"))]
    for part in form.parts:
        out.append(Item("heading1", part.title, part.title))
        if part.table:
            out.append(Item("table", where=f"{part.title}（表格）", payload=tables.grid(report, part.table)))
        number = 0
        for f in part.fields:
            where = f"{part.title}·{f.label}"
            if f.printed and f.numbered:
                number += 1
                out.append(Item("heading2", f"（{chinese_number(number)}）{f.label}", where))
            paragraphs = _paragraphs(sentences.effective_text(report, f.id))
            if not paragraphs and (f.printed and f.numbered or part.id in ("problems", "other")):
                paragraphs = [w["empty_item"]]  # never a bare sub-heading
            out += [Item("body", p, where) for p in paragraphs]
    out.append(Item("signature", report.agency.name, "落款"))
    out.append(Item("date", issued_date(report), "落款日期"))
    data = chart.chart_data(report, history) if include_chart else None
    if data:
        out.append(Item("chart", where=data.title, payload=data))
    return out
