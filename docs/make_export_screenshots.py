"""Pictures of the seed report's web page and Word file for the README, made by independent programs.

The web page is rendered by headless Chromium; the Word file is converted to PDF by LibreOffice
and its first page and table 3's page are drawn side by side (poppler's pdftoppm). Writes
docs/web-page.png and docs/word-libreoffice.png.

    .venv/bin/python docs/make_export_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
OUT = ROOT / "docs"


def web_page(html: Path, tmp: Path) -> Path:
    png = OUT / "web-page.png"
    subprocess.run([shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", f"--user-data-dir={tmp / 'chromium'}",
                    "--window-size=900,1500", f"--screenshot={png}", html.as_uri()], check=True, capture_output=True)
    return png


def word_pages(docx: Path, tmp: Path) -> Path:
    from PIL import Image

    subprocess.run([shutil.which("soffice"), "--headless", "--norestore",
                    f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--convert-to", "pdf", "--outdir", str(tmp),
                    str(docx)], check=True, capture_output=True, env={**os.environ, "HOME": str(tmp)})
    pdf = tmp / (docx.stem + ".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    table_page = next(n for n, page in enumerate(text.split("\f"), start=1) if "申请人情况" in page)
    pages = []
    for n in (1, table_page):
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(n), "-l", str(n), str(pdf),
                        str(tmp / f"p{n}")], check=True)
        pages.append(Image.open(tmp / f"p{n}.png"))
    w, h = pages[0].size
    sheet = Image.new("RGB", (2 * w + 30, h + 20), "#d0d0d0")
    for i, page in enumerate(pages):
        sheet.paste(page, (10 + i * (w + 10), 10))
    png = OUT / "word-libreoffice.png"
    sheet.save(png, optimize=True)
    return png


def main() -> None:
    os.environ["NIANBAO_FONTS"] = "bundled"
    sys.path.insert(0, str(ROOT))
    from report.document import Report
    from report.exports import export

    report = Report.load(SEED)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        html, docx = tmp / "seed.html", tmp / "seed.docx"
        export(report, {"html": html, "docx": docx})
        print(web_page(html, tmp))
        print(word_pages(docx, tmp))


if __name__ == "__main__":
    main()
