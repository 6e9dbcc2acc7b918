"""Fixtures of the reader tests: the published documents and what they must be read as."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.document import Report
from report.readers import read_source
from report.readers.recognise import Recognition, recognise

DATA = Path(__file__).parent.parent / "data"
PUBLISHED = DATA / "published"


@pytest.fixture(scope="module", autouse=True)
def shipped_fonts_only(bundled_fonts):
    """Every test here uses only the shipped fonts (tests/conftest.py)."""


@pytest.fixture(scope="session")
def shuyang() -> Report:
    """The figures of the Shuyang 2023 page, typed in by hand from the published tables."""
    return Report.load(DATA / "shuyang-fagaiju-2023.json")


@pytest.fixture(scope="session")
def wendeng() -> Report:
    return Report.load(DATA / "wendeng-xinfang-2022.json")


def read(path: Path) -> Recognition:
    return recognise(read_source(path)[0])


def wrong_cells(got: Report, expected: Report) -> list[str]:
    """Every table cell whose recognised value differs from the expected one, named."""
    bad = []
    for table in expected.definition.tables.values():
        for cell in table.cells():
            want, have = expected.get(table.id, *cell.key), got.get(table.id, *cell.key)
            if want != have or type(want) is not type(have):
                bad.append(f"{table.id} {cell.key}: {have!r} ≠ {want!r}")
    return bad
