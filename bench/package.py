"""The Linux packages: installed size, .deb and tarball sizes, the glibc floor, and how fast the
packaged window appears against the venv's.

Window start is measured from outside, the same way for both: a fresh process with an empty
HOME under Xvfb, timed from spawn until X reports the 年报助手 main window (xwininfo, polled
every 20 ms); the median of several runs each, alternating, after one warm-up each.
Goals: installed ≤ 200 MB; packaged start ≤ 1.2 × the venv's.

    .venv/bin/python bench/package.py [--deb dist/nianbao_0.1.0_amd64.deb] [--runs 7]

Without --deb it builds the packages first (packaging/build.py, a few minutes).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW = re.compile(r'"年报助手": \("nianbao" "nianbao"\)\s+(\d+)x(\d+)')


def packaging_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(work: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"),
                    "--work", str(work / "build")], check=True)
    return next((work / "dist").glob("*.deb"))


def window_seconds(program: list[str], display: str) -> float:
    """Seconds from spawn until the main window is on the X server."""
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "DISPLAY": display}
        start = time.perf_counter()
        proc = subprocess.Popen([*program, "--data-dir", os.path.join(home, "data")], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            while time.perf_counter() - start < 60:
                tree = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"], capture_output=True,
                                      text=True).stdout
                if any(int(w) > 1 for w, _ in WINDOW.findall(tree)):
                    return time.perf_counter() - start
                if proc.poll() is not None:
                    raise SystemExit(f"{program[0]} exited with {proc.returncode}: {proc.stderr.read()}")
                time.sleep(0.02)
            raise SystemExit(f"{program[0]}: no window within 60 s")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="an existing .deb (default: build one)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        deb = args.deb or build(tmp)
        root = tmp / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        field = subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True, text=True,
                               check=True).stdout.strip()
        installed = sum(p.lstat().st_size for p in root.rglob("*"))
        print(f".deb: {deb.stat().st_size / 1e6:.1f} MB; installed: {installed / 1e6:.1f} MB "
              f"(Installed-Size {int(field) / 1000:.1f} MB; goal ≤ 200 MB)")
        for tarball in deb.parent.glob("nianbao-*.tar.gz"):
            print(f"tarball: {tarball.stat().st_size / 1e6:.1f} MB")
        floor, files = packaging_module("inspect_bundle").glibc_floor(root / "opt" / "nianbao")
        print(f"glibc floor: {'.'.join(map(str, floor))} (set by {', '.join(p.name for p in files)})")

        packaged = [str(root / "opt" / "nianbao" / "nianbao")]
        venv = [str(ROOT / ".venv" / "bin" / "nianbao")]
        times = {"venv": [], "packaged": []}
        with packaging_module("xserver").XServer() as x:
            for program in (venv, packaged):  # warm-up: page cache, fontconfig cache
                window_seconds(program, x.ensure())
            for _ in range(args.runs):
                times["venv"].append(window_seconds(venv, x.ensure()))
                times["packaged"].append(window_seconds(packaged, x.ensure()))
        v, p = statistics.median(times["venv"]), statistics.median(times["packaged"])
        print(f"window start (median of {args.runs}): venv {v * 1000:.0f} ms, packaged {p * 1000:.0f} ms "
              f"= {p / v:.2f} × (goal ≤ 1.2 ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
