"""Sentences the program writes from the figures, so the text cannot contradict the tables.

Templates live in resources/sentences.toml. They are offered to the clerk (「插入生成的句子」)
and printed for the opening and the fee item when the clerk leaves those fields empty. A
sentence that would need a blank figure is not offered: the program never guesses a number.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache

from report import resources
from report.document import Report


@cache
def _templates() -> dict:
    with open(resources.path("sentences.toml"), "rb") as fh:
        return tomllib.load(fh)


def _self_name(report: Report) -> str:
    return report.agency.self_name.strip() or _templates()["self_name_default"]


def intro(report: Report) -> str:
    """The standard opening: legal basis, the six parts, the statistics period, where and whom to ask."""
    t, a, form = _templates()["intro"], report.agency, report.definition
    lines = [t["basis"].format(document=form.document, name=a.name, year=report.year)]
    lines.append(t["parts"].format(parts="，".join(p.heading for p in form.parts), count=form.parts[-1].number))
    period = t["period"].format(year=report.year)
    if a.website_name or a.website_url:
        site = a.website_name if not a.website_url else (
            f"{a.website_name}（{a.website_url}）" if a.website_name else a.website_url)
        period += t["website"].format(website=site)
    details = "，".join(tpl.format(getattr(a, k)) for k, tpl in t["contact_items"].items() if getattr(a, k).strip())
    if details:
        period += t["contact"].format(name=a.name, office=a.office, details=details)
    lines.append(period)
    return "\n".join(lines)


def opening_words() -> str:
    """How the standard opening begins (「根据《中华人民共和国政府信息公开条例》」): its legal basis."""
    basis = _templates()["intro"]["basis"]
    return basis[:basis.index("》") + 1]


def openings(text: str) -> int:
    """How many paragraphs of ``text`` begin as the standard opening does (two means one too many)."""
    words = opening_words()
    return sum(1 for line in text.split("\n") if line.strip().startswith(words))


def _total(report: Report, row: str) -> int | None:
    v = report.get("t3", row, report.definition.tables["t3"].column_with_role("total").id)
    return v if isinstance(v, int) else None


def requests(report: Report) -> str:
    """The 依申请公开 sentence from table 3's 总计 column; empty when a needed figure is blank."""
    t, table = _templates()["requests"], report.definition.tables["t3"]
    new, carried, done, nxt = (_total(report, table.row_with_role(role).id)
                               for role in ("received", "carried_over", "results_total", "carried_forward"))
    if new == 0 and carried in (0, None):
        return t["none"].format(year=report.year, self_name=_self_name(report))
    if None in (new, carried, done, nxt):
        return ""
    groups = table.parts_of(table.row_with_role("results_total"))
    parts = []
    for label in t["results"]:
        values = [_total(report, r) for heading, rows in groups.items() if label in heading for r in rows]
        if None in values:
            return ""
        if sum(values):
            parts.append(t["detail"].format(label=label, n=sum(values)))
    details = (t["details_lead"] + "，".join(parts)) if parts else ""
    return t["some"].format(year=report.year, self_name=_self_name(report), new=new, carried=carried,
                            done=done, details=details, next=nxt)


def _money(v: Decimal) -> str:
    return format(v, "f")


def fees(report: Report) -> str:
    """The 信息处理费 sentence of part 六（一）; empty for the 2019 form or unknown figures."""
    if report.fees is None:
        return ""
    t = _templates()["fees"]
    notices, billed, collected = (report.fees.get(k) for k in ("notices", "billed", "collected"))
    if collected == 0 and notices in (0, None) and billed in (0, None):
        return t["none"].format(year=report.year)
    if notices is None or billed is None or collected is None:
        return ""
    return t["some"].format(year=report.year, notices=notices, billed=_money(billed), collected=_money(collected))


_GENERATORS = {"intro": intro, "requests": requests, "fees": fees}


def for_field(report: Report, field_id: str) -> list[str]:
    """The sentences offered for a text field (「插入生成的句子」); empty when there are none."""
    f = report.definition.text_field(field_id)
    names = [n for n in (f.generated, f.offered) if n]
    return [s for s in (_GENERATORS[n](report) for n in names) if s]


def effective_text(report: Report, field_id: str) -> str:
    """The text to print: the clerk's own, or for a generated field left empty, the generated one."""
    text = report.text(field_id)
    if text.strip():
        return text
    f = report.definition.text_field(field_id)
    return _GENERATORS[f.generated](report) if f.generated else ""
