"""Store figures: save latency and listing time with a realistic amount of data, and a kill -9 drill.

    python bench/store.py                      # 10 agencies × 30 years, 1000 crash rounds
    python bench/store.py --crash-rounds 50    # a quicker drill

Goals: median save ≤ 30 ms and list of all reports ≤ 200 ms with 10 agencies × 30
years stored; 0 stores that fail to open after kill -9 during saves. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crash_writer import WRITER, version  # noqa: E402  (bench/ is on sys.path: this file is run as a script)

from report.document import Agency, Report  # noqa: E402
from store import open_store  # noqa: E402

SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
FIRST_YEAR = 2019


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def fill(report: Report, seed: Report, rng: random.Random) -> None:
    """Figures and texts of a plausible year: a few applications, all balanced."""
    wanted = {f.id for f in report.definition.text_fields()}
    report.texts = {k: f"{report.year}年，{v}" for k, v in seed.texts.items() if k in wanted}
    for row, cols in report.t3.items():
        for col in cols:
            if row != "2":
                report.set("t3", row, col, 0)
    new, carried, left = rng.randint(0, 30), report.t3["2"]["natural"] or 0, rng.randint(0, 3)
    left = min(left, new + carried)
    report.set("t3", "1", "natural", new)
    report.set("t3", "3.1", "natural", new + carried - left)
    report.set("t3", "4", "natural", left)
    for cols in report.t4.values():
        for col in cols:
            cols[col] = 0
    report.website_counts = {k: rng.randint(0, 200) for k in ("机构职能", "工作动态", "政策解读", "重点领域信息公开")}
    report.compute_totals()


def populate(data: Path, agencies: int, years: int) -> float:
    seed, rng = Report.load(SEED), random.Random(7)
    started = time.perf_counter()
    with open_store(data) as s:
        for a in range(agencies):
            profile = Agency(**{**seed.agency.to_dict(), "name": f"某某市第{a + 1}局"})
            s.save_agency(profile)
            first = s.new_blank_year(profile.name, FIRST_YEAR)
            fill(first, seed, rng)
            s.save(first)
            for y in range(FIRST_YEAR + 1, FIRST_YEAR + years):
                report = s.new_year_from_last(profile.name, y)
                fill(report, seed, rng)
                s.save(report)
    return time.perf_counter() - started


def bench_saves(data: Path, agencies: int, years: int, saves: int) -> None:
    name, middle, newest = f"某某市第{agencies // 2 + 1}局", FIRST_YEAR + years // 2, FIRST_YEAR + years - 1
    with open_store(data) as s:
        for year, what in ((middle, "a middle year (also recounts the next year)"), (newest, "the newest year")):
            report = s.load(name, year)
            times = []
            for i in range(saves):
                report.texts["overview.lead"] = report.texts.get("overview.lead", "") + f"第{i}处修改。"
                t = time.perf_counter()
                s.save(report)
                times.append(time.perf_counter() - t)
            times.sort()
            print(f"save, {what}: median {ms(statistics.median(times))}, "
                  f"p90 {ms(times[int(len(times) * 0.9)])}, max {ms(times[-1])} ({saves} saves)")


def bench_list(data: Path) -> None:
    t = time.perf_counter()
    s = open_store(data)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    rows = s.all_reports()
    listed = time.perf_counter() - t
    t = time.perf_counter()
    s.all_reports()
    again = time.perf_counter() - t
    s.close()
    print(f"open store {ms(opened)}; list all {len(rows)} reports {ms(listed)} (again {ms(again)}); "
          f"open + list {ms(opened + listed)}")
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gui.main", "--data-dir", str(data), "list"], cwd=ROOT,
                       capture_output=True, check=True)
        runs.append(time.perf_counter() - t)
    print("`nianbao list` as a whole process (incl. Python start-up and imports): "
          f"median {ms(statistics.median(runs))}")


def crash_drill(rounds: int, max_delay: float) -> None:
    base = Report.load(SEED)
    failed_open = mismatched = went_back = 0
    saves_seen = 0
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        with open_store(data) as s:
            s.save(version(base, 0))
        rng, last = random.Random(1), 0
        started = time.perf_counter()
        for n in range(1, rounds + 1):
            child = subprocess.Popen([sys.executable, str(WRITER), str(data), str(SEED)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            child.stdout.readline()
            time.sleep(rng.uniform(0, max_delay))
            child.kill()
            child.wait()
            child.stdout.close()
            try:
                with open_store(data) as s:
                    if s.notices:
                        failed_open += 1
                        print(f"round {n}: {s.notices}")
                    report = s.load(base.agency.name, base.year)
            except Exception as e:  # noqa: BLE001 — counting failures is the point
                failed_open += 1
                print(f"round {n}: store failed to open: {e}")
                continue
            i = report.t3["1"]["natural"]
            if report.to_dict() != version(base, i).to_dict():
                mismatched += 1
            went_back += i < last
            saves_seen, last = saves_seen + max(0, i - last), i
            if n % 100 == 0:
                print(f"  {n} rounds, {time.perf_counter() - started:.0f} s, {last} saves so far", flush=True)
    print(f"crash drill: {rounds} kill -9 rounds, {saves_seen} saves completed; stores that failed to open: "
          f"{failed_open}; reports not equal to a saved version: {mismatched}; "
          f"went back to an older version: {went_back}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--agencies", type=int, default=10)
    p.add_argument("--years", type=int, default=30)
    p.add_argument("--saves", type=int, default=60)
    p.add_argument("--crash-rounds", type=int, default=1000)
    p.add_argument("--max-delay", type=float, default=0.3, help="kill after 0 … this many seconds")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        took = populate(data, args.agencies, args.years)
        size = sum(f.stat().st_size for f in (data / "db" / "agencies").glob("*.json"))
        print(f"stored {args.agencies} agencies × {args.years} years in {took:.1f} s "
              f"({ms(took / (args.agencies * args.years))} per year incl. new_year_from_last); "
              f"agency files {size / 1e6:.2f} MB in all")
        bench_saves(data, args.agencies, args.years, args.saves)
        bench_list(data)
    if args.crash_rounds:
        crash_drill(args.crash_rounds, args.max_delay)


if __name__ == "__main__":
    main()
