"""Time a full check of the seed report (the window re-checks after every keystroke; goal ≤ 5 ms).

    .venv/bin/python bench/check.py [RUNS]

Prints the median and 90th percentile of RUNS full checks, with and without last year's report.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.checks import check  # noqa: E402
from report.document import Report  # noqa: E402


def timings(report: Report, previous: Report | None, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        report.texts["overview.lead"] += "。"  # a keystroke: the changed text defeats any per-text cache
        start = time.perf_counter()
        check(report, previous)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    seed = Report.load(ROOT / "tests" / "data" / "wendeng-xinfang-2022.json")
    previous = seed.copy()
    previous.year -= 1
    previous.issued_on = previous.issued_on.replace(year=previous.issued_on.year - 1)
    check(seed)  # first run builds the per-format name tables
    for label, prev in (("seed report", None), ("seed report + previous year", previous)):
        t = sorted(timings(seed.copy(), prev, runs))
        print(f"{label}: median {statistics.median(t):.2f} ms, p90 {t[int(len(t) * 0.9)]:.2f} ms over {runs} runs"
              f" (goal ≤ 5 ms)")


if __name__ == "__main__":
    main()
