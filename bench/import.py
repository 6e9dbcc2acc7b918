"""Time and accuracy of reading published reports: each file of the corpus, and a 10-page PDF.

Usage: .venv/bin/python bench/import.py [--runs N] [FILE EXPECTED.json ...]
For each file: the median time to read and recognise it (warm, inside a running process), the
table cells read right out of the cells the source prints, the text fields found out of those
the expected report holds, and how many review items remain. Goals (every cell right on every
real report; ≤ 1 s for a 10-page PDF) are checked by reading the figures, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PUB = DATA / "published"
# (file, the report it must read as, cells the file does not print: pictured or cut off)
CORPUS = [
    (PUB / "shuyang-fagaiju-2023.html", DATA / "shuyang-fagaiju-2023.json", 0),
    (PUB / "shuyang-fagaiju-2023-libreoffice.docx", DATA / "shuyang-fagaiju-2023.json", 0),
    (PUB / "shuyang-fagaiju-2023-libreoffice-web.pdf", DATA / "shuyang-fagaiju-2023.json", 3),
    (PUB / "shanghai-bangongting-2019.html", PUB / "shanghai-bangongting-2019.expected.json", 0),
    (PUB / "shanghai-bangongting-2019-libreoffice.docx", PUB / "shanghai-bangongting-2019.expected.json", 0),
    (DATA / "seed-report-wendeng-xinfang-2022.txt", DATA / "wendeng-xinfang-2022.json", 200),
]


def measure(path: Path, expected_path: Path, absent: int, runs: int) -> str:
    from report.document import Report
    from report.readers import read_source
    from report.readers.recognise import recognise

    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = recognise(read_source(path)[0])
        times.append(time.perf_counter() - t0)
    expected = Report.load(expected_path)
    got = result.report
    cells = [(t.id, c.key) for t in expected.definition.tables.values() for c in t.cells()]
    right = sum(1 for tid, k in cells if (tid, *k) in result.cells and got.get(tid, *k) == expected.get(tid, *k))
    printed = len(cells) - absent
    fields = [f for f, text in expected.texts.items() if text]
    found = sum(1 for f in fields if got.texts.get(f))
    return (f"{path.name:48} {statistics.median(times):6.3f} s  cells {right:3}/{printed:<3}  "
            f"texts {found:2}/{len(fields):<2}  review {len(result.review)}")


def ten_pages(tmp: Path) -> Path:
    """Our PDF of the seed report with its texts repeated until it runs to 10 pages."""
    from pypdf import PdfReader

    from report.document import Report
    from report.pdf import export_pdf

    report = Report.load(DATA / "wendeng-xinfang-2022.json")
    base = dict(report.texts)
    for n in range(1, 20):
        report.texts = {k: "\n".join([v] * n) for k, v in base.items()}
        path = export_pdf(report, tmp / f"ten-{n}.pdf", draft=False)
        if len(PdfReader(path).pages) >= 10:
            return path
    raise RuntimeError("could not make a 10-page PDF")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("more", nargs="*", metavar="FILE EXPECTED.json", help="more files with their expected report")
    args = ap.parse_args()
    os.environ["NIANBAO_FONTS"] = "bundled"
    sys.path.insert(0, str(ROOT))
    corpus = CORPUS + [(Path(f), Path(e), 0) for f, e in zip(args.more[::2], args.more[1::2], strict=True)]
    for path, expected, absent in corpus:
        print(measure(path, expected, absent, args.runs))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = ten_pages(Path(tmp))
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages)
        print(f"{'our PDF of the seed, ' + str(pages) + ' pages':48} "
              + measure(pdf, DATA / "wendeng-xinfang-2022.json", 0, args.runs).split(maxsplit=1)[1])


if __name__ == "__main__":
    main()
