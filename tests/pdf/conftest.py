"""Shared helpers of the PDF tests: the shipped fonts only, the seed report exported once per module."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from report.document import Report
from report.pdf import export_pdf
from report.pdf import stylesheet as ss

MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"—\d+—")


@pytest.fixture(scope="module", autouse=True)
def bundled_fonts():
    """Reproducible output: only the fonts shipped in resources/fonts, whatever the machine has."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ss.FONTS_ENV, "bundled")
        yield


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return Report.load(Path(__file__).parent.parent / "data" / "wendeng-xinfang-2022.json")


@pytest.fixture(scope="module")
def seed_pdf(seed_report, tmp_path_factory, bundled_fonts) -> Path:
    return export_pdf(seed_report, tmp_path_factory.mktemp("seed") / "seed.pdf", draft=False)


def flat_text(path: Path) -> str:
    """The document's text in content order, without whitespace and page numbers."""
    reader = pypdf.PdfReader(path)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    return PAGE_NUMBER.sub("", text)


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in pypdf.PdfReader(path).pages]


def raw_lines(path: Path) -> list[str]:
    """The printed lines as poppler reads them (`pdftotext -raw`: content order, one line each)."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def assert_in_order(text: str, pieces: list[str]) -> None:
    """Every piece occurs in ``text``, each after the previous one."""
    pos = 0
    for piece in pieces:
        piece = re.sub(r"\s+", "", piece)
        found = text.find(piece, pos)
        assert found >= 0, f"not found after position {pos}: {piece!r}"
        pos = found + len(piece)
