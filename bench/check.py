"""Time a full check of the seed report (the window re-checks after every keystroke; goal ≤ 5 ms).

    .venv/bin/python bench/check.py [RUNS]

Prints the median and 90th percentile (wall clock and CPU) of RUNS full checks: alone, with last year's report, and
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


def timings(report: Report, previous: Report | None, runs: int, packs=()) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per check; on a shared, loaded machine only the CPU time is stable."""
    wall, cpu = [], []
    for _ in range(runs):
        report.texts["overview.lead"] += "。"  # a keystroke: the changed text defeats any per-text cache
        start, start_cpu = time.perf_counter(), time.thread_time()
        check(report, previous, packs)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    return sorted(wall), sorted(cpu)


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
        wall, cpu = timings(report.copy(), prev, runs, packs)
        p90 = int(runs * 0.9)
        print(f"{label}: median {statistics.median(wall):.2f} ms, p90 {wall[p90]:.2f} ms "
              f"(CPU median {statistics.median(cpu):.2f} ms, p90 {cpu[p90]:.2f} ms) over {runs} runs (goal ≤ 5 ms)")


if __name__ == "__main__":
    main()
