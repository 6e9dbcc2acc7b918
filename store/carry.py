"""A new year's report started from last year's: what carries over and what starts blank.

Carried: the agency profile, the texts (as a starting draft), 上年结转 (table 3's
carried_over row) from last year's 结转下年度 (carried_forward) in every column, the stock
figures of table 2 (columns with the role stock: 现行有效件数 in the 2021 format, 对外公开总数量
in the 2019 one; and 上一年项目数量 as last year's items plus change), every “/” (no such power)
and the website counts history (last year's counts become history[last year]). Everything
counted anew each year — applications, results, appeals, fees, this year's website counts —
starts blank. Across formats (2020 → 2021) only cells with the same ids carry.
"""

from __future__ import annotations

from report.document import SLASH, Agency, Report
from report.website_counts import website_history


def carry_forward(prev: Report, year: int, agency: Agency) -> Report:
    new = Report.blank(year, agency)
    wanted = {f.id for f in new.definition.text_fields()}
    new.texts = {k: v for k, v in prev.texts.items() if k in wanted}
    carried = new.definition.tables["t3"].row_with_role("carried_over").id
    forward = prev.t3.get(prev.definition.tables["t3"].row_with_role("carried_forward").id, {})
    for col in new.t3.get(carried, {}):
        if forward.get(col) is not None:
            new.set("t3", carried, col, forward[col])
    _carry_t2(prev, new)
    own, carried = {prev.year: prev.website_counts}, {prev.year: prev.website_counts_history}
    new.website_counts_history = website_history(own, {}, carried, before_year=year) or None
    return new


def _carry_t2(prev: Report, new: Report) -> None:
    table = new.definition.tables["t2"]
    stock = {c.id for c in table.columns_with_role("stock")}  # a running total: starts from last year's
    items, change = (c.id if c else None for c in map(table.column_with_role, ("items_last_year", "items_change")))
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
            elif col in stock and isinstance(value, int):
                new.set("t2", row, col, value)
            elif col == items:  # this year's items = last year's + last year's change
                delta = old.get(change)
                if isinstance(value, int) and isinstance(delta, int) and value + delta >= 0:
                    new.set("t2", row, col, value + delta)
