"""How the revision log grows: a 1.2 MB report replaced 140 times, as ``nianbao import --replace`` does.

Each round changes one place in one of the long texts and one figure, then replaces the stored
report (``Store.import_report(..., replace=True)``); every 20th round reopens the store, as a
new command would. Prints the history's size on disk, the time of each replace (median, p90,
max; the save runs no checker: a save without counts leaves them to the year list), the time
of one check of the report (what the window spends after a change, not inside its save) and
the time to read back the oldest and newest kept versions. Goal: history under 30 MB, each
replace under 50 ms. Prints figures, asserts nothing. The first replace after a reopen also
zips the day's backup.

    .venv/bin/python bench/history_growth.py [--rounds 140] [--size-mb 1.2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from report.checks import check  # noqa: E402
from report.document import Report  # noqa: E402
from store import open_store  # noqa: E402

SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"


def big_report(size_mb: float) -> Report:
    """The seed report with its texts grown to about ``size_mb`` MB of JSON in all."""
    r = Report.load(SEED)
    fields = list(r.texts)
    each = int(size_mb * 1e6 / 3 / len(fields))  # a Chinese character is 3 bytes of UTF-8
    for i, f in enumerate(fields):
        r.texts[f] = "".join(f"第{i}段第{j}句，依法公开政府信息。" for j in range(each // 14 + 1))[:each]
    return r


def edit(report: Report, i: int) -> None:
    fields = list(report.texts)
    f = fields[i % len(fields)]
    text = report.texts[f]
    at = (i * 7919) % len(text)
    report.texts[f] = text[:at] + f"（第{i}次修改）" + text[at:]
    report.set("t3", "1", "natural", i)


def spread(times: list[float]) -> str:
    return (f"median {statistics.median(times) * 1000:.1f} ms, p90 {times[int(len(times) * 0.9)] * 1000:.1f} ms, "
            f"max {times[-1] * 1000:.1f} ms")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=140)
    p.add_argument("--size-mb", type=float, default=1.2)
    args = p.parse_args()
    report = big_report(args.size_mb)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        s = open_store(data)
        s.import_report(report)
        agency_file = next((data / "db" / "agencies").glob("*.json"))
        print(f"report: {len(report.dumps().encode()) / 1e6:.2f} MB as a file, agency file "
              f"{agency_file.stat().st_size / 1e6:.2f} MB")
        times = []
        for i in range(1, args.rounds + 1):
            if i % 20 == 0:
                s.close()
                s = open_store(data)
            edit(report, i)
            t = time.perf_counter()
            assert s.import_report(report.copy(), replace=True) == "replaced"
            times.append(time.perf_counter() - t)
        slowest = sorted(range(len(times)), key=times.__getitem__)[-3:]
        t = time.perf_counter()
        check(report)
        checking = time.perf_counter() - t
        history = sum(f.stat().st_size for f in (data / "db" / "revisions").rglob("*.jsonl"))
        name, year = report.agency.name, report.year
        revs = s.revisions(name, year)
        t = time.perf_counter()
        s.load_revision(name, year, revs[0].id)
        newest = time.perf_counter() - t
        t = time.perf_counter()
        s.load_revision(name, year, revs[-1].id)
        oldest = time.perf_counter() - t
        s.close()
    print(f"{args.rounds} replaces: history {history / 1e6:.1f} MB on disk ({len(revs)} versions listed)")
    print(f"each replace, whole: {spread(sorted(times))}; slowest rounds "
          + ", ".join(f"{i + 1} ({times[i] * 1000:.0f} ms)" for i in reversed(slowest))
          + " (round 20 reopens the store first and zips the day's backup)")
    print(f"one check of the report (the window's, outside the save): {checking * 1000:.0f} ms")
    print(f"read back a version: newest {newest * 1000:.1f} ms, oldest kept {oldest * 1000:.1f} ms")


if __name__ == "__main__":
    main()
