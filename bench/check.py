"""Time a full check of the seed report (the window re-checks after every keystroke; goal ≤ 5 ms).

    .venv/bin/python bench/check.py [RUNS]

Prints the median and 90th percentile of RUNS full checks: alone, with last year's report, and
with last year's report and the 武威 2025 local pack (the seed moved to 2025 so the pack applies).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.checks import check  # noqa: E402
from report.checks.packs import find  # noqa: E402
from report.document import Report  # noqa: E402


def timings(report: Report, previous: Report | None, runs: int, packs=()) -> list[float]:
    out = []
    for _ in range(runs):
        report.texts["overview.lead"] += "。"  # a keystroke: the changed text defeats any per-text cache
        start = time.perf_counter()
        check(report, previous, packs)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    seed = Report.load(ROOT / "tests" / "data" / "wendeng-xinfang-2022.json")
    previous = seed.copy()
    previous.year -= 1
    previous.issued_on = previous.issued_on.replace(year=previous.issued_on.year - 1)
    check(seed)  # first run builds the per-format name tables
    in_2025, before_2025 = seed.copy(), previous.copy()
    in_2025.year, before_2025.year = 2025, 2024
    wuwei = [find("wuwei-2025")]
    cases = (("seed report", seed, None, ()), ("seed report + previous year", seed, previous, ()),
             ("seed report + previous year + 武威 pack", in_2025, before_2025, wuwei))
    for label, report, prev, packs in cases:
        t = sorted(timings(report.copy(), prev, runs, packs))
        print(f"{label}: median {statistics.median(t):.2f} ms, p90 {t[int(len(t) * 0.9)]:.2f} ms over {runs} runs"
              f" (goal ≤ 5 ms)")


if __name__ == "__main__":
    main()
