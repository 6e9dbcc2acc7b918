"""Startup time and memory of the GUI, against a bare QMainWindow measured in the same run.

Each figure is the median of several fresh processes (offscreen platform unless QT_QPA_PLATFORM
is set), timed from process start to the event-loop turn after the window first painted (Qt
paints at a later turn than show(): work done at the first turn after show() delays the paint),
for "ready" to the turn after the input that has the keyboard first painted (the report's
first page on screen, the clerk able to type), and for "settled" until the work done after that
(the other pages, the checker's findings) is finished.
Goals: the window shown ≤ 1.15 × the bare window, the seed report ready to type ≤ 2.5 ×; RSS with
the seed report open ≤ 200 MB. Each figure is also given as the process's own CPU time, which
other programs running at the same time disturb less.

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
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QEvent, QObject, QTimer
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("年报助手")); w.show()

class Painted(QObject):  # the window on screen: the turn after its first paint
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("shown", time.process_time(), flush=True), app.quit()))
        return False

painted = Painted(); w.installEventFilter(painted)
app.exec()
"""

NIANBAO = """
import sys, time
import gui.main  # the entry point's own imports, as `nianbao` pays them
from gui.app import show_window
w = show_window()  # as gui.app.run: the window first; the data and the report once it has painted
from gui.qt import QObject, QTimer, QtCore, QtWidgets

class Painted(QObject):  # calls ``then`` at the turn after the first paint of what it watches
    def __init__(self, then):
        super().__init__()
        self.then = then

    def eventFilter(self, obj, event):
        if self.then is not None and event.type() == QtCore.QEvent.Type.Paint:
            QTimer.singleShot(0, self.then)
            self.then = None
        return False

def shown():
    print("shown", time.process_time(), flush=True)

window_painted = Painted(shown)
w.installEventFilter(window_painted)
real_start = w.start

def start():  # called by the window once it has painted
    ok = real_start()
    focus = w.focusWidget()  # the input the clerk types into: ready once it has painted
    global input_painted
    input_painted = Painted(ready)
    if focus is None:
        QTimer.singleShot(0, ready)
    for target in (focus, getattr(focus, "viewport", lambda: None)()):
        if target is not None:
            target.installEventFilter(input_painted)
    return ok

w.start = start

def ready():
    rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
    focus = w.focusWidget()
    typing = w.session is not None and isinstance(focus, (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit,
                                                         QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox))
    mode = "editing" if typing else "list" if w.session is None else "no-input-focused"
    print("ready", rss, mode, time.process_time(), flush=True)
    print("reportlab", "reportlab" in sys.modules, flush=True)
    settled()

def settled():  # the work done after the page is on screen: the other pages, the findings
    from gui.wizard.page import WizardPage

    wizard = w.wizard
    if wizard is not None and not (w.session.checked and all(isinstance(wizard.page(i), WizardPage)
                                                            for i in wizard.pageIds())):
        QTimer.singleShot(5, settled)
        return
    print("settled", time.process_time(), flush=True)
    w.close(); QtWidgets.QApplication.instance().quit()

QtWidgets.QApplication.instance().exec()
"""


def run(code: str, env: dict) -> dict[str, tuple[float, list[str]]]:
    """The child's lines by their first word: the wall time at which each arrived, and the rest."""
    start = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    lines = {}
    for line in p.stdout:  # each timed as it arrives, not when the child has exited
        tag, *rest = line.split()
        lines[tag] = (time.perf_counter() - start, rest)
    p.wait()
    if "shown" not in lines:
        raise SystemExit(f"child failed (exit {p.returncode}): {lines!r}")
    return lines


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
        wall = {"bare": [], "shown": [], "ready": [], "settled": []}
        cpu = {k: [] for k in wall}  # the child's own CPU time: less hurt by other load
        rss, mode, lazy = [], "", True
        for _ in range(opts.runs):  # interleaved so that machine noise hits both alike
            bare = run(BARE, env)
            wall["bare"].append(bare["shown"][0])
            cpu["bare"].append(float(bare["shown"][1][0]))
            ours = run(NIANBAO, env)
            for key in ("shown", "ready", "settled"):
                wall[key].append(ours[key][0])
                cpu[key].append(float(ours[key][1][-1]))
            kb, mode, _ = ours["ready"][1]
            rss.append(int(kb) / 1024)
            lazy = lazy and ours["reportlab"][1] == ["False"]
    w = {k: statistics.median(v) for k, v in wall.items()}
    c = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {opts.runs}, medians (wall, and the process's CPU time)")
    print(f"bare QMainWindow shown:                {w['bare'] * 1000:6.0f} ms          CPU {c['bare'] * 1000:6.0f} ms")
    for key, what, goal in (("shown", "nianbao main window shown:            ", " (goal ≤ 1.15×)"),
                            ("ready", f"seed report open ({mode}), ready to type:", " (goal ≤ 2.5×)"),
                            ("settled", "every page built, findings shown:     ", "")):
        print(f"{what} {w[key] * 1000:6.0f} ms {w[key] / w['bare']:5.2f}×   CPU {c[key] * 1000:6.0f} ms "
              f"{c[key] / c['bare']:5.2f}×{goal}")
    print(f"nianbao RSS with the seed report open:  {statistics.median(rss):6.0f} MB (goal ≤ 200 MB)")
    print(f"ReportLab imported at startup: {'no' if lazy else 'YES (should be lazy)'}")


if __name__ == "__main__":
    main()
