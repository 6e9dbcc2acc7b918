"""First start: the 单位信息 dialog offers 导入上年报告 (the report brings the profile), and its
texts are never clipped when it says what is wrong."""

from __future__ import annotations

import json

from gui.profile_dialog import ProfileDialog
from gui.qt import Qt, QtWidgets
from report.document import Report


def ok_button(dialog) -> QtWidgets.QPushButton:
    return dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)


def clipped(dialog) -> list[str]:
    """The wrapped texts shown shorter than their lines need."""
    return [label.text() for label in dialog.findChildren(QtWidgets.QLabel)
            if label.wordWrap() and label.isVisible() and label.height() < label.heightForWidth(label.width())]


def test_the_welcome_and_the_message_both_show_whole_after_a_refusal(qtbot, ui):
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not clipped(dialog)
    dialog.edits["postcode"].setFocus()
    ui.type_text(dialog.edits["postcode"], "2644")
    dialog.edits["website_url"].setFocus()
    ui.type_text(dialog.edits["website_url"], "www.wendeng.gov.cn")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "6位数字" in dialog.error.text()
    qtbot.waitUntil(lambda: not clipped(dialog))
    for width in (dialog.minimumWidth(), dialog.minimumWidth() + 300):  # narrowest and wider
        dialog.resize(width, dialog.height())
        qtbot.waitUntil(lambda: not clipped(dialog))


def test_first_start_imports_last_years_report_and_takes_the_profile_from_it(qtbot, clerk, make_window,
                                                                              seed_path, tmp_path):
    last = json.loads(seed_path.read_text(encoding="utf-8"))
    last["year"] -= 1
    path = tmp_path / "上年报告.json"
    path.write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    agency = Report.load(seed_path).agency
    clerk.answers["open_file"] = str(path)

    def import_last_year(dialog):
        assert "导入上年报告" in dialog.findChild(QtWidgets.QLabel, "hint").text()  # says what it does
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = clerk.on_dialog(ProfileDialog, import_last_year)
    w = make_window()
    assert seen and clerk.of("open_file")
    assert [a.name for a in w.store.agencies()] == [agency.name]
    assert w.store.get_agency(agency.name) == agency  # the profile came with the report
    assert w.years.selected_year() == last["year"]
    assert w.stack.currentWidget() is w.years


def test_a_file_that_cannot_be_imported_leaves_the_dialog_open(qtbot, clerk, make_window, tmp_path):
    broken = tmp_path / "不是报告.json"
    broken.write_text("{", encoding="utf-8")
    clerk.answers["open_file"] = str(broken)
    still_open = []

    def try_import(dialog):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        still_open.append(dialog.isVisible())

    clerk.on_dialog(ProfileDialog, try_import)
    w = make_window()
    assert still_open == [True]
    assert [c for c in clerk.of("warn") if c[1] == "无法导入" and "不是报告.json" in c[2]]
    assert not w.store.agencies()
