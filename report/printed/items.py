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
from report.dates import chinese_date
from report.printed import chart, tables
from report.printed.wording import wording


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
    return chinese_date(report.issued_on) if report.issued_on else ""


def check_printable(report, error: type[Exception]) -> None:
    """Raise ``error`` when the report cannot be printed: the title and signature need the agency's name."""
    if not report.agency.name.strip():
        raise error("单位名称为空：报告标题和落款都要印单位名称，请先在单位信息中填写。")


def document_title(report) -> str:
    """「威海市文登区信访局2022年政府信息公开工作年度报告」: the title of every written file, and its name."""
    return report.agency.name + wording()["title"].format(year=report.year)


def items(report, *, history: dict | None = None, include_chart: bool = True) -> list[Item]:
    form, w = report.definition, wording()
    out = [Item("title", report.agency.name, "标题"),
           Item("title", w["title"].format(year=report.year), "标题")]
    out += [Item("body", p, form.intro.label) for p in _paragraphs(sentences.effective_text(report, form.intro.id))]
    for part in form.parts:
        out.append(Item("heading1", part.title, part.title))
        if part.table:
            out.append(Item("table", where=f"{part.title}（表格）", payload=tables.grid(report, part.table)))
        for f in part.fields:
            where = f"{part.title}·{f.label}"
            if f.subheading:
                out.append(Item("heading2", f.subheading, where))
            paragraphs = _paragraphs(sentences.effective_text(report, f.id))
            if not paragraphs and (f.subheading or part.none_when_empty):
                paragraphs = [w["empty_item"]]  # never a bare sub-heading
            out += [Item("body", p, where) for p in paragraphs]
    out.append(Item("signature", report.agency.name, "落款"))
    out.append(Item("date", issued_date(report), "落款日期"))
    data = chart.chart_data(report, history) if include_chart else None
    if data:
        out.append(Item("chart", where=data.title, payload=data))
    return out
