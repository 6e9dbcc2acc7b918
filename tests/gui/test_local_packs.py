"""Local requirements in the window: chosen in 设置 (none by default), checked live, and the deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gui import settings
from gui.qt import Qt, QtGui
from gui.settings_dialog import SettingsDialog
from gui.year_list import URGENT_TINT
from report.document import Report

DATA = Path(__file__).resolve().parent.parent / "data"
WUWEI = "武威市 2025 年度报告要求（武政办发〔2025〕54号，2025年12月19日；适用于 2025 年度报告）"


class NoStore:
    def backup_now(self):
        raise OSError("no backups here")


@pytest.fixture
def dialog(qtbot, tmp_path):
    from gui.settings_dialog import SettingsDialog

    def make():
        d = SettingsDialog(NoStore(), tmp_path / "data")
        qtbot.addWidget(d)
        d.show()
        return d

    return make


@pytest.fixture
def pingtan():
    return Report.load(DATA / "pingtan-handmade-2025.json")


def test_no_pack_by_default_and_the_choice_survives_a_restart(qtbot, dialog):
    d = dialog()
    box = d.pack_boxes["wuwei-2025"]
    assert box.text() == WUWEI and not box.isChecked()
    assert settings.chosen_packs() == []
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    d.accept()
    assert settings.chosen_packs() == ["wuwei-2025"]
    assert dialog().pack_boxes["wuwei-2025"].isChecked()


def test_adding_a_pack_file_copies_it_and_a_malformed_one_is_refused_naming_the_line(qtbot, dialog, tmp_path):
    d = dialog()
    bad = tmp_path / "jinchang-2025.toml"
    bad.write_text('name = "金昌"\nnotice = "金政办发〔2025〕1号"\nissued = 2025-12-01\nyear = 2025\n'
                   '[[rules]]\nkind = "字数上限"\npart = "总体"\nlimit = 800\n', encoding="utf-8")
    assert not d.add_pack(bad)
    assert "要求文件 jinchang-2025.toml 第 7 行" in d.error.text() and d.error.isVisible()
    assert "jinchang-2025" not in d.pack_boxes
    bad.write_text(bad.read_text(encoding="utf-8").replace('"总体"', '"总体情况"'), encoding="utf-8")
    assert d.add_pack(bad)
    assert d.pack_boxes["jinchang-2025"].isChecked() and not d.error.isVisible()
    assert (tmp_path / "data" / "rules" / "jinchang-2025.toml").is_file()
    d.accept()
    assert settings.chosen_packs() == ["jinchang-2025"]


def test_a_chosen_pack_is_checked_live_and_its_finding_listed(qtbot, ui, open_wizard, pingtan):
    settings.set_chosen_packs(["wuwei-2025"])
    wizard = open_wizard(pingtan)
    session = wizard.session
    assert "L-COUNT" in {f.rule for f in session.findings}  # the pack applies: the counts are not stated
    assert "L-MAX" not in {f.rule for f in session.findings}  # the text is short
    editor = next(p for p in wizard.pages_ if hasattr(p, "editors") and "overview.lead" in p.editors)
    editor = editor.editors["overview.lead"].edit
    editor.setFocus()
    ui.type_text(editor, "全年围绕中心工作推进政务公开。" * 80)
    qtbot.waitUntil(lambda: any(f.rule == "L-MAX" for f in session.findings))
    [f] = [f for f in session.findings if f.rule == "L-MAX"]
    assert "要求不超过 1000 字" in f.message and f.severity == "warning"
    assert wizard.review.findings.item_for(f) is not None


def test_the_review_page_says_the_deadline_and_warns_within_14_days(qtbot, open_wizard, pingtan, monkeypatch):
    monkeypatch.setattr("gui.session.today", lambda: dt.date(2026, 3, 1))
    wizard = open_wizard(pingtan)
    review = wizard.review
    assert review.deadline.text() == "距发布截止还有 30 天（2026年3月31日，条例第四十九条）。"
    assert not review.deadline.property("deadline")
    monkeypatch.setattr("gui.session.today", lambda: dt.date(2026, 3, 20))
    wizard.session.run_checks()
    qtbot.waitUntil(lambda: "还有 11 天" in review.deadline.text())
    assert review.deadline.text().endswith("尚未定稿，请抓紧。") and review.deadline.property("deadline") == "urgent"


def test_the_review_page_says_nothing_of_the_deadline_for_an_older_years_draft(qtbot, open_wizard, pingtan,
                                                                                 monkeypatch):
    monkeypatch.setattr("gui.session.today", lambda: dt.date(2029, 3, 1))  # 2025's report, three years on
    review = open_wizard(pingtan).review
    assert review.deadline.text() == "" and not review.deadline.isVisibleTo(review)


def test_a_packs_earlier_deadline_is_the_one_shown(qtbot, open_wizard, pingtan, monkeypatch, tmp_path):
    from store import paths

    folder = settings.pack_folder(paths.data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fuzhou-2025.toml").write_text(
        'name = "福州市 2025 年度报告要求"\nnotice = "榕政办〔2025〕9号"\nissued = 2025-12-10\nyear = 2025\n'
        'deadline = 2026-02-28\n[[rules]]\nkind = "须提及"\npart = "总体情况"\nwords = ["公开"]\n', encoding="utf-8")
    settings.set_chosen_packs(["fuzhou-2025"])
    monkeypatch.setattr("gui.session.today", lambda: dt.date(2026, 2, 20))
    wizard = open_wizard(pingtan)
    assert wizard.review.deadline.text() == ("距发布截止还有 8 天（2026年2月28日，榕政办〔2025〕9号），"
                                             "尚未定稿，请抓紧。")


def open_pingtan_window(make_window, monkeypatch, today: dt.date, *, final: bool = False):
    """The main window on a store holding 平潭 2024 (final) and 2025, back at the year list."""
    from store import open_store

    store = open_store()
    for name in ("pingtan-handmade-2024.json", "pingtan-handmade-2025.json"):
        report = Report.load(DATA / name)
        store.save_agency(report.agency)
        store.save(report)
    store.mark_final(report.agency.name, 2024)
    if final:
        store.mark_final(report.agency.name, 2025)
    store.close()
    monkeypatch.setattr("gui.session.today", lambda: today)
    w = make_window()
    w.back_to_list()
    return w


def deadline_cells(w) -> dict[str, tuple[str, bool]]:
    """Year → (发布截止 cell text, row tinted as urgent)."""
    t = w.years.table
    col = w.years.COLUMNS.index("发布截止")
    urgent = QtGui.QColor(URGENT_TINT)
    return {t.item(r, 0).text(): (t.item(r, col).text(), t.item(r, 0).background().color() == urgent)
            for r in range(t.rowCount())}


def test_the_year_list_shows_the_days_left_for_the_report_in_progress(make_window, monkeypatch):
    w = open_pingtan_window(make_window, monkeypatch, dt.date(2026, 2, 1))
    assert deadline_cells(w) == {"2025年": ("还有 58 天", False), "2024年": ("", False)}  # 2024 is 定稿
    cell = w.years.table.item(0, w.years.COLUMNS.index("发布截止"))
    assert cell.toolTip() == "距发布截止还有 58 天（2026年3月31日，条例第四十九条）"


def test_within_14_days_a_draft_is_highlighted_and_a_final_one_is_not(make_window, monkeypatch):
    w = open_pingtan_window(make_window, monkeypatch, dt.date(2026, 3, 20))
    assert deadline_cells(w)["2025年"] == ("还有 11 天", True)
    w.close()
    w = open_pingtan_window(make_window, monkeypatch, dt.date(2026, 3, 20), final=True)
    assert deadline_cells(w)["2025年"] == ("", False)


def test_packs_chosen_in_settings_apply_to_the_open_report_and_the_list(qtbot, clerk, make_window, monkeypatch):
    w = open_pingtan_window(make_window, monkeypatch, dt.date(2026, 2, 1))
    w.years.open_selected()
    assert not [f for f in w.session.findings if f.rule.startswith("L-")]

    def choose(d: SettingsDialog):
        qtbot.mouseClick(d.pack_boxes["wuwei-2025"], Qt.MouseButton.LeftButton)
        d.accept()

    seen = clerk.on_dialog(SettingsDialog, choose)
    w.years.show_settings()
    assert seen and settings.chosen_packs() == ["wuwei-2025"]
    assert "L-COUNT" in {f.rule for f in w.session.findings}
