"""Helpers of the PDF tests: read a produced PDF's text the ways a reader (or poppler) sees it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"—\d+—")


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
