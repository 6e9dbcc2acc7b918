"""The figures of the year-over-year chart of items published on the website (like the seed report's).

This year and up to four earlier years, as plain data: the PDF draws it with ReportLab, the
Word file and the web page embed a picture of it, and the character check reads its texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from report.forms import common
from report.printed.wording import wording

MAX_YEARS = 5  # this year and up to four earlier years


@dataclass(frozen=True)
class ChartData:
    title: str
    unit: str  # 「单位：条」
    years: tuple[str, ...]  # printed year labels, oldest first
    categories: tuple[str, ...]
    values: tuple[tuple[int | None, ...], ...]  # one row per year, one value per category

    def texts(self) -> list[str]:
        return [self.title, self.unit, *self.years, *self.categories,
                *(str(v) for row in self.values for v in row if v is not None)]


def chart_data(report, history: dict | None = None) -> ChartData | None:
    """The chart's figures, or None when this year or every earlier year is missing."""
    if not report.website_counts:
        return None
    earlier = (report.website_counts_history or {}) if history is None else history
    years = sorted((y for y, counts in earlier.items() if counts and y.isdigit() and int(y) < report.year), key=int)
    years = years[-(MAX_YEARS - 1):]
    if not years:
        return None
    series = [earlier[y] for y in years] + [report.website_counts]
    categories = list(report.website_counts)
    for counts in series:
        categories += [c for c in counts if c not in categories]
    w = wording()
    site = common()["website"]
    return ChartData(
        title=site["heading"],
        unit=w["chart_unit"].format(unit=site["unit"]),
        years=tuple(w["chart_year"].format(year=y) for y in [*years, str(report.year)]),
        categories=tuple(categories),
        values=tuple(tuple(counts.get(c) for c in categories) for counts in series),
    )
