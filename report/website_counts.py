"""Earlier years' website counts (the chart's history): one precedence wherever they are merged.

A year's counts can be known from several records. Highest first:

1. that year's own report in the program (its ``website_counts``): the figures the clerk
   entered and checked for that year. Every other record of them is a copy taken earlier,
   so when the clerk corrects that report, the correction shows in every later chart;
2. figures the clerk typed for a year the program has no report of (the wizard's table):
   a deliberate entry, which must show as typed, even over a copy a report carries;
3. the history a report carries (``website_counts_history``: copied from the year before
   when its year was made, or brought in with an imported file), a later year's report
   before an earlier one's, because its copy was taken later.

So a year's own figures always beat the older copies of them, whichever path asks: the
window, the wizard, preview and export, the command line, a new year made from the last.
"""

from __future__ import annotations

from collections.abc import Mapping

from report.intake import clean_name
from report.values import MAX_COUNT

Counts = dict[str, int]
History = dict[str, Counts]


def website_history(own: Mapping[int, Counts | None], typed: Mapping[str, Counts],
                    carried: Mapping[int, Mapping[str, Counts] | None], before_year: int | None = None) -> History:
    """{year: {category: n}} in year order, from each report's ``own`` counts by its year, the
    ``typed`` figures by year, and the history each report ``carried`` by the report's year;
    only years before ``before_year`` when given."""
    merged: History = {}
    for year in sorted(carried):
        merged.update(carried[year] or {})
    merged.update(typed)
    merged.update({str(year): counts for year, counts in own.items() if counts})
    return {y: dict(merged[y]) for y in sorted(merged) if before_year is None or int(y) < before_year}


def typed_counts(year: int, counts: Mapping[str, object] | None) -> dict[str, int]:
    """Counts the clerk typed for a year the program has no report of, checked and with clean
    category names; ValueError (in Chinese) names the first figure that is not a count."""
    clean: dict[str, int] = {}
    for category, n in (counts or {}).items():
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_COUNT:
            raise ValueError(f"{year}年“{category}”的数量应为 0 到 {MAX_COUNT} 之间的整数，现在是“{n}”。")
        clean[clean_name(str(category))] = n
    return clean
