"""Small hand-made reports for the rule tests: a clean report of each format, then one change per test."""

from __future__ import annotations

import datetime as dt

import pytest
from rulekit import zero

from report.document import Report


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
