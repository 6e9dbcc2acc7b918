"""Startup time and memory of the GUI, against a bare QMainWindow measured in the same run.

Each figure is the median of several fresh processes (offscreen platform unless QT_QPA_PLATFORM
is set), timed from process start to the first event-loop turn after the window was shown, and
for "ready" to the turn after the input that has the keyboard first painted (the report's first
page on screen, the clerk able to type).
Goals: nianbao ≤ 1.15 × the bare window; RSS with the seed report open ≤ 200 MB.

    .venv/bin/python bench/startup.py [--runs 7]
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
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("年报助手")); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

NIANBAO = """
import sys, time
import gui.main  # the entry point's own imports, as `nianbao` pays them
from gui.app import make_app
app = make_app()
from gui.main_window import MainWindow
from gui.qt import QObject, QTimer, QtCore, QtWidgets
QEvent = QtCore.QEvent
w = MainWindow()
w.show()  # as gui.app.run: the window first, then the data and the report in progress

def shown():
    print("shown", flush=True)

class Painted(QObject):  # the input with the keyboard painted: until then the clerk has nothing to type in
    seen = False

    def eventFilter(self, obj, event):
        self.seen = self.seen or event.type() == QEvent.Type.Paint
        return False

painted = Painted()

def start():
    w.start()
    focus = w.focusWidget()
    for target in (focus, getattr(focus, "viewport", lambda: None)()):
        if target is not None:
            target.installEventFilter(painted)
    QTimer.singleShot(0, ready)

def ready():
    if not painted.seen and w.focusWidget() is not None:
        QTimer.singleShot(0, ready)  # the next turn of the event loop
        return
    rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
    focus = w.focusWidget()
    typing = w.session is not None and isinstance(focus, (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit,
                                                         QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox))
    print("ready", rss, "editing" if typing else "list" if w.session is None else "no-input-focused", flush=True)
    print("reportlab", "reportlab" in sys.modules, flush=True)
    w.close(); app.quit()

QTimer.singleShot(0, shown)
QTimer.singleShot(0, start)
app.exec()
"""


def run(code: str, env: dict) -> tuple[float, list[str]]:
    start = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    first = p.stdout.readline()
    elapsed = time.perf_counter() - start
    rest = p.stdout.read().splitlines()
    if rest and rest[0].startswith("ready"):  # child's own clock starts after interpreter start-up
        rest[0] += f" {time.perf_counter() - start}"
    p.wait()
    if not first.startswith("shown"):
        raise SystemExit(f"child failed (exit {p.returncode}): {first!r}")
    return elapsed, [first.strip()] + rest


def seeded_data_dir(folder: Path) -> None:
    from report.document import Report
    from store import open_store

    report = Report.load(SEED)
    store = open_store(folder)
    store.save_agency(report.agency)
    store.save(report)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data, conf = Path(tmp) / "data", Path(tmp) / "settings"
        env = dict(os.environ, NIANBAO_DATA_DIR=str(data), NIANBAO_SETTINGS_DIR=str(conf),
                   PYTHONPATH=str(ROOT))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A clerk's Python caches bytecode; a shell with PYTHONDONTWRITEBYTECODE would make every
        # run recompile our modules (about 50 ms) and measure something no clerk sees.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        seeded_data_dir(data)
        run(BARE, env), run(NIANBAO, env)  # warm the page cache
        bare, ours, ready, rss, mode, lazy = [], [], [], [], "", True
        for _ in range(opts.runs):  # interleaved so that machine noise hits both alike
            bare.append(run(BARE, env)[0])
            t, lines = run(NIANBAO, env)
            ours.append(t)
            _, kb, mode, wall = lines[1].split()
            ready.append(float(wall))
            rss.append(int(kb) / 1024)
            lazy = lazy and lines[2] == "reportlab False"
    b, o, r = statistics.median(bare), statistics.median(ours), statistics.median(ready)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {opts.runs}")
    print(f"bare QMainWindow shown:                 {b * 1000:6.0f} ms (median)")
    print(f"nianbao main window shown:              {o * 1000:6.0f} ms (median)   ratio {o / b:.2f}× (goal ≤ 1.15×)")
    print(f"nianbao seed report open ({mode}), ready to type: {r * 1000:6.0f} ms (median)   ratio {r / b:.2f}×")
    print(f"nianbao RSS with the seed report open:  {statistics.median(rss):6.0f} MB (goal ≤ 200 MB)")
    print(f"ReportLab imported at startup: {'no' if lazy else 'YES (should be lazy)'}")


if __name__ == "__main__":
    main()
