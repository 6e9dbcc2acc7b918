"""A new year's report started from last year's: what carries over and what starts blank.

Carried: the agency profile, the texts (as a starting draft), 上年结转 (t3 row 2) from last
year's 结转下年度 (row 4) in every column, the stock figures of table 2 (现行有效件数 in the
2021 format, 对外公开总数量 and 上一年项目数量 in the 2019 one), every “/” (no such power) and
the website counts history (last year's counts become history[last year]). Everything
counted anew each year — applications, results, appeals, fees, this year's website counts —
starts blank. Across formats (2020 → 2021) only cells with the same ids carry.
"""

from __future__ import annotations

from report.document import SLASH, Agency, Report

STOCK_COLUMNS = ("in_force", "total_public")  # a running total: this year starts from last year's
RUNNING_ITEMS, RUNNING_CHANGE = "last_year_items", "change"  # 2019 form: items = last year's + change


def carry_forward(prev: Report, year: int, agency: Agency) -> Report:
    new = Report.blank(year, agency)
    wanted = {f.id for f in new.definition.text_fields()}
    new.texts = {k: v for k, v in prev.texts.items() if k in wanted}
    for col in new.t3.get("2", {}):
        if col in prev.t3.get("4", {}) and prev.t3["4"][col] is not None:
            new.set("t3", "2", col, prev.t3["4"][col])
    _carry_t2(prev, new)
    history = {y: dict(c) for y, c in (prev.website_counts_history or {}).items() if int(y) < year}
    if prev.website_counts:
        history[str(prev.year)] = dict(prev.website_counts)
    new.website_counts_history = history or None
    return new


def _carry_t2(prev: Report, new: Report) -> None:
    for row, cols in new.t2.items():
        old = prev.t2.get(row, {})
        if old and all(v == SLASH for v in old.values()):
            for col in cols:
                new.set("t2", row, col, SLASH)
            continue
        for col in cols:
            if col not in old:
                continue
            value = old[col]
            if value == SLASH:
                new.set("t2", row, col, SLASH)
            elif col in STOCK_COLUMNS and isinstance(value, int):
                new.set("t2", row, col, value)
            elif col == RUNNING_ITEMS:
                change = old.get(RUNNING_CHANGE)
                if isinstance(value, int) and isinstance(change, int) and value + change >= 0:
                    new.set("t2", row, col, value + change)
