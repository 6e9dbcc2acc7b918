"""The main window: first run, the year list, new/open/import/delete/restore, read-only cases."""

from __future__ import annotations

import json

import pytest

from gui.new_year_dialog import NewYearDialog
from gui.profile_dialog import ProfileDialog
from gui.qt import Qt, QtWidgets
from report.document import Report

AGENCY = "威海市文登区信访局"


def ok_button(dialog) -> QtWidgets.QPushButton:
    box = dialog.findChild(QtWidgets.QDialogButtonBox)
    return box.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)


def year_rows(w) -> list[list[str]]:
    t = w.years.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_first_run_asks_for_the_agency_then_shows_an_empty_year_list(qtbot, ui, clerk, make_window):
    def fill(dialog):
        ui.type_text(dialog.edits["name"], AGENCY)
        ui.type_text(dialog.edits["postcode"], "2644")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "6位数字" in dialog.error.text()
        ui.type_text(dialog.edits["postcode"], "00")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    seen = clerk.on_dialog(ProfileDialog, fill)
    w = make_window()
    assert seen, "the profile dialog was not shown on first run"
    assert [a.name for a in w.store.agencies()] == [AGENCY]
    assert w.store.get_agency(AGENCY).postcode == "264400"
    assert w.stack.currentWidget() is w.years
    assert AGENCY in w.years.title.text()
    assert w.years.table.rowCount() == 0 and w.years.empty.isVisibleTo(w)


def test_create_a_blank_year_opens_it_in_the_wizard(qtbot, ui, clerk, make_window):
    clerk.on_dialog(ProfileDialog, lambda d: (ui.type_text(d.edits["name"], AGENCY), d.accept()))
    w = make_window()

    def choose(dialog: NewYearDialog):
        assert not dialog.from_last.isEnabled() and dialog.blank.isChecked()  # no earlier year yet
        dialog.year.setValue(2022)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    seen = clerk.on_dialog(NewYearDialog, choose)
    qtbot.mouseClick(w.years.buttons["new"], Qt.MouseButton.LeftButton)
    assert seen
    assert w.store.exists(AGENCY, 2022)
    assert w.stack.currentWidget() is w.editor and w.wizard is not None
    assert w.session.year == 2022 and w.session.report.agency.name == AGENCY
    assert w.toolbar.isVisible() and w.act_final.isVisible() and not w.act_reopen.isVisible()

    w.back_to_list()
    assert w.stack.currentWidget() is w.years
    rows = year_rows(w)
    assert rows[0][:2] == ["2022年", "草稿"]
    assert int(rows[0][3]) > 0  # a blank report has errors (blank cells)


def test_new_year_starts_from_last_year_by_default(qtbot, clerk, make_window, seeded):
    seed = seeded()
    w = make_window()
    w.back_to_list()

    def choose(dialog: NewYearDialog):
        assert dialog.year.value() == seed.year + 1
        assert dialog.from_last.isEnabled() and dialog.from_last.isChecked()
        dialog.accept()

    seen = clerk.on_dialog(NewYearDialog, choose)
    qtbot.mouseClick(w.years.buttons["new"], Qt.MouseButton.LeftButton)
    assert seen and w.session.year == seed.year + 1
    assert w.session.previous is not None and w.session.previous.year == seed.year
    assert w.session.report.agency == seed.agency


def test_new_year_refuses_an_existing_year(qtbot, clerk, make_window, seeded):
    seed = seeded()
    w = make_window()
    w.back_to_list()

    def choose(dialog: NewYearDialog):
        dialog.year.setValue(seed.year)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "已经存在" in dialog.error.text()
        dialog.reject()

    seen = clerk.on_dialog(NewYearDialog, choose)
    qtbot.mouseClick(w.years.buttons["new"], Qt.MouseButton.LeftButton)
    assert seen and len(w.store.reports(AGENCY)) == 1


def test_the_draft_in_progress_opens_directly_and_its_list_row_is_right(make_window, seeded):
    seed = seeded()
    w = make_window()
    assert w.stack.currentWidget() is w.editor
    assert w.session.year == seed.year
    assert str(seed.year) in w.windowTitle()
    w.back_to_list()
    (row,) = year_rows(w)
    assert row[0] == f"{seed.year}年" and row[1] == "草稿"
    assert row[3] == str(len(w.session.errors()) if w.session else 0)


def test_the_year_list_shows_the_counts_the_window_saved(qtbot, make_window, seeded, monkeypatch):
    from store.repository import Store

    seed = seeded()
    w = make_window()
    value = w.session.report.get("t3", "1", "natural")
    w.session.set_cell("t3", "1", "natural", value + 5)  # more requests received than handled: 错误
    qtbot.waitUntil(lambda: bool(w.session.errors()) and not w.session.dirty, timeout=3000)
    errors = len(w.session.errors())
    monkeypatch.setattr(Store, "count_findings", lambda *a: pytest.fail("the list counted again"))
    w.back_to_list()
    (row,) = year_rows(w)
    assert row[0] == f"{seed.year}年" and row[3] == str(errors)


def test_ctrl_s_saves_and_the_status_bar_says_so(qtbot, make_window, seeded):
    seed = seeded()
    w = make_window()
    w.session.set_text("problems", "用 Ctrl+S 保存的内容。")
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is not None, timeout=2000)
    focused = QtWidgets.QApplication.focusWidget()
    assert w.wizard.isAncestorOf(focused)  # the clerk can type at once
    qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.save_state.text().startswith("已保存 ")
    assert w.store.load(AGENCY, seed.year).text("problems") == "用 Ctrl+S 保存的内容。"


def test_undo_and_redo_actions_follow_the_session(make_window, seeded):
    seeded()
    w = make_window()
    before = w.session.report.text("problems")
    w.session.set_text("problems", "改过的内容")
    assert w.act_undo.isEnabled()
    w.act_undo.trigger()
    assert w.session.report.text("problems") == before
    w.act_redo.trigger()
    assert w.session.report.text("problems") == "改过的内容"


def test_final_report_opens_read_only_with_a_banner_and_can_be_reopened(qtbot, make_window, seeded,
                                                                         monkeypatch):
    seed = seeded()
    w = make_window()
    w.act_final.trigger()
    assert w.store.status(AGENCY, seed.year) == "final"
    w.back_to_list()
    assert year_rows(w)[0][1] == "定稿"
    w.years.open_selected()
    assert w.session.read_only
    assert w.editor_banner.isVisibleTo(w) and "已定稿" in w.editor_banner.text()
    assert w.act_reopen.isVisible() and not w.act_final.isVisible()
    w.act_reopen.trigger()
    assert not w.session.read_only and not w.editor_banner.isVisibleTo(w)
    assert w.store.status(AGENCY, seed.year) == "draft"


def test_final_is_refused_while_an_error_remains_and_offers_to_show_it(make_window, seeded, clerk):
    seed = seeded()
    w = make_window()
    w.session.set_cell("t3", "1", "natural", seed.get("t3", "1", "natural") + 5)  # 勾稽关系 broken
    w.wizard.go_to_page(0)
    clerk.answers["warn"] = False  # 关闭
    w.act_final.trigger()
    kind, title, text = clerk.calls[-1]
    assert (kind, title) == ("warn", "暂不能定稿") and "错误" in text
    assert w.session.status == "draft" and w.wizard.currentId() == 0

    clerk.answers["warn"] = True  # 查看第一个错误
    w.act_final.trigger()
    assert w.session.status == "draft"
    page = w.wizard.currentPage()
    assert getattr(page, "table", None) is not None and page.table.id == "t3"


def test_delete_asks_and_keeps_a_backup(make_window, seeded, clerk):
    seed = seeded()
    w = make_window()
    w.back_to_list()
    clerk.answers["confirm"] = False
    w.years.buttons["delete"].click()
    assert clerk.calls[-1][0] == "confirm" and "备份" in clerk.calls[-1][2]
    assert w.store.exists(AGENCY, seed.year)

    clerk.answers["confirm"] = True
    backups_before = len(w.store.backups())
    w.years.buttons["delete"].click()
    assert not w.store.exists(AGENCY, seed.year)
    assert len(w.store.backups()) == backups_before + 1
    assert w.years.table.rowCount() == 0


def test_a_delete_the_store_refuses_says_why_and_keeps_the_year(make_window, seeded, clerk, monkeypatch):
    from store import StoreWriteError

    seed = seeded()
    w = make_window()
    w.back_to_list()

    def disk_full(agency, year):
        raise StoreWriteError("无法保存到 数据文件夹：磁盘空间不足，请清理磁盘后再试。")

    monkeypatch.setattr(w.store, "delete", disk_full)
    w.years.buttons["delete"].click()
    kind, title, text = clerk.calls[-1]
    assert (kind, title) == ("warn", "未能删除") and "磁盘空间不足" in text
    assert year_rows(w)[0][0] == f"{seed.year}年"


def test_restore_from_backup_brings_a_deleted_year_back(make_window, seeded, clerk):
    seed = seeded()
    w = make_window()
    w.back_to_list()
    w.years.buttons["delete"].click()
    assert not w.store.exists(AGENCY, seed.year)
    clerk.answers["choose"] = lambda items: next(i for i in items if "删除报告前" in i)
    w.years.buttons["restore"].click()
    assert w.store.exists(AGENCY, seed.year)
    assert year_rows(w)[0][0] == f"{seed.year}年"


def test_import_adds_the_agency_and_bad_files_get_a_chinese_message(ui, clerk, make_window, shuyang_path, tmp_path):
    clerk.on_dialog(ProfileDialog, lambda d: (ui.type_text(d.edits["name"], AGENCY), d.accept()))
    w = make_window()
    calls = clerk.calls
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "nianbao.report/1", "year": ', encoding="utf-8")
    clerk.answers["open_file"] = str(bad)
    w.years.buttons["import"].click()
    assert calls[-1][0] == "warn" and "不是有效的 JSON 文件" in calls[-1][2]

    shuyang = Report.load(shuyang_path)
    assert w.years.import_path(shuyang_path)
    assert w.agency_name == shuyang.agency.name
    assert w.store.load(shuyang.agency.name, shuyang.year).to_dict() == shuyang.to_dict()
    assert w.years.agency_box.isVisibleTo(w)  # two agencies now: the list offers both
    assert w.years.agency_box.count() == 2

    before = len(calls)
    assert w.years.import_path(shuyang_path)  # again: asks before replacing
    assert any(kind == "confirm" and "已经存在" in text for kind, _, text in calls[before:])


def test_export_json_from_the_list_writes_the_report_file(qtbot, make_window, seeded, tmp_path, clerk):
    seed = seeded()
    w = make_window()
    w.back_to_list()
    out = tmp_path / "导出.json"
    clerk.answers["save_file"] = str(out)
    w.years.export_selected("json")
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=5000)
    proposed = [text for kind, _title, text in clerk.calls if kind == "save_file"]
    assert proposed[0].endswith(f"{AGENCY}{seed.year}年政府信息公开工作年度报告.json")
    assert Report.loads(out.read_bytes()).to_dict() == seed.to_dict()
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == seed.year


def test_a_store_held_by_another_window_is_read_only_with_a_banner(make_window, seeded, clerk):
    from store import open_store

    seeded()
    other = open_store()  # another nianbao instance holds the lock
    try:
        w = make_window()
        assert any("只能查看" in text for kind, _t, text in clerk.calls if kind == "inform")
        assert w.store.read_only
        assert w.stack.currentWidget() is w.years  # nothing opened for editing
        assert w.years.banner.isVisibleTo(w) and "只能查看" in w.years.banner.text()
        assert not w.years.buttons["new"].isEnabled() and not w.years.buttons["delete"].isEnabled()
        w.years.open_selected()
        assert w.session.read_only and w.editor_banner.isVisibleTo(w)
        assert not w.act_final.isEnabled()
    finally:
        other.close()


def test_window_size_is_remembered(qtbot, make_window):
    w = make_window(start=False)
    hint = w.minimumSizeHint()  # not the default size, and small enough for the offscreen screen
    size = (hint.width() + 17, hint.height() + 23)
    screen = w.screen().availableGeometry()
    if size[0] > screen.width() or size[1] > screen.height():
        pytest.skip("the offscreen screen is smaller than the window at this scale factor")
    w.resize(*size)
    w.close()
    again = make_window(start=False)
    assert (again.width(), again.height()) == size


def test_f1_shows_the_current_pages_guidance(qtbot, make_window, seeded, clerk):
    seeded()
    w = make_window()
    calls = clerk.calls
    w.wizard.go_to_page(2)
    w.act_help.trigger()
    assert calls and calls[-1][0] == "inform"
    assert calls[-1][2] == w.wizard.current_help() != ""


def test_a_failed_save_is_shown_in_the_status_bar_and_closing_asks(qtbot, make_window, seeded, monkeypatch,
                                                                   clerk):
    from store import StoreWriteError

    seeded()
    w = make_window()

    def disk_full(report, counts=None):
        raise StoreWriteError("无法保存到 数据文件夹：磁盘空间不足，请清理磁盘后再试。")

    monkeypatch.setattr(w.store, "save", disk_full)
    w.session.set_text("problems", "磁盘满时写的内容")
    qtbot.waitUntil(lambda: w.save_state.text() == "未能保存，正在重试", timeout=3000)
    assert "磁盘空间不足" in w.statusBar().currentMessage()
    assert w.session.report.text("problems") == "磁盘满时写的内容"  # nothing lost

    clerk.answers["confirm"] = False
    w.close()
    calls = clerk.calls
    assert calls and calls[-1][0] == "confirm" and "未能保存" in calls[-1][2]
    assert w.isVisible() and w.session is not None  # the clerk chose to stay


def test_an_unusable_font_file_gives_a_readable_export_error(qtbot, make_window, seeded, tmp_path, clerk):
    from gui import settings

    bad = tmp_path / "坏字体.ttf"
    bad.write_bytes(b"not a font")
    settings.set_font_files({"body": str(bad)})
    seeded()
    w = make_window()
    out = tmp_path / "out.pdf"
    clerk.answers["save_file"] = str(out)
    w.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(clerk.of("warn")) and not w.exporter.jobs, timeout=30000)
    kind, title, text = clerk.calls[-1]
    assert kind == "warn" and title == "导出 PDF 失败"
    assert "坏字体.ttf" in text and "TrueType" in text
    assert not out.exists()  # no half-written file under the clerk's chosen name


def test_a_cancelled_first_run_points_to_the_profile_button(qtbot, ui, clerk, make_window):
    clerk.on_dialog(ProfileDialog, lambda d: d.reject())
    w = make_window()
    assert w.store.agencies() == []
    assert not w.years.buttons["new"].isEnabled()
    assert "单位信息" in w.years.empty.text()

    def fill(dialog):
        ui.type_text(dialog.edits["name"], AGENCY)
        dialog.accept()

    seen = clerk.on_dialog(ProfileDialog, fill)
    qtbot.mouseClick(w.years.profile_button, Qt.MouseButton.LeftButton)
    assert seen and [a.name for a in w.store.agencies()] == [AGENCY]
    assert w.years.buttons["new"].isEnabled()
    assert "新建年度报告" in w.years.empty.text()


def test_importing_a_file_identical_to_a_final_report_keeps_it_final_and_says_so(make_window, seed_path, seeded, clerk):
    seed = seeded()
    w = make_window()
    w.act_final.trigger()
    w.back_to_list()
    assert w.years.import_path(seed_path)
    assert w.store.status(AGENCY, seed.year) == "final"
    assert year_rows(w)[0][1] == "定稿"
    assert "相同" in w.statusBar().currentMessage() and "已导入" not in w.statusBar().currentMessage()


def test_importing_a_changed_file_over_a_final_report_replaces_it_as_a_draft(
        make_window, seed_path, seeded, clerk, tmp_path):
    seed = seeded()
    w = make_window()
    w.act_final.trigger()
    w.back_to_list()
    changed = Report.load(seed_path)
    changed.texts["problems"] = "导入的新内容。"
    path = tmp_path / "changed.json"
    path.write_text(changed.dumps(), encoding="utf-8")
    clerk.answers["confirm"] = lambda title, text: title != "设为定稿？"  # replace it, but keep it a draft
    assert w.years.import_path(path)
    assert w.store.status(AGENCY, seed.year) == "draft"
    assert w.store.load(AGENCY, seed.year).texts["problems"] == "导入的新内容。"
    assert "已导入" in w.statusBar().currentMessage()


def test_after_a_cancelled_close_the_failed_save_is_still_retried(qtbot, make_window, seeded, monkeypatch, clerk):
    from gui import session as session_module
    from store import StoreWriteError

    seeded()
    w = make_window()
    monkeypatch.setattr(session_module, "RETRY_DELAY_MS", 100)
    real_save = w.store.save

    def disk_full(report, counts=None):
        raise StoreWriteError("无法保存到 数据文件夹：磁盘空间不足，请清理磁盘后再试。")

    w.store.save = disk_full
    w.session.set_text("problems", "磁盘满时写的内容")
    qtbot.waitUntil(lambda: w.save_state.text() == "未能保存，正在重试", timeout=3000)
    clerk.answers["confirm"] = False
    w.close()
    assert w.isVisible() and w.save_state.text() == "未能保存，正在重试"
    w.store.save = real_save  # the disk has room again: the retry the status bar promises succeeds
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    assert w.save_state.text() != "未能保存，正在重试"
    assert w.store.load(AGENCY, 2022).texts["problems"] == "磁盘满时写的内容"


def test_a_store_file_damaged_while_the_window_is_open_is_reported_as_damage(make_window, seeded, clerk,
                                                                             private_data_dir):
    seeded()
    w = make_window()
    w.back_to_list()
    (path,) = (private_data_dir / "db" / "agencies").glob("*.json")
    path.write_bytes(b"{broken")
    w.years.buttons["delete"].click()
    kind, title, text = clerk.calls[-1]
    assert kind == "warn" and "已损坏" in text
    assert "意外错误" not in text and "已保存" not in text
