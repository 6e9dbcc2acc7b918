"""Time every hostile report file of tests/test_hostile_files.py through check, import and export.

    .venv/bin/python bench/hostile.py

Each case runs as the clerk would run it — a new ``nianbao`` process with its own data folder —
and must answer in Chinese with exit code 0, 1 or 2 within 2 s (process start included). Prints
one line per case and command, and the slowest.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # bench/store.py must not stand for the store package
LIMIT = 2.0


def cases() -> dict:
    return runpy.run_path(str(ROOT / "tests" / "test_hostile_files.py"))["CASES"]


def main() -> int:
    seed = (ROOT / "tests" / "data" / "wendeng-xinfang-2022.json").read_text(encoding="utf-8")
    worst, bad = 0.0, []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (make, _message) in sorted(cases().items()):
            path = Path(tmp) / "hostile.json"
            path.write_text(make(seed), encoding="utf-8", errors="surrogatepass")
            for verb in ("check", "import", "export"):
                data = Path(tmp) / f"data-{verb}"
                argv = {"check": ["check", str(path)], "import": ["import", str(path)],
                        "export": ["export", str(path), "--json", str(Path(tmp) / "out.json")]}[verb]
                env = {**os.environ, "NIANBAO_DATA_DIR": str(data), "NIANBAO_LOG_DIR": str(Path(tmp) / "log")}
                start = time.perf_counter()
                p = subprocess.run([sys.executable, "-m", "gui.main", *argv], cwd=ROOT, env=env,
                                   capture_output=True, text=True, encoding="utf-8", errors="replace")
                took = time.perf_counter() - start
                worst = max(worst, took)
                ok = p.returncode in (0, 1, 2) and "Traceback" not in p.stdout + p.stderr and took <= LIMIT
                if not ok:
                    bad.append((name, verb))
                print(f"{'ok ' if ok else 'BAD'} {took:5.2f} s  exit {p.returncode}  {verb:6}  {name}")
    print(f"slowest: {worst:.2f} s; {len(bad)} over {LIMIT} s, with a traceback or another exit code: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
