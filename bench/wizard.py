"""How quickly the wizard answers the clerk: opening a report, one keystroke, a page jump, a re-check.

Runs offscreen on a private data folder with the seed report; prints medians in milliseconds.
A keystroke is timed from the key event to the end of every slot it triggers (session edit,
the page's refresh, the side panel's states); the re-check includes every page's marks.
Goal: a keystroke well under 16 ms (one frame), opening under 300 ms.

    .venv/bin/python bench/wizard.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NIANBAO_DATA_DIR"] = tempfile.mkdtemp(prefix="nianbao-bench-")


def ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms (max {max(samples) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs

    from PySide6.QtTest import QTest

    from gui.qt import Qt, QtWidgets
    from gui.session import ReportSession
    from gui.wizard.workspace import ReportWorkspace
    from report.document import Report
    from store import open_store

    app = QtWidgets.QApplication(sys.argv[:1])
    store = open_store()
    seed = Report.load(ROOT / "tests" / "data" / "wendeng-xinfang-2022.json")
    store.save_agency(seed.agency)
    store.save(seed)

    opening = []
    for _ in range(max(3, runs // 5)):
        t = time.perf_counter()
        session = ReportSession(store, seed.agency.name, seed.year)
        workspace = ReportWorkspace(session)
        workspace.resize(1200, 800)
        workspace.show()
        app.processEvents()
        opening.append(time.perf_counter() - t)
        workspace.close()
        workspace.deleteLater()
        session.close()
        session.deleteLater()
        app.processEvents()

    session = ReportSession(store, seed.agency.name, seed.year)
    workspace = ReportWorkspace(session)
    workspace.resize(1200, 800)
    workspace.show()
    wizard = workspace.wizard
    app.processEvents()
    wizard.go_to_page(1)
    edit = wizard.currentPage().editors["overview.management"].edit
    keys = []
    for _ in range(runs):
        t = time.perf_counter()
        QTest.sendKeyEvent(QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, "字", Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        keys.append(time.perf_counter() - t)

    jumps = []
    for i in range(runs):
        target = (i * 5) % len(wizard.pages_)
        t = time.perf_counter()
        wizard.go_to_page(target)
        app.processEvents()
        jumps.append(time.perf_counter() - t)

    checks = []
    for _ in range(runs):
        t = time.perf_counter()
        session.run_checks()
        app.processEvents()
        checks.append(time.perf_counter() - t)

    print(f"open the seed report in the wizard: {ms(opening)}")
    print(f"one keystroke in a text field:      {ms(keys)}")
    print(f"jump to another page (saves first): {ms(jumps)}")
    print(f"re-check and mark every page:       {ms(checks)}")
    session.close()
    store.close()


if __name__ == "__main__":
    main()
