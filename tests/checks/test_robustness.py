"""Whatever the clerk has typed so far, the checker answers (it runs after every keystroke) and every
ref it returns points at a cell, text, fee, agency field or date the window can jump to."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from report.checks import SEVERITIES, check
from report.document import Report

VALUES = [None, 0, 1, 7, -1, "/", Decimal("1.5"), Decimal("-2"), Decimal("123456.78901"), 10**12, True]
TEXTS = ["", "无", "XX", "共计5条，其中：1．甲2条；2．乙2条。", "收到申请", "未收到政府信息公开申请。",
         "2021年新收申请3件，办结4件，结转下年度9件。", "本报告由总体情况等六部分组成。",
         "统计时限2020年1月1日至2月1日",
         "行政复议均获维持，未发生行政诉讼。", "（（（【【", "99999999999999999999条：1条；2条。", "年" * 50]


def _valid_refs(report: Report) -> set[str]:
    form = report.definition
    refs = {f"{t.id}/{c.key[0]}/{c.key[1]}" for t in form.tables.values() for c in t.cells()}
    refs |= {f"texts/{f.id}" for f in form.text_fields()}
    refs |= {f"fees/{fid}" for fid, *_ in form.fees}
    refs |= {f"agency/{k}" for k in report.agency.to_dict()} | {"year", "issued_on", "website_counts"}
    return refs


@pytest.mark.parametrize("form_year", [2022, 2020])
def test_random_half_filled_reports(seed, form_year):
    rng = random.Random(form_year)
    for _ in range(150):
        r = Report.blank(form_year, seed.agency)
        for table in r.definition.tables.values():
            for c in table.cells():
                if rng.random() < 0.3:
                    r.set(table.id, *c.key, rng.choice(VALUES))
        if r.fees is not None:
            money = [None, Decimal(0), Decimal("10.5"), Decimal("-3"), Decimal("0.001")]
            r.fees = {"notices": rng.choice([None, 0, 3, -1]), "billed": rng.choice(money),
                      "collected": rng.choice(money)}
        r.texts = {f.id: rng.choice(TEXTS) for f in r.definition.text_fields() if rng.random() < 0.7}
        r.issued_on = rng.choice([None, dt.date(form_year + 1, 1, 10), dt.date(form_year + 3, 5, 1)])
        r.agency.kind = rng.choice(["department", "government", ""])
        previous = rng.choice([None, seed, Report.blank(form_year - 1, seed.agency)])
        refs = _valid_refs(r)
        for f in check(r, previous):
            assert f.severity in SEVERITIES and f.message
            assert set(f.cells) <= refs, (f.rule, set(f.cells) - refs)
