"""The fault drill: flipped bits in the store's files, kill -9 while saving, and a full disk.

    python bench/faults.py                      # 200 flips per file kind, 100 kill -9 rounds, disk full if root
    python bench/faults.py --flips 50 --kills 20

Bit flips: a store with three years of one agency (each saved several times, so each has a
history, and one backup) is copied, one bit of the agency file or of a revision log is
flipped, and the copy is opened as the program would. Counted per flip: the report served as
saved; damage noticed and the saved version rebuilt; damage noticed and an older version
restored; damage noticed and the report not available; and — the goal is 0 — a report or
version served silently different from every version that was saved. ``nianbao list`` must
answer every time: while another window holds the store (it may then only read) and after.

kill -9: bench/crash_writer.py saves version after version and is killed at a random moment;
the store must open with no notice and hold exactly one of the saved versions.

Disk full (only as root): a small tmpfs is mounted, filled, and a save and an import are
attempted; both must be refused with the Chinese message and leave every byte as it was.
Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import small_disk  # noqa: E402  (bench/ is on sys.path: this file is run as a script)
from filelock import FileLock  # noqa: E402

from report.document import Report  # noqa: E402
from store import StoreError, open_store  # noqa: E402
from store.cli import cmd_list  # noqa: E402

SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
WRITER = ROOT / "bench" / "crash_writer.py"


def versions_of(seed: Report, year: int, n: int) -> list[Report]:
    out = []
    for i in range(n):
        r = seed.copy()
        r.year = year
        r.texts["problems"] = f"{year}年第{i}版。" + "存在的主要问题。" * 30
        r.set("t3", "1", "natural", i)
        r.compute_totals()
        out.append(r)
    return out


def build(data: Path) -> dict[int, list[dict]]:
    """The drill's store; returns every version saved of each year, oldest first."""
    seed = Report.load(SEED)
    saved: dict[int, list[dict]] = {}
    with open_store(data) as s:
        for year in (2021, 2022, 2023):
            for k, v in enumerate(versions_of(seed, year, 5)):
                s.save(v)
                saved.setdefault(year, []).append(v.to_dict())
                if year == 2022 and k == 2:
                    s.backup_now()
    return saved


def flip(path: Path, rng: random.Random) -> None:
    raw = bytearray(path.read_bytes())
    bit = rng.randrange(len(raw) * 8)
    raw[bit // 8] ^= 1 << (bit % 8)
    path.write_bytes(bytes(raw))


def list_works(data: Path) -> bool:
    args = type("Args", (), {"agency": None, "data_dir": str(data)})()
    with open(os.devnull, "w") as null:
        out, err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = null
        try:
            return cmd_list(args) == 0
        except Exception:  # noqa: BLE001 — a failure is what is counted
            return False
        finally:
            sys.stdout, sys.stderr = out, err


def agency_flips(pristine: Path, saved: dict[int, list[dict]], rounds: int, rng: random.Random) -> Counter:
    name = Report.load(SEED).agency.name
    seen: Counter = Counter()
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "store"
            shutil.copytree(pristine, data)
            flip(next((data / "db" / "agencies").glob("*.json")), rng)
            with FileLock(str(data / "nianbao.lock")):  # another window holds the store: list reads only
                seen["list failed"] += not list_works(data)
            with open_store(data) as s:
                noticed = bool(s.notices)
                for year, versions in saved.items():
                    if not s.exists(name, year):
                        seen["noticed, report not available" if noticed else "SILENTLY MISSING"] += 1
                        continue
                    got = s.load(name, year).to_dict()
                    if got == versions[-1]:
                        seen["noticed, saved version back" if noticed else "served as saved"] += 1
                    elif noticed and got in versions:
                        seen["noticed, older version back"] += 1
                    else:
                        seen["SERVED SILENTLY DIFFERENT"] += 1
            seen["list failed"] += not list_works(data)
    return seen


def log_flips(pristine: Path, saved: dict[int, list[dict]], rounds: int, rng: random.Random) -> Counter:
    name = Report.load(SEED).agency.name
    seen: Counter = Counter()
    known = [v for vs in saved.values() for v in vs]
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "store"
            shutil.copytree(pristine, data)
            logs = sorted((data / "db" / "revisions").rglob("*.jsonl"))
            flip(rng.choice(logs), rng)
            with open_store(data) as s:
                for year in saved:
                    for rev in s.revisions(name, year):
                        if not rev.has_content:
                            continue
                        try:
                            got = s.load_revision(name, year, rev.id).to_dict()
                        except StoreError:
                            seen["version refused as damaged"] += 1
                            continue
                        seen["version served exactly" if got in known else "SERVED SILENTLY DIFFERENT"] += 1
                    seen["report intact"] += s.load(name, year).to_dict() == saved[year][-1]
    return seen


def kill_drill(rounds: int, rng: random.Random) -> Counter:
    sys.path.insert(0, str(ROOT / "bench"))
    from crash_writer import version

    base = Report.load(SEED)
    seen: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        with open_store(data) as s:
            s.save(version(base, 0))
        for _ in range(rounds):
            child = subprocess.Popen([sys.executable, str(WRITER), str(data), str(SEED)], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            child.stdout.readline()
            time.sleep(rng.uniform(0, 0.3))
            child.kill()
            child.wait()
            child.stdout.close()
            with open_store(data) as s:
                report = s.load(base.agency.name, base.year)
                exact = report.to_dict() == version(base, report.t3["1"]["natural"]).to_dict()
                seen["opened clean" if not s.notices else "OPENED WITH A NOTICE"] += 1
                seen["a saved version" if exact else "NOT A SAVED VERSION"] += 1
    return seen


def disk_full_drill() -> Counter | None:
    mount = Path(tempfile.mkdtemp(prefix="nianbao-full-"))
    try:
        with small_disk.mounted(mount, "2m") as ok:
            return _full_disk_rounds(mount) if ok else None
    finally:
        mount.rmdir()


def _full_disk_rounds(mount: Path) -> Counter:
    seen: Counter = Counter()
    seed = Report.load(SEED)
    data = mount / "store"
    with open_store(data) as s:
        s.save(seed)
        filler = mount / "filler"
        small_disk.fill(filler)
        before = {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}
        for attempt in range(10):
            changed = seed.copy()
            changed.texts["problems"] = f"磁盘满时的第{attempt}次修改。" * 200
            for do in (lambda c=changed: s.save(c), lambda c=changed: s.import_report(c, replace=True)):
                try:
                    do()
                    seen["WRITTEN ON A FULL DISK?"] += 1
                except StoreError as e:
                    seen["refused with 磁盘空间不足" if "磁盘空间不足" in str(e) else "REFUSED, OTHER MESSAGE"] += 1
            after = {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}
            seen["folder byte-identical" if after == before else "FOLDER CHANGED"] += 1
        filler.unlink()
        s.save(changed)
        seen["saved once room was made"] += s.load(seed.agency.name, seed.year).to_dict() == changed.to_dict()
    return seen


def show(title: str, seen: Counter | None) -> None:
    if seen is None:
        print(f"{title}: skipped (needs root and tmpfs)")
        return
    print(f"{title}: " + "; ".join(f"{k} {v}" for k, v in sorted(seen.items())))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flips", type=int, default=200)
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        pristine = Path(tmp) / "store"
        saved = build(pristine)
        t = time.perf_counter()
        show(f"{args.flips} bit flips in the agency file (3 years)", agency_flips(pristine, saved, args.flips, rng))
        show(f"{args.flips} bit flips in a revision log", log_flips(pristine, saved, args.flips, rng))
        print(f"  ({time.perf_counter() - t:.0f} s)")
    if args.kills:
        show(f"{args.kills} kill -9 rounds while saving", kill_drill(args.kills, rng))
    show("disk full (tmpfs of 2 MB), 10 rounds of a save and an import", disk_full_drill())


if __name__ == "__main__":
    main()
