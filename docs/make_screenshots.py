"""Screenshots of the program for the documentation, at 100 % and 200 % scaling.

Starts its own X server (Xvfb) and runs the real program on it (xcb platform, not offscreen) with
the seed report, then saves into docs/screenshots/: the year list, a text page, table 3 with a
finding, table 4 and the review page — each also as ``…@2x.png`` made with QT_SCALE_FACTOR=2,
and as ``…-1280x720.png`` in a window of a small laptop's screen (everything must be reachable).

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
DISPLAY = ":99"
WINDOW = (1280, 860)
SMALL = (1280, 720)


def seed(data_dir: Path) -> None:
    """The seed report (a draft) and the same agency's previous year (final), for a real year list."""
    sys.path.insert(0, str(ROOT))
    from report.document import Report
    from store import open_store

    report = Report.load(SEED)
    data = report.to_dict()
    data["year"] -= 1
    data.pop("website_counts_history", None)
    # last year's texts must differ from this year's, or every part is flagged as copied:
    # borrow the other sample's wording
    other = Report.load(ROOT / "tests" / "data" / "shuyang-fagaiju-2023.json")
    data["texts"] = {k: other.text(k).replace(other.agency.name, report.agency.name) or v
                     for k, v in data["texts"].items()}
    data["website_counts"] = report.website_counts_history[str(data["year"])]
    previous = Report.from_dict(data)
    store = open_store(data_dir)
    store.save_agency(report.agency)
    store.save(previous)
    store.mark_final(report.agency.name, previous.year)
    store.save(report)
    store.close()


def child(suffix: str, width: int, height: int) -> None:
    """Runs inside the X session: open the program and save the four pictures."""
    sys.path.insert(0, str(ROOT))
    from gui.app import make_app
    from gui.main_window import MainWindow

    app = make_app()
    w = MainWindow()
    w.resize(width, height)
    w.move(0, 0)
    w.show()
    w.start()

    def settle():
        for _ in range(5):
            app.processEvents()
            time.sleep(0.05)

    def shot(name: str, widget=None):
        settle()
        (widget or w).grab().save(str(OUT / f"{name}{suffix}.png"))

    year = w.session.year
    w.back_to_list()
    shot("main-window")

    w.years.select_year(year)
    w.years.open_selected()
    wizard = w.wizard
    text_page = next(i for i, p in enumerate(wizard.pages_) if getattr(p, "editors", None))
    wizard.go_to_page(text_page)
    shot("text-page")

    session = w.session
    session.set_cell("t3", "1", "natural", (session.report.get("t3", "1", "natural") or 0) + 5)
    session.run_checks()
    wizard.show_page_for("t3/1/natural")
    shot("table3-finding")

    wizard.show_page_for("t4/review/upheld")
    shot("table4")

    wizard.go_to_page(len(wizard.pages_) - 1)
    shot("review-page")
    session.undo_stack.undo()
    w.close()
    app.quit()


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    if not shutil.which("Xvfb"):
        raise SystemExit("需要 Xvfb（Debian: apt-get install xvfb）")
    OUT.mkdir(parents=True, exist_ok=True)
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "2800x1900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        for scale, suffix, (width, height) in (("1", "", WINDOW), ("2", "@2x", WINDOW),
                                               ("1", "-1280x720", SMALL)):
            with tempfile.TemporaryDirectory() as tmp:
                data = Path(tmp) / "data"
                seed(data)
                env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale,
                           NIANBAO_DATA_DIR=str(data), NIANBAO_SETTINGS_DIR=str(Path(tmp) / "settings"))
                subprocess.run([sys.executable, __file__, "--child", suffix, str(width), str(height)], env=env,
                               check=True)
        for png in sorted(OUT.glob("*.png")):
            print(png.relative_to(ROOT))
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    main()
