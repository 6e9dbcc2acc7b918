"""The writer that the kill -9 drills kill: it saves version after version of one report.

Run as ``python bench/crash_writer.py DATA_DIR SEED.json``; it prints "ready" once the store is
open, then saves until it is killed. bench/store.py's drill and the store's crash test both run
it, and both check what they read back against ``version()``, so they exercise the same saves.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).resolve()


def version(base, i: int):
    """Version i of the report: the text length swings so that the file both grows and shrinks."""
    r = base.copy()
    r.texts["problems"] = f"第{i}版" + "改" * (i * 733 % 4000)
    r.set("t3", "1", "natural", i)
    r.set("t3", "3.1", "natural", i)
    r.compute_totals()
    return r


def main(data_dir: str, seed: str) -> None:
    sys.path.insert(0, str(ROOT))
    from report.document import Report
    from store import open_store

    base = Report.load(seed)
    s = open_store(data_dir)
    i = s.load(base.agency.name, base.year).t3["1"]["natural"]
    print("ready", flush=True)
    while True:
        i += 1
        s.save(version(base, i))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
