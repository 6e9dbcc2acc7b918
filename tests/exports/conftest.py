"""Reports for the export tests: the seed, 沭阳, a 2019-format report, and one with 「/」, blank and 0."""

from __future__ import annotations

from decimal import Decimal

import pytest
from exportkit import DATA, report_2019

from report.document import Report


@pytest.fixture(scope="module", autouse=True)
def shipped_fonts_only(bundled_fonts):
    """Every test here uses only the shipped fonts (tests/conftest.py)."""


@pytest.fixture
def seed() -> Report:
    return Report.load(DATA / "wendeng-xinfang-2022.json")


@pytest.fixture
def shuyang() -> Report:
    return Report.load(DATA / "shuyang-fagaiju-2023.json")


@pytest.fixture
def form2019() -> Report:
    return report_2019()


@pytest.fixture
def marked(seed) -> Report:
    """The seed with table 2's 规章 row set to 「/」, blank and 0, and a money figure with cents."""
    seed.set("t2", "rules", "issued", "/")
    seed.set("t2", "rules", "repealed", None)
    seed.set("t2", "rules", "in_force", 0)
    seed.set("t2", "charges", "amount", Decimal("1.5"))
    return seed


