"""Small hand-made reports for the rule tests: a clean report of each format, then one change per test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from report.checks import check
from report.document import Report


def zero(report: Report) -> Report:
    """Every cell 0 (money “0”), so that only what a test sets can be wrong."""
    for table in report.definition.tables.values():
        for c in table.cells():
            report.set(table.id, *c.key, Decimal(0) if c.column.type == "money" else 0)
    if report.fees is not None:
        report.fees = {"notices": 0, "billed": Decimal(0), "collected": Decimal(0)}
    return report


@pytest.fixture
def of():
    """``of(report, rule, previous=None)``: the findings of one rule."""

    def findings_of(report: Report, rule: str, previous: Report | None = None) -> list:
        return [f for f in check(report, previous) if f.rule == rule]

    return findings_of


@pytest.fixture
def seed(seed_path) -> Report:
    return Report.load(seed_path)


@pytest.fixture
def clean(seed) -> Report:
    """The seed report (2021 form, 2022) with the generated opening: no finding at all."""
    seed.texts["intro"] = ""
    return seed


@pytest.fixture
def clean2019(seed) -> Report:
    """A 2020 report in the 2019 form, the seed's texts moved to 2020: no finding at all."""
    r = zero(Report.blank(2020, seed.agency, "2019"))
    r.issued_on = dt.date(2021, 1, 15)
    r.texts = {f.id: seed.text(f.id).replace("2022", "2020") for f in r.definition.text_fields()}
    r.texts["intro"] = ""
    r.texts["other.more"] = "无。"
    return r
