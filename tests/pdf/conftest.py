"""Fixtures of the PDF tests: the shipped fonts only, the seed report exported once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.document import Report
from report.pdf import export_pdf
from report.pdf import fonts as fontsel


@pytest.fixture(scope="module", autouse=True)
def bundled_fonts():
    """Reproducible output: only the fonts shipped in resources/fonts, whatever the machine has."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(fontsel.FONTS_ENV, "bundled")
        yield


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return Report.load(Path(__file__).parent.parent / "data" / "wendeng-xinfang-2022.json")


@pytest.fixture(scope="module")
def seed_pdf(seed_report, tmp_path_factory, bundled_fonts) -> Path:
    return export_pdf(seed_report, tmp_path_factory.mktemp("seed") / "seed.pdf", draft=False)
