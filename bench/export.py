"""Time the export of the seed report in every format: warm (inside a running process, as the
window exports) and ``nianbao export --all`` as a whole process.

Usage: .venv/bin/python bench/export.py [--fonts bundled|system] [--runs N]
Prints figures only; the goals (each format ≤ 0.3 s warm, --all ≤ 1.5 s as a whole process) are
checked by reading them, not asserted. Then bench/pdf_speed.py's figures: the PDF's warm export
and `nianbao export --pdf` as a whole process beside LibreOffice converting the same Word file.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fonts", choices=("bundled", "system"), default="bundled")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, NIANBAO_FONTS="bundled" if args.fonts == "bundled" else "")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    from report.document import Report
    from report.exports import FORMATS, export, export_all

    report = Report.load(SEED)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fid, fmt in FORMATS.items():
            out = Path(tmp) / f"seed{fmt.suffix}"
            t0 = time.perf_counter()
            export(report, {fid: out}, draft=False)
            first = time.perf_counter() - t0
            warm = []
            for _ in range(args.runs):
                t = time.perf_counter()
                export(report, {fid: out}, draft=False)
                warm.append(time.perf_counter() - t)
            rows.append((fid, first, statistics.median(warm), max(warm), out.stat().st_size))
        t = time.perf_counter()
        export_all(report, Path(tmp) / "warm-all", draft=False)
        warm_all = time.perf_counter() - t

        whole = []
        for n in range(max(3, args.runs // 2)):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gui.main", "--data-dir", str(Path(tmp) / "data"), "export",
                            str(SEED), "--all", str(Path(tmp) / f"all{n}")], check=True, env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
            whole.append(time.perf_counter() - t)

    print(f"fonts: {args.fonts}; warm = median of {args.runs} exports in one process")
    print(f"{'format':<8}{'first':>9}{'warm':>9}{'max':>9}{'size':>10}")
    for fid, first, warm, worst, size in rows:
        print(f"{fid:<8}{first:>8.3f}s{warm:>8.3f}s{worst:>8.3f}s{size / 1024:>8.0f}KiB")
    print(f"all five, warm, in one process: {warm_all:.3f} s")
    print(f"nianbao export --all as a whole process, median of {len(whole)}: {statistics.median(whole):.3f} s "
          f"(min {min(whole):.3f})")


if __name__ == "__main__":
    main()
    print()
    import pdf_speed

    pdf_speed.main()
