"""How quickly 历史版本 answers with a full history (the store keeps 100 versions of a report).

Runs offscreen on a private data folder: the seed report saved 110 times with a changed text and
a changed figure each time. Prints milliseconds for: opening the dialog until it is on screen,
the longest single event-loop turn while the "what differs" column fills (the window must stay
responsive), filling the whole column, selecting a version (preview), and restoring one
(save, revert, reload, refresh the wizard). Goal: on screen under 200 ms, no turn over 50 ms.

    .venv/bin/python bench/history.py [--versions 110]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NIANBAO_DATA_DIR"] = tempfile.mkdtemp(prefix="nianbao-bench-")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=110)
    versions = parser.parse_args().versions

    from gui.history_dialog import HistoryDialog
    from gui.qt import QtWidgets
    from gui.session import ReportSession
    from gui.wizard import ReportWizard
    from report.document import Report
    from store import open_store

    app = QtWidgets.QApplication(sys.argv[:1])
    store = open_store()
    seed = Report.load(ROOT / "tests" / "data" / "wendeng-xinfang-2022.json")
    store.save_agency(seed.agency)
    store.save(seed)
    for i in range(versions):
        seed.texts["problems"] = f"第{i}版：" + "存在的主要问题。" * 40
        seed.set("t3", "3.1", "natural", i)
        seed.compute_totals()
        store.save(seed)

    session = ReportSession(store, seed.agency.name, seed.year)
    wizard = ReportWizard(session)
    wizard.resize(1200, 800)
    wizard.show()
    app.processEvents()

    t = time.perf_counter()
    dialog = HistoryDialog(session, wizard)
    dialog.show()
    app.processEvents()
    opened = time.perf_counter() - t
    rows = dialog.list.topLevelItemCount()

    turns = []
    t = time.perf_counter()
    while dialog._timer.isActive():
        turn = time.perf_counter()
        app.processEvents()
        turns.append(time.perf_counter() - turn)
    filled = time.perf_counter() - t

    t = time.perf_counter()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(rows // 2))
    app.processEvents()
    selected = time.perf_counter() - t

    t = time.perf_counter()
    ok, message = session.revert_to(dialog.revisions[rows // 2].id)
    app.processEvents()
    restored = time.perf_counter() - t
    assert ok, message

    print(f"versions listed:                       {rows}")
    print(f"open the dialog (on screen):           {opened * 1000:.1f} ms")
    print(f"longest event-loop turn while filling: {max(turns) * 1000:.1f} ms")
    print(f"fill the whole 'what differs' column:  {filled * 1000:.1f} ms")
    print(f"select a version (preview):            {selected * 1000:.1f} ms")
    print(f"restore it (wizard refreshed):         {restored * 1000:.1f} ms")
    dialog.close()
    session.close()
    store.close()


if __name__ == "__main__":
    main()
