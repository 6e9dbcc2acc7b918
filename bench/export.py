"""Time the PDF export of the seed report: warm (inside a running process) and as a whole process.

Usage: .venv/bin/python bench/export.py [--fonts bundled|system] [--runs N]
Prints figures only; the goal (warm export ≤ 0.5 s) is checked by reading them, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
ONE_SHOT = (
    "import sys; sys.path.insert(0, {root!r});"
    "from report.document import Report; from report.pdf import export_pdf;"
    "export_pdf(Report.load({seed!r}), {out!r})"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fonts", choices=("bundled", "system"), default="bundled")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, NIANBAO_FONTS="bundled" if args.fonts == "bundled" else "")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.pdf"
        t0 = time.perf_counter()
        from report.document import Report
        from report.pdf import export_pdf

        report = Report.load(SEED)
        export_pdf(report, out)
        first = time.perf_counter() - t0
        warm = []
        for _ in range(args.runs):
            t = time.perf_counter()
            export_pdf(report, out)
            warm.append(time.perf_counter() - t)
        size = out.stat().st_size
        pages = len(__import__("pypdf").PdfReader(out).pages)

        whole = []
        code = ONE_SHOT.format(root=str(ROOT), seed=str(SEED), out=str(Path(tmp) / "p.pdf"))
        for _ in range(max(3, args.runs // 2)):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            whole.append(time.perf_counter() - t)

    print(f"fonts: {args.fonts}")
    print(f"first export in this process (imports, font loading): {first:.3f} s")
    print(f"warm export, median of {len(warm)}: {statistics.median(warm):.3f} s "
          f"(min {min(warm):.3f}, max {max(warm):.3f})")
    print(f"whole process (python start to PDF written), median of {len(whole)}: {statistics.median(whole):.3f} s")
    print(f"seed report PDF: {pages} pages, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
