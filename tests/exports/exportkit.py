"""Helpers for the export tests (a module name of its own: every test folder has a conftest)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from report.document import Report
from report.printed import items

DATA = Path(__file__).resolve().parents[1] / "data"


def report_2019() -> Report:
    """A 2020 report in the 2019 format with the seed's texts and figures where the rows match."""
    seed = Report.load(DATA / "wendeng-xinfang-2022.json")
    r = Report.blank(2020, seed.agency, "2019")
    r.issued_on = dt.date(2021, 1, 15)
    r.texts = {f.id: seed.text(f.id).replace("2022", "2020") for f in r.definition.text_fields()}
    for n, table in enumerate(r.definition.tables.values()):
        for i, c in enumerate(table.cells()):
            if not c.computed:
                r.set(table.id, *c.key, Decimal(i % 7) / 2 if c.column.type == "money" else (i + n) % 5)
    return r


def every_text(report) -> list[str]:
    """Every text the printed model holds (titles, headings, paragraphs, table labels and figures)."""
    out = []
    for item in items(report, include_chart=False):
        out += [t for t in item.texts() if t]
    return out


def squeeze(text: str) -> str:
    return "".join(text.split())


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_soffice = pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed: "
                                   "apt-get install libreoffice-writer-nogui")
needs_chromium = pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed: apt-get install chromium")


def soffice_to_pdf(docx: Path, out_dir: Path) -> Path:
    """LibreOffice's own reading of a Word file, converted to PDF."""
    profile = out_dir / "lo-profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(out_dir)})
    return out_dir / (docx.stem + ".pdf")


def chromium_pdf(html: Path, pdf: Path) -> Path:
    """Chromium's own print of a web page (its A4 print set-up), for reading fonts and text back."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir={pdf.parent / 'chromium-profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf


def chromium_screenshot(html: Path, png: Path, width: int = 900, height: int = 3000) -> Path:
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    f"--user-data-dir={png.parent / 'chromium-profile'}", f"--window-size={width},{height}",
                    f"--screenshot={png}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return png
