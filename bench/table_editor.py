"""Time the table editor on a real session: opening, one typed cell, a whole pasted table, undo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/table_editor.py [RUNS]

Prints medians in ms. A committed cell must feel instant (goal ≤ 50 ms incl. the repaint). A
paste writes every cell through ``session.set_cell``, so pasting all 175 cells of table 3 costs
175 recomputations of the totals (``Report.compute_totals``): that, not the editor, sets its time.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.qt import QtWidgets  # noqa: E402
from gui.session import ReportSession  # noqa: E402
from gui.tables.editor import TableEditor  # noqa: E402
from report.document import Report  # noqa: E402
from store import open_store  # noqa: E402


def ms(fn, runs: int) -> float:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(tmp)
        seed = Report.load(ROOT / "tests" / "data" / "wendeng-xinfang-2022.json")
        store.save_agency(seed.agency)
        store.save(seed)
        session = ReportSession(store, seed.agency.name, seed.year)
        for tid in ("t2", "t3", "t4"):
            print(f"open {tid} editor: {ms(lambda tid=tid: TableEditor(session, tid).deleteLater(), runs):7.2f} ms")
        ed = TableEditor(session, "t3")
        ed.resize(1000, 900)
        ed.show()
        app.processEvents()
        index = ed.model.index_of("3.1", "natural")
        values = iter(range(10 ** 6))
        print(f"typed cell (parse, set_cell, totals, repaint): "
              f"{ms(lambda: (ed.model.setData(index, str(next(values))), app.processEvents()), runs * 5):7.2f} ms")
        ed.focus_cell("1", "natural")
        block = "\n".join("\t".join(str(r * 7 + c + 1) for c in range(7)) for r in range(25)) + "\n"
        pastes, undos = [], []
        for _ in range(runs):
            pastes.append(ms(lambda: (ed.paste_text(block), app.processEvents()), 1))
            undos.append(ms(lambda: (session.undo_stack.undo(), app.processEvents()), 1))
        print(f"paste a 25x7 block into table 3 (175 cells): {statistics.median(pastes):7.2f} ms; "
              f"undo it: {statistics.median(undos):7.2f} ms")
        print(f"fit sizes to the font: {ms(ed.view.fit_to_font, runs):7.2f} ms")
        session.close()
        store.close()


if __name__ == "__main__":
    main()
