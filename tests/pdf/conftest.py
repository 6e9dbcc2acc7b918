"""Fixtures of the PDF tests: the shipped fonts only, the seed report exported once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.document import Report
from report.pdf import export_pdf


@pytest.fixture(scope="module", autouse=True)
def shipped_fonts_only(bundled_fonts):
    """Every test here uses only the shipped fonts (tests/conftest.py)."""


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return Report.load(Path(__file__).parent.parent / "data" / "wendeng-xinfang-2022.json")


@pytest.fixture(scope="module")
def seed_pdf(seed_report, tmp_path_factory, bundled_fonts) -> Path:
    return export_pdf(seed_report, tmp_path_factory.mktemp("seed") / "seed.pdf", draft=False)
